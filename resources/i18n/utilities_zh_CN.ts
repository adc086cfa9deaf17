<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>utilities</name>
    <message>
      <source>Utilities</source>
      <translation>水电费用</translation>
    </message>
    <message>
      <source>{n} rows exported to {path}.</source>
      <translation>已导出 {n} 行到 {path}。</translation>
    </message>
    <message>
      <source>--year: give a year such as 2026.</source>
      <translation>--year：请给出年份，例如 2026。</translation>
    </message>
    <message>
      <source>Nothing was imported. Correct the rows above, or use --skip-invalid to import only the valid rows.</source>
      <translation>未导入任何数据。请改正上面的行，或用 --skip-invalid 只导入正确的行。</translation>
    </message>
    <message>
      <source>{n} readings imported.</source>
      <translation>已导入 {n} 条读数。</translation>
    </message>
    <message>
      <source>--month: give the month as YYYY-MM, e.g. 2026-11.</source>
      <translation>--month：请按 YYYY-MM 给出月份，例如 2026-11。</translation>
    </message>
    <message>
      <source>Dry run: nothing was written. {n} rows would be imported.</source>
      <translation>试运行：未写入任何数据。将导入 {n} 行。</translation>
    </message>
    <message>
      <source>Meter readings</source>
      <translation>抄表</translation>
    </message>
    <message>
      <source>Utility bills</source>
      <translation>水电费账单</translation>
    </message>
    <message>
      <source>Demo utilities created</source>
      <translation>已创建水电费用示例数据</translation>
    </message>
    <message>
      <source>Meter</source>
      <translation>表计</translation>
    </message>
    <message>
      <source>The meter's name or number, as in the program.</source>
      <translation>表计名称或表号，与程序中一致。</translation>
    </message>
    <message>
      <source>Read on</source>
      <translation>抄表日期</translation>
    </message>
    <message>
      <source>Reading</source>
      <translation>读数</translation>
    </message>
    <message>
      <source>Reading kind</source>
      <translation>读数类型</translation>
    </message>
    <message>
      <source>Empty or 正常; 换表 for a meter change; 翻转 for a rollover.</source>
      <translation>留空或填“正常”；换表填“换表”；满度归零填“翻转”。</translation>
    </message>
    <message>
      <source>Start value</source>
      <translation>起始读数</translation>
    </message>
    <message>
      <source>A meter change or rollover: the new meter's start value.</source>
      <translation>换表或翻转时：新表的起始读数。</translation>
    </message>
    <message>
      <source>Old meter's last reading</source>
      <translation>旧表止码</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Nothing was imported: some rows have problems.</source>
      <translation>未导入任何数据：有些行有问题。</translation>
    </message>
    <message>
      <source>Meters and accounts</source>
      <translation>表计与户头</translation>
    </message>
    <message>
      <source>Readings</source>
      <translation>读数</translation>
    </message>
    <message>
      <source>Bills</source>
      <translation>账单</translation>
    </message>
    <message>
      <source>Monthly figures</source>
      <translation>月度统计</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>No meter has this name or number.</source>
      <translation>没有这个名称或表号的表计。</translation>
    </message>
    <message>
      <source>This is an account without a meter: it has bills, not readings.</source>
      <translation>这是无表户头：只有账单，没有读数。</translation>
    </message>
    <message>
      <source>{n} rows read: {good} good, {bad} with problems.</source>
      <translation>共读取 {n} 行：{good} 行正确，{bad} 行有问题。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>楼栋</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Main meter</source>
      <translation>总表</translation>
    </message>
    <message>
      <source>Multiplier</source>
      <translation>倍率</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>Consumption</source>
      <translation>用量</translation>
    </message>
    <message>
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <source>Reason voided</source>
      <translation>作废原因</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>户头</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Quantity billed</source>
      <translation>账单用量</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Metered</source>
      <translation>表计用量</translation>
    </message>
    <message>
      <source>Billed − metered</source>
      <translation>账单−表计</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>缴费日期</translation>
    </message>
    <message>
      <source>Invoice No.</source>
      <translation>发票号</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>用量</translation>
    </message>
    <message>
      <source>Year on year</source>
      <translation>同比</translation>
    </message>
    <message>
      <source>Month on month</source>
      <translation>环比</translation>
    </message>
    <message>
      <source>Cost (yuan)</source>
      <translation>费用（元）</translation>
    </message>
    <message>
      <source>Per student</source>
      <translation>生均</translation>
    </message>
    <message>
      <source>per m²</source>
      <translation>每平方米</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>发现</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>Repair ticket</source>
      <translation>维修单</translation>
    </message>
    <message>
      <source>Missing columns: {names}</source>
      <translation>缺少列：{names}</translation>
    </message>
    <message>
      <source>Electricity use</source>
      <translation>用电量</translation>
    </message>
    <message>
      <source>Water use</source>
      <translation>用水量</translation>
    </message>
    <message>
      <source>Gas use</source>
      <translation>用气量</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Utilities report</source>
      <translation>水电费用报表</translation>
    </message>
    <message>
      <source>Monthly utilities report</source>
      <translation>水电费用月报</translation>
    </message>
    <message>
      <source>Students / floor area</source>
      <translation>学生数 / 建筑面积</translation>
    </message>
    <message>
      <source>Use and cost by month</source>
      <translation>逐月用量与费用</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Last year (yuan)</source>
      <translation>上年（元）</translation>
    </message>
    <message>
      <source>Cost by item (telephone, network and printing included)</source>
      <translation>费用构成（含电话、网络、打印）</translation>
    </message>
    <message>
      <source>None.</source>
      <translation>无。</translation>
    </message>
    <message>
      <source>Floor area m²</source>
      <translation>建筑面积（平方米）</translation>
    </message>
    <message>
      <source>By building (sub-meters where a building has them; cost at the period's average price)</source>
      <translation>分楼栋（有分表的按分表；费用按本期平均单价）</translation>
    </message>
    <message>
      <source> (in ten thousands)</source>
      <translation>（单位：万）</translation>
    </message>
    <message>
      <source>Waste found early (flags)</source>
      <translation>浪费预警</translation>
    </message>
    <message>
      <source>Year {year}</source>
      <translation>{year}年</translation>
    </message>
    <message>
      <source>Cost per student (yuan)</source>
      <translation>生均费用（元）</translation>
    </message>
    <message>
      <source>{what}: twelve months against last year</source>
      <translation>{what}：近十二个月与上年对比</translation>
    </message>
    <message>
      <source> (in thousands)</source>
      <translation>（单位：千）</translation>
    </message>
    <message>
      <source>{value} (year on year {pct})</source>
      <translation>{value}（同比 {pct}）</translation>
    </message>
    <message>
      <source>{what} per student: {value}</source>
      <translation>生均{what}：{value}</translation>
    </message>
    <message>
      <source>{what} per m²: {value}</source>
      <translation>每平方米{what}：{value}</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Prepared by</source>
      <translation>制表人</translation>
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
      <source>Electricity</source>
      <translation>电</translation>
    </message>
    <message>
      <source>Water</source>
      <translation>水</translation>
    </message>
    <message>
      <source>Gas</source>
      <translation>燃气</translation>
    </message>
    <message>
      <source>Telephone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>网络</translation>
    </message>
    <message>
      <source>Printing and copying</source>
      <translation>打印复印</translation>
    </message>
    <message>
      <source>kWh</source>
      <translation>度</translation>
    </message>
    <message>
      <source>t</source>
      <translation>吨</translation>
    </message>
    <message>
      <source>m³</source>
      <translation>立方米</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Meter change</source>
      <translation>换表</translation>
    </message>
    <message>
      <source>Rollover</source>
      <translation>翻转</translation>
    </message>
    <message>
      <source>Above the same month last year</source>
      <translation>高于上年同月</translation>
    </message>
    <message>
      <source>Above the three months before</source>
      <translation>高于前三个月</translation>
    </message>
    <message>
      <source>Use on holidays or weekends</source>
      <translation>节假日/周末用量</translation>
    </message>
    <message>
      <source>Sub-meters do not add up to the main meter</source>
      <translation>分表之和与总表不符</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新</translation>
    </message>
    <message>
      <source>Repair ticket opened</source>
      <translation>已开维修单</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>已排除</translation>
    </message>
    <message>
      <source>No longer found</source>
      <translation>已不再出现</translation>
    </message>
    <message>
      <source>Unknown value.</source>
      <translation>无效的值。</translation>
    </message>
    <message>
      <source>Only a meter can be a sub-meter.</source>
      <translation>只有表计才能作分表。</translation>
    </message>
    <message>
      <source>The multiplier of a meter with readings cannot change: the readings already taken were worked out with it. Record a meter change on a new meter instead.</source>
      <translation>已有读数的表计不能改倍率：已抄读数是按它计算的。请改为登记换表（新表）。</translation>
    </message>
    <message>
      <source>Choose what it measures.</source>
      <translation>请选择计量类别。</translation>
    </message>
    <message>
      <source>A meter that has readings cannot change what it measures.</source>
      <translation>已有读数的表计不能更改计量类别。</translation>
    </message>
    <message>
      <source>Give it a name, e.g. 教学楼电表.</source>
      <translation>请填写名称，例如 教学楼电表。</translation>
    </message>
    <message>
      <source>Enter the day the meter was read.</source>
      <translation>请填写抄表日期。</translation>
    </message>
    <message>
      <source>Enter the reading: a number of 0 or more.</source>
      <translation>请填写读数：0 或以上的数字。</translation>
    </message>
    <message>
      <source>Enter the new start value: a number of 0 or more.</source>
      <translation>请填写新起始读数：0 或以上的数字。</translation>
    </message>
    <message>
      <source>Enter the old meter's last reading: a number of 0 or more.</source>
      <translation>请填写旧表止码：0 或以上的数字。</translation>
    </message>
    <message>
      <source>A meter change needs the new meter's start value.</source>
      <translation>换表需要填写新表的起始读数。</translation>
    </message>
    <message>
      <source>Choose the account the bill is for.</source>
      <translation>请选择账单所属户头。</translation>
    </message>
    <message>
      <source>Enter the amount: a sum of money of 0 or more, e.g. 3520.50.</source>
      <translation>请填写金额：0 或以上，例如 3520.50。</translation>
    </message>
    <message>
      <source>Enter the quantity billed: a number of 0 or more.</source>
      <translation>请填写账单用量：0 或以上的数字。</translation>
    </message>
    <message>
      <source>Enter the unit price: a number of 0 or more.</source>
      <translation>请填写单价：0 或以上的数字。</translation>
    </message>
    <message>
      <source>Enter the day it was paid.</source>
      <translation>请填写缴费日期。</translation>
    </message>
    <message>
      <source>The meter or account no longer exists.</source>
      <translation>该表计或户头已不存在。</translation>
    </message>
    <message>
      <source>The multiplier is a number above 0 (1 for a plain meter, e.g. 80 for a current-transformer meter).</source>
      <translation>倍率须大于 0（普通表为 1，互感器表如 80）。</translation>
    </message>
    <message>
      <source>A reading cannot be dated in the future.</source>
      <translation>抄表日期不能是将来。</translation>
    </message>
    <message>
      <source>Unknown meter.</source>
      <translation>未知表计。</translation>
    </message>
    <message>
      <source>The reading no longer exists.</source>
      <translation>该读数已不存在。</translation>
    </message>
    <message>
      <source>This reading has already been voided.</source>
      <translation>该读数已作废。</translation>
    </message>
    <message>
      <source>The bill no longer exists.</source>
      <translation>该账单已不存在。</translation>
    </message>
    <message>
      <source>The day paid cannot be in the future.</source>
      <translation>缴费日期不能是将来。</translation>
    </message>
    <message>
      <source>This bill has already been voided.</source>
      <translation>该账单已作废。</translation>
    </message>
    <message>
      <source>The flag no longer exists.</source>
      <translation>该预警已不存在。</translation>
    </message>
    <message>
      <source>The repair log is not part of this program, so no repair ticket can be opened.</source>
      <translation>本程序未包含维修登记，无法开维修单。</translation>
    </message>
    <message>
      <source>Utilities flag: {text}</source>
      <translation>水电预警：{text}</translation>
    </message>
    <message>
      <source>This flag has already been dismissed.</source>
      <translation>该预警已排除。</translation>
    </message>
    <message>
      <source>A meter cannot be its own main meter.</source>
      <translation>表计不能是自己的总表。</translation>
    </message>
    <message>
      <source>Say why it is no longer used.</source>
      <translation>请说明停用原因。</translation>
    </message>
    <message>
      <source>{name} is an account without a meter: it has bills, not readings.</source>
      <translation>{name} 是无表户头：只有账单，没有读数。</translation>
    </message>
    <message>
      <source>{name} is no longer in use.</source>
      <translation>{name} 已停用。</translation>
    </message>
    <message>
      <source>The start value cannot be above the reading.</source>
      <translation>起始读数不能大于本次读数。</translation>
    </message>
    <message>
      <source>Say why the reading is voided.</source>
      <translation>请说明读数作废原因。</translation>
    </message>
    <message>
      <source>The reading before it was voided.</source>
      <translation>其前一条读数已作废。</translation>
    </message>
    <message>
      <source>This bill has been voided and can no longer be changed.</source>
      <translation>该账单已作废，不能再修改。</translation>
    </message>
    <message>
      <source>Say why the bill is voided.</source>
      <translation>请说明账单作废原因。</translation>
    </message>
    <message>
      <source>{name}: {month} used {value} {unit}, {pct} on the same month last year ({expected} {unit}).</source>
      <translation>{name}：{month} 用量 {value} {unit}，比上年同月（{expected} {unit}）{pct}。</translation>
    </message>
    <message>
      <source>{name}: {month} used {value} {unit}, {pct} on the average of the three months before ({expected} {unit}).</source>
      <translation>{name}：{month} 用量 {value} {unit}，比前三个月平均（{expected} {unit}）{pct}。</translation>
    </message>
    <message>
      <source>{name}: {value} {unit} used over rest days up to {day} (holiday or weekend), more than the expected {expected} {unit}: a leak or something left on?</source>
      <translation>{name}：截至 {day} 的休息日（节假日或周末）用量 {value} {unit}，超过预期的 {expected} {unit}：是否漏水或长明灯？</translation>
    </message>
    <message>
      <source>{name}: in {month} its sub-meters add up to {value} {unit}, the main meter read {expected} {unit} ({pct}).</source>
      <translation>{name}：{month} 分表合计 {value} {unit}，总表 {expected} {unit}（{pct}）。</translation>
    </message>
    <message>
      <source>Say why the flag is dismissed.</source>
      <translation>请说明排除预警的原因。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-11.</source>
      <translation>请按 YYYY-MM 填写月份，例如 2026-11。</translation>
    </message>
    <message>
      <source>The main meter must measure the same as its sub-meter.</source>
      <translation>总表的计量类别须与分表相同。</translation>
    </message>
    <message>
      <source>Another meter or account is already called {name}.</source>
      <translation>已有名为 {name} 的表计或户头。</translation>
    </message>
    <message>
      <source>{name} was last read on {date}: a new reading must be dated after it (void the later reading first to correct an earlier one).</source>
      <translation>{name} 上次抄表是 {date}：新读数的日期须在其后（要更正较早的读数，请先作废后面的读数）。</translation>
    </message>
    <message>
      <source>{name} is a sub-meter: the bill belongs to its main meter.</source>
      <translation>{name} 是分表：账单应记在其总表上。</translation>
    </message>
    <message>
      <source>{name} already has a bill for {month}: correct that one, or void it first.</source>
      <translation>{name} 已有 {month} 的账单：请修改该账单，或先将其作废。</translation>
    </message>
    <message>
      <source>No longer found in the readings.</source>
      <translation>读数中已不再出现。</translation>
    </message>
    <message>
      <source>A repair ticket has already been opened for this flag: {number}.</source>
      <translation>该预警已开维修单：{number}。</translation>
    </message>
    <message>
      <source>{name} has no building: set the meter's building first, so the repair ticket says where to look.</source>
      <translation>{name} 没有所在楼栋：请先设置楼栋，维修单才知道去哪里查。</translation>
    </message>
    <message>
      <source>The first reading of a meter is its start: it needs no meter change or rollover.</source>
      <translation>表计的第一条读数是起点，不需要换表或翻转。</translation>
    </message>
    <message>
      <source>This meter has sub-meters of its own, so it cannot be a sub-meter.</source>
      <translation>该表计自己有分表，不能再作分表。</translation>
    </message>
    <message>
      <source>The reading {value} is lower than the last one, {previous}. If the meter was replaced or turned over, mark the reading as a meter change or a rollover with the new start value.</source>
      <translation>读数 {value} 低于上次的 {previous}。如已换表或满度归零，请将本次读数标为“换表”或“翻转”并填写新的起始读数。</translation>
    </message>
    <message>
      <source>The old meter's last reading cannot be below the reading before it, {previous}.</source>
      <translation>旧表止码不能低于上一次读数 {previous}。</translation>
    </message>
    <message>
      <source>The reading of {date} after this one would then be lower than the one before: void the later reading first.</source>
      <translation>那样 {date} 的后一条读数将低于前一条：请先作废后面的读数。</translation>
    </message>
    <message>
      <source>{name} is itself a sub-meter; choose a main meter.</source>
      <translation>{name} 本身是分表，请选择总表。</translation>
    </message>
    <message>
      <source>Students (for the figures per student)</source>
      <translation>学生人数（用于生均指标）</translation>
    </message>
    <message>
      <source>Flag a month above last year's or the three months before by</source>
      <translation>月用量高于上年同月或前三个月平均超过</translation>
    </message>
    <message>
      <source>Flag rest-day use above this share of the usual daily use</source>
      <translation>休息日用量超过平日日均用量的</translation>
    </message>
    <message>
      <source>Flag sub-meters further from their main meter than</source>
      <translation>分表之和与总表相差超过</translation>
    </message>
    <message>
      <source>Monthly readings are due from day</source>
      <translation>每月抄表自该日起</translation>
    </message>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
    <message>
      <source>Rest days: weekends, and days outside every term (set the terms in the master data).</source>
      <translation>休息日：周末，以及不在任何学期内的日子（学期在基础资料中设置）。</translation>
    </message>
    <message>
      <source>m²</source>
      <translation>平方米</translation>
    </message>
    <message>
      <source>Floor area of {building}</source>
      <translation>{building}建筑面积</translation>
    </message>
    <message>
      <source>New utilities flags: {n} (first: {text})</source>
      <translation>新的水电预警：{n} 条（第一条：{text}）</translation>
    </message>
    <message>
      <source>Meters not yet read this month: {n} (first: {name})</source>
      <translation>本月尚未抄表：{n} 块（第一块：{name}）</translation>
    </message>
    <message>
      <source>Utility bills not yet paid: {n}, {amount} yuan</source>
      <translation>未缴水电费账单：{n} 张，{amount} 元</translation>
    </message>
    <message>
      <source>This reading is</source>
      <translation>本次读数为</translation>
    </message>
    <message>
      <source>Start value of the new meter (or after the rollover)</source>
      <translation>新表起始读数（或归零后的起始数）</translation>
    </message>
    <message>
      <source>The old meter's last reading (if noted)</source>
      <translation>旧表止码（如有记录）</translation>
    </message>
    <message>
      <source>A rollover counts up to the next power of ten (99 850 → 100 000), then from the start value. A meter change counts the old meter up to its last reading, then the new one from its start value.</source>
      <translation>翻转：先计到满度（99 850 → 100 000），再从起始读数计。换表：旧表计到止码，新表从起始读数计。</translation>
    </message>
    <message>
      <source>Save readings</source>
      <translation>保存读数</translation>
    </message>
    <message>
      <source>Meter change / rollover…</source>
      <translation>换表 / 翻转…</translation>
    </message>
    <message>
      <source>Import from Excel…</source>
      <translation>从 Excel 导入…</translation>
    </message>
    <message>
      <source>Type each reading and press Enter for the next meter; the use is worked out for you.</source>
      <translation>逐块输入读数，按回车到下一块表；用量由程序计算。</translation>
    </message>
    <message>
      <source>Readings of the selected meter</source>
      <translation>所选表计的读数</translation>
    </message>
    <message>
      <source>Void reading…</source>
      <translation>作废读数…</translation>
    </message>
    <message>
      <source>Void reading</source>
      <translation>作废读数</translation>
    </message>
    <message>
      <source>Why is this reading voided?</source>
      <translation>为什么作废这条读数？</translation>
    </message>
    <message>
      <source>Month (YYYY-MM)</source>
      <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Unit price (empty: amount ÷ quantity)</source>
      <translation>单价（留空：金额÷用量）</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>缴费</translation>
    </message>
    <message>
      <source>Unpaid only</source>
      <translation>只看未缴</translation>
    </message>
    <message>
      <source>Void bill</source>
      <translation>作废账单</translation>
    </message>
    <message>
      <source>Why is this bill voided?</source>
      <translation>为什么作废这张账单？</translation>
    </message>
    <message>
      <source>Show dismissed and cleared flags too</source>
      <translation>也显示已排除和已消失的预警</translation>
    </message>
    <message>
      <source>Open a repair ticket</source>
      <translation>开维修单</translation>
    </message>
    <message>
      <source>Dismiss…</source>
      <translation>排除…</translation>
    </message>
    <message>
      <source>Dismiss flag</source>
      <translation>排除预警</translation>
    </message>
    <message>
      <source>Why is this not waste (e.g. an exam week, a new building)?</source>
      <translation>为什么这不是浪费（例如考试周、新楼启用）？</translation>
    </message>
    <message>
      <source>Print month report</source>
      <translation>打印月报</translation>
    </message>
    <message>
      <source>Print year report</source>
      <translation>打印年报</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出到 Excel…</translation>
    </message>
    <message>
      <source>Cost per student</source>
      <translation>生均费用</translation>
    </message>
    <message>
      <source>Preparing the utilities report…</source>
      <translation>正在生成水电费用报表…</translation>
    </message>
    <message>
      <source>Export utilities</source>
      <translation>导出水电费用</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>计量类别</translation>
    </message>
    <message>
      <source>Main meter (for a sub-meter)</source>
      <translation>总表（分表填写）</translation>
    </message>
    <message>
      <source>1 for a plain meter; a current-transformer meter's ratio, e.g. 80.</source>
      <translation>普通表为 1；互感器表填变比，例如 80。</translation>
    </message>
    <message>
      <source>Order in the round</source>
      <translation>抄表顺序</translation>
    </message>
    <message>
      <source>Show meters no longer in use</source>
      <translation>显示已停用的表计</translation>
    </message>
    <message>
      <source>No longer in use</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Last reading</source>
      <translation>上次读数</translation>
    </message>
    <message>
      <source>Last read on</source>
      <translation>上次抄表日期</translation>
    </message>
    <message>
      <source>Mark or problem</source>
      <translation>标记或问题</translation>
    </message>
    <message>
      <source>No readings typed.</source>
      <translation>没有输入读数。</translation>
    </message>
    <message>
      <source>Import readings</source>
      <translation>导入读数</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
      <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
      <source>Choose a reading in the list below first.</source>
      <translation>请先在下面的列表中选择一条读数。</translation>
    </message>
    <message>
      <source>Correct bill</source>
      <translation>修改账单</translation>
    </message>
    <message>
      <source>Enter a bill</source>
      <translation>录入账单</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Enter a bill…</source>
      <translation>录入账单…</translation>
    </message>
    <message>
      <source>Correct…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Mark paid</source>
      <translation>标为已缴</translation>
    </message>
    <message>
      <source>Void…</source>
      <translation>作废…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Choose a flag first.</source>
      <translation>请先选择一条预警。</translation>
    </message>
    <message>
      <source>By building (the year so far)</source>
      <translation>分楼栋（本年至今）</translation>
    </message>
    <message>
      <source>Set the number of students and the buildings' floor areas in the settings for the figures per student and per m².</source>
      <translation>请在设置中填写学生人数和各楼建筑面积，以计算生均和每平方米指标。</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Change meter or account</source>
      <translation>修改表计或户头</translation>
    </message>
    <message>
      <source>New meter or account</source>
      <translation>新增表计或户头</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>No longer in use…</source>
      <translation>停用…</translation>
    </message>
    <message>
      <source>Meter change or rollover: {name}</source>
      <translation>换表或翻转：{name}</translation>
    </message>
    <message>
      <source>Enter a number of 0 or more.</source>
      <translation>请输入 0 或以上的数字。</translation>
    </message>
    <message>
      <source>Not a number</source>
      <translation>不是数字</translation>
    </message>
    <message>
      <source>{n} readings saved.</source>
      <translation>已保存 {n} 条读数。</translation>
    </message>
    <message>
      <source>Unpaid</source>
      <translation>未缴</translation>
    </message>
    <message>
      <source>{n} bills, {amount} yuan</source>
      <translation>{n} 张账单，{amount} 元</translation>
    </message>
    <message>
      <source>Repair ticket {number} opened.</source>
      <translation>已开维修单 {number}。</translation>
    </message>
    <message>
      <source>cost {amount} yuan (year on year {yoy})</source>
      <translation>费用 {amount} 元（同比 {yoy}）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>(none: a main meter)</source>
      <translation>（无：本身是总表）</translation>
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
      <source>Why is {name} no longer used?</source>
      <translation>为什么停用 {name}？</translation>
    </message>
    <message>
      <source>Read already</source>
      <translation>已抄</translation>
    </message>
    <message>
      <source>Lower than the last reading: mark a meter change or rollover</source>
      <translation>低于上次读数：请标记换表或翻转</translation>
    </message>
    <message>
      <source>start {value}</source>
      <translation>起始 {value}</translation>
    </message>
    <message>
      <source>Voided: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
    <message>
      <source>{kind}: {use} {unit} (year on year {yoy})</source>
      <translation>{kind}：{use} {unit}（同比 {yoy}）</translation>
    </message>
    <message>
      <source>Put {name} back in use?</source>
      <translation>恢复使用 {name}？</translation>
    </message>
    <message>
      <source>Utilities ({n} flags)</source>
      <translation>水电费用（{n} 条预警）</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>未导入任何数据。</translation>
    </message>
    <message>
      <source>Nothing was saved:</source>
      <translation>未保存任何数据：</translation>
    </message>
    <message>
      <source>Import only the {n} good rows and leave out the others?</source>
      <translation>只导入 {n} 行正确的数据，其余不导入？</translation>
    </message>
  </context>
</TS>
