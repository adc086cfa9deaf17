<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>assets</name>
    <message>
      <source>Asset register</source>
      <translation>资产台账</translation>
    </message>
    <message>
      <source>Choose one place, building, department or custodian for the inventory sheet.</source>
      <translation>资产清单请选择一个地点、楼栋、部门或保管人。</translation>
    </message>
    <message>
      <source>Export writes an .xlsx file: give a name ending in .xlsx.</source>
      <translation>导出生成 .xlsx 文件：请给出以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
      <source>Import template written: {path}</source>
      <translation>导入模板已保存：{path}</translation>
    </message>
    <message>
      <source>The start position cannot be negative.</source>
      <translation>起始位置不能为负数。</translation>
    </message>
    <message>
      <source>No assets to print labels for.</source>
      <translation>没有需要打印标签的资产。</translation>
    </message>
    <message>
      <source>Nothing was imported. Correct the rows above, or use --skip-invalid to import only the valid rows.</source>
      <translation>未导入任何数据。请改正上面列出的行，或使用 --skip-invalid 只导入正确的行。</translation>
    </message>
    <message>
      <source>Dry run: nothing was written. 1 row would be imported.</source>
      <translation>试运行：未写入任何数据。可导入 1 行。</translation>
    </message>
    <message>
      <source>Dry run: nothing was written. {n} rows would be imported.</source>
      <translation>试运行：未写入任何数据。可导入 {n} 行。</translation>
    </message>
    <message>
      <source>1 asset written to {path}.</source>
      <translation>已导出 1 条资产到 {path}。</translation>
    </message>
    <message>
      <source>{n} assets written to {path}.</source>
      <translation>已导出 {n} 条资产到 {path}。</translation>
    </message>
    <message>
      <source>No asset with the number {number}.</source>
      <translation>找不到编号为 {number} 的资产。</translation>
    </message>
    <message>
      <source>Cannot use --map {item}: write it as the file's header = a column of the register, e.g. --map 购置时间=购置日期.</source>
      <translation>无法使用 --map {item}：请写成“文件中的列名=台账的列名”，例如 --map 购置时间=购置日期。</translation>
    </message>
    <message>
      <source>Cannot use --map-category {item}: write it as the file's category = one of the school's categories, e.g. --map-category Laptops=计算机设备.</source>
      <translation>无法使用 --map-category {item}：请写成“文件中的分类=学校的分类”，例如 --map-category Laptops=计算机设备。</translation>
    </message>
    <message>
      <source>Not a date: {text}. Write it like 2026-09-01.</source>
      <translation>“{text}”不是日期，请写成 2026-09-01 的形式。</translation>
    </message>
    <message>
      <source>Unknown place: {name}</source>
      <translation>没有这个地点：{name}</translation>
    </message>
    <message>
      <source>Unknown department or class: {name}</source>
      <translation>没有这个部门或班级：{name}</translation>
    </message>
    <message>
      <source>Unknown category: {name}</source>
      <translation>没有这个资产分类：{name}</translation>
    </message>
    <message>
      <source>Unknown person: {name}</source>
      <translation>没有这个人员：{name}</translation>
    </message>
    <message>
      <source>Assets</source>
      <translation>资产</translation>
    </message>
    <message>
      <source>Transfers</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>Loans (of them overdue)</source>
      <translation>借出（其中逾期）</translation>
    </message>
    <message>
      <source>Damage reports</source>
      <translation>报损</translation>
    </message>
    <message>
      <source>Write-offs</source>
      <translation>报废处置</translation>
    </message>
    <message>
      <source>Asset number</source>
      <translation>资产编号</translation>
    </message>
    <message>
      <source>Asset name</source>
      <translation>资产名称</translation>
    </message>
    <message>
      <source>Asset category</source>
      <translation>资产分类</translation>
    </message>
    <message>
      <source>Category code</source>
      <translation>分类代码</translation>
    </message>
    <message>
      <source>Model / specification</source>
      <translation>规格型号</translation>
    </message>
    <message>
      <source>Brand</source>
      <translation>品牌</translation>
    </message>
    <message>
      <source>Unit of measure</source>
      <translation>计量单位</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Acquisition date</source>
      <translation>购置日期</translation>
    </message>
    <message>
      <source>Acquisition source</source>
      <translation>取得方式</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Invoice number</source>
      <translation>发票号</translation>
    </message>
    <message>
      <source>Funding source</source>
      <translation>经费来源</translation>
    </message>
    <message>
      <source>Storage place</source>
      <translation>存放地点</translation>
    </message>
    <message>
      <source>Department or class</source>
      <translation>使用部门/班级</translation>
    </message>
    <message>
      <source>Custodian</source>
      <translation>保管人</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Warranty until</source>
      <translation>保修截止</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>序列号</translation>
    </message>
    <message>
      <source>Net book value</source>
      <translation>账面净值</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Use letters, digits and - . / _ only (a scanner must be able to type it).</source>
      <translation>只能使用字母、数字和 - . / _（扫码枪要能输入）。</translation>
    </message>
    <message>
      <source>A new asset is in use or idle.</source>
      <translation>新登记的资产只能是“在用”或“闲置”。</translation>
    </message>
    <message>
      <source>The acquisition date cannot be in the future.</source>
      <translation>购置日期不能晚于今天。</translation>
    </message>
    <message>
      <source>The warranty cannot end before the acquisition date.</source>
      <translation>保修截止日期不能早于购置日期。</translation>
    </message>
    <message>
      <source>1 asset imported.</source>
      <translation>已导入 1 条资产。</translation>
    </message>
    <message>
      <source>{n} assets imported.</source>
      <translation>已导入 {n} 条资产。</translation>
    </message>
    <message>
      <source>There is no valid row to import.</source>
      <translation>没有可以导入的正确行。</translation>
    </message>
    <message>
      <source>Every row is identical to an asset already registered (the file was probably imported before): nothing was imported. Include the duplicates to import them anyway.</source>
      <translation>每一行都与已登记的资产完全相同（此文件可能已导入过）：未导入任何内容。如确要导入，请勾选包含重复行。</translation>
    </message>
    <message>
      <source>Imported from {file}</source>
      <translation>从 {file} 导入</translation>
    </message>
    <message>
      <source>Leave empty: the program assigns the next number</source>
      <translation>留空则由程序自动编号</translation>
    </message>
    <message>
      <source>A category name or code from the settings, e.g. 通用设备 or TY</source>
      <translation>设置中已有的分类名称或代码，如 通用设备 或 TY</translation>
    </message>
    <message>
      <source>Empty: 1</source>
      <translation>留空为 1</translation>
    </message>
    <message>
      <source>Quantity × unit price; may be left empty</source>
      <translation>数量 × 单价，可留空</translation>
    </message>
    <message>
      <source>Empty: in use</source>
      <translation>留空为“在用”</translation>
    </message>
    <message>
      <source>New places</source>
      <translation>新增地点</translation>
    </message>
    <message>
      <source>New departments / classes</source>
      <translation>新增部门/班级</translation>
    </message>
    <message>
      <source>New people</source>
      <translation>新增人员</translation>
    </message>
    <message>
      <source>New suppliers</source>
      <translation>新增供应商</translation>
    </message>
    <message>
      <source>Unknown category: add it in the settings or use an existing one.</source>
      <translation>资产分类不存在：请先在设置中添加，或改用已有分类。</translation>
    </message>
    <message>
      <source>The amount cannot be divided into a unit price in fen; give the unit price.</source>
      <translation>金额除以数量后不是整分，请填写单价。</translation>
    </message>
    <message>
      <source>Give the unit price or the amount.</source>
      <translation>请填写单价或金额。</translation>
    </message>
    <message>
      <source>{file}: {rows} rows read, {good} good, {bad} with errors.</source>
      <translation>{file}：读取 {rows} 行，正确 {good} 行，有错误 {bad} 行。</translation>
    </message>
    <message>
      <source>{n} rows are identical to registered assets (name, specification, place, date, price, quantity) and are probably imported already; they are left out unless included: {rows}</source>
      <translation>{n} 行与已登记资产的名称、规格、地点、日期、单价、数量完全相同，可能已导入过；除非勾选包含，否则将略过：{rows}</translation>
    </message>
    <message>
      <source>Quantity × unit price is {amount}, above the largest amount the register keeps ({max}).</source>
      <translation>数量 × 单价为 {amount}，超过了台账能记录的最大金额（{max}）。</translation>
    </message>
    <message>
      <source>1 row with errors was left out.</source>
      <translation>有错误的 1 行未导入。</translation>
    </message>
    <message>
      <source>{n} rows with errors were left out.</source>
      <translation>有错误的 {n} 行未导入。</translation>
    </message>
    <message>
      <source>{n} rows have errors: nothing was imported. Correct the file, or import only the valid rows.</source>
      <translation>有 {n} 行存在错误，未导入任何数据。请改正文件，或只导入正确的行。</translation>
    </message>
    <message>
      <source>row {row} = {number}</source>
      <translation>第 {row} 行 = {number}</translation>
    </message>
    <message>
      <source>Unknown column to map {header} to: {key}</source>
      <translation>要对应到的列不存在：{header} → {key}</translation>
    </message>
    <message>
      <source>The number repeats row {row} of the file.</source>
      <translation>编号与文件第 {row} 行重复。</translation>
    </message>
    <message>
      <source>{n} rows identical to registered assets were left out.</source>
      <translation>{n} 行与已登记资产完全相同，已略过。</translation>
    </message>
    <message>
      <source>{label} ({n}): {items}</source>
      <translation>{label}（{n}）：{items}</translation>
    </message>
    <message>
      <source>Asset number {number} already exists.</source>
      <translation>资产编号 {number} 已存在。</translation>
    </message>
    <message>
      <source>The amount gives a unit price of {price}, above the limit of {max}.</source>
      <translation>按此金额算出的单价为 {price}，超过了上限 {max}。</translation>
    </message>
    <message>
      <source>The amount is not quantity × unit price ({expected}).</source>
      <translation>金额不等于数量 × 单价（{expected}）。</translation>
    </message>
    <message>
      <source>Department head</source>
      <translation>部门负责人</translation>
    </message>
    <message>
      <source>The custodian checks every line against the things in the room and signs; differences are written in the remarks column.</source>
      <translation>保管人逐项核对实物后签字；账实不符的请在备注栏注明。</translation>
    </message>
    <message>
      <source>Copy 1: kept by the general affairs office</source>
      <translation>第一联：总务处存根</translation>
    </message>
    <message>
      <source>Copy 2: for the receiving side</source>
      <translation>第二联：调入方留存</translation>
    </message>
    <message>
      <source>Copy 2: for the borrower</source>
      <translation>第二联：借用人留存</translation>
    </message>
    <message>
      <source>Natural wear and tear: the school bears the loss; no compensation.</source>
      <translation>自然损耗：由学校承担，不需赔偿。</translation>
    </message>
    <message>
      <source>Accidental damage: the person responsible pays the price (照价赔偿).</source>
      <translation>意外损坏：由责任人照价赔偿。</translation>
    </message>
    <message>
      <source>Deliberate damage: the person responsible pays double the price (加倍赔偿) and receives a discipline note.</source>
      <translation>故意损坏：由责任人加倍赔偿，并予以纪律处理。</translation>
    </message>
    <message>
      <source>Original price</source>
      <translation>原价</translation>
    </message>
    <message>
      <source>Repair cost</source>
      <translation>维修费用</translation>
    </message>
    <message>
      <source>Class head teacher</source>
      <translation>班主任</translation>
    </message>
    <message>
      <source>General affairs clerk</source>
      <translation>总务干事</translation>
    </message>
    <message>
      <source>Asset inventory sheet</source>
      <translation>资产清单</translation>
    </message>
    <message>
      <source>Low-value item, not depreciated</source>
      <translation>低值易耗品，不计提折旧</translation>
    </message>
    <message>
      <source>Not depreciated</source>
      <translation>不计提折旧</translation>
    </message>
    <message>
      <source>Accumulated depreciation</source>
      <translation>累计折旧</translation>
    </message>
    <message>
      <source>Useful life</source>
      <translation>使用年限</translation>
    </message>
    <message>
      <source>Original value</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>Acquired on</source>
      <translation>购置日期</translation>
    </message>
    <message>
      <source>History</source>
      <translation>履历</translation>
    </message>
    <message>
      <source>Fixed asset card</source>
      <translation>固定资产卡片</translation>
    </message>
    <message>
      <source>transfer</source>
      <translation>调拨单</translation>
    </message>
    <message>
      <source>Asset transfer slip</source>
      <translation>资产调拨单</translation>
    </message>
    <message>
      <source>loan</source>
      <translation>借用单</translation>
    </message>
    <message>
      <source>Asset loan slip</source>
      <translation>资产借用单</translation>
    </message>
    <message>
      <source>damage report</source>
      <translation>损坏报告</translation>
    </message>
    <message>
      <source>Person responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>The damage above is natural wear and tear: no compensation is due. The item is to be repaired or written off through the general affairs office.</source>
      <translation>上述损坏属自然损耗，不需赔偿。该物品由总务处安排维修或办理报废。</translation>
    </message>
    <message>
      <source>Asset write-off request</source>
      <translation>资产报废申请表</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Model / spec</source>
      <translation>规格型号</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Department / class</source>
      <translation>部门/班级</translation>
    </message>
    <message>
      <source>Items on the sheet</source>
      <translation>清单项数</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>分类</translation>
    </message>
    <message>
      <source>GB/T 14885 code</source>
      <translation>国标分类代码</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>存放地点</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>单据号</translation>
    </message>
    <message>
      <source>Write the number range as FIRST..LAST, e.g. 2026-JJ-00001..2026-JJ-00050.</source>
      <translation>编号范围请写成 起..止，例如 2026-JJ-00001..2026-JJ-00050。</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>From</source>
      <translation>调出</translation>
    </message>
    <message>
      <source>To</source>
      <translation>调入</translation>
    </message>
    <message>
      <source>Parent or guardian</source>
      <translation>家长</translation>
    </message>
    <message>
      <source>Damaged on</source>
      <translation>损坏日期</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>损坏原因</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Damage and compensation notice</source>
      <translation>损坏赔偿通知</translation>
    </message>
    <message>
      <source>Damage notice</source>
      <translation>损坏通知</translation>
    </message>
    <message>
      <source>write-off</source>
      <translation>报废单</translation>
    </message>
    <message>
      <source>{y} years {m} months</source>
      <translation>{y} 年 {m} 个月</translation>
    </message>
    <message>
      <source>Unknown inventory scope: {kind}</source>
      <translation>未知的清单范围：{kind}</translation>
    </message>
    <message>
      <source>{names} and {n} more</source>
      <translation>{names} 等（另 {n} 人/处）</translation>
    </message>
    <message>
      <source>Custodian ({name})</source>
      <translation>保管人（{name}）</translation>
    </message>
    <message>
      <source>No custodian</source>
      <translation>无保管人</translation>
    </message>
    <message>
      <source>Check code</source>
      <translation>校验码</translation>
    </message>
    <message>
      <source>Months depreciated</source>
      <translation>已提折旧月数</translation>
    </message>
    <message>
      <source>Latest history ({shown} of {total})</source>
      <translation>最近履历（共 {total} 条，显示 {shown} 条）</translation>
    </message>
    <message>
      <source>Card kept by</source>
      <translation>建卡人</translation>
    </message>
    <message>
      <source>Checked by (assets)</source>
      <translation>复核人</translation>
    </message>
    <message>
      <source>Handed over by</source>
      <translation>调出人</translation>
    </message>
    <message>
      <source>Received by</source>
      <translation>接收人</translation>
    </message>
    <message>
      <source>Borrower</source>
      <translation>借用人</translation>
    </message>
    <message>
      <source>Lent out by</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Return checked by</source>
      <translation>归还验收人</translation>
    </message>
    <message>
      <source>{name}: under the school's property rules you are to pay {amount} yuan ({words}) in compensation for the damage above. Please pay at the general affairs office within 7 days of receiving this notice.</source>
      <translation>{name}：根据学校财产管理制度，你应对上述损坏赔偿人民币 {amount} 元（大写：{words}）。请于接到本通知之日起 7 日内到总务处交纳。</translation>
    </message>
    <message>
      <source>A parent or guardian reads this notice and signs below.</source>
      <translation>请家长阅知本通知并在下方签字。</translation>
    </message>
    <message>
      <source>{n} years</source>
      <translation>{n} 年</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Head of the department using it</source>
      <translation>使用部门负责人</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>校长</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <source>{n} lines</source>
      <translation>{n} 项</translation>
    </message>
    <message>
      <source>Unknown code type: {code} (qr or code128).</source>
      <translation>未知的条码类型：{code}（可用 qr 或 code128）。</translation>
    </message>
    <message>
      <source>No {what} with the number {doc}.</source>
      <translation>找不到单号为 {doc} 的{what}。</translation>
    </message>
    <message>
      <source>The borrower keeps the item safe, uses it only for the purpose above and returns it by the due date; loss or damage is compensated under the school's property rules.</source>
      <translation>借用人应妥善保管，仅用于上述用途，并按期归还；如有丢失或损坏，按学校财产管理制度赔偿。</translation>
    </message>
    <message>
      <source>Rule applied</source>
      <translation>适用规定</translation>
    </message>
    <message>
      <source>Price basis</source>
      <translation>计价依据</translation>
    </message>
    <message>
      <source>Value counted</source>
      <translation>计价金额</translation>
    </message>
    <message>
      <source>Compensation (yuan)</source>
      <translation>赔偿金额（元）</translation>
    </message>
    <message>
      <source>Compensation paid on</source>
      <translation>交款日期</translation>
    </message>
    <message>
      <source>Amount in words</source>
      <translation>人民币大写</translation>
    </message>
    <message>
      <source>Discipline note</source>
      <translation>处分意见</translation>
    </message>
    <message>
      <source>Time in use</source>
      <translation>已使用时间</translation>
    </message>
    <message>
      <source>Reason for writing off</source>
      <translation>报废原因</translation>
    </message>
    <message>
      <source>Proposed disposal</source>
      <translation>拟处置方式</translation>
    </message>
    <message>
      <source>Opinion of the department using it</source>
      <translation>使用部门意见</translation>
    </message>
    <message>
      <source>Opinion of the general affairs office</source>
      <translation>总务处意见</translation>
    </message>
    <message>
      <source>Opinion of the principal</source>
      <translation>校长意见</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>取得方式</translation>
    </message>
    <message>
      <source>Asset {number} has already been written off: no request is made for it.</source>
      <translation>资产 {number} 已报废，不能再填报废申请。</translation>
    </message>
    <message>
      <source>No history yet.</source>
      <translation>暂无履历。</translation>
    </message>
    <message>
      <source>Reason for the transfer</source>
      <translation>调拨原因</translation>
    </message>
    <message>
      <source>Lent on</source>
      <translation>借出日期</translation>
    </message>
    <message>
      <source>Due back</source>
      <translation>应还日期</translation>
    </message>
    <message>
      <source>Returned on</source>
      <translation>归还日期</translation>
    </message>
    <message>
      <source>Condition on return</source>
      <translation>归还情况</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>用途</translation>
    </message>
    <message>
      <source>Asset {number} has already been written off ({doc}): no request is made for it. To print the recorded write-off, choose {doc}.</source>
      <translation>资产 {number} 已报废（{doc}），不能再填报废申请。如需打印已办理的报废单，请选 {doc}。</translation>
    </message>
    <message>
      <source>{total} history entries: see the full card.</source>
      <translation>共 {total} 条履历，见整页卡片。</translation>
    </message>
    <message>
      <source>Approved by {name}</source>
      <translation>同意。批准人：{name}</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Idle</source>
      <translation>闲置</translation>
    </message>
    <message>
      <source>Lent</source>
      <translation>借出</translation>
    </message>
    <message>
      <source>Under repair</source>
      <translation>维修中</translation>
    </message>
    <message>
      <source>Missing (pending approval)</source>
      <translation>盘亏待批</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>丢失</translation>
    </message>
    <message>
      <source>Disposed</source>
      <translation>已处置</translation>
    </message>
    <message>
      <source>Voided (entered in error)</source>
      <translation>已作废（登记错误）</translation>
    </message>
    <message>
      <source>Purchase</source>
      <translation>购置</translation>
    </message>
    <message>
      <source>Donation</source>
      <translation>捐赠</translation>
    </message>
    <message>
      <source>Transfer in</source>
      <translation>调入</translation>
    </message>
    <message>
      <source>Self-made</source>
      <translation>自制</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Natural wear</source>
      <translation>自然损耗</translation>
    </message>
    <message>
      <source>Accidental damage</source>
      <translation>意外损坏</translation>
    </message>
    <message>
      <source>Deliberate damage</source>
      <translation>故意损坏</translation>
    </message>
    <message>
      <source>Scrapped</source>
      <translation>报废</translation>
    </message>
    <message>
      <source>Sold</source>
      <translation>出售</translation>
    </message>
    <message>
      <source>Transferred out</source>
      <translation>调出</translation>
    </message>
    <message>
      <source>Donated</source>
      <translation>对外捐赠</translation>
    </message>
    <message>
      <source>Written off as lost</source>
      <translation>丢失核销</translation>
    </message>
    <message>
      <source>Registered</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Transferred</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>归还</translation>
    </message>
    <message>
      <source>Damage reported</source>
      <translation>报损</translation>
    </message>
    <message>
      <source>Written off</source>
      <translation>报废处置</translation>
    </message>
    <message>
      <source>Status changed</source>
      <translation>状态变更</translation>
    </message>
    <message>
      <source>Stock-take</source>
      <translation>盘点</translation>
    </message>
    <message>
      <source>Repair</source>
      <translation>维修</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Voided</source>
      <translation>作废</translation>
    </message>
    <message>
      <source>Print an inventory sheet</source>
      <translation>打印资产清单</translation>
    </message>
    <message>
      <source>Each room starts on its own pages, with its own signature lines.</source>
      <translation>选择楼栋时，每个房间从新的一页开始，各自签字。</translation>
    </message>
    <message>
      <source>One sheet per custodian</source>
      <translation>每位保管人一张清单</translation>
    </message>
    <message>
      <source>Each custodian of the assets there gets a sheet of everything they hold, wherever it stands, with their own signature line.</source>
      <translation>所选范围内资产的每位保管人各得一张清单，列出其保管的全部资产（无论存放在何处），并有本人签字栏。</translation>
    </message>
    <message>
      <source>Print for</source>
      <translation>打印范围</translation>
    </message>
    <message>
      <source>Which</source>
      <translation>选择</translation>
    </message>
    <message>
      <source>Preview…</source>
      <translation>预览…</translation>
    </message>
    <message>
      <source>Print asset labels</source>
      <translation>打印资产标签</translation>
    </message>
    <message>
      <source>First number</source>
      <translation>起始编号</translation>
    </message>
    <message>
      <source>Last number</source>
      <translation>结束编号</translation>
    </message>
    <message>
      <source>Print labels for</source>
      <translation>打印对象</translation>
    </message>
    <message>
      <source>Numbers</source>
      <translation>编号范围</translation>
    </message>
    <message>
      <source>Registered since</source>
      <translation>登记日期自</translation>
    </message>
    <message>
      <source>Which assets</source>
      <translation>哪些资产</translation>
    </message>
    <message>
      <source>On a partly used sheet: the first free label, counted row by row</source>
      <translation>用过一部分的标签纸：第一张空白标签的位置（按行从左到右数）</translation>
    </message>
    <message>
      <source>Label sheet</source>
      <translation>标签纸</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>条码类型</translation>
    </message>
    <message>
      <source>Start at label</source>
      <translation>从第几张标签开始</translation>
    </message>
    <message>
      <source>Custom grid</source>
      <translation>自定义版式</translation>
    </message>
    <message>
      <source>Print calibration page…</source>
      <translation>打印校准页…</translation>
    </message>
    <message>
      <source>Printer offset (saved for next time)</source>
      <translation>打印机偏移校准（保存供下次使用）</translation>
    </message>
    <message>
      <source>Print the calibration page on plain paper, hold it against a label sheet and move the print until the outlines match the labels.</source>
      <translation>用普通纸打印校准页，与标签纸重叠对光查看，调整偏移量直到方框与标签对齐。</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>列数</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行数</translation>
    </message>
    <message>
      <source>Label width (mm)</source>
      <translation>标签宽（毫米）</translation>
    </message>
    <message>
      <source>Label height (mm)</source>
      <translation>标签高（毫米）</translation>
    </message>
    <message>
      <source>Left margin (mm)</source>
      <translation>左边距（毫米）</translation>
    </message>
    <message>
      <source>Top margin (mm)</source>
      <translation>上边距（毫米）</translation>
    </message>
    <message>
      <source>Across pitch (mm)</source>
      <translation>横向间距（毫米）</translation>
    </message>
    <message>
      <source>Down pitch (mm)</source>
      <translation>纵向间距（毫米）</translation>
    </message>
    <message>
      <source>Right</source>
      <translation>向右</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>向下</translation>
    </message>
    <message>
      <source>Place (a building prints every room)</source>
      <translation>存放地点（选楼栋则打印全部房间）</translation>
    </message>
    <message>
      <source>A place (a building includes its rooms)</source>
      <translation>某个地点（楼栋含其所有房间）</translation>
    </message>
    <message>
      <source>A range of asset numbers</source>
      <translation>一段资产编号</translation>
    </message>
    <message>
      <source>Everything registered since a date</source>
      <translation>某日期以来登记的全部资产</translation>
    </message>
    <message>
      <source>QR code</source>
      <translation>二维码</translation>
    </message>
    <message>
      <source>Code128 barcode</source>
      <translation>Code128 条形码</translation>
    </message>
    <message>
      <source>Assets in the list now (current filter)</source>
      <translation>列表中当前显示的资产（当前筛选）</translation>
    </message>
    <message>
      <source>This sheet has {per_page} labels: start at label 1 to {per_page}.</source>
      <translation>这种标签纸每张有 {per_page} 个标签：请从第 1 到第 {per_page} 个标签开始。</translation>
    </message>
    <message>
      <source>Enter the first and the last asset number.</source>
      <translation>请输入起始编号和结束编号。</translation>
    </message>
    <message>
      <source>Selected assets ({n})</source>
      <translation>选中的资产（{n} 项）</translation>
    </message>
    <message>
      <source>Assets in the list now ({n})</source>
      <translation>列表中当前显示的资产（{n} 项）</translation>
    </message>
    <message>
      <source>Asset labels</source>
      <translation>资产标签</translation>
    </message>
    <message>
      <source>Transfer slip (latest transfer)</source>
      <translation>调拨单（最近一次调拨）</translation>
    </message>
    <message>
      <source>Loan slip (latest loan)</source>
      <translation>借用单（最近一次借用）</translation>
    </message>
    <message>
      <source>Damage and compensation notice (latest damage)</source>
      <translation>损坏赔偿通知（最近一次损坏）</translation>
    </message>
    <message>
      <source>Write-off request</source>
      <translation>报废申请表</translation>
    </message>
    <message>
      <source>Inventory sheet for the selected asset's place</source>
      <translation>所选资产所在地点的资产清单</translation>
    </message>
    <message>
      <source>Inventory sheet (place, building, department, custodian)…</source>
      <translation>资产清单（地点、楼栋、部门、保管人）…</translation>
    </message>
    <message>
      <source>Asset card (selected, one per page)</source>
      <translation>资产卡片（所选资产，每页一张）</translation>
    </message>
    <message>
      <source>Asset cards (selected, two per page)</source>
      <translation>资产卡片（所选资产，每页两张）</translation>
    </message>
    <message>
      <source>Labels…</source>
      <translation>标签…</translation>
    </message>
    <message>
      <source>Select an asset in the list first.</source>
      <translation>请先在列表中选择一项资产。</translation>
    </message>
    <message>
      <source>Label calibration page</source>
      <translation>标签校准页</translation>
    </message>
    <message>
      <source>Preparing {title}…</source>
      <translation>正在生成{title}…</translation>
    </message>
    <message>
      <source>Select the assets in the list first.</source>
      <translation>请先在列表中选择资产。</translation>
    </message>
    <message>
      <source>Asset {number} has no place.</source>
      <translation>资产 {number} 没有登记存放地点。</translation>
    </message>
    <message>
      <source>Select at most {n} assets for cards.</source>
      <translation>打印卡片最多选择 {n} 项资产。</translation>
    </message>
    <message>
      <source>Asset {number} has never been transferred.</source>
      <translation>资产 {number} 没有调拨记录。</translation>
    </message>
    <message>
      <source>Asset {number} has never been lent.</source>
      <translation>资产 {number} 没有借用记录。</translation>
    </message>
    <message>
      <source>No damage has been reported for asset {number}.</source>
      <translation>资产 {number} 没有损坏记录。</translation>
    </message>
    <message>
      <source>Low-value item</source>
      <translation>低值易耗品</translation>
    </message>
    <message>
      <source>On the books (not disposed or lost)</source>
      <translation>在账（未处置、未丢失）</translation>
    </message>
    <message>
      <source>Lent, overdue</source>
      <translation>借出逾期</translation>
    </message>
    <message>
      <source>Enter the acquisition date.</source>
      <translation>请输入购置日期。</translation>
    </message>
    <message>
      <source>Enter a date.</source>
      <translation>请输入日期。</translation>
    </message>
    <message>
      <source>Unknown source.</source>
      <translation>取得方式无效。</translation>
    </message>
    <message>
      <source>Unknown status.</source>
      <translation>状态无效。</translation>
    </message>
    <message>
      <source>Leave the number empty when copying into several records.</source>
      <translation>复制成多条时请将编号留空。</translation>
    </message>
    <message>
      <source>Voided as entered in error: {reason}</source>
      <translation>登记错误，已作废：{reason}</translation>
    </message>
    <message>
      <source>Give the reason for the transfer.</source>
      <translation>请填写调拨原因。</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Nothing changes: choose a new place, department or custodian.</source>
      <translation>没有变化：请选择新的地点、部门或保管人。</translation>
    </message>
    <message>
      <source>Who borrows it?</source>
      <translation>请填写借用人。</translation>
    </message>
    <message>
      <source>Enter the date it is due back.</source>
      <translation>请输入应还日期。</translation>
    </message>
    <message>
      <source>Choose the cause.</source>
      <translation>请选择损坏原因。</translation>
    </message>
    <message>
      <source>Describe the damage.</source>
      <translation>请说明损坏情况。</translation>
    </message>
    <message>
      <source>Name the person responsible: they pay the compensation.</source>
      <translation>请填写责任人：由其承担赔偿。</translation>
    </message>
    <message>
      <source>Deliberate damage needs a discipline note.</source>
      <translation>故意损坏须填写处分意见。</translation>
    </message>
    <message>
      <source>Give the reason.</source>
      <translation>请填写原因。</translation>
    </message>
    <message>
      <source>Who approved it?</source>
      <translation>请填写审批人。</translation>
    </message>
    <message>
      <source>Choose the disposal method.</source>
      <translation>请选择处置方式。</translation>
    </message>
    <message>
      <source>The asset no longer exists.</source>
      <translation>该资产已不存在。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>Choose a category.</source>
      <translation>请选择资产分类。</translation>
    </message>
    <message>
      <source>Unknown category.</source>
      <translation>资产分类无效。</translation>
    </message>
    <message>
      <source>Unknown value.</source>
      <translation>没有这一项，请从列表中选择。</translation>
    </message>
    <message>
      <source>Use “Write off” to dispose of an asset; a disposed asset cannot be changed back.</source>
      <translation>处置资产请用“报废”；已处置的资产不能改回。</translation>
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
      <source>Choose the records to void.</source>
      <translation>请选择要作废的记录。</translation>
    </message>
    <message>
      <source>A quantity can be given for one asset only.</source>
      <translation>只能为一项资产填写数量。</translation>
    </message>
    <message>
      <source>The due date cannot be before the loan date.</source>
      <translation>应还日期不能早于借出日期。</translation>
    </message>
    <message>
      <source>Returned by {name}</source>
      <translation>{name} 已归还</translation>
    </message>
    <message>
      <source>Damage ({cause}): {description}</source>
      <translation>报损（{cause}）：{description}</translation>
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
      <source>A record entered in error is voided, not given another status.</source>
      <translation>登记错误的记录应作废，而不是改成其他状态。</translation>
    </message>
    <message>
      <source>Copy into 1 to 1000 records.</source>
      <translation>可复制成 1 至 1000 条。</translation>
    </message>
    <message>
      <source>A disposed asset cannot be changed; only its notes can be edited.</source>
      <translation>已处置的资产不能修改，只能编辑备注。</translation>
    </message>
    <message>
      <source>{label}: {old} → {new}</source>
      <translation>{label}：{old} → {new}</translation>
    </message>
    <message>
      <source>Give the reason for voiding.</source>
      <translation>请填写作废原因。</translation>
    </message>
    <message>
      <source>{changes} ({reason})</source>
      <translation>{changes}（{reason}）</translation>
    </message>
    <message>
      <source>Lent to {name}, due back {due}</source>
      <translation>借给 {name}，应于 {due} 归还</translation>
    </message>
    <message>
      <source>The return date cannot be before the loan date.</source>
      <translation>归还日期不能早于借出日期。</translation>
    </message>
    <message>
      <source>Between 1 and {n}.</source>
      <translation>应在 1 至 {n} 之间。</translation>
    </message>
    <message>
      <source>Written off ({method}): {reason}; approved by {approver}</source>
      <translation>报废处置（{method}）：{reason}；审批人 {approver}</translation>
    </message>
    <message>
      <source>{n} {unit} split off into {number} ({reason}); {left} {unit} remain</source>
      <translation>拆出 {n} {unit}，另立为 {number}（{reason}）；剩余 {left} {unit}</translation>
    </message>
    <message>
      <source>Split off {number}: {n} of {total} {unit} ({reason})</source>
      <translation>从 {number} 拆分：{total} {unit}中的 {n} {unit}（{reason}）</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Registered: {name}, {qty} {unit}, {amount} yuan</source>
      <translation>登记：{name}，{qty} {unit}，{amount} 元</translation>
    </message>
    <message>
      <source>{n} of these records were changed, lent, moved or counted since they were registered, so they cannot be voided: {numbers}. Nothing was voided.</source>
      <translation>其中 {n} 条记录在登记后已被修改、借出、调拨或盘点，不能作废：{numbers}。未作废任何记录。</translation>
    </message>
    <message>
      <source>Asset {number} is {status}; this cannot be done.</source>
      <translation>资产 {number} 的状态为“{status}”，不能办理此项。</translation>
    </message>
    <message>
      <source>Asset {number} is {status} and cannot be lent.</source>
      <translation>资产 {number} 的状态为“{status}”，不能借出。</translation>
    </message>
    <message>
      <source>Asset {number} is not on loan.</source>
      <translation>资产 {number} 未借出。</translation>
    </message>
    <message>
      <source>Asset {number} has already been written off.</source>
      <translation>资产 {number} 已经报废处置。</translation>
    </message>
    <message>
      <source>Asset {number} is on loan: take it back first.</source>
      <translation>资产 {number} 已借出：请先办理归还。</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字。</translation>
    </message>
    <message>
      <source> ({days} days late)</source>
      <translation>（逾期 {days} 天）</translation>
    </message>
    <message>
      <source>; {name} pays {amount} yuan</source>
      <translation>；{name} 赔偿 {amount} 元</translation>
    </message>
    <message>
      <source>split off {number}</source>
      <translation>从 {number} 拆分</translation>
    </message>
    <message>
      <source>{label}: {value}</source>
      <translation>{label}：{value}</translation>
    </message>
    <message>
      <source>lent to {name}</source>
      <translation>借给{name}</translation>
    </message>
    <message>
      <source>Import the old register (the Excel file kept until now).</source>
      <translation>导入原有台账（一直在用的 Excel 表）。</translation>
    </message>
    <message>
      <source>Register the first asset.</source>
      <translation>登记第一件资产。</translation>
    </message>
    <message>
      <source>Loans overdue: {n} (the longest: {number} {name}, lent to {borrower}, due {due})</source>
      <translation>借用逾期：{n} 件（最久的：{number} {name}，借给 {borrower}，应还日期 {due}）</translation>
    </message>
    <message>
      <source>Loans due back today: {n} ({names}{more})</source>
      <translation>今天应归还的借用：{n} 件（{names}{more}）</translation>
    </message>
    <message>
      <source>Warranties ending within {days} days: {n} (the first on {date})</source>
      <translation>{days} 天内保修到期：{n} 件（最早 {date} 到期）</translation>
    </message>
    <message>
      <source>Natural wear: the school bears the loss; nobody pays.</source>
      <translation>自然损耗：由学校承担，无需赔偿。</translation>
    </message>
    <message>
      <source>Deliberate damage: the person responsible pays double (加倍赔偿) and a discipline note is recorded.</source>
      <translation>故意损坏：由责任人加倍赔偿，并记录处分意见。</translation>
    </message>
    <message>
      <source>(unchanged)</source>
      <translation>（不变）</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Empty: assigned automatically</source>
      <translation>留空自动编号</translation>
    </message>
    <message>
      <source>pc</source>
      <translation>台</translation>
    </message>
    <message>
      <source>Under warranty until</source>
      <translation>保修至</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>资产名称 *</translation>
    </message>
    <message>
      <source>Category *</source>
      <translation>资产分类 *</translation>
    </message>
    <message>
      <source>Quantity *</source>
      <translation>数量 *</translation>
    </message>
    <message>
      <source>Unit price (yuan)</source>
      <translation>单价（元）</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Acquired on *</source>
      <translation>购置日期 *</translation>
    </message>
    <message>
      <source>Warranty</source>
      <translation>保修</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>Quantity to transfer</source>
      <translation>调拨数量</translation>
    </message>
    <message>
      <source>New place</source>
      <translation>新存放地点</translation>
    </message>
    <message>
      <source>New department / class</source>
      <translation>新部门/班级</translation>
    </message>
    <message>
      <source>New custodian</source>
      <translation>新保管人</translation>
    </message>
    <message>
      <source>Reason *</source>
      <translation>原因 *</translation>
    </message>
    <message>
      <source>Quantity to lend</source>
      <translation>借出数量</translation>
    </message>
    <message>
      <source>Borrower *</source>
      <translation>借用人 *</translation>
    </message>
    <message>
      <source>A staff member, or type any name</source>
      <translation>选择教职工，或直接输入姓名</translation>
    </message>
    <message>
      <source>Due back *</source>
      <translation>应还日期 *</translation>
    </message>
    <message>
      <source>Condition / note</source>
      <translation>归还时状况/备注</translation>
    </message>
    <message>
      <source>Cause *</source>
      <translation>损坏原因 *</translation>
    </message>
    <message>
      <source>What is damaged *</source>
      <translation>损坏情况 *</translation>
    </message>
    <message>
      <source>Quantity damaged</source>
      <translation>损坏数量</translation>
    </message>
    <message>
      <source>A staff member, or type a student's name</source>
      <translation>选择教职工，或输入学生姓名</translation>
    </message>
    <message>
      <source>The asset is now</source>
      <translation>资产现状</translation>
    </message>
    <message>
      <source>original price</source>
      <translation>原价</translation>
    </message>
    <message>
      <source>net book value</source>
      <translation>账面净值</translation>
    </message>
    <message>
      <source>Quantity to write off</source>
      <translation>报废数量</translation>
    </message>
    <message>
      <source>Approved by *</source>
      <translation>审批人 *</translation>
    </message>
    <message>
      <source>Disposal method *</source>
      <translation>处置方式 *</translation>
    </message>
    <message>
      <source>&amp;Write off</source>
      <translation>处置(&amp;W)</translation>
    </message>
    <message>
      <source>For records entered in error that nothing has happened to since. They leave the register (the status filter “Voided” still finds them); nothing is deleted and the change record keeps everything.</source>
      <translation>用于登记错误、此后未发生任何业务的记录。作废后不再出现在台账中（状态筛选“作废”仍可查到）；不删除任何数据，修改记录完整保留。</translation>
    </message>
    <message>
      <source>&amp;Void</source>
      <translation>作废(&amp;V)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Overdue loans</source>
      <translation>逾期未还</translation>
    </message>
    <message>
      <source>Show them in the register</source>
      <translation>在台账中只看这些</translation>
    </message>
    <message>
      <source>Import assets</source>
      <translation>导入资产</translation>
    </message>
    <message>
      <source>Import the probable duplicates too</source>
      <translation>同时导入这些疑似重复行</translation>
    </message>
    <message>
      <source>Save the error report…</source>
      <translation>保存错误报告…</translation>
    </message>
    <message>
      <source>Which column of the file holds it? The choice is remembered for files with the same headers.</source>
      <translation>文件中哪一列是它？所选对应关系会为列名相同的文件记住。</translation>
    </message>
    <message>
      <source>&amp;Read the file again with these columns</source>
      <translation>按这些列重新读取文件(&amp;R)</translation>
    </message>
    <message>
      <source>Categories the school does not have: choose one of the school's categories for each (remembered for later imports).</source>
      <translation>以下分类学校没有：请为每一个选择学校的一个分类（以后导入时会记住）。</translation>
    </message>
    <message>
      <source>&amp;Use these categories and check again</source>
      <translation>使用这些分类并重新检查(&amp;U)</translation>
    </message>
    <message>
      <source>Search number, name, model, place, custodian, department…</source>
      <translation>搜索编号、名称、型号、地点、保管人、部门…</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <source>No asset matches the search and filters.</source>
      <translation>没有符合搜索和筛选条件的资产。</translation>
    </message>
    <message>
      <source>The register is empty.

