<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>canteen</name>
    <message>
      <source>Canteen</source>
      <translation>食堂</translation>
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>{n} sample records written to {path}.</source>
      <translation>已将 {n} 条留样记录写入 {path}。</translation>
    </message>
    <message>
      <source>Canteen ledgers written to {path}: {sheets}.</source>
      <translation>食堂台账已写入 {path}：{sheets}。</translation>
    </message>
    <message>
      <source>Give a date (YYYY-MM-DD).</source>
      <translation>请给出日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <source>No dishes are entered for {day}{meal}.</source>
      <translation>{day}{meal}没有录入菜品。</translation>
    </message>
    <message>
      <source>“{text}” is not a date; write it as 2026-11-23.</source>
      <translation>“{text}”不是日期，请写成 2026-11-23 的形式。</translation>
    </message>
    <message>
      <source>Canteen dishes and samples</source>
      <translation>食堂菜品及留样</translation>
    </message>
    <message>
      <source>Fridge temperature readings</source>
      <translation>冰箱测温记录</translation>
    </message>
    <message>
      <source>Morning checks</source>
      <translation>晨检记录</translation>
    </message>
    <message>
      <source>Tableware disinfections</source>
      <translation>餐用具消毒记录</translation>
    </message>
    <message>
      <source>Accompanied meals</source>
      <translation>陪餐记录</translation>
    </message>
    <message>
      <source>Demo canteen samples created: {n}</source>
      <translation>已生成演示留样记录：{n} 条</translation>
    </message>
    <message>
      <source>Record No.</source>
      <translation>留样编号</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Meal</source>
      <translation>餐次</translation>
    </message>
    <message>
      <source>Dish</source>
      <translation>菜品名称</translation>
    </message>
    <message>
      <source>Weight (g)</source>
      <translation>留样量(克)</translation>
    </message>
    <message>
      <source>Time taken</source>
      <translation>留样时间</translation>
    </message>
    <message>
      <source>Keep until</source>
      <translation>保留至</translation>
    </message>
    <message>
      <source>Fridge</source>
      <translation>存放冰箱</translation>
    </message>
    <message>
      <source>Container No.</source>
      <translation>容器编号</translation>
    </message>
    <message>
      <source>Taken by</source>
      <translation>留样人</translation>
    </message>
    <message>
      <source>Entered at</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>Disposed at</source>
      <translation>处理时间</translation>
    </message>
    <message>
      <source>Disposed by</source>
      <translation>处理人</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Temperature (°C)</source>
      <translation>温度(°C)</translation>
    </message>
    <message>
      <source>Lowest allowed (°C)</source>
      <translation>最低允许温度(°C)</translation>
    </message>
    <message>
      <source>Highest allowed (°C)</source>
      <translation>最高允许温度(°C)</translation>
    </message>
    <message>
      <source>Within range?</source>
      <translation>是否正常</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation>记录人</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Out of range</source>
      <translation>超出范围</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>消毒物品</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>消毒方式</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>时长（分钟）</translation>
    </message>
    <message>
      <source>Disinfected by</source>
      <translation>消毒人</translation>
    </message>
    <message>
      <source>Worker</source>
      <translation>从业人员</translation>
    </message>
    <message>
      <source>Certificate No.</source>
      <translation>健康证号</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>到岗</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>发现问题</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>晨检结果</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>检查人</translation>
    </message>
    <message>
      <source>School leader</source>
      <translation>陪餐领导</translation>
    </message>
    <message>
      <source>Dishes eaten</source>
      <translation>所吃菜品</translation>
    </message>
    <message>
      <source>Quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Hygiene</source>
      <translation>卫生</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Action taken</source>
      <translation>采取的措施</translation>
    </message>
    <message>
      <source>Food sample log</source>
      <translation>食品留样记录表</translation>
    </message>
    <message>
      <source>Fridge temperatures</source>
      <translation>冰箱温度</translation>
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
      <source>Tableware disinfection</source>
      <translation>餐用具消毒</translation>
    </message>
    <message>
      <source>Morning check</source>
      <translation>晨检</translation>
    </message>
    <message>
      <source>Compliance check</source>
      <translation>合规检查</translation>
    </message>
    <message>
      <source>Canteen deliveries</source>
      <translation>食堂进货</translation>
    </message>
    <message>
      <source>Food store movements</source>
      <translation>食品出入库</translation>
    </message>
    <message>
      <source>Demo deliveries and food store created: {n}</source>
      <translation>已生成演示进货及食品仓库数据：{n}</translation>
    </message>
    <message>
      <source>Each delivery is checked on arrival by two people: the supplier's licence, the inspection certificate or invoice of each food, its dates, appearance and smell, and the temperature of chilled (at most 8 °C) and frozen (at most -12 °C) food. Food that fails is refused.</source>
      <translation>每批到货由两人查验：供应商许可证，每种食品的检验合格证明或票据，生产日期和保质期，外观和气味，以及冷藏（不高于 8 °C）和冷冻（不高于 -12 °C）食品的温度。不合格的食品一律拒收。</translation>
    </message>
    <message>
      <source>Received by</source>
      <translation>验收人</translation>
    </message>
    <message>
      <source>Canteen manager</source>
      <translation>食堂负责人</translation>
    </message>
    <message>
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>Not yet counted: write the counted quantities by hand and record them in the program.</source>
      <translation>尚未盘点：请手写实盘数量，再在程序中登记。</translation>
    </message>
    <message>
      <source>{year}-{month:02d}-{day:02d}</source>
      <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
      <source>Appearance OK</source>
      <translation>外观正常</translation>
    </message>
    <message>
      <source>Appearance bad</source>
      <translation>外观异常</translation>
    </message>
    <message>
      <source>Smell OK</source>
      <translation>气味正常</translation>
    </message>
    <message>
      <source>Smell bad</source>
      <translation>气味异常</translation>
    </message>
    <message>
      <source>Date / time</source>
      <translation>日期 / 时间</translation>
    </message>
    <message>
      <source>Supplier / licence</source>
      <translation>供应商 / 许可证</translation>
    </message>
    <message>
      <source>Food</source>
      <translation>食品</translation>
    </message>
    <message>
      <source>Production date / shelf life</source>
      <translation>生产日期 / 保质期</translation>
    </message>
    <message>
      <source>Use by</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>批号</translation>
    </message>
    <message>
      <source>Papers seen</source>
      <translation>查验证票</translation>
    </message>
    <message>
      <source>Sensory check</source>
      <translation>感官检查</translation>
    </message>
    <message>
      <source>Accepted or refused</source>
      <translation>验收结论</translation>
    </message>
    <message>
      <source>※ see below</source>
      <translation>※ 见表下说明</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>验收合格</translation>
    </message>
    <message>
      <source>Document No.</source>
      <translation>单据编号</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>出入库类型</translation>
    </message>
    <message>
      <source>In</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Out</source>
      <translation>出库</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>结存</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Opening (期初)</source>
      <translation>期初</translation>
    </message>
    <message>
      <source>In (入库)</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Out (出库)</source>
      <translation>出库</translation>
    </message>
    <message>
      <source>Book balance (结存)</source>
      <translation>账面结存</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>实盘</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>差异</translation>
    </message>
    <message>
      <source>Reason for the difference</source>
      <translation>差异原因</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Movements</source>
      <translation>出入库笔数</translation>
    </message>
    <message>
      <source>Foods</source>
      <translation>食品种数</translation>
    </message>
    <message>
      <source>Month-end count</source>
      <translation>月末盘点</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Deliveries / lines / refused</source>
      <translation>进货批次 / 品种行 / 拒收</translation>
    </message>
    <message>
      <source>Food receiving record</source>
      <translation>食品进货查验记录</translation>
    </message>
    <message>
      <source>Counted on {date} by {name} ({number}).</source>
      <translation>{date} 由 {name} 盘点（{number}）。</translation>
    </message>
    <message>
      <source>recorded</source>
      <translation>已登记</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>未登记</translation>
    </message>
    <message>
      <source>Store ledger (in and out)</source>
      <translation>出入库台账</translation>
    </message>
    <message>
      <source>No movements this month.</source>
      <translation>本月没有出入库。</translation>
    </message>
    <message>
      <source>Nothing in the store this month.</source>
      <translation>本月仓库没有食品。</translation>
    </message>
    <message>
      <source>Food store ledger and month-end count</source>
      <translation>食品仓库出入库台账及月末盘点表</translation>
    </message>
    <message>
      <source>Licence {number}, valid until {date}</source>
      <translation>许可证 {number}，有效期至 {date}</translation>
    </message>
    <message>
      <source>Taken without a valid licence: {reason}</source>
      <translation>许可证无效仍进货：{reason}</translation>
    </message>
    <message>
      <source>Refused: {reason}</source>
      <translation>拒收：{reason}</translation>
    </message>
    <message>
      <source>Voided</source>
      <translation>已作废</translation>
    </message>
    <message>
      <source>Opening + in - out = book balance; the counted quantity replaces it, and each difference is recorded with its reason.</source>
      <translation>期初 + 入库 - 出库 = 账面结存；以实盘数量为准，每项差异均登记原因。</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} 天</translation>
    </message>
    <message>
      <source>VOIDED: {reason}</source>
      <translation>已作废：{reason}</translation>
    </message>
    <message>
      <source>{year}-{month:02d}</source>
      <translation>{year}年{month}月</translation>
    </message>
    <message>
      <source>Storekeeper</source>
      <translation>仓管员</translation>
    </message>
    <message>
      <source>Counted by</source>
      <translation>盘点人</translation>
    </message>
    <message>
      <source>Deliveries</source>
      <translation>进货批次</translation>
    </message>
    <message>
      <source>No deliveries are recorded for this period; the ruled lines are for writing by hand.</source>
      <translation>本期没有登记进货；空行供手工填写。</translation>
    </message>
    <message>
      <source>Ambient</source>
      <translation>常温</translation>
    </message>
    <message>
      <source>Chilled</source>
      <translation>冷藏</translation>
    </message>
    <message>
      <source>Frozen</source>
      <translation>冷冻</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>出库</translation>
    </message>
    <message>
      <source>Count difference</source>
      <translation>盘点差异</translation>
    </message>
    <message>
      <source>Discarded</source>
      <translation>报废</translation>
    </message>
    <message>
      <source>Delivery voided</source>
      <translation>进货作废冲销</translation>
    </message>
    <message>
      <source>Issue voided</source>
      <translation>出库作废退回</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>Expires soon</source>
      <translation>即将过期</translation>
    </message>
    <message>
      <source>In date</source>
      <translation>在保质期内</translation>
    </message>
    <message>
      <source>No use-by date</source>
      <translation>无到期日</translation>
    </message>
    <message>
      <source>Choose a meal.</source>
      <translation>请选择餐次。</translation>
    </message>
    <message>
      <source>Enter the day.</source>
      <translation>请填写日期。</translation>
    </message>
    <message>
      <source>Enter at least one food and its quantity.</source>
      <translation>请至少填写一种食品及其数量。</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>日期不能晚于今天。</translation>
    </message>
    <message>
      <source>Who counted?</source>
      <translation>盘点人是谁？</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <source>Nothing of that lot is left in the store.</source>
      <translation>该批次已无库存。</translation>
    </message>
    <message>
      <source>Month-end count {month}: {reason}</source>
      <translation>{month} 月末盘点：{reason}</translation>
    </message>
    <message>
      <source>Say why the issue is voided.</source>
      <translation>请写明作废这张出库单的理由。</translation>
    </message>
    <message>
      <source>Say why it is discarded.</source>
      <translation>请说明报废原因。</translation>
    </message>
    <message>
      <source>Only {stock} {unit} of {name} left in that lot.</source>
      <translation>{name} 该批次仅剩 {stock} {unit}。</translation>
    </message>
    <message>
      <source>Line {n}: “{name}” is not in the food store.</source>
      <translation>第 {n} 行：食品仓库中没有“{name}”。</translation>
    </message>
    <message>
      <source>Issue {ref} does not exist.</source>
      <translation>出库单 {ref} 不存在。</translation>
    </message>
    <message>
      <source>Issue {number} is already voided.</source>
      <translation>出库单 {number} 已作废。</translation>
    </message>
    <message>
      <source>Issue {number} cannot be voided: the month-end count of {month} is recorded.</source>
      <translation>出库单 {number} 不能作废：{month} 的月末盘点已登记。</translation>
    </message>
    <message>
      <source>{month} has not begun: there is nothing to count yet.</source>
      <translation>{month} 尚未开始，还没有可盘点的内容。</translation>
    </message>
    <message>
      <source>The count for {month} has already been recorded.</source>
      <translation>{month} 的盘点已经登记过。</translation>
    </message>
    <message>
      <source>{name}: book {book}, counted {counted}: say why they differ.</source>
      <translation>{name}：账面 {book}，实盘 {counted}，请说明差异原因。</translation>
    </message>
    <message>
      <source>{name}: the shelf holds less than the shortage counted; record the issues since the month's end first.</source>
      <translation>{name}：现有库存少于盘亏数量，请先登记月末以后的出库。</translation>
    </message>
    <message>
      <source>{month} has not begun: there is nothing to account for yet.</source>
      <translation>{month} 尚未开始，还没有可结算的内容。</translation>
    </message>
    <message>
      <source>({qty} {unit} more are past their use-by date and may not be used.)</source>
      <translation>（另有 {qty} {unit} 已过保质期，不得使用。）</translation>
    </message>
    <message>
      <source>Only {stock} {unit} of {name} can be issued on {day}: cannot issue {qty}.</source>
      <translation>{day} 可出库的{name}只有 {stock} {unit}，不能出库 {qty}。</translation>
    </message>
    <message>
      <source>Line {n}: {problem}</source>
      <translation>第 {n} 行：{problem}</translation>
    </message>
    <message>
      <source>{number} voided: {reason}</source>
      <translation>{number} 作废：{reason}</translation>
    </message>
    <message>
      <source>{name}: enter the counted quantity (0 if none is left).</source>
      <translation>{name}：请填写实盘数量（没有剩余填 0）。</translation>
    </message>
    <message>
      <source>{number} to the kitchen</source>
      <translation>{number} 出库到厨房</translation>
    </message>
    <message>
      <source>In stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Earliest use-by</source>
      <translation>最早到期日</translation>
    </message>
    <message>
      <source>Lots</source>
      <translation>批次数</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>入库日期</translation>
    </message>
    <message>
      <source>Taken from (use by)</source>
      <translation>取用批次（到期日）</translation>
    </message>
    <message>
      <source>Issue No.</source>
      <translation>出库单号</translation>
    </message>
    <message>
      <source>Collected by</source>
      <translation>领料人</translation>
    </message>
    <message>
      <source>Foods issued</source>
      <translation>出库食品</translation>
    </message>
    <message>
      <source>Discard lot…</source>
      <translation>报废批次…</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Food ⏎ quantity ⏎ adds a line; the lots expiring first are taken. Ctrl+S issues.</source>
      <translation>食品 ⏎ 数量 ⏎ 添加一行；先到期的批次先出。Ctrl+S 出库。</translation>
    </message>
    <message>
      <source>Clear the lines</source>
      <translation>清空各行</translation>
    </message>
    <message>
      <source>Issue (Ctrl+S)</source>
      <translation>出库（Ctrl+S）</translation>
    </message>
    <message>
      <source>Void issue…</source>
      <translation>作废出库单…</translation>
    </message>
    <message>
      <source>An issue recorded by mistake: voided with the reason, its food back in the store.</source>
      <translation>录错的出库单：写明理由后作废，食品退回仓库。</translation>
    </message>
    <message>
      <source>Month-end count…</source>
      <translation>月末盘点…</translation>
    </message>
    <message>
      <source>Print ledger and count</source>
      <translation>打印台账及盘点表</translation>
    </message>
    <message>
      <source>Discard lot</source>
      <translation>报废批次</translation>
    </message>
    <message>
      <source>Why is it discarded (expired, spoiled…)?</source>
      <translation>报废原因（过期、变质…）？</translation>
    </message>
    <message>
      <source>Void issue</source>
      <translation>作废出库单</translation>
    </message>
    <message>
      <source>Why is this issue voided? (It is kept, marked void; its food goes back into the store.)</source>
      <translation>为什么作废这张出库单？（记录保留，标为作废；食品退回仓库。）</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>Type the counted quantity over the book one; a difference needs its reason.</source>
      <translation>在账面数量处改填实盘数量；有差异须填写原因。</translation>
    </message>
    <message>
      <source>Lots of the selected food (first-expiring first)</source>
      <translation>所选食品的批次（先到期在前）</translation>
    </message>
    <message>
      <source>Issue to the kitchen on</source>
      <translation>出库到厨房，日期</translation>
    </message>
    <message>
      <source>collected by</source>
      <translation>领料人</translation>
    </message>
    <message>
      <source>Recent issues (7 days)</source>
      <translation>最近出库（7 天）</translation>
    </message>
    <message>
      <source>Select a lot of the food first.</source>
      <translation>请先选择食品的一个批次。</translation>
    </message>
    <message>
      <source>Select an issue in the list first.</source>
      <translation>请先在列表中选中一张出库单。</translation>
    </message>
    <message>
      <source>Month-end count {month}</source>
      <translation>{month} 月末盘点</translation>
    </message>
    <message>
      <source>{n} foods in stock; {red} expired or expiring within 3 days (red).</source>
      <translation>库存食品 {n} 种；{red} 种已过期或 3 天内到期（红色）。</translation>
    </message>
    <message>
      <source>Sampled by</source>
      <translation>留样人</translation>
    </message>
    <message>
      <source>no minimum set</source>
      <translation>未设定</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>No data: no day of this period can be checked yet (the canteen ledgers have not started, or it lies before their first day or after today). This report certifies nothing.</source>
      <translation>无数据：本期间没有可检查的日子（食堂台账尚未开始，或期间在台账第一天之前或在今天之后）。本报告不证明任何事项。</translation>
    </message>
    <message>
      <source>no data</source>
      <translation>无数据</translation>
    </message>
    <message>
      <source>Each dish of each meal is sampled, at least {min} g, in its own sealed container, kept in the dedicated fridge at 0–8 °C for at least {hours} hours.</source>
      <translation>每餐次每个品种均须留样，每个品种不少于 {min} 克，分别盛放于密闭专用容器内，置于专用冷藏设备（0–8 °C）中保存 {hours} 小时以上。</translation>
    </message>
    <message>
      <source>{n} readings a day while it holds samples</source>
      <translation>存放留样期间每天 {n} 次</translation>
    </message>
    <message>
      <source>{fridge} held samples on {days} days and has the required readings on each.</source>
      <translation>{fridge} 本期存放留样 {days} 天，每天测温次数均达到要求。</translation>
    </message>
    <message>
      <source>Allowed range (°C)</source>
      <translation>允许范围(°C)</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Each item must be put right or explained; the canteen manager signs for the corrections.</source>
      <translation>以上各项须逐项整改或说明原因，由食堂负责人签字确认。</translation>
    </message>
    <message>
      <source>No breaches: every meal of every day checked has its samples, disinfection and records in order, and every canteen worker their morning check.</source>
      <translation>无不合规项：所查每天每餐的留样、餐具消毒及记录齐全，每名从业人员均已晨检。</translation>
    </message>
    <message>
      <source>Days checked</source>
      <translation>检查天数</translation>
    </message>
    <message>
      <source>Dishes / samples</source>
      <translation>菜品数 / 留样数</translation>
    </message>
    <message>
      <source>Weight: {weight}</source>
      <translation>留样量：{weight}</translation>
    </message>
    <message>
      <source>Taken: {time}</source>
      <translation>留样时间：{time}</translation>
    </message>
    <message>
      <source>By: {name}</source>
      <translation>留样人：{name}</translation>
    </message>
    <message>
      <source>Keep until: {time}</source>
      <translation>保留至：{time}</translation>
    </message>
    <message>
      <source>{fridge} held no samples in this period: the readings-per-day requirement does not apply ({n} readings taken).</source>
      <translation>{fridge} 本期未存放留样，不适用每日测温次数要求（本期测温 {n} 次）。</translation>
    </message>
    <message>
      <source>{fridge} held samples on {days} days; on {n} of them it has fewer than {need} readings: {dates}.</source>
      <translation>{fridge} 本期存放留样 {days} 天，其中 {n} 天测温少于 {need} 次：{dates}。</translation>
    </message>
    <message>
      <source>(no readings)</source>
      <translation>（无测温记录）</translation>
    </message>
    <message>
      <source>Readings / out of range</source>
      <translation>测温次数 / 超标次数</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>要求</translation>
    </message>
    <message>
      <source>No readings are recorded for this period; the ruled lines are for writing by hand.</source>
      <translation>本期没有测温记录，下列空行供手工填写。</translation>
    </message>
    <message>
      <source>Sample fridge temperature log</source>
      <translation>留样冰箱温度记录表</translation>
    </message>
    <message>
      <source>Disinfections / days with morning checks / accompanied meals</source>
      <translation>消毒次数 / 晨检天数 / 陪餐次数</translation>
    </message>
    <message>
      <source>Canteen compliance report</source>
      <translation>食堂合规检查报告</translation>
    </message>
    <message>
      <source>{date} ({n})</source>
      <translation>{date}（{n} 次）</translation>
    </message>
    <message>
      <source>and {n} more days</source>
      <translation>等，另有 {n} 天</translation>
    </message>
    <message>
      <source>Days holding samples / short of readings</source>
      <translation>存放留样天数 / 测温不足天数</translation>
    </message>
    <message>
      <source>No data: no meals or samples are recorded for the {days} days of this period (no service days). This report certifies nothing.</source>
      <translation>无数据：本期 {days} 天没有任何餐次或留样记录（非供餐日）。本报告不作任何合规证明。</translation>
    </message>
    <message>
      <source>Deliveries checked in</source>
      <translation>进货查验批次</translation>
    </message>
    <message>
      <source>No dishes or samples are recorded for this period; the ruled lines are for writing by hand.</source>
      <translation>本期没有菜品和留样记录，下列空行供手工填写。</translation>
    </message>
    <message>
      <source>Fever</source>
      <translation>发热</translation>
    </message>
    <message>
      <source>Diarrhoea</source>
      <translation>腹泻</translation>
    </message>
    <message>
      <source>Hand wound or infection</source>
      <translation>手部伤口或感染</translation>
    </message>
    <message>
      <source>Sore throat</source>
      <translation>咽喉疼痛</translation>
    </message>
    <message>
      <source>Choose the person.</source>
      <translation>请选择人员。</translation>
    </message>
    <message>
      <source>Enter the certificate number.</source>
      <translation>请输入健康证号。</translation>
    </message>
    <message>
      <source>Enter the expiry date.</source>
      <translation>请输入有效期至。</translation>
    </message>
    <message>
      <source>Choose what was disinfected.</source>
      <translation>请选择消毒的物品。</translation>
    </message>
    <message>
      <source>Choose the disinfection method.</source>
      <translation>请选择消毒方式。</translation>
    </message>
    <message>
      <source>Enter the concentration of the disinfectant (e.g. 250 mg/L).</source>
      <translation>请输入消毒液浓度（如 250 mg/L）。</translation>
    </message>
    <message>
      <source>Enter the start time.</source>
      <translation>请输入开始时间。</translation>
    </message>
    <message>
      <source>Choose who disinfected.</source>
      <translation>请选择消毒人。</translation>
    </message>
    <message>
      <source>Choose the school leader who ate with the students.</source>
      <translation>请选择陪餐的学校领导。</translation>
    </message>
    <message>
      <source>An accompanied meal cannot be recorded for a day to come.</source>
      <translation>不能登记将来日期的陪餐。</translation>
    </message>
    <message>
      <source>Enter what was eaten.</source>
      <translation>请输入所吃菜品。</translation>
    </message>
    <message>
      <source>The certificate number is too long (60 characters at most).</source>
      <translation>健康证号过长（最多 60 个字符）。</translation>
    </message>
    <message>
      <source>The expiry date must come after the issue date.</source>
      <translation>有效期至必须晚于发证日期。</translation>
    </message>
    <message>
      <source>{name}'s health certificate expires on {date} (in {n} days): renew it.</source>
      <translation>{name}的健康证将于 {date} 到期（还有 {n} 天），请及时办理。</translation>
    </message>
    <message>
      <source>Absent</source>
      <translation>缺勤</translation>
    </message>
    <message>
      <source>{name} has no health certificate on record.</source>
      <translation>{name}没有登记健康证。</translation>
    </message>
    <message>
      <source>{name}'s health certificate ({number}) expired on {date}.</source>
      <translation>{name}的健康证（{number}）已于 {date} 过期。</translation>
    </message>
    <message>
      <source>{name} was sent home by the morning check of {date}.</source>
      <translation>{name} 在 {date} 晨检时已被安排离岗。</translation>
    </message>
    <message>
      <source>The morning check of a day to come cannot be recorded yet.</source>
      <translation>不能登记将来日期的晨检。</translation>
    </message>
    <message>
      <source>No canteen staff yet: tick “Canteen staff” for the people in Settings → People.</source>
      <translation>还没有食堂从业人员：请在 设置 → 人员 中勾选“食堂人员”。</translation>
    </message>
    <message>
      <source>Sent home</source>
      <translation>劝离岗位</translation>
    </message>
    <message>
      <source>Fit for work</source>
      <translation>合格上岗</translation>
    </message>
    <message>
      <source>Not fit</source>
      <translation>不宜上岗</translation>
    </message>
    <message>
      <source>The start time is in the future.</source>
      <translation>开始时间晚于现在。</translation>
    </message>
    <message>
      <source>Enter the duration in minutes (1 to {max}).</source>
      <translation>请输入消毒时长（1 至 {max} 分钟）。</translation>
    </message>
    <message>
      <source>Give the reason for voiding the record.</source>
      <translation>请填写作废原因。</translation>
    </message>
    <message>
      <source>Write the reason to choose them anyway.</source>
      <translation>如仍要选择此人，请写明原因。</translation>
    </message>
    <message>
      <source>The disinfection of a meal on {day} must start on that day.</source>
      <translation>{day} 这一餐的消毒必须在当天开始。</translation>
    </message>
    <message>
      <source>Tableware is washed and disinfected after each meal (rinse, wash, disinfect): boiling or steam at least 10 minutes, a disinfection cabinet as its instructions say, chemicals at the stated concentration and rinsed afterwards.</source>
      <translation>餐用具每餐使用后清洗消毒（一冲、二洗、三消毒）：煮沸或蒸汽消毒不少于 10 分钟，消毒柜按说明书操作，化学消毒按规定浓度并在消毒后冲净。</translation>
    </message>
    <message>
      <source>Every canteen worker is checked before work: no fever, diarrhoea, wounds or infections of the hands, sore throat, and a valid health certificate. A worker with any of them does not handle food until recovered.</source>
      <translation>每名从业人员上岗前进行晨检：有无发热、腹泻、手部皮肤破损或感染、咽喉疼痛，健康证是否有效。有上述情形者，痊愈前不得从事接触直接入口食品的工作。</translation>
    </message>
    <message>
      <source>A school leader eats with the students and records the quality, quantity, hygiene and price of the meal, and what was done about any remark.</source>
      <translation>学校负责人与学生共同用餐，记录饭菜质量、数量、卫生、价格等情况，以及对所提意见的处理。</translation>
    </message>
    <message>
      <source>Tableware disinfection log</source>
      <translation>餐用具消毒记录表</translation>
    </message>
    <message>
      <source>Canteen staff morning check log</source>
      <translation>从业人员晨检记录表</translation>
    </message>
    <message>
      <source>Accompanied meal log</source>
      <translation>陪餐记录表</translation>
    </message>
    <message>
      <source>Health certificate</source>
      <translation>健康证</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签名</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>校长</translation>
    </message>
    <message>
      <source>Records / meals</source>
      <translation>记录数 / 餐次</translation>
    </message>
    <message>
      <source>(none on record)</source>
      <translation>（未登记）</translation>
    </message>
    <message>
      <source>Days / checks / not fit</source>
      <translation>天数 / 人次 / 不宜上岗</translation>
    </message>
    <message>
      <source>{number}, until {date}</source>
      <translation>{number}，有效期至 {date}</translation>
    </message>
    <message>
      <source>(expired)</source>
      <translation>（已过期）</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>记录数</translation>
    </message>
    <message>
      <source>No records for this period; the ruled lines are for writing by hand.</source>
      <translation>本期间没有记录，空行供手工填写。</translation>
    </message>
    <message>
      <source>Tableware</source>
      <translation>餐具</translation>
    </message>
    <message>
      <source>Food containers</source>
      <translation>盛放容器</translation>
    </message>
    <message>
      <source>Chopping boards and knives</source>
      <translation>砧板刀具</translation>
    </message>
    <message>
      <source>Sample containers</source>
      <translation>留样盒</translation>
    </message>
    <message>
      <source>Boiling</source>
      <translation>煮沸</translation>
    </message>
    <message>
      <source>Steam</source>
      <translation>蒸汽</translation>
    </message>
    <message>
      <source>Disinfection cabinet</source>
      <translation>消毒柜</translation>
    </message>
    <message>
      <source>Chemical</source>
      <translation>化学消毒</translation>
    </message>
    <message>
      <source>Previous day</source>
      <translation>前一天</translation>
    </message>
    <message>
      <source>Next day</source>
      <translation>后一天</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Arrows move, Space ticks or clears the cell (present, a symptom), F2 writes the action, Enter records the day's check.</source>
      <translation>方向键移动，空格勾选或取消当前格（到岗、各项症状），F2 填写处理措施，回车登记当天晨检。</translation>
    </message>
    <message>
      <source>Health certificate…</source>
      <translation>健康证…</translation>
    </message>
    <message>
      <source>All fine</source>
      <translation>全部正常</translation>
    </message>
    <message>
      <source>Record the check (Enter)</source>
      <translation>登记晨检（回车）</translation>
    </message>
    <message>
      <source>What was done (sent home, moved off food handling, to the doctor…):</source>
      <translation>处理措施（劝离岗位、调离接触入口食品岗位、就医……）：</translation>
    </message>
    <message>
      <source>Proposed as the last disinfection; change what differs and press Enter.</source>
      <translation>已按上次消毒填好；修改不同之处后按回车。</translation>
    </message>
    <message>
      <source>Record disinfection (Enter)</source>
      <translation>登记消毒（回车）</translation>
    </message>
    <message>
      <source>Void…</source>
      <translation>作废…</translation>
    </message>
    <message>
      <source>e.g. 250 mg/L chlorine</source>
      <translation>如 含氯消毒液 250 mg/L</translation>
    </message>
    <message>
      <source>Reason for voiding this record:</source>
      <translation>作废此记录的原因：</translation>
    </message>
    <message>
      <source>Record accompanied meal</source>
      <translation>登记陪餐</translation>
    </message>
    <message>
      <source>Issued on</source>
      <translation>发证日期</translation>
    </message>
    <message>
      <source>Concentration</source>
      <translation>浓度</translation>
    </message>
    <message>
      <source>The last 30 days</source>
      <translation>最近 30 天</translation>
    </message>
    <message>
      <source>Health certificate of {name}</source>
      <translation>{name}的健康证</translation>
    </message>
    <message>
      <source>Not yet recorded on {date}: {meals}.</source>
      <translation>{date} 尚未登记：{meals}。</translation>
    </message>
    <message>
      <source>Every meal of {date} has its disinfection recorded.</source>
      <translation>{date} 每餐的消毒均已登记。</translation>
    </message>
    <message>
      <source>Morning check of {date} recorded for all {n} workers.</source>
      <translation>{date} 的晨检已登记，共 {n} 人。</translation>
    </message>
    <message>
      <source>Morning check of {date}: {done} of {n} workers recorded. Check the grid and press Enter.</source>
      <translation>{date} 晨检：已登记 {done}/{n} 人。核对表格后按回车。</translation>
    </message>
    <message>
      <source>Breakfast</source>
      <translation>早餐</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>午餐</translation>
    </message>
    <message>
      <source>Dinner</source>
      <translation>晚餐</translation>
    </message>
    <message>
      <source>Extra meal</source>
      <translation>加餐</translation>
    </message>
    <message>
      <source>Choose the supplier.</source>
      <translation>请选择供应商。</translation>
    </message>
    <message>
      <source>Enter the licence number.</source>
      <translation>请填写许可证编号。</translation>
    </message>
    <message>
      <source>Enter the date the licence expires.</source>
      <translation>请填写许可证有效期至。</translation>
    </message>
    <message>
      <source>Enter the date and time of the delivery.</source>
      <translation>请填写到货日期和时间。</translation>
    </message>
    <message>
      <source>The two receivers must be different people.</source>
      <translation>两名验收人必须是不同的人。</translation>
    </message>
    <message>
      <source>Enter at least one line: what was delivered.</source>
      <translation>请至少填写一行到货食品。</translation>
    </message>
    <message>
      <source>Delivery No.</source>
      <translation>进货单号</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Licence No.</source>
      <translation>许可证编号</translation>
    </message>
    <message>
      <source>Licence valid until</source>
      <translation>许可证有效期至</translation>
    </message>
    <message>
      <source>Production date</source>
      <translation>生产日期</translation>
    </message>
    <message>
      <source>Shelf life (days)</source>
      <translation>保质期（天）</translation>
    </message>
    <message>
      <source>Storage</source>
      <translation>储存方式</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>The licence number is too long (60 characters at most).</source>
      <translation>许可证编号太长（最多 60 个字符）。</translation>
    </message>
    <message>
      <source>the production date is after the delivery.</source>
      <translation>生产日期晚于到货日期。</translation>
    </message>
    <message>
      <source>appearance not normal</source>
      <translation>外观异常</translation>
    </message>
    <message>
      <source>smell not normal</source>
      <translation>气味异常</translation>
    </message>
    <message>
      <source>enter the food.</source>
      <translation>请填写食品名称。</translation>
    </message>
    <message>
      <source>the food's name is too long (100 characters at most).</source>
      <translation>食品名称太长（最多 100 个字符）。</translation>
    </message>
    <message>
      <source>choose how it is stored (ambient, chilled or frozen).</source>
      <translation>请选择储存方式（常温、冷藏或冷冻）。</translation>
    </message>
    <message>
      <source>the papers text is too long (200 characters at most).</source>
      <translation>查验证票内容太长（最多 200 个字符）。</translation>
    </message>
    <message>
      <source>The delivery time is in the future.</source>
      <translation>到货时间晚于现在。</translation>
    </message>
    <message>
      <source>Two people receive a delivery: choose both.</source>
      <translation>进货须由两人验收：请选择两名验收人。</translation>
    </message>
    <message>
      <source>Receiver chosen anyway: {problem} Reason: {reason}</source>
      <translation>验收人资格不符仍验收：{problem} 理由：{reason}</translation>
    </message>
    <message>
      <source>appearance normal</source>
      <translation>外观正常</translation>
    </message>
    <message>
      <source>smell normal</source>
      <translation>气味正常</translation>
    </message>
    <message>
      <source>Receiving</source>
      <translation>入库验收</translation>
    </message>
    <message>
      <source>Food in stock</source>
      <translation>食品库存</translation>
    </message>
    <message>
      <source>{supplier} has no food-business licence on record.</source>
      <translation>{supplier} 没有登记食品经营许可证。</translation>
    </message>
    <message>
      <source>The licence of {supplier} ({number}) has no expiry date on record.</source>
      <translation>{supplier} 的许可证（{number}）没有登记有效期。</translation>
    </message>
    <message>
      <source>The licence of {supplier} ({number}) expired on {date}.</source>
      <translation>{supplier} 的许可证（{number}）已于 {date} 过期。</translation>
    </message>
    <message>
      <source>enter the shelf life as a whole number of days.</source>
      <translation>保质期请填写整数天数。</translation>
    </message>
    <message>
      <source>enter the temperature in °C, e.g. 4.5 or -18.</source>
      <translation>请填写温度（°C），例如 4.5 或 -18。</translation>
    </message>
    <message>
      <source>enter the use-by date, or the production date and shelf life.</source>
      <translation>请填写到期日，或生产日期和保质期。</translation>
    </message>
    <message>
      <source>enter the papers seen (inspection certificate or invoice number).</source>
      <translation>请填写查验的证票（检验合格证明或票据编号）。</translation>
    </message>
    <message>
      <source>say why it was refused.</source>
      <translation>请说明拒收原因。</translation>
    </message>
    <message>
      <source>Write why the goods are taken from this supplier anyway.</source>
      <translation>请写明仍从该供应商进货的理由。</translation>
    </message>
    <message>
      <source>At most {n} lines in one delivery.</source>
      <translation>一次进货最多 {n} 行。</translation>
    </message>
    <message>
      <source>Say why the delivery is voided.</source>
      <translation>请说明作废原因。</translation>
    </message>
    <message>
      <source>past its use-by date ({date})</source>
      <translation>已过到期日（{date}）</translation>
    </message>
    <message>
      <source>Delivery {ref} does not exist.</source>
      <translation>进货单 {ref} 不存在。</translation>
    </message>
    <message>
      <source>Delivery {number} is already voided.</source>
      <translation>进货单 {number} 已经作废。</translation>
    </message>
    <message>
      <source>Delivery {number} cannot be voided: some of its goods have already left the store ({items}).</source>
      <translation>进货单 {number} 不能作废：部分食品已经出库（{items}）。</translation>
    </message>
    <message>
      <source>quantity: {problem}</source>
      <translation>数量：{problem}</translation>
    </message>
    <message>
      <source>{storage} food: enter the temperature measured on arrival.</source>
      <translation>{storage}食品：请填写到货时测得的温度。</translation>
    </message>
    <message>
      <source>cannot be accepted: {reasons}. Refuse it and say why.</source>
      <translation>不能验收：{reasons}。请拒收并说明原因。</translation>
    </message>
    <message>
      <source>Licence: {reason}</source>
      <translation>许可证：{reason}</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>拒收</translation>
    </message>
    <message>
      <source>{temp} °C is warmer than {max} °C allowed for {storage} food</source>
      <translation>{temp} °C 高于{storage}食品允许的 {max} °C</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>品种</translation>
    </message>
    <message>
      <source>Supplier licence</source>
      <translation>供应商许可证</translation>
    </message>
    <message>
      <source>Food-business licence No.</source>
      <translation>食品经营许可证编号</translation>
    </message>
    <message>
      <source>Appearance not normal</source>
      <translation>外观异常</translation>
    </message>
    <message>
      <source>Smell not normal</source>
      <translation>气味异常</translation>
    </message>
    <message>
      <source>e.g. arrived at 11 °C, returned</source>
      <translation>例如：到货温度 11 °C，已退回</translation>
    </message>
    <message>
      <source>Licence…</source>
      <translation>许可证…</translation>
    </message>
    <message>
      <source>Why take the goods anyway (printed with the delivery)</source>
      <translation>仍然进货的理由（随进货记录打印）</translation>
    </message>
    <message>
      <source>Why this person receives anyway (printed with the delivery)</source>
      <translation>仍由此人验收的理由（随进货记录打印）</translation>
    </message>
    <message>
      <source>Produced on</source>
      <translation>生产日期</translation>
    </message>
    <message>
      <source>Production date; left empty with a shelf life, the delivery day is taken (fresh food).</source>
      <translation>生产日期；留空而填了保质期时，按到货当天计（新鲜食品）。</translation>
    </message>
    <message>
      <source>Shelf days</source>
      <translation>保质天数</translation>
    </message>
    <message>
      <source>The use-by date; left empty, it is the production date + shelf life - 1 day.</source>
      <translation>到期日；留空则按生产日期 + 保质期 - 1 天计算。</translation>
    </message>
    <message>
      <source>The inspection certificate or invoice numbers seen (carried to the next line).</source>
      <translation>查验的检验合格证明或票据编号（自动带到下一行）。</translation>
    </message>
    <message>
      <source>°C</source>
      <translation>°C</translation>
    </message>
    <message>
      <source>Add line</source>
      <translation>添加此行</translation>
    </message>
    <message>
      <source>Enter moves to the next field; Enter in the last field or Ctrl+Enter adds the line (a remembered food: after its quantity, or its temperature). F4 refuses the selected line, Delete removes it, Ctrl+S saves the delivery.</source>
      <translation>回车跳到下一栏；在最后一栏回车或按 Ctrl+回车 添加此行（已记住的食品：填完数量或温度回车即添加）。F4 拒收选中的行，Delete 删除该行，Ctrl+S 保存本次进货。</translation>
    </message>
    <message>
      <source>Refuse line… (F4)</source>
      <translation>拒收此行…（F4）</translation>
    </message>
    <message>
      <source>Remove line (Del)</source>
      <translation>删除此行（Del）</translation>
    </message>
    <message>
      <source>Save delivery (Ctrl+S)</source>
      <translation>保存进货（Ctrl+S）</translation>
    </message>
    <message>
      <source>Void delivery…</source>
      <translation>作废进货…</translation>
    </message>
    <message>
      <source>Print receiving record (this month)</source>
      <translation>打印进货查验记录（本月）</translation>
    </message>
    <message>
      <source>Void delivery</source>
      <translation>作废进货</translation>
    </message>
    <message>
      <source>Why is this delivery voided? (It is kept, marked void.)</source>
      <translation>为什么作废这次进货？（记录保留，标为作废。）</translation>
    </message>
    <message>
      <source>Delivered at</source>
      <translation>到货时间</translation>
    </message>
    <message>
      <source>Recent deliveries (30 days)</source>
      <translation>最近进货（30 天）</translation>
    </message>
    <message>
      <source>Choose the supplier; its licence is checked.</source>
      <translation>请选择供应商；将核对其许可证。</translation>
    </message>
    <message>
      <source>Select a delivery in the list first.</source>
      <translation>请先在列表中选择一次进货。</translation>
    </message>
    <message>
      <source>Refuse {item}</source>
      <translation>拒收{item}</translation>
    </message>
    <message>
      <source>Say why it was refused.</source>
      <translation>请说明拒收原因。</translation>
    </message>
    <message>
      <source>Licence {number}, valid until {date}.</source>
      <translation>许可证 {number}，有效期至 {date}。</translation>
    </message>
    <message>
      <source>Choose who takes the samples first.</source>
      <translation>请先选择留样人。</translation>
    </message>
    <message>
      <source>Choose the sample fridge first.</source>
      <translation>请先选择留样冰箱。</translation>
    </message>
    <message>
      <source>Meal not recorded</source>
      <translation>餐次未登记</translation>
    </message>
    <message>
      <source>Meal without samples</source>
      <translation>餐次未留样</translation>
    </message>
    <message>
      <source>Dish without sample</source>
      <translation>菜品未留样</translation>
    </message>
    <message>
      <source>Under minimum weight</source>
      <translation>留样量不足</translation>
    </message>
    <message>
      <source>Incomplete record</source>
      <translation>记录不完整</translation>
    </message>
    <message>
      <source>Disposed before deadline</source>
      <translation>提前处理</translation>
    </message>
    <message>
      <source>Past deadline, not disposed</source>
      <translation>到期未处理</translation>
    </message>
    <message>
      <source>Too few fridge readings</source>
      <translation>测温次数不足</translation>
    </message>
    <message>
      <source>Temperature out of range</source>
      <translation>温度超出范围</translation>
    </message>
    <message>
      <source>Re-check not recorded</source>
      <translation>未记录复测</translation>
    </message>
    <message>
      <source>Late entry</source>
      <translation>补录</translation>
    </message>
    <message>
      <source>Meal without disinfection</source>
      <translation>餐次未消毒</translation>
    </message>
    <message>
      <source>Morning check missing</source>
      <translation>未晨检</translation>
    </message>
    <message>
      <source>Worked without a valid health certificate</source>
      <translation>无有效健康证上岗</translation>
    </message>
    <message>
      <source>No receiving recorded</source>
      <translation>无进货查验记录</translation>
    </message>
    <message>
      <source>No accompanied meal</source>
      <translation>无陪餐记录</translation>
    </message>
    <message>
      <source>Breach</source>
      <translation>不合规</translation>
    </message>
    <message>
      <source>Reminder</source>
      <translation>提醒</translation>
    </message>
    <message>
      <source>Still to do</source>
      <translation>待完成</translation>
    </message>
    <message>
      <source>No canteen staff yet: add the people who take samples under Settings → Settings and master data… → People, and tick “Canteen staff”.</source>
      <translation>还没有食堂从业人员：请在“设置 → 设置与基础数据… → 人员”中添加负责留样的人员，并勾选“食堂从业人员”。</translation>
    </message>
    <message>
      <source>No sample fridge yet: add one under Fridge temperatures → Add fridge….</source>
      <translation>还没有留样冰箱：请在“冰箱温度 → 添加冰箱…”中添加。</translation>
    </message>
    <message>
      <source>Enter a temperature between -40 and 40 °C.</source>
      <translation>请输入 -40 至 40 °C 之间的温度。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>The highest temperature must be above the lowest.</source>
      <translation>最高温度必须高于最低温度。</translation>
    </message>
    <message>
      <source>Choose the fridge.</source>
      <translation>请选择冰箱。</translation>
    </message>
    <message>
      <source>Enter the temperature.</source>
      <translation>请输入温度。</translation>
    </message>
    <message>
      <source>The reading time is in the future.</source>
      <translation>测温时间晚于当前时间。</translation>
    </message>
    <message>
      <source>The repair log is not part of this version.</source>
      <translation>本版本没有维修登记模块。</translation>
    </message>
    <message>
      <source>The canteen ledgers have not started yet: nothing is checked until the first record (a sample, morning check, disinfection, delivery or fridge reading) or a start date.</source>
      <translation>食堂台账尚未开始：在记录第一条（留样、晨检、消毒、进货或冰箱测温）或设定开始日期之前，不做每日检查。</translation>
    </message>
    <message>
      <source>{month}/{day} {time}</source>
      <translation>{month}月{day}日 {time}</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} 分钟</translation>
    </message>
    <message>
      <source>Enter the time the sample was taken.</source>
      <translation>请输入留样时间。</translation>
    </message>
    <message>
      <source>Choose who took the sample.</source>
      <translation>请选择留样人。</translation>
    </message>
    <message>
      <source>Enter when the fridge will be read again.</source>
      <translation>请填写复测时间。</translation>
    </message>
    <message>
      <source>A repair ticket is opened from a reading out of range only.</source>
      <translation>只有温度超出范围的记录才能开维修单。</translation>
    </message>
    <message>
      <source>Choose where the fridge is, for the repair ticket.</source>
      <translation>请选择冰箱所在地点（用于维修单）。</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>重量</translation>
    </message>
    <message>
      <source>time taken</source>
      <translation>留样时间</translation>
    </message>
    <message>
      <source>who took it</source>
      <translation>留样人</translation>
    </message>
    <message>
      <source>fridge</source>
      <translation>存放冰箱</translation>
    </message>
    <message>
      <source>Unknown meal “{meal}”. Use one of: {meals}.</source>
      <translation>未知餐次“{meal}”，可用：{meals}。</translation>
    </message>
    <message>
      <source>{h} h {m} min</source>
      <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} 小时</translation>
    </message>
    <message>
      <source>Enter a temperature in °C, e.g. 4.5.</source>
      <translation>请以 °C 输入温度，如 4.5。</translation>
    </message>
    <message>
      <source>Enter the dish name.</source>
      <translation>请输入菜品名称。</translation>
    </message>
    <message>
      <source>The dish name is too long (100 characters at most).</source>
      <translation>菜品名称过长（最多 100 个字）。</translation>
    </message>
    <message>
      <source>Choose a different day to copy from.</source>
      <translation>请选择另一天作为复制来源。</translation>
    </message>
    <message>
      <source>Choose a different week to copy from.</source>
      <translation>请选择另一周作为复制来源。</translation>
    </message>
    <message>
      <source>Enter at least the weight and the time the sample was taken.</source>
      <translation>请至少输入留样重量和留样时间。</translation>
    </message>
    <message>
      <source>A disposed sample must keep its sampling time.</source>
      <translation>已处理的留样必须保留留样时间。</translation>
    </message>
    <message>
      <source>Record {number} was voided.</source>
      <translation>记录 {number} 已作废。</translation>
    </message>
    <message>
      <source>Sample {number} ({dish}) was already disposed of on {at}.</source>
      <translation>留样 {number}（{dish}）已于 {at} 处理。</translation>
    </message>
    <message>
      <source>Sample {number} ({dish}) has no sampling time; record it first.</source>
      <translation>留样 {number}（{dish}）没有留样时间，请先补全记录。</translation>
    </message>
    <message>
      <source>Sample {number} ({dish}) must be kept until {until}, {left} from now; it cannot be disposed of before then.</source>
      <translation>留样 {number}（{dish}）须保留至 {until}，还差 {left}，不能提前处理。</translation>
    </message>
    <message>
      <source>Choose who disposed of the samples.</source>
      <translation>请选择处理人。</translation>
    </message>
    <message>
      <source>The disposal time is in the future.</source>
      <translation>处理时间晚于当前时间。</translation>
    </message>
    <message>
      <source>Choose the samples to dispose of.</source>
      <translation>请选择要处理的留样。</translation>
    </message>
    <message>
      <source>The re-check must come after the reading, within 24 hours.</source>
      <translation>复测时间须在本次测温之后的24小时内。</translation>
    </message>
    <message>
      <source>Sample fridge “{fridge}” read {temp} °C at {time} (allowed {lo}–{hi} °C). Done: {action}</source>
      <translation>留样冰箱“{fridge}”于{time}测得{temp} °C（允许{lo}–{hi} °C）。已采取措施：{action}</translation>
    </message>
    <message>
      <source>Give the reason for voiding the reading.</source>
      <translation>请填写作废该测温记录的原因。</translation>
    </message>
    <message>
      <source>Give the reason (e.g. National Day holiday).</source>
      <translation>请填写原因（如国庆放假）。</translation>
    </message>
    <message>
      <source>The canteen ledgers start on {date}: nothing is checked before that day.</source>
      <translation>食堂台账从 {date} 开始：此前的日子不做检查。</translation>
    </message>
    <message>
      <source>Enter a date.</source>
      <translation>请输入日期。</translation>
    </message>
    <message>
      <source>morning check {checked}/{workers}</source>
      <translation>晨检 {checked}/{workers}</translation>
    </message>
    <message>
      <source>receiving: none</source>
      <translation>进货：无</translation>
    </message>
    <message>
      <source>accompanied meal {mark}</source>
      <translation>陪餐 {mark}</translation>
    </message>
    <message>
      <source>“{value}” already exists.</source>
      <translation>“{value}”已存在。</translation>
    </message>
    <message>
      <source>Give the reason for voiding a recorded sample.</source>
      <translation>请填写作废已留样记录的原因。</translation>
    </message>
    <message>
      <source>The sample of “{dish}” is already recorded ({number}).</source>
      <translation>“{dish}”的留样已登记（{number}）。</translation>
    </message>
    <message>
      <source>“{dish}” is on the menu of {day}; a sample taken now belongs to today. Open the sample to enter its time.</source>
      <translation>“{dish}”是 {day} 的菜品，现在留样只能记在今天。请打开该留样记录填写时间。</translation>
    </message>
    <message>
      <source>Sample {number} has been disposed of; its record is kept.</source>
      <translation>留样 {number} 已处理，记录予以保留。</translation>
    </message>
    <message>
      <source>{temp} °C is outside {lo}–{hi} °C: say what was done about it (e.g. door closed, samples moved to another fridge).</source>
      <translation>{temp} °C 超出 {lo}–{hi} °C：请填写采取的措施（如关好冰箱门、样品移入其他冰箱）。</translation>
    </message>
    <message>
      <source>Action: {action}</source>
      <translation>措施：{action}</translation>
    </message>
    <message>
      <source>re-check {time}</source>
      <translation>复测 {time}</translation>
    </message>
    <message>
      <source>repair {number}</source>
      <translation>维修单 {number}</translation>
    </message>
    <message>
      <source>No school leader's accompanied meal is recorded.</source>
      <translation>没有学校领导陪餐记录。</translation>
    </message>
    <message>
      <source>Fridge “{fridge}” read {temp} °C at {time}; the allowed range is {lo}–{hi} °C.</source>
      <translation>冰箱“{fridge}”{time} 测得 {temp} °C，允许范围 {lo}–{hi} °C。</translation>
    </message>
    <message>
      <source>{meal}: samples {sampled}/{dishes} · disinfection {disinfected}</source>
      <translation>{meal}：留样 {sampled}/{dishes} · 消毒 {disinfected}</translation>
    </message>
    <message>
      <source>{n} sent home</source>
      <translation>{n} 人离岗</translation>
    </message>
    <message>
      <source>“{dish}” is already on the menu of {meal} on {day}.</source>
      <translation>“{dish}”已在 {day} {meal}的菜单中。</translation>
    </message>
    <message>
      <source>Enter a weight between 1 and {max} g.</source>
      <translation>请输入 1 至 {max} 克之间的重量。</translation>
    </message>
    <message>
      <source>The sampling time is in the future.</source>
      <translation>留样时间晚于当前时间。</translation>
    </message>
    <message>
      <source>({n} more samples cannot be disposed of.)</source>
      <translation>（另有 {n} 份留样不能处理。）</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: {weight} g retained, at least {min} g required.</source>
      <translation>{meal}“{dish}”：留样 {weight} 克，不足 {min} 克。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: the record has no {missing}.</source>
      <translation>{meal}“{dish}”：记录缺少{missing}。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: disposed of on {at}, before the end of retention ({until}), {short} too early.</source>
      <translation>{meal}“{dish}”：于 {at} 处理，早于保留期限（{until}），提前了 {short}。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: kept until {until}, not yet disposed of.</source>
      <translation>{meal}“{dish}”：保留至 {until}，尚未处理。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: taken at {taken}, entered {entered} ({delay} later).</source>
      <translation>{meal}“{dish}”：{taken} 留样，{entered} 才登记（晚了 {delay}）。</translation>
    </message>
    <message>
      <source>{name} worked with a health certificate expired on {date}.</source>
      <translation>{name}的健康证已于 {date} 过期，仍在岗工作。</translation>
    </message>
    <message>
      <source>{name} worked without a health certificate on record.</source>
      <translation>{name}未登记健康证，仍在岗工作。</translation>
    </message>
    <message>
      <source>No delivery was checked in on this day.</source>
      <translation>当天没有进货查验记录。</translation>
    </message>
    <message>
      <source>receiving {accepted} accepted, {refused} refused</source>
      <translation>进货 {accepted} 项验收、{refused} 项拒收</translation>
    </message>
    <message>
      <source>The sample of a meal on {day} must be taken on that day.</source>
      <translation>{day} 的餐次留样时间必须在当天。</translation>
    </message>
    <message>
      <source>{meal}: no dishes entered yet.</source>
      <translation>{meal}：尚未录入菜品。</translation>
    </message>
    <message>
      <source>{meal}: no dishes and no samples recorded.</source>
      <translation>{meal}：没有登记菜品和留样。</translation>
    </message>
    <message>
      <source>{meal}: samples still to take ({dishes}).</source>
      <translation>{meal}：尚待留样（{dishes}）。</translation>
    </message>
    <message>
      <source>{meal}: none of the {n} dishes was sampled ({dishes}).</source>
      <translation>{meal}：{n} 个菜品均未留样（{dishes}）。</translation>
    </message>
    <message>
      <source>{meal}: tableware disinfection still to record.</source>
      <translation>{meal}：餐具消毒尚待登记。</translation>
    </message>
    <message>
      <source>{meal}: no disinfection of tableware is recorded.</source>
      <translation>{meal}：没有餐具消毒记录。</translation>
    </message>
    <message>
      <source>Fridge “{fridge}”: read it again at {time} (re-check after a reading out of range).</source>
      <translation>冰箱“{fridge}”：请于{time}复测（温度超出范围后复测）。</translation>
    </message>
    <message>
      <source>Fridge “{fridge}” was out of range at {at}; the re-check due at {time} is not recorded.</source>
      <translation>冰箱“{fridge}”{at}温度超出范围，应于{time}复测，但未记录复测。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: sample still to take.</source>
      <translation>{meal}“{dish}”：尚待留样。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: no sample was taken.</source>
      <translation>{meal}“{dish}”：未留样。</translation>
    </message>
    <message>
      <source>Morning check still to do: {names}.</source>
      <translation>尚待晨检：{names}。</translation>
    </message>
    <message>
      <source>No morning check of {n} canteen worker(s): {names}.</source>
      <translation>{n} 名从业人员没有晨检：{names}。</translation>
    </message>
    <message>
      <source>Fridge “{fridge}”: {n} of {need} temperature readings taken today.</source>
      <translation>冰箱“{fridge}”：今日已测温 {n} 次，应测 {need} 次。</translation>
    </message>
    <message>
      <source>Fridge “{fridge}” held samples but has {n} temperature reading(s); at least {need} a day are required.</source>
      <translation>冰箱“{fridge}”存有留样，但当天只测温 {n} 次，每天至少应测 {need} 次。</translation>
    </message>
    <message>
      <source>{day} {meal} “{dish}”: kept until {until}, not yet disposed of.</source>
      <translation>{day} {meal}“{dish}”：保留至 {until}，尚未处理。</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Food samples</source>
      <translation>食品留样</translation>
    </message>
    <message>
      <source>Meals the canteen serves</source>
      <translation>食堂供应的餐次</translation>
    </message>
    <message>
      <source>Days the canteen serves</source>
      <translation>食堂开餐日</translation>
    </message>
    <message>
      <source>Keep each sample for at least</source>
      <translation>留样至少保存</translation>
    </message>
    <message>
      <source>Minimum sample weight</source>
      <translation>每份留样最少重量</translation>
    </message>
    <message>
      <source>Weight proposed when a sample is taken</source>
      <translation>留样时建议的重量</translation>
    </message>
    <message>
      <source>Sample fridge: lowest allowed temperature</source>
      <translation>留样冰箱最低允许温度</translation>
    </message>
    <message>
      <source>Sample fridge: highest allowed temperature</source>
      <translation>留样冰箱最高允许温度</translation>
    </message>
    <message>
      <source>Fridge readings needed per day</source>
      <translation>每天应测温次数</translation>
    </message>
    <message>
      <source>A record entered later than this after sampling is late</source>
      <translation>留样后超过此时长才登记即为补录</translation>
    </message>
    <message>
      <source>The highest temperature must not be below the lowest.</source>
      <translation>最高温度不能低于最低温度。</translation>
    </message>
    <message>
      <source>The default weight must be at least the minimum weight.</source>
      <translation>默认重量不能低于最少重量。</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>Unticked: the check begins with the canteen's first record (sample, morning check, disinfection, delivery or fridge reading). Before that day nothing is checked.</source>
      <translation>不勾选：从食堂的第一条记录（留样、晨检、消毒、进货或冰箱测温）起开始检查。开始日期之前不做检查。</translation>
    </message>
    <message>
      <source>Check the canteen ledgers</source>
      <translation>食堂台账检查</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>The rule is at least 48 hours.</source>
      <translation>规定至少保存 48 小时。</translation>
    </message>
    <message>
      <source>g</source>
      <translation>克</translation>
    </message>
    <message>
      <source>The rule is at least 125 g; many schools keep more.</source>
      <translation>规定每份不少于 125 克；不少学校留得更多。</translation>
    </message>
    <message>
      <source>Proposed, not recorded: each weight is typed or confirmed when the sample is taken.</source>
      <translation>仅作建议，不会自动记录：每份留样的重量须在留样时填写或确认。</translation>
    </message>
    <message>
      <source>Tableware disinfection to record: {n} ({what})</source>
      <translation>待登记餐具消毒：{n}（{what}）</translation>
    </message>
    <message>
      <source>Morning check of the canteen staff: {what}</source>
      <translation>从业人员晨检：{what}</translation>
    </message>
    <message>
      <source>Samples to dispose of today: {n}</source>
      <translation>今天应处理的留样：{n} 份</translation>
    </message>
    <message>
      <source> ({n} already past their retention time)</source>
      <translation>（其中 {n} 份已过留样时限）</translation>
    </message>
    <message>
      <source>Today's meals without samples: {n} ({what})</source>
      <translation>今天尚未留样：{n} 项（{what}）</translation>
    </message>
    <message>
      <source>Fridge temperatures out of range: {n} ({what})</source>
      <translation>冰箱温度超出范围：{n} 次（{what}）</translation>
    </message>
    <message>
      <source>Health certificates not valid: {n} ({what})</source>
      <translation>健康证无效：{n}（{what}）</translation>
    </message>
    <message>
      <source>Health certificates expiring within 30 days: {n} ({what})</source>
      <translation>30 天内到期的健康证：{n}（{what}）</translation>
    </message>
    <message>
      <source>Canteen today: {picture}</source>
      <translation>食堂今日：{picture}</translation>
    </message>
    <message>
      <source>Fridge readings due: {n} ({what})</source>
      <translation>冰箱测温待记录：{n} 项（{what}）</translation>
    </message>
    <message>
      <source>Expired food in the store, to discard: {n} ({what})</source>
      <translation>仓库中已过期、待报废的食品：{n} 批（{what}）</translation>
    </message>
    <message>
      <source>Food in the store expiring within 3 days: {n} ({what})</source>
      <translation>仓库中3天内到期的食品：{n} 批（{what}）</translation>
    </message>
    <message>
      <source>Container</source>
      <translation>容器号</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>at</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Sample weight</source>
      <translation>留样重量</translation>
    </message>
    <message>
      <source>(not entered)</source>
      <translation>（未填）</translation>
    </message>
    <message>
      <source>Only when the sampler has no valid health certificate that day</source>
      <translation>仅当留样人当天没有有效健康证时填写</translation>
    </message>
    <message>
      <source>(weigh each)</source>
      <translation>（逐份称重）</translation>
    </message>
    <message>
      <source>Leave empty to enter each sample's weight as it is taken; a weight typed here is recorded for every sample taken with Space.</source>
      <translation>留空则每份留样时逐份填写重量；在此填写的重量会记入用空格键登记的每一份留样。</translation>
    </message>
    <message>
      <source>Dish name (remembered dishes are suggested)</source>
      <translation>菜品名称（会提示以前录入过的菜品）</translation>
    </message>
    <message>
      <source>Copy menu from…</source>
      <translation>复制菜单…</translation>
    </message>
    <message>
      <source>The day before</source>
      <translation>前一天的菜单</translation>
    </message>
    <message>
      <source>The same day last week</source>
      <translation>上周同一天的菜单</translation>
    </message>
    <message>
      <source>Another day…</source>
      <translation>其他日期…</translation>
    </message>
    <message>
      <source>Last week's menu to this whole week</source>
      <translation>把上周菜单复制到本周</translation>
    </message>
    <message>
      <source>No dishes on this day yet: add them above, or copy a menu.</source>
      <translation>当天还没有菜品：请在上方添加，或复制菜单。</translation>
    </message>
    <message>
      <source>Sample taken now (Space)</source>
      <translation>已留样（空格键）</translation>
    </message>
    <message>
      <source>Enter / correct sample… (F2)</source>
      <translation>填写/更正留样…（F2）</translation>
    </message>
    <message>
      <source>Undo sample</source>
      <translation>撤销留样</translation>
    </message>
    <message>
      <source>Remove dish (Del)</source>
      <translation>删除菜品（Del）</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>打印标签</translation>
    </message>
    <message>
      <source>All labels of the day</source>
      <translation>当天全部标签</translation>
    </message>
    <message>
      <source>Labels of the selected meal</source>
      <translation>所选餐次的标签</translation>
    </message>
    <message>
      <source>Print day log</source>
      <translation>打印当天记录表</translation>
    </message>
    <message>
      <source>Sampler not fit</source>
      <translation>留样人不符合条件</translation>
    </message>
    <message>
      <source>Copy menu</source>
      <translation>复制菜单</translation>
    </message>
    <message>
      <source>Copy the dishes of which day (YYYY-MM-DD)?</source>
      <translation>复制哪一天的菜品（YYYY-MM-DD）？</translation>
    </message>
    <message>
      <source>Printing labels…</source>
      <translation>正在生成标签…</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <source>Notes (optional)</source>
      <translation>备注（可不填）</translation>
    </message>
    <message>
      <source>Tick all due</source>
      <translation>勾选全部到期留样</translation>
    </message>
    <message>
      <source>Dispose of ticked samples</source>
      <translation>处理已勾选的留样</translation>
    </message>
    <message>
      <source>Sample fridge</source>
      <translation>留样冰箱</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>在用</translation>
    </message>
    <message>
      <source>e.g. door closed properly; samples moved to another fridge</source>
      <translation>如：已关好冰箱门；样品已移入其他冰箱</translation>
    </message>
    <message>
      <source>Read again at</source>
      <translation>复测时间</translation>
    </message>
    <message>
      <source>Open a repair ticket for this fridge</source>
      <translation>为此冰箱开维修单</translation>
    </message>
    <message>
      <source>Record reading</source>
      <translation>记录温度</translation>
    </message>
    <message>
      <source>Add fridge…</source>
      <translation>添加冰箱…</translation>
    </message>
    <message>
      <source>Edit fridge…</source>
      <translation>修改冰箱…</translation>
    </message>
    <message>
      <source>by</source>
      <translation>记录人</translation>
    </message>
    <message>
      <source>Notes (e.g. door left open, re-checked)</source>
      <translation>备注（如：冰箱门未关严，已复测）</translation>
    </message>
    <message>
      <source>Void reading…</source>
      <translation>作废测温记录…</translation>
    </message>
    <message>
      <source>Void reading</source>
      <translation>作废测温记录</translation>
    </message>
    <message>
      <source>Reason for voiding this reading:</source>
      <translation>作废该测温记录的原因：</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Choose a period and press Check.</source>
      <translation>选择期间后点击“检查”。</translation>
    </message>
    <message>
      <source>Print sample log</source>
      <translation>打印留样记录表</translation>
    </message>
    <message>
      <source>Print temperature log</source>
      <translation>打印冰箱温度记录表</translation>
    </message>
    <message>
      <source>Print compliance report</source>
      <translation>打印合规检查报告</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Print hygiene logs</source>
      <translation>打印卫生台账</translation>
    </message>
    <message>
      <source>Export all ledgers…</source>
      <translation>导出全部台账…</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Start checking today</source>
      <translation>从今天开始检查</translation>
    </message>
    <message>
      <source>Daily samples</source>
      <translation>每日留样</translation>
    </message>
    <message>
      <source>Disinfection</source>
      <translation>餐具消毒</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>留样处理</translation>
    </message>
    <message>
      <source>Food store</source>
      <translation>食品仓库</translation>
    </message>
    <message>
      <source>Check and print</source>
      <translation>检查与打印</translation>
    </message>
    <message>
      <source>Enter/Space = sample taken now by</source>
      <translation>回车/空格 = 现在留样，留样人</translation>
    </message>
    <message>
      <source>into</source>
      <translation>存入</translation>
    </message>
    <message>
      <source>Add dish to</source>
      <translation>添加菜品到</translation>
    </message>
    <message>
      <source>Why do they take the samples anyway?</source>
      <translation>仍由其留样的原因：</translation>
    </message>
    <message>
      <source>Void sample record</source>
      <translation>作废留样记录</translation>
    </message>
    <message>
      <source>Reason for voiding the recorded sample:</source>
      <translation>作废该留样记录的原因：</translation>
    </message>
    <message>
      <source>Dispose</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Sample fridges</source>
      <translation>留样冰箱</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Reading:</source>
      <translation>测温：</translation>
    </message>
    <message>
      <source>Readings of</source>
      <translation>测温日期</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>This term</source>
      <translation>本学期</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Today {date} ({weekday}): {sampled} of {dishes} dishes sampled.</source>
      <translation>今天 {date}（{weekday}）：{dishes} 个菜品已留样 {sampled} 个。</translation>
    </message>
    <message>
      <source>To start: record the first sample (Daily samples), morning check or disinfection, or press “Start checking today”. From then on every service day's meals are checked against the rules.</source>
      <translation>如何开始：记录第一条留样（“每日留样”）、晨检或消毒，或点击“从今天开始检查”。此后每个开餐日的各餐都按规定检查。</translation>
    </message>
    <message>
      <source>Start the canteen ledgers</source>
      <translation>开始食堂台账</translation>
    </message>
    <message>
      <source>Under the minimum of {min} g.</source>
      <translation>低于最少留样量 {min} 克。</translation>
    </message>
    <message>
      <source>Under the minimum of {min} g: keep at least {min} g of this dish.</source>
      <translation>低于最少留样量 {min} 克：此菜品至少留样 {min} 克。</translation>
    </message>
    <message>
      <source>Weigh the sample of “{dish}” ({meal}) and enter its weight:</source>
      <translation>请称量“{dish}”（{meal}）的留样并填写重量：</translation>
    </message>
    <message>
      <source>Sample of “{dish}”</source>
      <translation>“{dish}”的留样</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>留样量</translation>
    </message>
    <message>
      <source>A sample taken by them needs a written reason.</source>
      <translation>由其留样须写明原因。</translation>
    </message>
    <message>
      <source>Due for disposal</source>
      <translation>到期待处理</translation>
    </message>
    <message>
      <source>{n} dishes copied from last week.</source>
      <translation>已从上周复制 {n} 个菜品。</translation>
    </message>
    <message>
      <source>No dishes to print labels for.</source>
      <translation>没有可打印标签的菜品。</translation>
    </message>
    <message>
      <source>Sample labels</source>
      <translation>留样标签</translation>
    </message>
    <message>
      <source>{n} samples in the fridges, {due} of them past their retention time.</source>
      <translation>冰箱中有 {n} 份留样，其中 {due} 份已过保留期限。</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>已到期</translation>
    </message>
    <message>
      <source>Dispose of these {n} samples?</source>
      <translation>处理以下 {n} 份留样？</translation>
    </message>
    <message>
      <source>Disposed of by {name} at {at}.</source>
      <translation>处理人：{name}，处理时间：{at}。</translation>
    </message>
    <message>
      <source>Dispose of samples</source>
      <translation>处理留样</translation>
    </message>
    <message>
      <source>{n} samples disposed of.</source>
      <translation>已处理 {n} 份留样。</translation>
    </message>
    <message>
      <source>default {t} °C</source>
      <translation>默认 {t} °C</translation>
    </message>
    <message>
      <source>“{fridge}” reads {temp} °C at {time}: outside the allowed {lo}–{hi} °C. Record what was done and when the fridge will be read again.</source>
      <translation>“{fridge}”{time}测得 {temp} °C，超出允许的 {lo}–{hi} °C。请记录采取的措施和复测时间。</translation>
    </message>
    <message>
      <source>{n} readings, {bad} out of range; {need} a day required for each fridge holding samples.</source>
      <translation>测温 {n} 次，超出范围 {bad} 次；存有留样的冰箱每天至少测温 {need} 次。</translation>
    </message>
    <message>
      <source>Disinfections {d}, days with morning checks {m}, accompanied meals {a}.</source>
      <translation>消毒 {d} 次，晨检 {m} 天，陪餐 {a} 次。</translation>
    </message>
    <message>
      <source>All in order.</source>
      <translation>全部合规。</translation>
    </message>
    <message>
      <source>Canteen closed: {reason}</source>
      <translation>食堂停伙：{reason}</translation>
    </message>
    <message>
      <source>Disposed {at}</source>
      <translation>已于 {at} 处理</translation>
    </message>
    <message>
      <source>(missing)</source>
      <translation>（缺）</translation>
    </message>
    <message>
      <source>Nothing to copy: {day} has no other dishes.</source>
      <translation>没有可复制的内容：{day} 没有其他菜品。</translation>
    </message>
    <message>
      <source>No sampling time</source>
      <translation>无留样时间</translation>
    </message>
    <message>
      <source>• {number}  {day} {meal}  {dish} (kept until {until})</source>
      <translation>• {number}  {day} {meal}  {dish}（留存至 {until}）</translation>
    </message>
    <message>
      <source>… and {n} more.</source>
      <translation>……另有 {n} 份。</translation>
    </message>
    <message>
      <source>(not chosen)</source>
      <translation>（未选择）</translation>
    </message>
    <message>
      <source>Not in use</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>{days} days checked, {dishes} dishes, {sampled} samples: {n} findings ({counts}).</source>
      <translation>检查 {days} 天，菜品 {dishes} 个，留样 {sampled} 份：发现问题 {n} 项（{counts}）。</translation>
    </message>
    <message>
      <source>{days} days checked, {dishes} dishes, {sampled} samples: no breaches.</source>
      <translation>检查 {days} 天，菜品 {dishes} 个，留样 {sampled} 份：未发现问题。</translation>
    </message>
    <message>
      <source>Check the canteen's records every service day from today ({date}) on? Meals without samples, disinfection or morning checks will then show as breaches.</source>
      <translation>从今天（{date}）起每个开餐日都检查食堂台账吗？此后没有留样、消毒或晨检的餐次将显示为违规。</translation>
    </message>
    <message>
      <source>Weight missing</source>
      <translation>未填重量</translation>
    </message>
    <message>
      <source>Take {n} dish(es) off the menu?</source>
      <translation>从菜单中删除 {n} 个菜品？</translation>
    </message>
    <message>
      <source>Repair ticket {number} opened for “{fridge}”.</source>
      <translation>已为“{fridge}”开维修单 {number}。</translation>
    </message>
    <message>
      <source>Deliveries checked in: {n}.</source>
      <translation>进货查验 {n} 批。</translation>
    </message>
    <message>
      <source>Still to do: {items}</source>
      <translation>待完成：{items}</translation>
    </message>
    <message>
      <source>Under {min} g</source>
      <translation>不足 {min} 克</translation>
    </message>
    <message>
      <source>Kept</source>
      <translation>留存中</translation>
    </message>
    <message>
      <source>No sample yet</source>
      <translation>尚未留样</translation>
    </message>
    <message>
      <source>Keep {left} more</source>
      <translation>还需保留 {left}</translation>
    </message>
    <message>
      <source>{n} problems:</source>
      <translation>{n} 个问题：</translation>
    </message>
    <message>
      <source>… and {n} more (Details).</source>
      <translation>……另有 {n} 项（见详情）。</translation>
    </message>
    <message>
      <source>{n} samples are past their retention time and wait for disposal (see Disposal).</source>
      <translation>{n} 份留样已过保留期限，等待处理（见“留样处理”）。</translation>
    </message>
  </context>
</TS>
