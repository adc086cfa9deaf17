<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>canteen</name>
    <message>
      <source>Food samples</source>
      <translation>食品留样</translation>
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
      <source>Food sample log</source>
      <translation>食品留样记录表</translation>
    </message>
    <message>
      <source>Fridge temperatures</source>
      <translation>冰箱温度</translation>
    </message>
    <message>
      <source>Compliance check</source>
      <translation>合规检查</translation>
    </message>
    <message>
      <source>Sampled by</source>
      <translation>留样人</translation>
    </message>
    <message>
      <source>Canteen manager</source>
      <translation>食堂负责人</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>检查人</translation>
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
      <source>No data: no day of this period can be checked yet (it lies before the first recorded day or after today). This report certifies nothing.</source>
      <translation>无数据：本期没有可检查的日期（早于首个记录日或晚于今天）。本报告不作任何合规证明。</translation>
    </message>
    <message>
      <source>no data</source>
      <translation>无数据</translation>
    </message>
    <message>
      <source>{year}-{month:02d}-{day:02d}</source>
      <translation>{year}-{month:02d}-{day:02d}</translation>
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
      <source>No breaches: every meal of every day checked has its samples and records in order.</source>
      <translation>未发现问题：所查各日各餐次留样及记录齐全、规范。</translation>
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
      <source>Period</source>
      <translation>期间</translation>
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
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>Food sample compliance report</source>
      <translation>食品留样合规检查报告</translation>
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
      <source>Days checked</source>
      <translation>检查天数</translation>
    </message>
    <message>
      <source>Dishes / samples</source>
      <translation>菜品数 / 留样数</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>发现问题</translation>
    </message>
    <message>
      <source>No dishes or samples are recorded for this period; the ruled lines are for writing by hand.</source>
      <translation>本期没有菜品和留样记录，下列空行供手工填写。</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>{year}-{month:02d}</source>
      <translation>{year}年{month}月</translation>
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
      <source>{month}/{day} {time}</source>
      <translation>{month}月{day}日 {time}</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} 分钟</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>该记录已不存在。</translation>
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
      <source>Choose a meal.</source>
      <translation>请选择餐次。</translation>
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
      <source>Fridge “{fridge}” read {temp} °C at {time}; the allowed range is {lo}–{hi} °C.</source>
      <translation>冰箱“{fridge}”{time} 测得 {temp} °C，允许范围 {lo}–{hi} °C。</translation>
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
      <source>The sample of a meal on {day} must be taken on that day.</source>
      <translation>{day} 的餐次留样时间必须在当天。</translation>
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
      <source>{meal} “{dish}”: sample still to take.</source>
      <translation>{meal}“{dish}”：尚待留样。</translation>
    </message>
    <message>
      <source>{meal} “{dish}”: no sample was taken.</source>
      <translation>{meal}“{dish}”：未留样。</translation>
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
      <source>°C</source>
      <translation>°C</translation>
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
      <source>Fridge readings due: {n} ({what})</source>
      <translation>冰箱测温待记录：{n} 项（{what}）</translation>
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
      <source>(choose)</source>
      <translation>（请选择）</translation>
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
      <source>Add</source>
      <translation>添加</translation>
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
      <source>Action taken</source>
      <translation>采取的措施</translation>
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
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Daily samples</source>
      <translation>每日留样</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>留样处理</translation>
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
      <source>State</source>
      <translation>状态</translation>
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
      <source>From</source>
      <translation>从</translation>
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
      <source>All in order.</source>
      <translation>全部合规。</translation>
    </message>
    <message>
      <source>Canteen closed: {reason}</source>
      <translation>食堂停伙：{reason}</translation>
    </message>
    <message>
      <source>Due for disposal</source>
      <translation>到期待处理</translation>
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
      <source>Disposed {at}</source>
      <translation>已于 {at} 处理</translation>
    </message>
    <message>
      <source>(missing)</source>
      <translation>（缺）</translation>
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
      <source>Still to do: {items}</source>
      <translation>待完成：{items}</translation>
    </message>
    <message>
      <source>Weight missing</source>
      <translation>未填重量</translation>
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
      <source>{n} samples are past their retention time and wait for disposal (see Disposal).</source>
      <translation>{n} 份留样已过保留期限，等待处理（见“留样处理”）。</translation>
    </message>
  </context>
</TS>
