<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>stocktake</name>
    <message>
      <source>Stock-take</source>
      <translation>期末盘点</translation>
    </message>
    <message>
      <source>The file name must end in .xlsx.</source>
      <translation>文件名必须以 .xlsx 结尾。</translation>
    </message>
    <message>
      <source>Written: {path} ({n} rows)</source>
      <translation>已写入：{path}（{n} 行）</translation>
    </message>
    <message>
      <source>“{value}” is not a stock-take number; give the id shown in the list.</source>
      <translation>“{value}”不是盘点编号，请填写列表中显示的序号。</translation>
    </message>
    <message>
      <source>Stock-takes</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>Open a stock-take</source>
      <translation>开始盘点</translation>
    </message>
    <message>
      <source>e.g. End-of-term stock-take, spring 2026 (optional)</source>
      <translation>如：2026 年春季学期期末盘点（可不填）</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>Count date</source>
      <translation>盘点日期</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>盘点范围</translation>
    </message>
    <message>
      <source>Type to filter the list, e.g. 201 or 教学楼</source>
      <translation>输入文字筛选列表，如 201 或 教学楼</translation>
    </message>
    <message>
      <source>Counted by</source>
      <translation>盘点人</translation>
    </message>
    <message>
      <source>Count checked by</source>
      <translation>复核人</translation>
    </message>
    <message>
      <source>Open and freeze the list</source>
      <translation>开始盘点并锁定账面清单</translation>
    </message>
    <message>
      <source>Tag / number</source>
      <translation>标签 / 编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Found in</source>
      <translation>发现地点</translation>
    </message>
    <message>
      <source>Model / spec</source>
      <translation>型号规格</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit price (estimated)</source>
      <translation>单价（估计）</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Custodian</source>
      <translation>保管人</translation>
    </message>
    <message>
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>校长</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>签字日期</translation>
    </message>
    <message>
      <source>(no term)</source>
      <translation>（不指定学期）</translation>
    </message>
    <message>
      <source>Tick what to count.</source>
      <translation>请勾选要盘点的对象。</translation>
    </message>
    <message>
      <source>1 asset will be expected.</source>
      <translation>账面应盘资产 1 项。</translation>
    </message>
    <message>
      <source>{n} assets will be expected.</source>
      <translation>账面应盘资产 {n} 项。</translation>
    </message>
    <message>
      <source>Freezing the expected list…</source>
      <translation>正在锁定账面清单…</translation>
    </message>
    <message>
      <source>Surplus item (盘盈)</source>
      <translation>盘盈物品</translation>
    </message>
    <message>
      <source>(no tag)</source>
      <translation>（无标签）</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>(no place)</source>
      <translation>（无存放地点）</translation>
    </message>
    <message>
      <source>Enter the names as signed on the printed variance report.</source>
      <translation>请按打印的盘点差异报告上的签字填写姓名。</translation>
    </message>
    <message>
      <source>Everything on the books</source>
      <translation>全部在账资产</translation>
    </message>
    <message>
      <source>Chosen buildings</source>
      <translation>指定楼宇</translation>
    </message>
    <message>
      <source>Chosen places (rooms)</source>
      <translation>指定地点（房间）</translation>
    </message>
    <message>
      <source>Chosen departments / classes</source>
      <translation>指定部门 / 班级</translation>
    </message>
    <message>
      <source>Chosen categories</source>
      <translation>指定类别</translation>
    </message>
    <message>
      <source>Sign off {doc}</source>
      <translation>签字确认 {doc}</translation>
    </message>
    <message>
      <source>Tick at least one, or choose “Everything”.</source>
      <translation>请至少勾选一项，或选择“全部在账资产”。</translation>
    </message>
    <message>
      <source>Items expected</source>
      <translation>应盘项数</translation>
    </message>
    <message>
      <source>Qty expected</source>
      <translation>账面数量</translation>
    </message>
    <message>
      <source>Book value</source>
      <translation>账面价值</translation>
    </message>
    <message>
      <source>Items found</source>
      <translation>实盘项数</translation>
    </message>
    <message>
      <source>Qty found</source>
      <translation>实盘数量</translation>
    </message>
    <message>
      <source>Value found</source>
      <translation>实盘价值</translation>
    </message>
    <message>
      <source>Items short</source>
      <translation>盘亏项数</translation>
    </message>
    <message>
      <source>Shortage qty</source>
      <translation>盘亏数量</translation>
    </message>
    <message>
      <source>Shortage value</source>
      <translation>盘亏金额</translation>
    </message>
    <message>
      <source>Surplus items</source>
      <translation>盘盈项数</translation>
    </message>
    <message>
      <source>Surplus qty</source>
      <translation>盘盈数量</translation>
    </message>
    <message>
      <source>Surplus value</source>
      <translation>盘盈金额</translation>
    </message>
    <message>
      <source>Misplaced</source>
      <translation>位置不符</translation>
    </message>
    <message>
      <source>Misplaced value</source>
      <translation>位置不符价值</translation>
    </message>
    <message>
      <source>Damaged</source>
      <translation>损坏</translation>
    </message>
    <message>
      <source>Damaged value</source>
      <translation>损坏价值</translation>
    </message>
    <message>
      <source>By place</source>
      <translation>按地点</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>按类别</translation>
    </message>
    <message>
      <source>All lines</source>
      <translation>盘点明细</translation>
    </message>
    <message>
      <source>Surplus</source>
      <translation>盘盈</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Asset No.</source>
      <translation>资产编号</translation>
    </message>
    <message>
      <source>Expected place</source>
      <translation>账面地点</translation>
    </message>
    <message>
      <source>Department / class</source>
      <translation>部门 / 班级</translation>
    </message>
    <message>
      <source>Book qty</source>
      <translation>账面数量</translation>
    </message>
    <message>
      <source>Counted qty</source>
      <translation>实盘数量</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>盘点结果</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>状况</translation>
    </message>
    <message>
      <source>Counted at</source>
      <translation>盘点时间</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Registered as</source>
      <translation>登记为</translation>
    </message>
    <message>
      <source>Not settled yet</source>
      <translation>尚未处理</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Return not recorded yet</source>
      <translation>尚未登记归还</translation>
    </message>
    <message>
      <source>Settlement</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>PREVIEW: the count is still open and not signed off</source>
      <translation>预览：盘点尚未结束，未经签字确认</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Asset No. (scan)</source>
      <translation>资产编号（扫码）</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Good</source>
      <translation>完好</translation>
    </message>
    <message>
      <source>Needs repair</source>
      <translation>待修</translation>
    </message>
    <message>
      <source>Pending sign-off</source>
      <translation>待签字确认</translation>
    </message>
    <message>
      <source>Still on loan</source>
      <translation>仍在借出</translation>
    </message>
    <message>
      <source>Qty on loan</source>
      <translation>借出数量</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Expected {e} items ({eq} pieces, book value {ev} yuan); found {fq} pieces; shortage {mq} pieces ({mv} yuan); surplus {sq} pieces ({sv} yuan); misplaced {p} items; damaged {d} items.</source>
      <translation>账面应盘 {e} 项（{eq} 件，账面价值 {ev} 元）；实盘 {fq} 件；盘亏 {mq} 件（{mv} 元）；盘盈 {sq} 件（{sv} 元）；位置不符 {p} 项；损坏 {d} 项。</translation>
    </message>
    <message>
      <source>{n} items, {qty} pieces</source>
      <translation>{n} 项，{qty} 件</translation>
    </message>
    <message>
      <source>Stock-take count sheet</source>
      <translation>资产盘点表</translation>
    </message>
    <message>
      <source>Written off</source>
      <translation>已核销</translation>
    </message>
    <message>
      <source>On loan (借出: neither found nor shortage)</source>
      <translation>借出（不计实盘，也不计盘亏）</translation>
    </message>
    <message>
      <source>Check code</source>
      <translation>校验码</translation>
    </message>
    <message>
      <source>PROVISIONAL: the count is still open; items not counted yet are shown as shortage.</source>
      <translation>预览：盘点尚未结束，未盘到的资产暂按盘亏列示。</translation>
    </message>
    <message>
      <source>Shortage (盘亏)</source>
      <translation>盘亏</translation>
    </message>
    <message>
      <source>Surplus (盘盈)</source>
      <translation>盘盈</translation>
    </message>
    <message>
      <source>Stock-take variance report</source>
      <translation>盘点差异报告</translation>
    </message>
    <message>
      <source>, of which {n} on loan</source>
      <translation>，其中借出 {n} 项</translation>
    </message>
    <message>
      <source>Shortage, write-off pending approval</source>
      <translation>盘亏待批</translation>
    </message>
    <message>
      <source>Shortage recorded</source>
      <translation>已记盘亏</translation>
    </message>
    <message>
      <source>Moved to {place}</source>
      <translation>已调至{place}</translation>
    </message>
    <message>
      <source>Damage recorded</source>
      <translation>已登记损坏</translation>
    </message>
    <message>
      <source>Registered as {number}</source>
      <translation>已入账 {number}</translation>
    </message>
    <message>
      <source>Returned on {date}</source>
      <translation>已于 {date} 归还</translation>
    </message>
    <message>
      <source>Seen</source>
      <translation>已核对</translation>
    </message>
    <message>
      <source>Not checked</source>
      <translation>未核对</translation>
    </message>
    <message>
      <source>Borrower</source>
      <translation>借用人</translation>
    </message>
    <message>
      <source>Due back</source>
      <translation>应还日期</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Loan slip</source>
      <translation>借条</translation>
    </message>
    <message>
      <source>Found although on loan in the register (return not recorded)</source>
      <translation>台账记为借出但盘点时在位（未登记归还）</translation>
    </message>
    <message>
      <source>On loan {lq} pieces ({lv} yuan), {lo} of them overdue: of the {eq} pieces expected, {fq} found + {lq} on loan + {mq} short.</source>
      <translation>借出 {lq} 件（{lv} 元），其中逾期 {lo} 项；账面 {eq} 件 = 实盘 {fq} 件 + 借出 {lq} 件 + 盘亏 {mq} 件。</translation>
    </message>
    <message>
      <source>Tick one condition box per row and write the counted quantity. Items found here that are not listed: write them in the empty rows (number, name, quantity).</source>
      <translation>每行勾选一项状况并填写实盘数量。在此发现但表中未列的物品，请填入空行（编号、名称、数量）。</translation>
    </message>
    <message>
      <source>Written off {doc}</source>
      <translation>已核销 {doc}</translation>
    </message>
    <message>
      <source>Repair ticket {number}</source>
      <translation>已报修 {number}</translation>
    </message>
    <message>
      <source>Signed off on {date}; the names as recorded:</source>
      <translation>已于 {date} 签字确认，签字人如下：</translation>
    </message>
    <message>
      <source>In the register</source>
      <translation>台账记录</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>账面</translation>
    </message>
    <message>
      <source>Damage recorded {doc}</source>
      <translation>已登记损坏 {doc}</translation>
    </message>
    <message>
      <source>Overdue {n} days</source>
      <translation>逾期 {n} 天</translation>
    </message>
    <message>
      <source>Missing again (also missing in {doc})</source>
      <translation>连续盘亏（{doc} 中也未找到）</translation>
    </message>
    <message>
      <source>Items on loan (see Remarks) are not expected here: check the loan slip; if the item is here, count it and write “returned”.</source>
      <translation>借出物品（见备注）不应在此：请核对借条；如物品在此，照常盘点并在备注注明“已归还”。</translation>
    </message>
    <message>
      <source>Counting</source>
      <translation>盘点中</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已结束</translation>
    </message>
    <message>
      <source>Signed off</source>
      <translation>已签字确认</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>已找到</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>Partly missing</source>
      <translation>部分短缺</translation>
    </message>
    <message>
      <source>On loan</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>Found here</source>
      <translation>在位</translation>
    </message>
    <message>
      <source>Already counted</source>
      <translation>重复扫描</translation>
    </message>
    <message>
      <source>Unknown number</source>
      <translation>未知编号</translation>
    </message>
    <message>
      <source>To resolve</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Matched to an asset</source>
      <translation>已对应到资产</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>已排除</translation>
    </message>
    <message>
      <source>What</source>
      <translation>情况</translation>
    </message>
    <message>
      <source>No earlier closed stock-take to compare with.</source>
      <translation>没有可对比的已结束盘点。</translation>
    </message>
    <message>
      <source>Found again</source>
      <translation>重新找到</translation>
    </message>
    <message>
      <source>Compared with {doc} ({title}): {new} newly missing, {rec} missing again, {back} found again.</source>
      <translation>与 {doc}（{title}）相比：新增盘亏 {new} 项，连续盘亏 {rec} 项，重新找到 {back} 项。</translation>
    </message>
    <message>
      <source>This count is still open: items not counted yet are shown as missing.</source>
      <translation>本次盘点尚未结束：未盘到的资产暂按盘亏显示。</translation>
    </message>
    <message>
      <source>Missing again</source>
      <translation>连续盘亏</translation>
    </message>
    <message>
      <source>Newly missing</source>
      <translation>新增盘亏</translation>
    </message>
    <message>
      <source>Not counted</source>
      <translation>未盘</translation>
    </message>
    <message>
      <source>Ready to scan</source>
      <translation>可以扫码了</translation>
    </message>
    <message>
      <source>Scan or type an asset number, then Enter</source>
      <translation>扫描或输入资产编号，按回车</translation>
    </message>
    <message>
      <source>(slip seen)</source>
      <translation>（已核借条）</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>实盘</translation>
    </message>
    <message>
      <source>Places (Ctrl+PgDown / Ctrl+PgUp)</source>
      <translation>地点（Ctrl+PgDown / Ctrl+PgUp 切换）</translation>
    </message>
    <message>
      <source>Recent scans</source>
      <translation>最近扫描</translation>
    </message>
    <message>
      <source>Expected here (F2: Space found · Del missing · L on loan · D damaged · R needs repair · digits: counted quantity · U undo · Esc back to scanning)</source>
      <translation>本处账面资产（F2 进入：空格 在位 · Del 未找到 · L 借出 · D 损坏 · R 待修 · 数字 实盘数量 · U 撤销 · Esc 返回扫码）</translation>
    </message>
    <message>
      <source>On loan (slip seen)</source>
      <translation>借出（已核借条）</translation>
    </message>
    <message>
      <source>Damaged…</source>
      <translation>损坏…</translation>
    </message>
    <message>
      <source>Needs repair…</source>
      <translation>待修…</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Stand in the room chosen on the left and scan each tag.</source>
      <translation>到左侧所选房间，逐一扫描资产标签。</translation>
    </message>
    <message>
      <source>This stock-take is closed</source>
      <translation>本次盘点已结束</translation>
    </message>
    <message>
      <source>It can be read, printed and exported.</source>
      <translation>可以查看、打印和导出。</translation>
    </message>
    <message>
      <source>Choose a line of the expected list first (F2).</source>
      <translation>请先在账面清单中选择一行（F2）。</translation>
    </message>
    <message>
      <source>Overall: {counted} / {total} counted</source>
      <translation>总进度：已盘 {counted} / {total}</translation>
    </message>
    <message>
      <source>Lent: check slip</source>
      <translation>借出待核</translation>
    </message>
    <message>
      <source>{counted} / {total} counted here</source>
      <translation>本处已盘 {counted} / {total}</translation>
    </message>
    <message>
      <source>(in {place})</source>
      <translation>（在 {place}）</translation>
    </message>
    <message>
      <source>Not marked.</source>
      <translation>未标记。</translation>
    </message>
    <message>
      <source>{number} {name}: what is wrong?</source>
      <translation>{number} {name}：有什么问题？</translation>
    </message>
    <message>
      <source>Returned? The register has it on loan</source>
      <translation>已归还？台账仍记为借出</translation>
    </message>
    <message>
      <source>Move to where found</source>
      <translation>调整到发现地点</translation>
    </message>
    <message>
      <source>Move to where found (from outside the scope)</source>
      <translation>调整到发现地点（范围外资产）</translation>
    </message>
    <message>
      <source>Mark as shortage (盘亏待批)</source>
      <translation>标记为盘亏待批</translation>
    </message>
    <message>
      <source>Record the damage</source>
      <translation>登记损坏</translation>
    </message>
    <message>
      <source>Register as a new asset (盘盈)</source>
      <translation>盘盈登记入账</translation>
    </message>
    <message>
      <source>Awaiting write-off approval</source>
      <translation>等待核销审批</translation>
    </message>
    <message>
      <source>Record the return of the loan</source>
      <translation>登记借出归还</translation>
    </message>
    <message>
      <source>A new asset: {qty} found in {place}.</source>
      <translation>新登记资产：在{place}找到 {qty} 件。</translation>
    </message>
    <message>
      <source>Apply ticked</source>
      <translation>处理勾选项</translation>
    </message>
    <message>
      <source>Write-off approved…</source>
      <translation>核销已批准…</translation>
    </message>
    <message>
      <source>Open repair ticket</source>
      <translation>报修</translation>
    </message>
    <message>
      <source>Write-off approved</source>
      <translation>核销已批准</translation>
    </message>
    <message>
      <source>The register moves it from {expected} to {found} (a transfer in its history).</source>
      <translation>台账将其从 {expected} 调到 {found}（履历中记一次调拨）。</translation>
    </message>
    <message>
      <source>Not found (expected in {place}): its status becomes 盘亏待批 until the write-off is approved.</source>
      <translation>未找到（应在{place}）：状态改为盘亏待批，直至核销获批。</translation>
    </message>
    <message>
      <source>The register says “{loan}”, but it was found in {place}: the return is recorded on the day it was counted.</source>
      <translation>台账记录为“{loan}”，但在 {place} 找到：按盘点当日登记归还。</translation>
    </message>
    <message>
      <source>{number}: {n} {unit} to write off as lost once approved (Write-off approved…).</source>
      <translation>{number}：{n} {unit}，获批后按丢失核销（核销已批准…）。</translation>
    </message>
    <message>
      <source>A damage record ({condition}: {note}), natural wear.</source>
      <translation>登记损坏记录（{condition}：{note}），按自然损耗。</translation>
    </message>
    <message>
      <source>Variance</source>
      <translation>盘点差异</translation>
    </message>
    <message>
      <source>Applying the results (after sign-off): tick what to apply. Each choice is written into the asset's history.</source>
      <translation>处理盘点结果（签字确认后）：勾选要处理的项目。每项处理都会记入资产履历。</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>处理方式</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Provisional: the count is still open.</source>
      <translation>预览：盘点尚未结束。</translation>
    </message>
    <message>
      <source>Tick what to apply first.</source>
      <translation>请先勾选要处理的项目。</translation>
    </message>
    <message>
      <source>Applying the results…</source>
      <translation>正在处理盘点结果…</translation>
    </message>
    <message>
      <source>Choose a damaged asset first.</source>
      <translation>请先选择一项损坏的资产。</translation>
    </message>
    <message>
      <source>{n} of {qty} {unit} not found (expected in {place}): those {n} are split off into a record of their own, marked 盘亏待批 until the write-off is approved; {left} stay on the books.</source>
      <translation>{qty} {unit}中有 {n} {unit}未找到（应在{place}）：这 {n} {unit}拆分为单独一条记录，标记为盘亏待批，待核销审批；其余 {left} {unit}留在账上。</translation>
    </message>
    <message>
      <source>by place</source>
      <translation>按地点</translation>
    </message>
    <message>
      <source>by category</source>
      <translation>按类别</translation>
    </message>
    <message>
      <source>Who approved writing off these {n} missing assets?</source>
      <translation>这 {n} 项盘亏资产的核销由谁批准？</translation>
    </message>
    <message>
      <source>Repair ticket {id} opened.</source>
      <translation>已生成报修单 {id}。</translation>
    </message>
    <message>
      <source>repair ticket {id}</source>
      <translation>报修单 {id}</translation>
    </message>
    <message>
      <source>Apply {n} results to the asset register? Each is written into the asset's history.</source>
      <translation>将 {n} 项盘点结果写入资产台账？每项都会记入资产履历。</translation>
    </message>
    <message>
      <source>{n} results applied.</source>
      <translation>已处理 {n} 项盘点结果。</translation>
    </message>
    <message>
      <source>Match to an asset…</source>
      <translation>对应到资产…</translation>
    </message>
    <message>
      <source>Enter as surplus…</source>
      <translation>登记为盘盈…</translation>
    </message>
    <message>
      <source>Dismiss…</source>
      <translation>排除…</translation>
    </message>
    <message>
      <source>Add an untagged item found…</source>
      <translation>添加无标签的盘盈物品…</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>排除</translation>
    </message>
    <message>
      <source>Why is “{code}” not an asset?</source>
      <translation>为什么“{code}”不是资产？</translation>
    </message>
    <message>
      <source>Numbers nobody expected. Resolve each before closing: match it to an asset (a worn or swapped tag), enter it as surplus (盘盈), or dismiss it.</source>
      <translation>账面上没有的编号。结束盘点前请逐一处理：对应到资产（标签磨损或贴错）、登记为盘盈，或排除。</translation>
    </message>
    <message>
      <source>Times scanned</source>
      <translation>扫描次数</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>Choose a line first.</source>
      <translation>请先选择一行。</translation>
    </message>
    <message>
      <source>Unknown numbers</source>
      <translation>未知编号</translation>
    </message>
    <message>
      <source>Match to an asset</source>
      <translation>对应到资产</translation>
    </message>
    <message>
      <source>Asset number of “{code}”:</source>
      <translation>“{code}”对应的资产编号：</translation>
    </message>
    <message>
      <source>An untagged item found (盘盈)</source>
      <translation>发现无标签物品（盘盈）</translation>
    </message>
    <message>
      <source>Match “{code}” to asset {number}?</source>
      <translation>将“{code}”对应到资产 {number}？</translation>
    </message>
    <message>
      <source>Preparing the count sheets…</source>
      <translation>正在生成盘点表…</translation>
    </message>
    <message>
      <source>Preparing the variance report…</source>
      <translation>正在生成差异报告…</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>All assets</source>
      <translation>全部资产</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>Choose a category.</source>
      <translation>请选择类别。</translation>
    </message>
    <message>
      <source>Who signed?</source>
      <translation>请填写签字人。</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>日期不能晚于今天。</translation>
    </message>
    <message>
      <source>The line no longer exists.</source>
      <translation>该行已不存在。</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>楼宇</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>On loan: {borrower}, due {date}</source>
      <translation>借出：{borrower}，应还 {date}</translation>
    </message>
    <message>
      <source>In the register in {place}, outside this stock-take.</source>
      <translation>账面在 {place}，不在本次盘点范围内。</translation>
    </message>
    <message>
      <source>The entry no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <source>Close the stock-take before it is signed off.</source>
      <translation>请先结束盘点，再签字确认。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Results are applied after the variance report has been signed off.</source>
      <translation>盘点差异报告签字确认后，才能处理盘点结果。</translation>
    </message>
    <message>
      <source>Only misplaced assets are moved.</source>
      <translation>只有位置不符的资产才需调整存放地点。</translation>
    </message>
    <message>
      <source>Already moved.</source>
      <translation>已调整过。</translation>
    </message>
    <message>
      <source>Only missing assets are marked as shortage.</source>
      <translation>只有未找到的资产才标记为盘亏。</translation>
    </message>
    <message>
      <source>Already marked.</source>
      <translation>已标记过。</translation>
    </message>
    <message>
      <source>Mark the asset as shortage first.</source>
      <translation>请先将该资产标记为盘亏待批。</translation>
    </message>
    <message>
      <source>Already written off.</source>
      <translation>已核销。</translation>
    </message>
    <message>
      <source>Only damaged assets are recorded.</source>
      <translation>只有损坏的资产才登记损坏。</translation>
    </message>
    <message>
      <source>Already recorded.</source>
      <translation>已登记过。</translation>
    </message>
    <message>
      <source>Only assets found in the count are taken back.</source>
      <translation>只有盘点中找到的资产才能登记归还。</translation>
    </message>
    <message>
      <source>Only surplus items are registered.</source>
      <translation>只有盘盈物品才登记入账。</translation>
    </message>
    <message>
      <source>Already registered.</source>
      <translation>已登记入账。</translation>
    </message>
    <message>
      <source>Only assets found in another place are moved.</source>
      <translation>只有在其他地点找到的资产才能调整地点。</translation>
    </message>
    <message>
      <source>The repair log is not available in this version.</source>
      <translation>本版本没有维修登记功能。</translation>
    </message>
    <message>
      <source>Only damaged assets are sent to repair.</source>
      <translation>只有损坏的资产才能报修。</translation>
    </message>
    <message>
      <source>A repair ticket is already open for this line.</source>
      <translation>该资产已有报修单。</translation>
    </message>
    <message>
      <source>Found {condition} in stock-take {doc}: {note}</source>
      <translation>盘点 {doc} 中发现{condition}：{note}</translation>
    </message>
    <message>
      <source>No asset on the books is in this scope.</source>
      <translation>此范围内没有在账资产。</translation>
    </message>
    <message>
      <source> (overdue {n} days)</source>
      <translation>（已逾期 {n} 天）</translation>
    </message>
    <message>
      <source>Misplaced: {number} {name}</source>
      <translation>位置不符：{number} {name}</translation>
    </message>
    <message>
      <source>In the register in {expected}, outside this stock-take; recorded as found in {here}. Moving it is offered after sign-off.</source>
      <translation>账面在 {expected}，不在本次盘点范围内；已记录为在 {here} 找到。签字后可选择调整到发现地点。</translation>
    </message>
    <message>
      <source>Scan or type an asset number.</source>
      <translation>请扫描或输入资产编号。</translation>
    </message>
    <message>
      <source>Enter a whole number.</source>
      <translation>请输入整数。</translation>
    </message>
    <message>
      <source>Choose the condition.</source>
      <translation>请选择状况。</translation>
    </message>
    <message>
      <source>Describe the damage.</source>
      <translation>请说明损坏情况。</translation>
    </message>
    <message>
      <source>Enter a whole number of at least 1.</source>
      <translation>请输入不小于 1 的整数。</translation>
    </message>
    <message>
      <source>Enter an amount of money of 0 or more, e.g. 3500.00.</source>
      <translation>请输入不小于 0 的金额，如 3500.00。</translation>
    </message>
    <message>
      <source>Give the reason.</source>
      <translation>请说明原因。</translation>
    </message>
    <message>
      <source>1 unknown number is still to resolve: match it to an asset, enter it as surplus or dismiss it, then close.</source>
      <translation>还有 1 个未知编号待处理：请对应到资产、登记为盘盈或排除，然后再结束盘点。</translation>
    </message>
    <message>
      <source>Who approved the write-off?</source>
      <translation>谁批准了核销？</translation>
    </message>
    <message>
      <source>Stock-take {id} does not exist.</source>
      <translation>盘点 {id} 不存在。</translation>
    </message>
    <message>
      <source>Stock-take {doc} is closed: it can be read but not changed.</source>
      <translation>盘点 {doc} 已结束：只能查看，不能修改。</translation>
    </message>
    <message>
      <source>{label}: {names}</source>
      <translation>{label}：{names}</translation>
    </message>
    <message>
      <source>Unknown term.</source>
      <translation>未知学期。</translation>
    </message>
    <message>
      <source>{term} stock-take</source>
      <translation>{term}期末盘点</translation>
    </message>
    <message>
      <source>Stock-take {doc} is still open. Close it before opening another.</source>
      <translation>盘点 {doc} 尚未结束，请先结束它再开始新的盘点。</translation>
    </message>
    <message>
      <source>{number} {name} is not on loan in the asset register: count it found or missing.</source>
      <translation>{number} {name} 在资产台账中没有未归还的借出记录：请按在位或未找到盘点。</translation>
    </message>
    <message>
      <source>Loan slip {doc} seen: lent to {borrower}, due {due}</source>
      <translation>已核对借条 {doc}：借给 {borrower}，应还 {due}</translation>
    </message>
    <message>
      <source>The register says “{loan}”: returned without the return being recorded? Record the return in the asset register.</source>
      <translation>台账记录为“{loan}”：可能已归还但未登记？请在资产台账中登记归还。</translation>
    </message>
    <message>
      <source> — {qty} {unit}</source>
      <translation> — {qty} {unit}</translation>
    </message>
    <message>
      <source>Found: {number} {name}</source>
      <translation>在位：{number} {name}</translation>
    </message>
    <message>
      <source>Expected in {expected}; recorded as found in {here}.</source>
      <translation>账面在 {expected}；已记录为在 {here} 找到。</translation>
    </message>
    <message>
      <source>Already counted: {number} {name}</source>
      <translation>已盘过：{number} {name}</translation>
    </message>
    <message>
      <source>Counted in {place}; not counted twice.</source>
      <translation>已在 {place} 盘到，不重复计数。</translation>
    </message>
    <message>
      <source>“{code}” has already been resolved ({status}).</source>
      <translation>“{code}”已处理（{status}），不能再次处理。</translation>
    </message>
    <message>
      <source>{n} unknown numbers are still to resolve: match each to an asset, enter it as surplus or dismiss it, then close.</source>
      <translation>还有 {n} 个未知编号待处理：请逐一对应到资产、登记为盘盈或排除，然后再结束盘点。</translation>
    </message>
    <message>
      <source>Stock-take {doc} has already been signed off.</source>
      <translation>盘点 {doc} 已签字确认。</translation>
    </message>
    <message>
      <source>Stock-take {doc}: found in {place}, already recorded there</source>
      <translation>盘点 {doc}：在 {place} 找到，台账已是该地点</translation>
    </message>
    <message>
      <source>Asset {number} is out on loan ({loan}): it is not a shortage. If the borrower has lost it, record the return and the loss in the asset register.</source>
      <translation>资产 {number} 已借出（{loan}），不属于盘亏。如借用人已遗失，请在资产台账中登记归还并报损。</translation>
    </message>
    <message>
      <source>Asset {number} now holds {n} {unit}, fewer than the {missing} missing: check the register before marking the shortage.</source>
      <translation>资产 {number} 现在只有 {n} {unit}，少于缺少的 {missing}：请先核对台账再标记盘亏。</translation>
    </message>
    <message>
      <source>Asset {number} is no longer pending as shortage (it may have turned up).</source>
      <translation>资产 {number} 已不是盘亏待批状态（可能已找到）。</translation>
    </message>
    <message>
      <source>Asset {number} is not on loan (any more).</source>
      <translation>资产 {number} 当前未借出（或已登记归还）。</translation>
    </message>
    <message>
      <source>Loan {loan} returned: found in {place} in stock-take {doc}</source>
      <translation>借用单 {loan} 已归还：盘点 {doc} 中在 {place} 找到</translation>
    </message>
    <message>
      <source>That result belongs to another stock-take.</source>
      <translation>这一条属于另一次盘点。</translation>
    </message>
    <message>
      <source>Unknown scope: {kinds}</source>
      <translation>未知的盘点范围：{kinds}</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>{n} assets expected</source>
      <translation>账面应盘 {n} 项</translation>
    </message>
    <message>
      <source>Expected here{qty}.</source>
      <translation>账面就在此处{qty}。</translation>
    </message>
    <message>
      <source>Resolve it on the “Unknown numbers” page.</source>
      <translation>请在“未知编号”页处理。</translation>
    </message>
    <message>
      <source>More than the {n} expected: count {n} here and register the extra as a surplus item.</source>
      <translation>超过账面数量 {n}：此处按 {n} 计，多出的请登记为盘盈。</translation>
    </message>
    <message>
      <source>No asset has the number {number}.</source>
      <translation>没有编号为 {number} 的资产。</translation>
    </message>
    <message>
      <source>expected {e}, found {f}, on loan {l}, missing {m}, misplaced {p}, surplus {s}, damaged {d}</source>
      <translation>应盘 {e}，在位 {f}，借出 {l}，盘亏 {m}，位置不符 {p}，盘盈 {s}，损坏 {d}</translation>
    </message>
    <message>
      <source>Stock-take {doc}: not found (shortage, pending approval)</source>
      <translation>盘点 {doc}：未找到（盘亏待批）</translation>
    </message>
    <message>
      <source>Not found in stock-take {doc}</source>
      <translation>盘点 {doc} 中未找到</translation>
    </message>
    <message>
      <source>Found in {place} in stock-take {doc}</source>
      <translation>盘点 {doc} 中在 {place} 找到</translation>
    </message>
    <message>
      <source>Surplus found in stock-take {doc} ({place}), registered</source>
      <translation>盘点 {doc} 盘盈（{place}），登记入账</translation>
    </message>
    <message>
      <source>Unknown action: {kind}</source>
      <translation>未知的操作：{kind}</translation>
    </message>
    <message>
      <source>No place is called “{place}”.</source>
      <translation>没有名为“{place}”的地点。</translation>
    </message>
    <message>
      <source>{place} has nothing to count in this stock-take.</source>
      <translation>本次盘点中 {place} 没有需要盘点的资产。</translation>
    </message>
    <message>
      <source>Counted at {time} in {place}; not counted twice.</source>
      <translation>已于 {time} 在 {place} 盘到，不重复计数。</translation>
    </message>
    <message>
      <source>Kept on the unknown list, to match to an asset or register as surplus.</source>
      <translation>已记入未知编号清单，稍后对应到资产或登记为盘盈。</translation>
    </message>
    <message>
      <source>Stock-take {doc}: found in {place}</source>
      <translation>盘点 {doc}：在 {place} 找到</translation>
    </message>
    <message>
      <source>stock-take {doc}: {n} of {total} {unit} not found, pending write-off approval</source>
      <translation>盘点 {doc}：{total} {unit}中有 {n} {unit}未找到，待核销审批</translation>
    </message>
    <message>
      <source>Already on the unknown list: {code}</source>
      <translation>已在未知编号清单中：{code}</translation>
    </message>
    <message>
      <source>{number} {name} is in the register ({status}, {place}) but not on this list.</source>
      <translation>台账中有 {number} {name}（{status}，{place}），但不在本次盘点清单内。</translation>
    </message>
    <message>
      <source>Unknown number: {code}</source>
      <translation>未知编号：{code}</translation>
    </message>
    <message>
      <source>Stock-take {doc} {title} in progress: {counted} of {total} counted ({pct}%)</source>
      <translation>盘点 {doc} {title} 进行中：已清点 {counted} / {total}（{pct}%）</translation>
    </message>
    <message>
      <source>Done: the results are applied.</source>
      <translation>完成：盘点结果已处理。</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>清点</translation>
    </message>
    <message>
      <source>Results and applying</source>
      <translation>盘点结果与处理</translation>
    </message>
    <message>
      <source>Compare with previous</source>
      <translation>与上次对比</translation>
    </message>
    <message>
      <source>New stock-take…</source>
      <translation>新建盘点…</translation>
    </message>
    <message>
      <source>Print count sheets</source>
      <translation>打印盘点表</translation>
    </message>
    <message>
      <source>Print variance report</source>
      <translation>打印差异报告</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Close the count…</source>
      <translation>结束盘点…</translation>
    </message>
    <message>
      <source>Sign off…</source>
      <translation>签字确认…</translation>
    </message>
    <message>
      <source>No stock-take yet.

