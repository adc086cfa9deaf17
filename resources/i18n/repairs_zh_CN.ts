<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>repairs</name>
    <message>
      <source>Repair log</source>
      <translation>维修登记</translation>
    </message>
    <message>
      <source>--to must not be before --from.</source>
      <translation>--to 不能早于 --from。</translation>
    </message>
    <message>
      <source>{n} tickets exported to {path}.</source>
      <translation>已导出 {n} 张维修单到 {path}。</translation>
    </message>
    <message>
      <source>{n} inspections exported to {path}.</source>
      <translation>已导出 {n} 次检查记录到 {path}。</translation>
    </message>
    <message>
      <source>--month: give the month as YYYY-MM, e.g. 2026-11.</source>
      <translation>--month：请按 YYYY-MM 填写月份，例如 2026-11。</translation>
    </message>
    <message>
      <source>{option}: give a date as YYYY-MM-DD, e.g. 2026-11-01.</source>
      <translation>{option}：请按 YYYY-MM-DD 填写日期，例如 2026-11-01。</translation>
    </message>
    <message>
      <source>No repair ticket {number}.</source>
      <translation>没有维修单 {number}。</translation>
    </message>
    <message>
      <source>No term named {name}.</source>
      <translation>没有名为 {name} 的学期。</translation>
    </message>
    <message>
      <source>Repair tickets</source>
      <translation>维修单</translation>
    </message>
    <message>
      <source>Inspections recorded</source>
      <translation>检查次数</translation>
    </message>
    <message>
      <source>Demo repair tickets created: {n}</source>
      <translation>已生成演示维修单：{n} 张</translation>
    </message>
    <message>
      <source>Demo inspections created: {n}</source>
      <translation>已生成演示检查记录：{n} 次</translation>
    </message>
    <message>
      <source>Ticket No.</source>
      <translation>维修单号</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>报修时间</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>报修人</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系电话</translation>
    </message>
    <message>
      <source>How reported</source>
      <translation>报修方式</translation>
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
      <source>Asset</source>
      <translation>资产</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>What is broken</source>
      <translation>故障描述</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Assigned to</source>
      <translation>维修人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>完成时限</translation>
    </message>
    <message>
      <source>Done at</source>
      <translation>完成时间</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时</translation>
    </message>
    <message>
      <source>Hours to repair</source>
      <translation>维修用时（小时）</translation>
    </message>
    <message>
      <source>Work done</source>
      <translation>维修情况</translation>
    </message>
    <message>
      <source>Parts</source>
      <translation>材料</translation>
    </message>
    <message>
      <source>Parts cost</source>
      <translation>材料费</translation>
    </message>
    <message>
      <source>Labour cost</source>
      <translation>人工费</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>费用</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>损坏原因</translation>
    </message>
    <message>
      <source>Person responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Compensation</source>
      <translation>赔偿</translation>
    </message>
    <message>
      <source>Accepted by</source>
      <translation>验收人</translation>
    </message>
    <message>
      <source>Accepted at</source>
      <translation>验收时间</translation>
    </message>
    <message>
      <source>Satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>意见</translation>
    </message>
    <message>
      <source>Reason cancelled</source>
      <translation>取消原因</translation>
    </message>
    <message>
      <source>Inspection No.</source>
      <translation>检查编号</translation>
    </message>
    <message>
      <source>Inspected at</source>
      <translation>检查时间</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>周期</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查人</translation>
    </message>
    <message>
      <source>Items checked</source>
      <translation>检查项数</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题数</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>发现问题</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>To</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Inspection ledger</source>
      <translation>安全检修台账</translation>
    </message>
    <message>
      <source>Checks not done</source>
      <translation>应查未查</translation>
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
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>not satisfied</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>Repair slip</source>
      <translation>报修单</translation>
    </message>
    <message>
      <source>… (more in the program)</source>
      <translation>……（详见系统）</translation>
    </message>
    <message>
      <source>Repair report for a period</source>
      <translation>维修情况报告</translation>
    </message>
    <message>
      <source>Open and overdue (tickets of this period)</source>
      <translation>未完成且已逾期（本期报修）</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Rows marked “—” are checks that fell due in the period and were not done.</source>
      <translation>序号为“—”的行为本期应检查而未检查的项目。</translation>
    </message>
    <message>
      <source>Cost (yuan)</source>
      <translation>费用（元）</translation>
    </message>
    <message>
      <source>Acceptance</source>
      <translation>验收</translation>
    </message>
    <message>
      <source>Tickets reported</source>
      <translation>报修数</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>按时率</translation>
    </message>
    <message>
      <source>Average h</source>
      <translation>平均用时(h)</translation>
    </message>
    <message>
      <source>Median h</source>
      <translation>中位用时(h)</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>项数</translation>
    </message>
    <message>
      <source>Findings and action</source>
      <translation>发现问题及处理</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签字</translation>
    </message>
    <message>
      <source>Not done: due in this period and not recorded</source>
      <translation>未检查：本期应检查，无检查记录</translation>
    </message>
    <message>
      <source>Repairer</source>
      <translation>维修人</translation>
    </message>
    <message>
      <source>Reporter</source>
      <translation>报修人（验收）</translation>
    </message>
    <message>
      <source>Monthly repair report</source>
      <translation>维修情况月报</translation>
    </message>
    <message>
      <source>Term repair report</source>
      <translation>维修情况学期报告</translation>
    </message>
    <message>
      <source>By urgency</source>
      <translation>按紧急程度</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>按类别</translation>
    </message>
    <message>
      <source>None.</source>
      <translation>无。</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>楼宇</translation>
    </message>
    <message>
      <source>By building</source>
      <translation>按楼宇</translation>
    </message>
    <message>
      <source>(whole school)</source>
      <translation>（全校）</translation>
    </message>
    <message>
      <source>{name} pays {amount} yuan</source>
      <translation>{name} 赔偿 {amount} 元</translation>
    </message>
    <message>
      <source>satisfied</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>Accepted by {name}, {time}</source>
      <translation>验收人 {name}，{time}</translation>
    </message>
    <message>
      <source>Parts: {parts}</source>
      <translation>材料：{parts}</translation>
    </message>
    <message>
      <source>Parts {parts} + labour {labour} = {total} yuan</source>
      <translation>材料费 {parts} + 人工费 {labour} = {total} 元</translation>
    </message>
    <message>
      <source>Done on time</source>
      <translation>按时完成</translation>
    </message>
    <message>
      <source>Still open / overdue</source>
      <translation>未完成 / 已逾期</translation>
    </message>
    <message>
      <source>Average time to repair</source>
      <translation>平均维修用时</translation>
    </message>
    <message>
      <source>Median time to repair</source>
      <translation>维修用时中位数</translation>
    </message>
    <message>
      <source>Repair cost</source>
      <translation>维修费用</translation>
    </message>
    <message>
      <source>Cancelled (not in the count)</source>
      <translation>已取消（不计入报修数）</translation>
    </message>
    <message>
      <source>Not satisfied at acceptance</source>
      <translation>验收不满意</translation>
    </message>
    <message>
      <source>Tickets by category</source>
      <translation>各类别报修数</translation>
    </message>
    <message>
      <source>Place or asset</source>
      <translation>地点或资产</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>维修单</translation>
    </message>
    <message>
      <source>Latest ticket or cost</source>
      <translation>最近维修单或费用</translation>
    </message>
    <message>
      <source>Open and overdue (tickets of this period; the {n} longest overdue of {total})</source>
      <translation>未完成且已逾期（本期报修；共 {total} 单，列出逾期最久的 {n} 单）</translation>
    </message>
    <message>
      <source>Cancelled: {reason}</source>
      <translation>已取消：{reason}</translation>
    </message>
    <message>
      <source>{amount} yuan</source>
      <translation>{amount} 元</translation>
    </message>
    <message>
      <source>{n} more assets</source>
      <translation>另有 {n} 件资产</translation>
    </message>
    <message>
      <source>Repeat faults: the same fault {n} or more times at one place or on one asset</source>
      <translation>重复故障：同一地点同类故障或同一资产报修 {n} 次及以上</translation>
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
      <source>Safety officer</source>
      <translation>安全检查员</translation>
    </message>
    <message>
      <source>{n} more parts in the program</source>
      <translation>另有 {n} 项材料，详见系统</translation>
    </message>
    <message>
      <source>{n} more places</source>
      <translation>另有 {n} 处</translation>
    </message>
    <message>
      <source>{h} hours</source>
      <translation>{h} 小时</translation>
    </message>
    <message>
      <source>latest {number}</source>
      <translation>最近 {number}</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>已报修</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>已派工</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>维修中</translation>
    </message>
    <message>
      <source>Waiting for parts</source>
      <translation>待料</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已验收</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Urgent / safety hazard</source>
      <translation>紧急/安全隐患</translation>
    </message>
    <message>
      <source>Minor repair</source>
      <translation>小修</translation>
    </message>
    <message>
      <source>Major repair</source>
      <translation>大修</translation>
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
      <source>Damage by a person</source>
      <translation>人为损坏</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>不明</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>当面</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Daily</source>
      <translation>每日</translation>
    </message>
    <message>
      <source>Weekly</source>
      <translation>每周</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>每月</translation>
    </message>
    <message>
      <source>Enter when it was reported.</source>
      <translation>请填写报修时间。</translation>
    </message>
    <message>
      <source>Unknown value.</source>
      <translation>无效的值。</translation>
    </message>
    <message>
      <source>Who reported it? Enter a name or choose a class.</source>
      <translation>谁报修的？请填写姓名或选择班级。</translation>
    </message>
    <message>
      <source>Where is it? Choose the place.</source>
      <translation>在哪里？请选择地点。</translation>
    </message>
    <message>
      <source>Choose a category.</source>
      <translation>请选择类别。</translation>
    </message>
    <message>
      <source>Describe what is broken.</source>
      <translation>请描述故障情况。</translation>
    </message>
    <message>
      <source>Choose the urgency.</source>
      <translation>请选择紧急程度。</translation>
    </message>
    <message>
      <source>Name the person responsible: they pay the compensation.</source>
      <translation>请填写责任人：由其负责赔偿。</translation>
    </message>
    <message>
      <source>Deliberate damage needs a discipline note.</source>
      <translation>人为损坏须填写处理意见。</translation>
    </message>
    <message>
      <source>Describe the work done.</source>
      <translation>请填写维修情况。</translation>
    </message>
    <message>
      <source>Who did the repair? Choose a staff member or an outside firm.</source>
      <translation>谁维修的？请选择后勤人员或外包单位。</translation>
    </message>
    <message>
      <source>Choose the cause.</source>
      <translation>请选择损坏原因。</translation>
    </message>
    <message>
      <source>Who accepted the repair?</source>
      <translation>验收人是谁？</translation>
    </message>
    <message>
      <source>Say what the reporter is not satisfied with.</source>
      <translation>请写明报修人不满意的地方。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>Choose daily, weekly or monthly.</source>
      <translation>请选择每日、每周或每月。</translation>
    </message>
    <message>
      <source>Enter at least one item to check.</source>
      <translation>请至少填写一个检查项目。</translation>
    </message>
    <message>
      <source>Record the result of every item.</source>
      <translation>请记录每个项目的检查结果。</translation>
    </message>
    <message>
      <source>Who carried out the inspection?</source>
      <translation>检查人是谁？</translation>
    </message>
    <message>
      <source>Choose the place inspected.</source>
      <translation>请选择检查地点。</translation>
    </message>
    <message>
      <source>The time cannot be in the future.</source>
      <translation>时间不能晚于现在。</translation>
    </message>
    <message>
      <source>The repair ticket no longer exists.</source>
      <translation>该维修单已不存在。</translation>
    </message>
    <message>
      <source>The time reported cannot be in the future.</source>
      <translation>报修时间不能晚于现在。</translation>
    </message>
    <message>
      <source>How did the report come in?</source>
      <translation>请选择报修方式（报修单、电话或当面）。</translation>
    </message>
    <message>
      <source>Repair reported ({number}): {description}</source>
      <translation>报修（{number}）：{description}</translation>
    </message>
    <message>
      <source>The term no longer exists.</source>
      <translation>该学期已不存在。</translation>
    </message>
    <message>
      <source>(no place)</source>
      <translation>（无地点）</translation>
    </message>
    <message>
      <source>The asset no longer exists.</source>
      <translation>该资产已不存在。</translation>
    </message>
    <message>
      <source>The inspection no longer exists.</source>
      <translation>该检查记录已不存在。</translation>
    </message>
    <message>
      <source>Enter an amount of money of 0 or more, e.g. 35.50.</source>
      <translation>请输入不小于 0 的金额，例如 35.50。</translation>
    </message>
    <message>
      <source>{d} d {h} h</source>
      <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
      <source>overdue {span}</source>
      <translation>已逾期 {span}</translation>
    </message>
    <message>
      <source>{span} left</source>
      <translation>剩余 {span}</translation>
    </message>
    <message>
      <source>No asset has the number {number}.</source>
      <translation>没有编号为 {number} 的资产。</translation>
    </message>
    <message>
      <source>Asset {number} has been written off; it cannot be repaired.</source>
      <translation>资产 {number} 已报废，不能报修。</translation>
    </message>
    <message>
      <source>Choose a staff member or an outside firm.</source>
      <translation>请选择后勤人员或外包单位。</translation>
    </message>
    <message>
      <source>Acceptance cannot be before the repair was done.</source>
      <translation>验收时间不能早于完成时间。</translation>
    </message>
    <message>
      <source>Give the reason.</source>
      <translation>请填写原因。</translation>
    </message>
    <message>
      <source>Give the reason for cancelling.</source>
      <translation>请填写取消原因。</translation>
    </message>
    <message>
      <source>week of {date}</source>
      <translation>{date} 当周</translation>
    </message>
    <message>
      <source>{item}: {note}</source>
      <translation>{item}：{note}</translation>
    </message>
    <message>
      <source>{h} h {m} min</source>
      <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m} 分钟</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字。</translation>
    </message>
    <message>
      <source>Ticket {number} is closed and can no longer be changed.</source>
      <translation>维修单 {number} 已结束，不能再修改。</translation>
    </message>
    <message>
      <source>Ticket {number} is {status}; it cannot become {new}.</source>
      <translation>维修单 {number} 当前为“{status}”，不能改为“{new}”。</translation>
    </message>
    <message>
      <source>Ticket {number} is {status}; it cannot be assigned.</source>
      <translation>维修单 {number} 当前为“{status}”，不能派工。</translation>
    </message>
    <message>
      <source>Part {n}: enter its name.</source>
      <translation>第 {n} 项材料：请填写名称。</translation>
    </message>
    <message>
      <source>Part {n}: enter a unit cost of 0 or more.</source>
      <translation>第 {n} 项材料：单价须不小于 0。</translation>
    </message>
    <message>
      <source>Repaired ({number}): {work}</source>
      <translation>已维修（{number}）：{work}</translation>
    </message>
    <message>
      <source>Repair ticket {number} cancelled: {reason}</source>
      <translation>维修单 {number} 已取消：{reason}</translation>
    </message>
    <message>
      <source>“{value}” already exists.</source>
      <translation>“{value}”已存在。</translation>
    </message>
    <message>
      <source>Item {n} is not on this checklist.</source>
      <translation>第 {n} 项不在此检查表中。</translation>
    </message>
    <message>
      <source>“{item}”: describe the problem found.</source>
      <translation>“{item}”：请描述发现的问题。</translation>
    </message>
    <message>
      <source>“{item}”: where was the problem found? Choose the place.</source>
      <translation>“{item}”：问题在哪里发现的？请选择地点。</translation>
    </message>
    <message>
      <source>{finding} (normal)</source>
      <translation>{finding}（正常）</translation>
    </message>
    <message>
      <source>{finding} ({ticket})</source>
      <translation>{finding}（{ticket}）</translation>
    </message>
    <message>
      <source>All normal</source>
      <translation>全部正常</translation>
    </message>
    <message>
      <source>The time cannot be before the ticket was reported ({at}).</source>
      <translation>时间不能早于报修时间（{at}）。</translation>
    </message>
    <message>
      <source>Part {n}: the quantity must be more than 0.</source>
      <translation>第 {n} 项材料：数量须大于 0。</translation>
    </message>
    <message>
      <source>Compensation was already recorded ({doc}); the cause can no longer change.</source>
      <translation>已登记赔偿（{doc}），损坏原因不能再修改。</translation>
    </message>
    <message>
      <source>{name} did the repair and cannot accept it; another named person accepts it.</source>
      <translation>{name}是维修人，不能验收自己的维修；请由另一位具名人员验收。</translation>
    </message>
    <message>
      <source>{name} did the repair and cannot accept it; the person who reported it ({reporter}) or another named person accepts it.</source>
      <translation>{name}是维修人，不能验收自己的维修；请由报修人（{reporter}）或另一位具名人员验收。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-11.</source>
      <translation>请按 YYYY-MM 填写月份，例如 2026-11。</translation>
    </message>
    <message>
      <source>Repair ticket {number} no longer concerns this asset</source>
      <translation>维修单 {number} 已不再涉及此资产</translation>
    </message>
    <message>
      <source>Found by inspection {number} ({checklist})</source>
      <translation>巡查发现（{number}，{checklist}）</translation>
    </message>
    <message>
      <source>Waiting for: {what}</source>
      <translation>待料：{what}</translation>
    </message>
    <message>
      <source>Urgent / safety hazard: repaired within</source>
      <translation>紧急/安全隐患：须在以下时限内修复</translation>
    </message>
    <message>
      <source>Minor repair: by the end of the reporting day plus</source>
      <translation>小修：报修当天结束前，再加</translation>
    </message>
    <message>
      <source>Major repair: by the end of the reporting day plus</source>
      <translation>大修：报修当天结束前，再加</translation>
    </message>
    <message>
      <source>A repeat fault is this many tickets in the period</source>
      <translation>同一期间报修达到此次数即为重复故障</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>0 = the same day (小修不过夜).</source>
      <translation>0 = 当天修好（小修不过夜）。</translation>
    </message>
    <message>
      <source>3 = within three days (大修不过三).</source>
      <translation>3 = 三天内修好（大修不过三）。</translation>
    </message>
    <message>
      <source>Repair log ({n} overdue)</source>
      <translation>维修登记（{n} 逾期）</translation>
    </message>
    <message>
      <source>Repair tickets overdue: {n}, {urgent} of them urgent (first: {ticket})</source>
      <translation>维修单逾期：{n} 单，其中紧急 {urgent} 单（最急：{ticket}）</translation>
    </message>
    <message>
      <source>Urgent repair tickets nobody has been sent to: {n} (first: {ticket})</source>
      <translation>紧急维修单尚未派工：{n} 单（最急：{ticket}）</translation>
    </message>
    <message>
      <source>Repair tickets due today: {n} (first: {ticket})</source>
      <translation>今天到期的维修单：{n} 单（最急：{ticket}）</translation>
    </message>
    <message>
      <source>Time left</source>
      <translation>剩余时间</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
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
      <source>Last month</source>
      <translation>上月</translation>
    </message>
    <message>
      <source>This term</source>
      <translation>本学期</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>本年</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Name of the teacher, student or staff member</source>
      <translation>教师、学生或职工姓名</translation>
    </message>
    <message>
      <source>Scan or type the asset number, then Enter</source>
      <translation>扫描或输入资产编号后按回车</translation>
    </message>
    <message>
      <source>Assign to</source>
      <translation>派工给</translation>
    </message>
    <message>
      <source>Add a row</source>
      <translation>增加一行</translation>
    </message>
    <message>
      <source>Discipline note</source>
      <translation>处理意见</translation>
    </message>
    <message>
      <source>Repaired by</source>
      <translation>维修人</translation>
    </message>
    <message>
      <source>The person who reported it, or another named person</source>
      <translation>报修人或另一位具名人员</translation>
    </message>
    <message>
      <source>Satisfied with the repair</source>
      <translation>对维修满意</translation>
    </message>
    <message>
      <source>Repair categories</source>
      <translation>维修类别</translation>
    </message>
    <message>
      <source>New category</source>
      <translation>新类别</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>改名</translation>
    </message>
    <message>
      <source>Use / stop using</source>
      <translation>启用 / 停用</translation>
    </message>
    <message>
      <source>Search number, place, reporter, asset, description…</source>
      <translation>搜索单号、地点、报修人、资产、故障…</translation>
    </message>
    <message>
      <source>Preparing the repair slip…</source>
      <translation>正在生成报修单…</translation>
    </message>
    <message>
      <source>Export repair tickets</source>
      <translation>导出维修单</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source> · failed early</source>
      <translation> · 早期故障</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Tickets in category</source>
      <translation>报修类别</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Items (one per line)</source>
      <translation>检查项目（每行一项）</translation>
    </message>
    <message>
      <source>Places (none: one check for the school)</source>
      <translation>地点（不选：全校检查一次）</translation>
    </message>
    <message>
      <source>(choose)</source>
      <translation>（请选择）</translation>
    </message>
    <message>
      <source>Is it a problem?</source>
      <translation>是否有问题？</translation>
    </message>
    <message>
      <source>A problem: open a ticket</source>
      <translation>有问题：开维修单</translation>
    </message>
    <message>
      <source>Normal: keep it as a note</source>
      <translation>正常：仅作备注</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>返回修改</translation>
    </message>
    <message>
      <source>All checklists</source>
      <translation>全部检查表</translation>
    </message>
    <message>
      <source>Print ledger</source>
      <translation>打印台账</translation>
    </message>
    <message>
      <source>Export ledger…</source>
      <translation>导出台账…</translation>
    </message>
    <message>
      <source>Preparing the inspection ledger…</source>
      <translation>正在生成安全检修台账…</translation>
    </message>
    <message>
      <source>Export the inspection ledger</source>
      <translation>导出安全检修台账</translation>
    </message>
    <message>
      <source>Reported {r}, done {d} ({dr}), on time {o} ({orate}), still open {op} of which overdue {ov}; cancelled {c}.</source>
      <translation>报修 {r} 单，完成 {d} 单（{dr}），按时完成 {o} 单（{orate}），未完成 {op} 单，其中逾期 {ov} 单；取消 {c} 单。</translation>
    </message>
    <message>
      <source>Time to repair: average {avg} h, median {med} h. Cost {cost} yuan (parts {parts}, labour {labour}); compensation {comp} yuan.</source>
      <translation>维修用时：平均 {avg} 小时，中位数 {med} 小时。费用 {cost} 元（材料 {parts}，人工 {labour}）；赔偿 {comp} 元。</translation>
    </message>
    <message>
      <source>Repairs {start} to {end}</source>
      <translation>维修情况 {start} 至 {end}</translation>
    </message>
    <message>
      <source>Print monthly report</source>
      <translation>打印维修月报</translation>
    </message>
    <message>
      <source>Preparing the repair report…</source>
      <translation>正在生成维修月报…</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>巡视检查</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Edit repair ticket</source>
      <translation>修改维修单</translation>
    </message>
    <message>
      <source>New repair ticket</source>
      <translation>报修登记</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>材料</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit cost</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Compensation (yuan)</source>
      <translation>赔偿金额（元）</translation>
    </message>
    <message>
      <source>The compensation follows the repair's cost (parts and labour).</source>
      <translation>赔偿按维修费用（材料费和人工费）计算。</translation>
    </message>
    <message>
      <source>Type another amount only if it was agreed otherwise.</source>
      <translation>只有另有约定时才填写其他金额。</translation>
    </message>
    <message>
      <source>New ticket</source>
      <translation>报修登记</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Assign…</source>
      <translation>派工…</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始维修</translation>
    </message>
    <message>
      <source>Waiting for parts…</source>
      <translation>待料…</translation>
    </message>
    <message>
      <source>Done…</source>
      <translation>完成…</translation>
    </message>
    <message>
      <source>Acceptance…</source>
      <translation>验收…</translation>
    </message>
    <message>
      <source>Reopen…</source>
      <translation>返工…</translation>
    </message>
    <message>
      <source>Cancel ticket…</source>
      <translation>取消报修…</translation>
    </message>
    <message>
      <source>Print slip</source>
      <translation>打印报修单</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Categories…</source>
      <translation>维修类别…</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>All places</source>
      <translation>全部地点</translation>
    </message>
    <message>
      <source>Anyone assigned</source>
      <translation>全部维修人</translation>
    </message>
    <message>
      <source>Parts awaited</source>
      <translation>所待材料</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>This asset: {n} repairs, {cost} yuan in all</source>
      <translation>此资产：维修 {n} 次，共 {cost} 元</translation>
    </message>
    <message>
      <source>Edit checklist</source>
      <translation>修改检查表</translation>
    </message>
    <message>
      <source>New checklist</source>
      <translation>新建检查表</translation>
    </message>
    <message>
      <source>Checklists</source>
      <translation>检查表</translation>
    </message>
    <message>
      <source>New checklist…</source>
      <translation>新建检查表…</translation>
    </message>
    <message>
      <source>Edit checklist…</source>
      <translation>修改检查表…</translation>
    </message>
    <message>
      <source>Run inspection…</source>
      <translation>开始检查…</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Inspection ledger (安全检修台账)</source>
      <translation>安全检修台账</translation>
    </message>
    <message>
      <source>Items / problems</source>
      <translation>项数 / 问题</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Due now</source>
      <translation>本期待查</translation>
    </message>
    <message>
      <source>Missed</source>
      <translation>漏查</translation>
    </message>
    <message>
      <source>Place {place}: {n} tickets ({cats})</source>
      <translation>地点 {place}：{n} 单（{cats}）</translation>
    </message>
    <message>
      <source>Asset {number} {name}: {n} tickets, {cost} yuan</source>
      <translation>资产 {number} {name}：{n} 单，{cost} 元</translation>
    </message>
    <message>
      <source>Figures for</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <source>Firm: {name}</source>
      <translation>外包：{name}</translation>
    </message>
    <message>
      <source>(not a class)</source>
      <translation>（非班级）</translation>
    </message>
    <message>
      <source>Assign {number}</source>
      <translation>派工：{number}</translation>
    </message>
    <message>
      <source>Repair done: {number}</source>
      <translation>维修完成：{number}</translation>
    </message>
    <message>
      <source>The person responsible pays the repair's cost: {amount} yuan.</source>
      <translation>责任人照价赔偿维修费用：{amount} 元。</translation>
    </message>
    <message>
      <source>The person responsible pays double the repair's cost (2 × {cost}): {amount} yuan.</source>
      <translation>责任人加倍赔偿维修费用（2 × {cost}）：{amount} 元。</translation>
    </message>
    <message>
      <source>Acceptance: {number}</source>
      <translation>验收：{number}</translation>
    </message>
    <message>
      <source>{shown} tickets shown · {open} open · {overdue} overdue</source>
      <translation>显示 {shown} 单 · 未完成 {open} 单 · 逾期 {overdue} 单</translation>
    </message>
    <message>
      <source>Inspection: {name}</source>
      <translation>检查：{name}</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Problem found</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <source>“{item}” is marked normal, but something was written: “{note}”.