Register the first asset, or import the register you keep in Excel (.xlsx, .xls or .csv). The import template shows the columns the program reads; your own file works too.</source>
      <translation>资产台账还是空的。

请登记第一件资产，或导入您用 Excel 记的台账（.xlsx、.xls 或 .csv）。导入模板列出了程序能读取的列；您自己的表格也可以直接导入。</translation>
    </message>
    <message>
      <source>Import an asset register</source>
      <translation>导入资产台账</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.csv);;All files (*)</source>
      <translation>表格文件 (*.xlsx *.xlsm *.xls *.et *.csv);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Export the register</source>
      <translation>导出资产台账</translation>
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
      <source> record</source>
      <translation> 条</translation>
    </message>
    <message>
      <source> records</source>
      <translation> 条</translation>
    </message>
    <message>
      <source>Register an asset</source>
      <translation>登记资产</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Copy into</source>
      <translation>复制成</translation>
    </message>
    <message>
      <source>A batch of identical items, each with its own number</source>
      <translation>一批相同的物品，每件一个编号</translation>
    </message>
    <message>
      <source>Below the fixed-asset threshold: registered as a low-value item.</source>
      <translation>低于固定资产标准：按低值易耗品登记。</translation>
    </message>
    <message>
      <source>Writing off cannot be undone.</source>
      <translation>处置后不能撤销。</translation>
    </message>
    <message>
      <source>The whole import it came with: {summary}, {time}, 1 record</source>
      <translation>它所属的整次导入：{summary}，{time}，共 1 条记录</translation>
    </message>
    <message>
      <source>The whole import it came with: {summary}, {time}, {n} records</source>
      <translation>它所属的整次导入：{summary}，{time}，共 {n} 条记录</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Old value</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>New value</source>
      <translation>新值</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <source>Lent to {name} on {lent}, due back {due}</source>
      <translation>{lent} 借给 {name}，应于 {due} 归还</translation>
    </message>
    <message>
      <source>Row number</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Cell value</source>
      <translation>单元格内容</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Nothing is imported while a row is wrong. Correct the file and import it again, or import only the valid rows.</source>
      <translation>只要有一行错误，就不会导入任何数据。请改正文件后重新导入，或只导入正确的行。</translation>
    </message>
    <message>
      <source>Every row is correct.</source>
      <translation>所有行都正确。</translation>
    </message>
    <message>
      <source>(choose a column)</source>
      <translation>（选择一列）</translation>
    </message>
    <message>
      <source>Import 1 row</source>
      <translation>导入 1 行</translation>
    </message>
    <message>
      <source>Import {n} rows</source>
      <translation>导入 {n} 行</translation>
    </message>
    <message>
      <source>Import only the valid row</source>
      <translation>只导入正确的 1 行</translation>
    </message>
    <message>
      <source>Import only the {n} valid rows</source>
      <translation>只导入正确的 {n} 行</translation>
    </message>
    <message>
      <source>Save the error report</source>
      <translation>保存错误报告</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>&amp;Register…</source>
      <translation>登记(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>修改(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Transfer…</source>
      <translation>调拨(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Lend…</source>
      <translation>借出(&amp;L)…</translation>
    </message>
    <message>
      <source>Ta&amp;ke back…</source>
      <translation>归还(&amp;K)…</translation>
    </message>
    <message>
      <source>Report &amp;damage…</source>
      <translation>报损(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Write off…</source>
      <translation>报废(&amp;W)…</translation>
    </message>
    <message>
      <source>Histor&amp;y</source>
      <translation>履历(&amp;Y)</translation>
    </message>
    <message>
      <source>&amp;Void…</source>
      <translation>作废(&amp;V)…</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>导出(&amp;X)…</translation>
    </message>
    <message>
      <source>Import te&amp;mplate…</source>
      <translation>导入模板(&amp;M)…</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部分类</translation>
    </message>
    <message>
      <source>All places</source>
      <translation>全部地点</translation>
    </message>
    <message>
      <source>All departments and classes</source>
      <translation>全部部门和班级</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>What the filter shows</source>
      <translation>导出筛选结果</translation>
    </message>
    <message>
      <source>The whole register</source>
      <translation>导出全部台账</translation>
    </message>
    <message>
      <source>Save the import template</source>
      <translation>保存导入模板</translation>
    </message>
    <message>
      <source>This asset is disposed: only the notes can be edited.</source>
      <translation>此资产已处置：只能编辑备注。</translation>
    </message>
    <message>
      <source>This record is voided: only the notes can be edited.</source>
      <translation>此记录已作废：只能编辑备注。</translation>
    </message>
    <message>
      <source>The whole line: {qty} {unit}.</source>
      <translation>整条记录：{qty} {unit}。</translation>
    </message>
    <message>
      <source>{qty} of {total} {unit} are split off into their own record {part}; {left} {unit} stay in {number}.</source>
      <translation>从 {total} {unit}中拆出 {qty} {unit}，单独登记为 {part}；{number} 保留 {left} {unit}。</translation>
    </message>
    <message>
      <source>{number} {name}: now at {place}, {department}, custodian {custodian}</source>
      <translation>{number} {name}：现存放于 {place}，{department}，保管人 {custodian}</translation>
    </message>
    <message>
      <source>{n} assets selected</source>
      <translation>已选 {n} 件资产</translation>
    </message>
    <message>
      <source>Lend {number} {name}</source>
      <translation>借出 {number} {name}</translation>
    </message>
    <message>
      <source>{number} {name}, {qty} {unit}, at {place}</source>
      <translation>{number} {name}，{qty} {unit}，存放于 {place}</translation>
    </message>
    <message>
      <source>Take back {number} {name}</source>
      <translation>归还 {number} {name}</translation>
    </message>
    <message>
      <source>Report damage: {number} {name}</source>
      <translation>报损：{number} {name}</translation>
    </message>
    <message>
      <source>{number} {name}, {qty} {unit} (the whole line), original value {amount} yuan, net book value {nbv} yuan</source>
      <translation>{number} {name}，{qty} {unit}（整条记录），原值 {amount} 元，净值 {nbv} 元</translation>
    </message>
    <message>
      <source>{n} assets, net book value {nbv} yuan</source>
      <translation>{n} 件资产，账面净值合计 {nbv} 元</translation>
    </message>
    <message>
      <source>{number} {name}: {qty} of {total} {unit}, original value {amount} yuan, net book value {nbv} yuan</source>
      <translation>{number} {name}：{total} {unit}中的 {qty} {unit}，原值 {amount} 元，净值 {nbv} 元</translation>
    </message>
    <message>
      <source>Void {number} {name}</source>
      <translation>作废 {number} {name}</translation>
    </message>
    <message>
      <source>Only this record: {number} {name}, {qty} {unit}</source>
      <translation>仅此记录：{number} {name}，{qty} {unit}</translation>
    </message>
    <message>
      <source>History of {number} {name}</source>
      <translation>资产履历：{number} {name}</translation>
    </message>
    <message>
      <source>History ({n})</source>
      <translation>履历（{n}）</translation>
    </message>
    <message>
      <source>Change record ({n})</source>
      <translation>变更记录（{n}）</translation>
    </message>
    <message>
      <source>No loan is overdue.</source>
      <translation>没有逾期未还的借用。</translation>
    </message>
    <message>
      <source>This category is not depreciated.</source>
      <translation>该类资产不计提折旧。</translation>
    </message>
    <message>
      <source>Low-value item: not depreciated.</source>
      <translation>低值易耗品，不计提折旧。</translation>
    </message>
    <message>
      <source> — {days} days overdue</source>
      <translation> —— 已逾期 {days} 天</translation>
    </message>
    <message>
      <source>File: {file}</source>
      <translation>文件：{file}</translation>
    </message>
    <message>
      <source>{rows} rows read: {good} can be imported, {bad} have errors.</source>
      <translation>共读取 {rows} 行：{good} 行可以导入，{bad} 行有错误。</translation>
    </message>
    <message>
      <source>Cancelled. Nothing was imported.</source>
      <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>&amp;Overdue loans ({n})</source>
      <translation>逾期未还（{n}）(&amp;O)</translation>
    </message>
    <message>
      <source>Select an asset to see its details and net book value.</source>
      <translation>选中一件资产，可在此查看详情和账面净值。</translation>
    </message>
    <message>
      <source>Reading {file}…</source>
      <translation>正在读取 {file}…</translation>
    </message>
    <message>
      <source>Asset import template</source>
      <translation>资产导入模板</translation>
    </message>
    <message>
      <source>Edit asset {number}</source>
      <translation>修改资产 {number}</translation>
    </message>
    <message>
      <source>The number is assigned on saving, like {example}.</source>
      <translation>保存时自动编号，如 {example}。</translation>
    </message>
    <message>
      <source>{n} records will be registered, each with its own number.</source>
      <translation>将登记 {n} 条记录，每条一个编号。</translation>
    </message>
    <message>
      <source>Price ({basis}): {base} yuan → compensation {comp} yuan</source>
      <translation>计价（{basis}）：{base} 元 → 应赔偿 {comp} 元</translation>
    </message>
    <message>
      <source>Write off {number} {name}</source>
      <translation>报废/处置 {number} {name}</translation>
    </message>
    <message>
      <source>Write off {n} assets</source>
      <translation>报废/处置 {n} 项资产</translation>
    </message>
    <message>
      <source>The record stays in the register with the status “Disposed”.</source>
      <translation>记录仍保留在台账中，状态为“已处置”。</translation>
    </message>
    <message>
      <source>(all fields)</source>
      <translation>（全部字段）</translation>
    </message>
    <message>
      <source>1 loan is past its due date.</source>
      <translation>有 1 笔借用已过应还日期。</translation>
    </message>
    <message>
      <source>{n} loans are past their due date.</source>
      <translation>有 {n} 笔借用已过应还日期。</translation>
    </message>
    <message>
      <source>Depreciation: straight line over {years} years, {months} months so far.</source>
      <translation>折旧：按 {years} 年平均年限法按月计提，已计提 {months} 个月。</translation>
    </message>
    <message>
      <source>Skipped (not data): {rows}</source>
      <translation>已跳过（非数据行）：{rows}</translation>
    </message>
    <message>
      <source>Columns not imported: {cols}</source>
      <translation>未导入的列：{cols}</translation>
    </message>
    <message>
      <source>Will be created:</source>
      <translation>将新建：</translation>
    </message>
    <message>
      <source>{category} ({n} rows)</source>
      <translation>{category}（{n} 行）</translation>
    </message>
    <message>
      <source>-errors</source>
      <translation>-错误报告</translation>
    </message>
    <message>
      <source>{n} of {total}</source>
      <translation>共 {n} 条（全部 {total} 条）</translation>
    </message>
    <message>
      <source>{n} in all</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <source>Export what the filter shows ({n}) or the whole register ({total})?</source>
      <translation>导出筛选结果（{n} 条）还是全部台账（{total} 条）？</translation>
    </message>
    <message>
      <source>place</source>
      <translation>存放地点</translation>
    </message>
    <message>
      <source>custodian</source>
      <translation>保管人</translation>
    </message>
    <message>
      <source>unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>No {fields} yet. It can be completed later with Edit; press Save again to register it as it is.</source>
      <translation>尚未填写{fields}。可以以后用“修改”补全；再按一次“保存”即按现状登记。</translation>
    </message>
    <message>
      <source>Accumulated depreciation: {value} yuan</source>
      <translation>累计折旧：{value} 元</translation>
    </message>
    <message>
      <source>{n} assets selected.</source>
      <translation>已选 {n} 件资产。</translation>
    </message>
    <message>
      <source>Net book value: {value} yuan</source>
      <translation>账面净值：{value} 元</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>row {row} ({why})</source>
      <translation>第 {row} 行（{why}）</translation>
    </message>
  </context>
</TS>
