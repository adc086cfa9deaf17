<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LogisticsDesk</name>
    <message>
      <source>Food samples</source>
      <translation>食品留样</translation>
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
      <source>{month}/{day} {time}</source>
      <translation>{month}月{day}日 {time}</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} 分钟</translation>
    </message>
    <message>
      <source>Enter a temperature in °C, e.g. 4.5.</source>
      <translation>请以 °C 输入温度，如 4.5。</translation>
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
      <source>Unknown meal “{meal}”. Use one of: {meals}.</source>
      <translation>未知餐次“{meal}”，可用：{meals}。</translation>
    </message>
    <message>
      <source>{h} h {m} min</source>
      <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} 小时</translation>
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
      <source>Choose who takes the samples first.</source>
      <translation>请先选择留样人。</translation>
    </message>
    <message>
      <source>Choose the sample fridge first (add one under Fridges).</source>
      <translation>请先选择留样冰箱（可在“冰箱温度”中添加）。</translation>
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
  </context>
</TS>