Open one for this term: choose what to count, print the count sheets, then walk the rooms and scan.</source>
      <translation>还没有盘点。

为本学期开始一次盘点：选择盘点范围，打印盘点表，然后逐个房间扫码清点。</translation>
    </message>
    <message>
      <source>Open a stock-take…</source>
      <translation>开始盘点…</translation>
    </message>
    <message>
      <source>Next step: print the variance report, have it signed, then record the sign-off (Sign off…).</source>
      <translation>下一步：打印盘点差异报告并签字，然后登记签字确认（签字确认…）。</translation>
    </message>
    <message>
      <source>Stock-take:</source>
      <translation>盘点：</translation>
    </message>
    <message>
      <source>Next step: open a stock-take (Ctrl+N).</source>
      <translation>下一步：开始盘点（Ctrl+N）。</translation>
    </message>
    <message>
      <source>Close the count of {doc}?

{left} of {total} expected items have not been found: they will be listed as shortage (盘亏). No asset is changed by closing; the results are applied after sign-off.</source>
      <translation>结束盘点 {doc}？

账面 {total} 项中有 {left} 项未找到，将列为盘亏。结束盘点不会修改任何资产；盘点结果在签字确认后再处理。</translation>
    </message>
    <message>
      <source>Close the count</source>
      <translation>结束盘点</translation>
    </message>
    <message>
      <source>{status} · {scope}</source>
      <translation>{status} · {scope}</translation>
    </message>
    <message>
      <source>Everything is counted. Next step: close the count (Close the count…).</source>
      <translation>已全部清点。下一步：结束盘点（结束盘点…）。</translation>
    </message>
    <message>
      <source>Signed off. Next step: apply the results ({n} to apply) on the Results page.</source>
      <translation>已签字确认。下一步：在“盘点结果与处理”页处理盘点结果（{n} 项待处理）。</translation>
    </message>
    <message>
      <source>Results applied. {n} missing assets await write-off approval (Write-off approved…).</source>
      <translation>盘点结果已处理。{n} 项盘亏资产等待核销审批（核销已批准…）。</translation>
    </message>
    <message>
      <source>Next step: scan or tick what is in each room ({left} still to count). When every room is done, close the count.</source>
      <translation>下一步：逐个房间扫码或勾选（还剩 {left} 项未盘）。所有房间盘完后，结束盘点。</translation>
    </message>
    <message>
      <source>Next step: resolve the unknown number, then close the count.</source>
      <translation>下一步：处理 1 个未知编号，然后结束盘点。</translation>
    </message>
    <message>
      <source>1 unknown number to resolve.</source>
      <translation>有 1 个未知编号待处理。</translation>
    </message>
    <message>
      <source>Next step: resolve the {n} unknown numbers, then close the count.</source>
      <translation>下一步：处理 {n} 个未知编号，然后结束盘点。</translation>
    </message>
    <message>
      <source>{n} unknown numbers to resolve.</source>
      <translation>有 {n} 个未知编号待处理。</translation>
    </message>
  </context>
</TS>
