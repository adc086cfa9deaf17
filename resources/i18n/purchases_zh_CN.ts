<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>purchases</name>
    <message>
      <source>Purchases</source>
      <translation>采购申请</translation>
    </message>
    <message>
      <source>{n} rows written to {path}.</source>
      <translation>已写入 {n} 行：{path}。</translation>
    </message>
    <message>
      <source>Unknown state {state}; use one of: {states}.</source>
      <translation>未知状态 {state}；可用：{states}。</translation>
    </message>
    <message>
      <source>Purchase requests</source>
      <translation>请购单</translation>
    </message>
    <message>
      <source>Budget lines</source>
      <translation>预算科目</translation>
    </message>
    <message>
      <source>Store items</source>
      <translation>库存物品</translation>
    </message>
    <message>
      <source>Store movements</source>
      <translation>出入库记录</translation>
    </message>
    <message>
      <source>Reimbursed</source>
      <translation>已报销</translation>
    </message>
    <message>
      <source>Opening stock</source>
      <translation>期初库存</translation>
    </message>
    <message>
      <source>Supply store</source>
      <translation>办公用品仓库</translation>
    </message>
    <message>
      <source>{role} (again, for the order of {amount} yuan)</source>
      <translation>{role}（再次签字：订单金额 {amount} 元）</translation>
    </message>
    <message>
      <source>Asset register</source>
      <translation>资产台账</translation>
    </message>
    <message>
      <source>Purchase request {number} has no quotes yet.</source>
      <translation>请购单 {number} 尚无报价。</translation>
    </message>
    <message>
      <source>The acceptance form is printed once goods have arrived; {number} is {status}.</source>
      <translation>货物到货后才能打印验收单；{number} 目前为{status}。</translation>
    </message>
    <message>
      <source>The public notice is printed once the supplier is chosen; {number} is {status}.</source>
      <translation>确定供应商后才能打印采购公示；{number} 当前为“{status}”。</translation>
    </message>
    <message>
      <source>{number} costs {amount} yuan, below the public-notice threshold of {limit} yuan: it is not a large expenditure and no public notice is printed.</source>
      <translation>{number} 金额 {amount} 元，低于公示起点 {limit} 元，不属于大额支出，不打印采购公示。</translation>
    </message>
    <message>
      <source>{number} has not created any asset records yet.</source>
      <translation>{number} 尚未生成资产记录。</translation>
    </message>
    <message>
      <source>Public notices are turned off (the notice threshold in the purchase settings is 0): no notice is printed for {number}.</source>
      <translation>未启用采购公示（采购设置中的公示金额为 0）：{number} 不打印公示。</translation>
    </message>
    <message>
      <source>Request number</source>
      <translation>请购单号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Requesting department</source>
      <translation>申请部门</translation>
    </message>
    <message>
      <source>Requester</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>用途</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Within the annual budget</source>
      <translation>年度预算内</translation>
    </message>
    <message>
      <source>Budget line</source>
      <translation>预算科目</translation>
    </message>
    <message>
      <source>Funding source</source>
      <translation>经费来源</translation>
    </message>
    <message>
      <source>Estimated total</source>
      <translation>预算金额</translation>
    </message>
    <message>
      <source>Order amount</source>
      <translation>订购金额</translation>
    </message>
    <message>
      <source>Signatures needed</source>
      <translation>需签批</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Buyer</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Order date</source>
      <translation>下单日期</translation>
    </message>
    <message>
      <source>Invoice number</source>
      <translation>发票号</translation>
    </message>
    <message>
      <source>Accepted on</source>
      <translation>验收日期</translation>
    </message>
    <message>
      <source>Reason withdrawn</source>
      <translation>撤销原因</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Item name</source>
      <translation>物品名称</translation>
    </message>
    <message>
      <source>Model / spec</source>
      <translation>型号规格</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Estimated unit price</source>
      <translation>预估单价</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Ordered unit price</source>
      <translation>订购单价</translation>
    </message>
    <message>
      <source>Ordered amount</source>
      <translation>订购金额</translation>
    </message>
    <message>
      <source>Qty received</source>
      <translation>到货数量</translation>
    </message>
    <message>
      <source>Asset or consumable</source>
      <translation>物品性质</translation>
    </message>
    <message>
      <source>Asset category</source>
      <translation>资产分类</translation>
    </message>
    <message>
      <source>In stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Minimum level</source>
      <translation>最低库存</translation>
    </message>
    <message>
      <source>Below minimum</source>
      <translation>低于最低库存</translation>
    </message>
    <message>
      <source>Last unit price</source>
      <translation>最近单价</translation>
    </message>
    <message>
      <source>Stock value</source>
      <translation>库存金额</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>出入库类型</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>结存</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>单据号</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Request lines</source>
      <translation>请购明细</translation>
    </message>
    <message>
      <source>Amounts in yuan by the monthly weighted average: opening + in - out = closing on every line; a difference found by the count is entered as an adjustment and carried into next month's opening.</source>
      <translation>金额单位为元，按全月一次加权平均法计价，每行期初 + 入库 - 出库 = 结存；盘点差异已作调整，计入下月期初。</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Second handler</source>
      <translation>经办人（二）</translation>
    </message>
    <message>
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>Acceptor (1)</source>
      <translation>验收人（一）</translation>
    </message>
    <message>
      <source>Acceptor (2)</source>
      <translation>验收人（二）</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>校长</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>{label}: {amount} yuan (in words: RMB {words})</source>
      <translation>{label}：{amount} 元（大写：人民币{words}）</translation>
    </message>
    <message>
      <source>Annual budget</source>
      <translation>年度预算</translation>
    </message>
    <message>
      <source>Committed (others)</source>
      <translation>其他申请已占用</translation>
    </message>
    <message>
      <source>Spent (others)</source>
      <translation>其他申请已支出</translation>
    </message>
    <message>
      <source>This request</source>
      <translation>本申请</translation>
    </message>
    <message>
      <source>Balance after this request</source>
      <translation>本申请后余额</translation>
    </message>
    <message>
      <source>Delivery place</source>
      <translation>使用地点</translation>
    </message>
    <message>
      <source>Purchase request</source>
      <translation>请购单号</translation>
    </message>
    <message>
      <source>Quotes required</source>
      <translation>需报价家数</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Quote date</source>
      <translation>报价日期</translation>
    </message>
    <message>
      <source>Delivery / terms</source>
      <translation>供货期/条件</translation>
    </message>
    <message>
      <source>Quoted total</source>
      <translation>报价总额</translation>
    </message>
    <message>
      <source>Above lowest</source>
      <translation>高于最低价</translation>
    </message>
    <message>
      <source>Comparison</source>
      <translation>比价结果</translation>
    </message>
    <message>
      <source>Chosen supplier</source>
      <translation>选定供应商</translation>
    </message>
    <message>
      <source>Reason for not choosing the lowest quote</source>
      <translation>未选最低价的理由</translation>
    </message>
    <message>
      <source>Acceptance result</source>
      <translation>验收结论</translation>
    </message>
    <message>
      <source>Order amount (yuan)</source>
      <translation>订购金额（元）</translation>
    </message>
    <message>
      <source>Amount received (yuan)</source>
      <translation>到货金额（元）</translation>
    </message>
    <message>
      <source>Acceptors</source>
      <translation>验收人</translation>
    </message>
    <message>
      <source>Principal's signature</source>
      <translation>校长签字</translation>
    </message>
    <message>
      <source>Qty ordered</source>
      <translation>订购数量</translation>
    </message>
    <message>
      <source>Amount received</source>
      <translation>到货金额</translation>
    </message>
    <message>
      <source>Goes to</source>
      <translation>去向</translation>
    </message>
    <message>
      <source>Quantity, specification and quality checked against the order and the invoice. The buyer does not accept the goods.</source>
      <translation>已按订单和发票核对数量、规格和质量。采购经办人不参加验收。</translation>
    </message>
    <message>
      <source>Every document needs the principal's signature before the goods are accepted.</source>
      <translation>一切单据需经校长签字后方能验收。</translation>
    </message>
    <message>
      <source>Opening qty</source>
      <translation>期初数量</translation>
    </message>
    <message>
      <source>Opening amount</source>
      <translation>期初金额</translation>
    </message>
    <message>
      <source>In qty</source>
      <translation>入库数量</translation>
    </message>
    <message>
      <source>In amount</source>
      <translation>入库金额</translation>
    </message>
    <message>
      <source>Out qty</source>
      <translation>出库数量</translation>
    </message>
    <message>
      <source>Out amount</source>
      <translation>出库金额</translation>
    </message>
    <message>
      <source>Closing qty</source>
      <translation>结存数量</translation>
    </message>
    <message>
      <source>Closing amount</source>
      <translation>结存金额</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>实盘</translation>
    </message>
    <message>
      <source>Surplus (+) / shortage (-)</source>
      <translation>盘盈(+)/盘亏(-)</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Counted by</source>
      <translation>盘点人</translation>
    </message>
    <message>
      <source>Following approval by {roles}, the purchase below requested by {department} has been placed. Expenditures of {limit} yuan or more are made public: it is posted here.</source>
      <translation>经{roles}审批，{department}申请的下列采购已完成订购。根据学校大额支出公示制度（{limit} 元及以上须公示），现予公示。</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Amount in words</source>
      <translation>人民币大写</translation>
    </message>
    <message>
      <source>Quotes compared</source>
      <translation>比价家数</translation>
    </message>
    <message>
      <source>Notice period: {start} to {end}. Anyone with an objection may raise it with the general affairs office during this period.</source>
      <translation>公示期：{start} 至 {end}。如有异议，请在公示期内向总务处反映。</translation>
    </message>
    <message>
      <source>(stamp)</source>
      <translation>（盖章）</translation>
    </message>
    <message>
      <source>Total requested</source>
      <translation>申请金额合计</translation>
    </message>
    <message>
      <source>Purchase request form</source>
      <translation>请购单</translation>
    </message>
    <message>
      <source>Not required</source>
      <translation>不要求</translation>
    </message>
    <message>
      <source>lowest</source>
      <translation>最低价</translation>
    </message>
    <message>
      <source>chosen</source>
      <translation>选定</translation>
    </message>
    <message>
      <source>Items (estimated prices)</source>
      <translation>采购物品（预估价）</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Quote comparison sheet</source>
      <translation>比价单</translation>
    </message>
    <message>
      <source>Partial delivery: the quantities and amounts are what has arrived so far; the rest of the order is still due.</source>
      <translation>部分到货：表中数量和金额为已到货部分，其余订货尚未到货。</translation>
    </message>
    <message>
      <source>Acceptance form</source>
      <translation>验收单</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Recipient</source>
      <translation>领用人</translation>
    </message>
    <message>
      <source>Issue slip</source>
      <translation>领用单</translation>
    </message>
    <message>
      <source>surplus</source>
      <translation>盘盈</translation>
    </message>
    <message>
      <source>shortage</source>
      <translation>盘亏</translation>
    </message>
    <message>
      <source>Store keeper</source>
      <translation>仓库管理员</translation>
    </message>
    <message>
      <source>Monthly store count sheet</source>
      <translation>办公用品月度盘点表</translation>
    </message>
    <message>
      <source>Public notice of purchase</source>
      <translation>采购公示</translation>
    </message>
    <message>
      <source>Budget line: {label} (yuan)</source>
      <translation>预算执行情况：{label}（元）</translation>
    </message>
    <message>
      <source>This request is counted at its ordered amount.</source>
      <translation>本申请按订购金额计。</translation>
    </message>
    <message>
      <source>Approvals recorded</source>
      <translation>已登记的审批</translation>
    </message>
    <message>
      <source>{n} items differ from the book; each difference was entered as an adjustment.</source>
      <translation>共 {n} 种物品账实不符，差异均已作盘点调整入账。</translation>
    </message>
    <message>
      <source>Notes: {note}</source>
      <translation>备注：{note}</translation>
    </message>
    <message>
      <source>Approval level</source>
      <translation>审批层级</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>签批人</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>意见</translation>
    </message>
    <message>
      <source>Signer's comment</source>
      <translation>批示</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>发放人</translation>
    </message>
    <message>
      <source>Telephone: {phone}</source>
      <translation>联系电话：{phone}</translation>
    </message>
    <message>
      <source>{school} general affairs office</source>
      <translation>{school}总务处</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>已驳回</translation>
    </message>
    <message>
      <source>Collecting quotes</source>
      <translation>询价</translation>
    </message>
    <message>
      <source>Ordered</source>
      <translation>已下单</translation>
    </message>
    <message>
      <source>Partly received</source>
      <translation>部分到货</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已到货</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已验收</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>已撤销</translation>
    </message>
    <message>
      <source>Fixed asset</source>
      <translation>固定资产</translation>
    </message>
    <message>
      <source>Consumable</source>
      <translation>消耗品</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>One record per unit</source>
      <translation>每件一条记录</translation>
    </message>
    <message>
      <source>One batch record</source>
      <translation>合并为一条批量记录</translation>
    </message>
    <message>
      <source>Stock in (purchase)</source>
      <translation>采购入库</translation>
    </message>
    <message>
      <source>Stock in</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>领用</translation>
    </message>
    <message>
      <source>Count adjustment</source>
      <translation>盘点调整</translation>
    </message>
    <message>
      <source>School leadership meeting</source>
      <translation>校务会</translation>
    </message>
    <message>
      <source>Enter a year, e.g. 2026.</source>
      <translation>请输入年份，如 2026。</translation>
    </message>
    <message>
      <source>Choose the department.</source>
      <translation>请选择部门。</translation>
    </message>
    <message>
      <source>Name the budget line, e.g. 办公经费.</source>
      <translation>请填写预算科目，如“办公经费”。</translation>
    </message>
    <message>
      <source>Enter an amount of money of 0 or more, e.g. 3500.00.</source>
      <translation>请输入不小于 0 的金额，如 3500.00。</translation>
    </message>
    <message>
      <source>Choose the requesting department.</source>
      <translation>请选择申请部门。</translation>
    </message>
    <message>
      <source>Who asks for it?</source>
      <translation>请填写申请人。</translation>
    </message>
    <message>
      <source>Enter a date.</source>
      <translation>请输入日期。</translation>
    </message>
    <message>
      <source>Say what it is for.</source>
      <translation>请填写用途。</translation>
    </message>
    <message>
      <source>Unknown budget line.</source>
      <translation>预算科目不存在。</translation>
    </message>
    <message>
      <source>Choose the budget line, or untick “within the annual budget”.</source>
      <translation>请选择预算科目，或取消勾选“年度预算内”。</translation>
    </message>
    <message>
      <source>Add at least one item.</source>
      <translation>请至少添加一项物品。</translation>
    </message>
    <message>
      <source>(Not submitted until you confirm it.)</source>
      <translation>（确认后才提交。）</translation>
    </message>
    <message>
      <source>This request does not need that signature.</source>
      <translation>本申请不需要该层级签批。</translation>
    </message>
    <message>
      <source>Who signed?</source>
      <translation>请填写签字人。</translation>
    </message>
    <message>
      <source>Approved or rejected?</source>
      <translation>请选择同意或驳回。</translation>
    </message>
    <message>
      <source>Write down why it was rejected.</source>
      <translation>请填写驳回理由。</translation>
    </message>
    <message>
      <source>This signature has already been recorded.</source>
      <translation>该层级的签批已登记。</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Choose the supplier from the supplier list.</source>
      <translation>请从供应商名录中选择供应商。</translation>
    </message>
    <message>
      <source>Who buys it (经办人)?</source>
      <translation>请填写采购经办人。</translation>
    </message>
    <message>
      <source>Choose the supplier.</source>
      <translation>请选择供应商。</translation>
    </message>
    <message>
      <source>Enter the quantity received for at least one line.</source>
      <translation>请至少填写一项的到货数量。</translation>
    </message>
    <message>
      <source>Acceptance needs two people: enter the first.</source>
      <translation>验收须两人：请填写第一位验收人。</translation>
    </message>
    <message>
      <source>Acceptance needs two people: enter the second.</source>
      <translation>验收须两人：请填写第二位验收人。</translation>
    </message>
    <message>
      <source>The two acceptors must be different people.</source>
      <translation>两位验收人必须是不同的人。</translation>
    </message>
    <message>
      <source>Passed or failed?</source>
      <translation>请选择验收结论。</translation>
    </message>
    <message>
      <source>Write down what was wrong.</source>
      <translation>请写明不合格的情况。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>Enter a whole number of 0 or more.</source>
      <translation>请输入不小于 0 的整数。</translation>
    </message>
    <message>
      <source>Choose the item.</source>
      <translation>请选择物品。</translation>
    </message>
    <message>
      <source>Enter a whole number of at least 1.</source>
      <translation>请输入不小于 1 的整数。</translation>
    </message>
    <message>
      <source>Choose the department that draws the items (or a person from the staff list).</source>
      <translation>请选择领用部门（或教职工名单中的领用人）。</translation>
    </message>
    <message>
      <source>Who receives it? (they sign the issue slip)</source>
      <translation>请填写领用人（在领用单上签字）。</translation>
    </message>
    <message>
      <source>Who counted?</source>
      <translation>请填写盘点人。</translation>
    </message>
    <message>
      <source>At least one approval level is needed.</source>
      <translation>至少需要一个审批层级。</translation>
    </message>
    <message>
      <source>The first level signs every request: its amount must be 0.</source>
      <translation>第一个层级签批所有申请：其金额须为 0。</translation>
    </message>
    <message>
      <source>Needs the signatures of: {roles}.</source>
      <translation>需签批：{roles}。</translation>
    </message>
    <message>
      <source>{items}: a unit price at or above the fixed-asset threshold of {limit} yuan, entered as a consumable. Fixed assets go into the asset register. Keep it as a consumable?</source>
      <translation>{items}：单价达到固定资产标准（{limit} 元），却填为耗材。固定资产应登记入资产账。仍按耗材处理吗？</translation>
    </message>
    <message>
      <source>Over budget by {over} yuan. {summary} Go on anyway?</source>
      <translation>超预算 {over} 元。{summary}仍要继续吗？</translation>
    </message>
    <message>
      <source>Over budget by {over} yuan: confirmed.</source>
      <translation>超预算 {over} 元：已确认。</translation>
    </message>
    <message>
      <source>Add at least one item before submitting.</source>
      <translation>提交前请至少添加一项物品。</translation>
    </message>
    <message>
      <source>The date cannot be before the request date.</source>
      <translation>日期不能早于申请日期。</translation>
    </message>
    <message>
      <source>(Not recorded until you confirm it.)</source>
      <translation>（确认后才记录。）</translation>
    </message>
    <message>
      <source>Enter the quoted total, e.g. 3500.00.</source>
      <translation>请输入报价总额，如 3500.00。</translation>
    </message>
    <message>
      <source>This quote does not exist.</source>
      <translation>该报价不存在。</translation>
    </message>
    <message>
      <source>Bought with purchase request {number} from {supplier}, accepted by {a} and {b}</source>
      <translation>采购入账：请购单 {number}，供应商 {supplier}，验收人 {a}、{b}</translation>
    </message>
    <message>
      <source>The acceptance cannot be before the order date.</source>
      <translation>验收日期不能早于下单日期。</translation>
    </message>
    <message>
      <source>Unknown store item.</source>
      <translation>库存物品不存在。</translation>
    </message>
    <message>
      <source>The principal signs every request before its goods are accepted (一切单据需经校长签字后方能验收): enter the principal's name and the date signed.</source>
      <translation>一切单据需经校长签字后方能验收：请填写签字校长的姓名和签字日期。</translation>
    </message>
    <message>
      <source>{line}: budget {budget} − committed by other requests {committed} − spent {spent} − this request {total} = balance after {balance} yuan.</source>
      <translation>{line}：预算 {budget} − 其他申请已占用 {committed} − 已支出 {spent} − 本申请 {total} = 本申请后余额 {balance} 元。</translation>
    </message>
    <message>
      <source>Over budget: {line} is overspent by {over} yuan (budget {budget}, committed {committed}, spent {spent}).</source>
      <translation>超预算：{line} 已超支 {over} 元（预算 {budget}，已占用 {committed}，已支出 {spent}）。</translation>
    </message>
    <message>
      <source>Line {n}: </source>
      <translation>第 {n} 行：</translation>
    </message>
    <message>
      <source>name the item.</source>
      <translation>请填写物品名称。</translation>
    </message>
    <message>
      <source>enter a whole quantity of at least 1.</source>
      <translation>数量须为至少 1 的整数。</translation>
    </message>
    <message>
      <source>enter the estimated unit price, e.g. 35.00.</source>
      <translation>请填写预估单价，如 35.00。</translation>
    </message>
    <message>
      <source>choose fixed asset or consumable.</source>
      <translation>请选择固定资产或消耗品。</translation>
    </message>
    <message>
      <source>a fixed asset needs a category (it goes into the asset register).</source>
      <translation>固定资产须选择资产分类（验收后登记入资产台账）。</translation>
    </message>
    <message>
      <source>This budget line belongs to {department}.</source>
      <translation>该预算科目属于{department}。</translation>
    </message>
    <message>
      <source>This budget line is for {year}.</source>
      <translation>该预算科目属于 {year} 年度。</translation>
    </message>
    <message>
      <source>(Not saved until you confirm it.)</source>
      <translation>（确认后才能保存。）</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>{role}: {name} {decision}</source>
      <translation>{role}：{name} {decision}</translation>
    </message>
    <message>
      <source>Give the reason for removing the quote.</source>
      <translation>请填写作废该报价的原因。</translation>
    </message>
    <message>
      <source>Ordered from {supplier}, {amount} yuan; buyer {buyer}</source>
      <translation>向 {supplier} 订购，{amount} 元；经办人 {buyer}</translation>
    </message>
    <message>
      <source>The order of {amount} yuan is {more} yuan above the approved {approved} yuan: {role} must sign again. Enter who signed.</source>
      <translation>订单金额 {amount} 元，比批准的 {approved} 元多 {more} 元：须由{role}再次签字。请填写签字人。</translation>
    </message>
    <message>
      <source>Choose one record per unit or one batch record.</source>
      <translation>请选择每件一条记录或合并为一条批量记录。</translation>
    </message>
    <message>
      <source>Purchase request {number}</source>
      <translation>请购单 {number}</translation>
    </message>
    <message>
      <source>Give the reason for withdrawing it.</source>
      <translation>请填写撤销原因。</translation>
    </message>
    <message>
      <source>Outside the budget</source>
      <translation>预算外</translation>
    </message>
    <message>
      <source>Enter the counted quantity of every item (0 if none is left); not counted: {items}.</source>
      <translation>请填写每种物品的实盘数量（没有剩余填 0）；未盘点：{items}。</translation>
    </message>
    <message>
      <source>Purchase request {ref} does not exist.</source>
      <translation>请购单 {ref} 不存在。</translation>
    </message>
    <message>
      <source>Above the tender threshold of {limit} yuan: public bidding (公开招标) is required.</source>
      <translation>超过招标限额 {limit} 元：须公开招标。</translation>
    </message>
    <message>
      <source>Over budget by {over} yuan: {summary}</source>
      <translation>超预算 {over} 元：{summary}</translation>
    </message>
    <message>
      <source>{department} already has the budget line “{name}” for {year}.</source>
      <translation>{department} 已有 {year} 年度的预算科目“{name}”。</translation>
    </message>
    <message>
      <source>A request that is {old} cannot become {new}.</source>
      <translation>“{old}”状态的申请不能改为“{new}”。</translation>
    </message>
    <message>
      <source>Only a draft can be edited; this request is {status}.</source>
      <translation>只能修改草稿；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>Approvals are recorded for a submitted request; this one is {status}.</source>
      <translation>只有已提交的申请才能登记审批；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>{supplier} has already quoted for this request.</source>
      <translation>{supplier} 已对本申请报过价。</translation>
    </message>
    <message>
      <source>Quotes are collected after approval, before ordering; this request is {status}.</source>
      <translation>报价应在批准后、下单前登记；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>This quote was removed ({reason}).</source>
      <translation>该报价已作废（{reason}）。</translation>
    </message>
    <message>
      <source>Quotes can be corrected or removed until the order is placed; this request is {status}.</source>
      <translation>下单前才能更正或作废报价；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>Above {limit} yuan at least {n} supplier quotes are needed before ordering (货比三家); this request has {have}.</source>
      <translation>金额超过 {limit} 元，下单前至少需要 {n} 家供应商报价（货比三家）；本申请目前有 {have} 家。</translation>
    </message>
    <message>
      <source>Only an approved request can be ordered; this one is {status}.</source>
      <translation>只有已批准的申请才能下单；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>Order of {amount} yuan above the approved {approved} yuan</source>
      <translation>订单金额 {amount} 元，超出批准金额 {approved} 元</translation>
    </message>
    <message>
      <source>Deliveries are recorded for an ordered request; this one is {status}.</source>
      <translation>只有已下单的申请才能登记到货；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>Line {n}: enter a whole number.</source>
      <translation>第 {n} 行：请输入整数。</translation>
    </message>
    <message>
      <source>Accepted by {a} and {b}</source>
      <translation>由 {a}、{b} 验收</translation>
    </message>
    <message>
      <source>{name} bought the goods and cannot also accept them.</source>
      <translation>{name} 是采购经办人，不能参加验收。</translation>
    </message>
    <message>
      <source>Goods are accepted once everything has arrived; this request is {status}.</source>
      <translation>全部到货后才能验收；本申请当前为“{status}”。</translation>
    </message>
    <message>
      <source>Purchase request {number} ({supplier})</source>
      <translation>请购单 {number}（{supplier}）</translation>
    </message>
    <message>
      <source>⚠ over by {amount}</source>
      <translation>⚠ 超出 {amount}</translation>
    </message>
    <message>
      <source>“{value}” already exists.</source>
      <translation>“{value}”已存在。</translation>
    </message>
    <message>
      <source>Only {stock} {unit} of {name} in stock: cannot take out {qty}.</source>
      <translation>{name} 库存仅 {stock} {unit}，不能出库 {qty}。</translation>
    </message>
    <message>
      <source>Line {n}: choose the item.</source>
      <translation>第 {n} 行：请选择物品。</translation>
    </message>
    <message>
      <source>Issue slip {ref} does not exist.</source>
      <translation>领用单 {ref} 不存在。</translation>
    </message>
    <message>
      <source>{item}: book {book}, counted {counted}, difference {difference} {unit}</source>
      <translation>{item}：账面 {book}，实盘 {counted}，差异 {difference} {unit}</translation>
    </message>
    <message>
      <source>{name}: enter the counted quantity (0 or more).</source>
      <translation>{name}：请输入实盘数量（不小于 0）。</translation>
    </message>
    <message>
      <source>The count for {month} has already been recorded.</source>
      <translation>{month} 的盘点已登记过。</translation>
    </message>
    <message>
      <source>{month} has not begun: there is nothing to account for yet.</source>
      <translation>{month} 尚未开始，暂无可盘点的内容。</translation>
    </message>
    <message>
      <source>Level {n}: name who signs.</source>
      <translation>第 {n} 级：请填写签批人（职务）。</translation>
    </message>
    <message>
      <source>Enter a whole number from {low} to 60.</source>
      <translation>请输入 {low} 到 60 之间的整数。</translation>
    </message>
    <message>
      <source>Line {n} ({name}): enter its unit price, or leave every unit price empty.</source>
      <translation>第 {n} 行（{name}）：请填写单价，或所有单价都不填。</translation>
    </message>
    <message>
      <source>Quote of {supplier} ({amount} yuan) removed: {reason}</source>
      <translation>{supplier}的报价（{amount} 元）已作废：{reason}</translation>
    </message>
    <message>
      <source>{supplier} is not the cheapest quote ({amount} yuan against {cheapest} yuan): write down why it was chosen.</source>
      <translation>{supplier} 不是最低报价（{amount} 元，最低 {cheapest} 元）：请写明选择理由。</translation>
    </message>
    <message>
      <source>above the approved {approved} yuan, signed again by {role} {name}</source>
      <translation>超出批准金额 {approved} 元，{role}{name}再次签字</translation>
    </message>
    <message>
      <source>Line {n}: only {open} {unit} of {name} are still due.</source>
      <translation>第 {n} 行：{name} 仅剩 {open} {unit} 未到货。</translation>
    </message>
    <message>
      <source>Line {n}: enter a whole number of at least 1.</source>
      <translation>第 {n} 行：请输入至少为 1 的整数。</translation>
    </message>
    <message>
      <source>Only {stock} {unit} of {name} in stock: cannot issue {qty}.</source>
      <translation>{name} 库存仅 {stock} {unit}，不能领用 {qty}。</translation>
    </message>
    <message>
      <source>Level {n}: enter the amount above which it signs (0 for always).</source>
      <translation>第 {n} 级：请填写需该级签批的金额起点（0 表示全部）。</translation>
    </message>
    <message>
      <source>The unit prices make {made} yuan, the quoted total is {amount} yuan: correct one of them.</source>
      <translation>按单价合计 {made} 元，报价总额为 {amount} 元：请更正其中之一。</translation>
    </message>
    <message>
      <source>Line {n} ({name}): {msg}</source>
      <translation>第 {n} 行（{name}）：{msg}</translation>
    </message>
    <message>
      <source>Issue slip {doc} to {name}</source>
      <translation>领用单 {doc}，领用人 {name}</translation>
    </message>
    <message>
      <source>The count differs from the book; recording it adjusts the stock:</source>
      <translation>实盘与账面不符，记录后将按实盘调整库存：</translation>
    </message>
    <message>
      <source>Line {n}: enter the unit price.</source>
      <translation>第 {n} 行：请填写单价。</translation>
    </message>
    <message>
      <source>Monthly count {month}: book {book}, counted {real}</source>
      <translation>{month} 月度盘点：账面 {book}，实盘 {real}</translation>
    </message>
    <message>
      <source>Add level</source>
      <translation>添加层级</translation>
    </message>
    <message>
      <source>Approval levels: each level signs when the request total is above its amount (yuan). The first level (amount 0) signs every request.</source>
      <translation>审批层级：申请金额超过某层级的金额（元）时，须该层级签批。第一级（金额 0）签批所有申请。</translation>
    </message>
    <message>
      <source>Who signs</source>
      <translation>签批人（职务）</translation>
    </message>
    <message>
      <source>Above (yuan)</source>
      <translation>金额超过（元）</translation>
    </message>
    <message>
      <source>Three quotes needed above (yuan)</source>
      <translation>须货比三家的金额起点（元）</translation>
    </message>
    <message>
      <source>Public bidding required above (yuan)</source>
      <translation>须公开招标的金额起点（元）</translation>
    </message>
    <message>
      <source>Public notice from (yuan)</source>
      <translation>须采购公示的金额起点（元）</translation>
    </message>
    <message>
      <source>Quotes needed</source>
      <translation>须报价家数</translation>
    </message>
    <message>
      <source>Days a notice is posted</source>
      <translation>公示天数</translation>
    </message>
    <message>
      <source>Purchase requests waiting for a signature: {n} (first: {request})</source>
      <translation>待签批的采购申请：{n} 份（最早：{request}）</translation>
    </message>
    <message>
      <source>Purchase orders waiting for delivery: {n} (first: {request})</source>
      <translation>待到货的采购订单：{n} 份（最早：{request}）</translation>
    </message>
    <message>
      <source>Deliveries waiting for acceptance: {n} (first: {request})</source>
      <translation>已到货待验收：{n} 份（最早：{request}）</translation>
    </message>
    <message>
      <source>Purchase requests waiting for quotes: {n} (first: {request})</source>
      <translation>待询价的采购申请：{n} 份（最早：{request}）</translation>
    </message>
    <message>
      <source>Purchase requests waiting for an order: {n} (first: {request})</source>
      <translation>待下单的采购申请：{n} 份（最早：{request}）</translation>
    </message>
    <message>
      <source>Store items below their minimum: {n} ({items}{more})</source>
      <translation>低于最低库存的物品：{n} 种（{items}{more}）</translation>
    </message>
    <message>
      <source>Budget lines over budget: {n} (first: {line}, {amount} yuan over)</source>
      <translation>超支的预算项目：{n} 项（{line}，超出 {amount} 元）</translation>
    </message>
    <message>
      <source>Est. unit price</source>
      <translation>预估单价</translation>
    </message>
    <message>
      <source>Budget left</source>
      <translation>预算余额</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Record signature</source>
      <translation>登记签批</translation>
    </message>
    <message>
      <source>Add quote</source>
      <translation>登记报价</translation>
    </message>
    <message>
      <source>Place order</source>
      <translation>下单</translation>
    </message>
    <message>
      <source>Record delivery</source>
      <translation>登记到货</translation>
    </message>
    <message>
      <source>Accept goods</source>
      <translation>验收</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>Withdraw request</source>
      <translation>撤销申请</translation>
    </message>
    <message>
      <source>Request form</source>
      <translation>请购单</translation>
    </message>
    <message>
      <source>Quote comparison</source>
      <translation>比价单</translation>
    </message>
    <message>
      <source>Public notice</source>
      <translation>采购公示</translation>
    </message>
    <message>
      <source>Asset labels</source>
      <translation>资产标签</translation>
    </message>
    <message>
      <source>Add line</source>
      <translation>添加一行</translation>
    </message>
    <message>
      <source>Remove line</source>
      <translation>删除一行</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Empty: the sum of the unit prices</source>
      <translation>不填：按单价合计</translation>
    </message>
    <message>
      <source>Reason (if not the lowest)</source>
      <translation>理由（未选最低价时必填）</translation>
    </message>
    <message>
      <source>Buyer (经办人)</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Above the approved amount: signed again</source>
      <translation>超出批准金额：再次签字</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>到货日期</translation>
    </message>
    <message>
      <source>Principal's signature (校长签字)</source>
      <translation>校长签字</translation>
    </message>
    <message>
      <source>Principal's name</source>
      <translation>校长姓名</translation>
    </message>
    <message>
      <source>Signed by the principal on</source>
      <translation>校长签字日期</translation>
    </message>
    <message>
      <source>Place of the new assets</source>
      <translation>新资产存放地点</translation>
    </message>
    <message>
      <source>Record acceptance</source>
      <translation>登记验收</translation>
    </message>
    <message>
      <source>Large expenditure: print the public notice (采购公示).</source>
      <translation>大额支出：请打印采购公示。</translation>
    </message>
    <message>
      <source>Search number, purpose, requester, department, item…</source>
      <translation>搜索单号、用途、申请人、部门、物品…</translation>
    </message>
    <message>
      <source>New request…</source>
      <translation>新建请购单…</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Choose a request on the left, or make a new one.</source>
      <translation>请在左侧选择一张请购单，或新建一张。</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>采购物品</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>签批</translation>
    </message>
    <message>
      <source>Status history</source>
      <translation>流转记录</translation>
    </message>
    <message>
      <source>Assets created</source>
      <translation>生成的资产</translation>
    </message>
    <message>
      <source>Remove quote</source>
      <translation>作废报价</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Store item</source>
      <translation>库存物品</translation>
    </message>
    <message>
      <source>Issue from the store (领用)</source>
      <translation>仓库领用</translation>
    </message>
    <message>
      <source>Monthly store count</source>
      <translation>月度盘点</translation>
    </message>
    <message>
      <source>Record the count</source>
      <translation>登记盘点</translation>
    </message>
    <message>
      <source>Search items…</source>
      <translation>搜索物品…</translation>
    </message>
    <message>
      <source>Only below minimum</source>
      <translation>只看低于最低库存</translation>
    </message>
    <message>
      <source>Movements</source>
      <translation>出入库记录</translation>
    </message>
    <message>
      <source>Issue slips</source>
      <translation>领用单</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Annual budget (yuan)</source>
      <translation>年度预算（元）</translation>
    </message>
    <message>
      <source>Committed: approved requests not yet accepted. Spent: accepted requests. Red: the line is overspent.</source>
      <translation>已占用：已批准但尚未验收的申请；已支出：已验收的申请。红色：该科目已超支。</translation>
    </message>
    <message>
      <source>Budgets</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Preparing {title}…</source>
      <translation>正在生成{title}…</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>New purchase request</source>
      <translation>新建请购单</translation>
    </message>
    <message>
      <source>Quoted unit price</source>
      <translation>报价单价</translation>
    </message>
    <message>
      <source>Unit prices (optional; the order then takes them):</source>
      <translation>单价（可不填；填写后下单按此单价）：</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Chosen quote</source>
      <translation>选定报价</translation>
    </message>
    <message>
      <source>Received so far</source>
      <translation>已到数量</translation>
    </message>
    <message>
      <source>This delivery</source>
      <translation>本次到货</translation>
    </message>
    <message>
      <source>Fixed-asset lines go into the asset register</source>
      <translation>固定资产验收后登记入资产台账</translation>
    </message>
    <message>
      <source>Consumables go into the supply store</source>
      <translation>耗材入库</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Print:</source>
      <translation>打印：</translation>
    </message>
    <message>
      <source>Correct quote…</source>
      <translation>更正报价…</translation>
    </message>
    <message>
      <source>Remove quote…</source>
      <translation>作废报价…</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>From state</source>
      <translation>原状态</translation>
    </message>
    <message>
      <source>To state</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Asset number</source>
      <translation>资产编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>存放地点</translation>
    </message>
    <message>
      <source>Choose a quote in the list first.</source>
      <translation>请先在列表中选择一条报价。</translation>
    </message>
    <message>
      <source>Book qty</source>
      <translation>账面数量</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>差异</translation>
    </message>
    <message>
      <source>Every item counted.</source>
      <translation>全部物品已盘点。</translation>
    </message>
    <message>
      <source>New item…</source>
      <translation>新增物品…</translation>
    </message>
    <message>
      <source>Edit item…</source>
      <translation>修改物品…</translation>
    </message>
    <message>
      <source>Stock in…</source>
      <translation>入库…</translation>
    </message>
    <message>
      <source>Issue (领用)…</source>
      <translation>领用…</translation>
    </message>
    <message>
      <source>Monthly count…</source>
      <translation>月度盘点…</translation>
    </message>
    <message>
      <source>Count sheet</source>
      <translation>盘点表</translation>
    </message>
    <message>
      <source>Print issue slip</source>
      <translation>打印领用单</translation>
    </message>
    <message>
      <source>Every item is at or above its minimum level.</source>
      <translation>所有物品均不低于最低库存。</translation>
    </message>
    <message>
      <source>New budget line…</source>
      <translation>新增预算科目…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Show its requests</source>
      <translation>查看该科目的请购单</translation>
    </message>
    <message>
      <source>Budget</source>
      <translation>预算</translation>
    </message>
    <message>
      <source>Committed</source>
      <translation>已占用</translation>
    </message>
    <message>
      <source>Spent</source>
      <translation>已支出</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>余额</translation>
    </message>
    <message>
      <source>Used</source>
      <translation>使用率</translation>
    </message>
    <message>
      <source>Estimated total: {amount} yuan</source>
      <translation>预算总额：{amount} 元</translation>
    </message>
    <message>
      <source>A consumable priced like a fixed asset</source>
      <translation>耗材单价达到固定资产标准</translation>
    </message>
    <message>
      <source>Not saved: mark the line as a fixed asset, or save again and confirm.</source>
      <translation>未保存：请把该行改为固定资产，或再次保存并确认。</translation>
    </message>
    <message>
      <source>Record a signature for {number}</source>
      <translation>登记 {number} 的签批</translation>
    </message>
    <message>
      <source>Place the order for {number}</source>
      <translation>{number} 下单</translation>
    </message>
    <message>
      <source>Approved amount: {amount} yuan</source>
      <translation>批准金额：{amount} 元</translation>
    </message>
    <message>
      <source>Record a delivery for {number}</source>
      <translation>登记 {number} 到货</translation>
    </message>
    <message>
      <source>Accept the goods of {number}</source>
      <translation>验收 {number}</translation>
    </message>
    <message>
      <source>Two people accept the goods; neither may be the buyer ({buyer}).</source>
      <translation>验收须两人，且均不能是采购经办人（{buyer}）。</translation>
    </message>
    <message>
      <source>Supplier: {supplier}; buyer: {buyer}</source>
      <translation>供应商：{supplier}；经办人：{buyer}</translation>
    </message>
    <message>
      <source>Reason for the choice: {reason}</source>
      <translation>选择理由：{reason}</translation>
    </message>
    <message>
      <source>Withdrawn: {reason}</source>
      <translation>已撤销：{reason}</translation>
    </message>
    <message>
      <source>{n} requests</source>
      <translation>共 {n} 张请购单</translation>
    </message>
    <message>
      <source>Only requests on budget line {label}</source>
      <translation>仅显示预算科目 {label} 的请购单</translation>
    </message>
    <message>
      <source>Why is the quote of {supplier} ({amount} yuan) removed?</source>
      <translation>为什么作废{supplier}的报价（{amount} 元）？</translation>
    </message>
    <message>
      <source>in stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Confirm and adjust the stock</source>
      <translation>确认并调整库存</translation>
    </message>
    <message>
      <source>{year}: budget {budget}, committed {committed}, spent {spent}, left {left} yuan</source>
      <translation>{year} 年度：预算 {budget}，已占用 {committed}，已支出 {spent}，余额 {left} 元</translation>
    </message>
    <message>
      <source>Edit purchase request {number}</source>
      <translation>修改请购单 {number}</translation>
    </message>
    <message>
      <source>Over budget</source>
      <translation>超预算</translation>
    </message>
    <message>
      <source>Not recorded: the request is over budget.</source>
      <translation>未记录：该申请超预算。</translation>
    </message>
    <message>
      <source>Correct the quote of {supplier} for {number}</source>
      <translation>更正{supplier}对 {number} 的报价</translation>
    </message>
    <message>
      <source>Add a quote for {number}</source>
      <translation>登记 {number} 的报价</translation>
    </message>
    <message>
      <source>The unit prices make {amount} yuan.</source>
      <translation>按单价合计 {amount} 元。</translation>
    </message>
    <message>
      <source>Above {limit} yuan: at least {n} quotes are needed (货比三家); {have} recorded.</source>
      <translation>金额超过 {limit} 元，至少需要 {n} 家报价（货比三家）；已登记 {have} 家。</translation>
    </message>
    <message>
      <source>Below {limit} yuan quotes are not required.</source>
      <translation>金额不超过 {limit} 元，无需比价。</translation>
    </message>
    <message>
      <source>The order of {amount} yuan is {more} yuan above the approved {approved} yuan: {role} signs again.</source>
      <translation>订单金额 {amount} 元，比批准的 {approved} 元多 {more} 元：须由{role}再次签字。</translation>
    </message>
    <message>
      <source>(a new store item)</source>
      <translation>（新建库存物品）</translation>
    </message>
    <message>
      <source>Amount: {amount} yuan</source>
      <translation>金额：{amount} 元</translation>
    </message>
    <message>
      <source>Open requests</source>
      <translation>未办结</translation>
    </message>
    <message>
      <source>(waiting)</source>
      <translation>（待签）</translation>
    </message>
    <message>
      <source>{missing} of {n} items not counted yet.</source>
      <translation>共 {n} 种物品，还有 {missing} 种未盘点。</translation>
    </message>
    <message>
      <source>Below the minimum level: {items}</source>
      <translation>低于最低库存：{items}</translation>
    </message>
    <message>
      <source>{n} items differ from the book (in red in the table): {gain} more and {loss} fewer units in all. Recording the count adjusts the stock to what was counted; check the red lines, then press “Confirm and adjust the stock”.</source>
      <translation>{n} 种物品与账面不符（表中红色）：共盘盈 {gain}、盘亏 {loss} 个单位。记录盘点将把库存调整为实盘数量；请核对红色各行，然后点击“确认并调整库存”。</translation>
    </message>
    <message>
      <source>removed: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
    <message>
      <source>Month (YYYY-MM):</source>
      <translation>月份（YYYY-MM）：</translation>
    </message>
    <message>
      <source>Choose an issue slip in the list first.</source>
      <translation>请先在列表中选择一张领用单。</translation>
    </message>
    <message>
      <source>Why is {number} withdrawn?</source>
      <translation>撤销 {number} 的原因：</translation>
    </message>
  </context>
</TS>