Is it a problem? A problem opens a repair ticket.</source>
      <translation>“{item}”标为正常，但填写了：“{note}”。

这是问题吗？有问题将开出维修单。</translation>
    </message>
    <message>
      <source>Checks due and not done: {n} (double-click to run one)</source>
      <translation>应查未查：{n} 项（双击开始检查）</translation>
    </message>
    <message>
      <source>Choose a checklist first.</source>
      <translation>请先选择检查表。</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>Repair report</source>
      <translation>维修情况报告</translation>
    </message>
    <message>
      <source>(assign later)</source>
      <translation>（稍后派工）</translation>
    </message>
    <message>
      <source>(repaired {n} times before)</source>
      <translation>（此前已维修 {n} 次）</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未完成</translation>
    </message>
    <message>
      <source>Done or accepted</source>
      <translation>已完成或已验收</translation>
    </message>
    <message>
      <source>Choose a ticket to see its details.</source>
      <translation>选择一张维修单查看详情。</translation>
    </message>
    <message>
      <source>Reopen {number}</source>
      <translation>返工：{number}</translation>
    </message>
    <message>
      <source>Cancel {number}</source>
      <translation>取消：{number}</translation>
    </message>
    <message>
      <source>{total} yuan (parts {parts}, labour {labour})</source>
      <translation>{total} 元（材料 {parts}，人工 {labour}）</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>发现地点</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>有问题</translation>
    </message>
    <message>
      <source>Inspection {number}: {n} problems, {n} repair tickets opened.</source>
      <translation>检查 {number}：发现 {n} 个问题，已开 {n} 张维修单。</translation>
    </message>
    <message>
      <source>{name} (not used)</source>
      <translation>{name}（停用）</translation>
    </message>
    <message>
      <source>Repeat faults ({n} or more tickets)</source>
      <translation>重复故障（{n} 次及以上）</translation>
    </message>
  </context>
</TS>
