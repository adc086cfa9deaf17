<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>core</name>
    <message>
      <source>Logistics Desk</source>
      <translation>总务台账</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <source>Database (*.db)</source>
      <translation>数据库 (*.db)</translation>
    </message>
    <message>
      <source>Open a backup to put in its place? The damaged file is kept in the backups folder.</source>
      <translation>是否打开一个备份来替换它？损坏的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
      <source>Today's backup: {result}</source>
      <translation>今日备份：{result}</translation>
    </message>
    <message>
      <source>Failed: {error}</source>
      <translation>失败：{error}</translation>
    </message>
    <message>
      <source>The database {path} cannot be opened: {error}

Its backups are in {folder}.</source>
      <translation>无法打开数据库 {path}：{error}

它的备份在 {folder}。</translation>
    </message>
    <message>
      <source>The automatic daily backup failed: {error}</source>
      <translation>今天的自动备份失败：{error}</translation>
    </message>
    <message>
      <source>Restored from {path}. The damaged file was kept as {safety}.</source>
      <translation>已从 {path} 恢复。损坏的文件已保留为 {safety}。</translation>
    </message>
    <message>
      <source>move-db copies a database file to a server: --db must name the SQLite file.</source>
      <translation>move-db 把数据库文件复制到服务器：--db 必须是 SQLite 文件。</translation>
    </message>
    <message>
      <source>--to must be a server database: postgresql://user:password@host:port/dbname</source>
      <translation>--to 必须是服务器数据库：postgresql://用户名:密码@主机:端口/数据库名</translation>
    </message>
    <message>
      <source>Copied {path} to {url} with its whole history.</source>
      <translation>已把 {path} 连同全部历史复制到 {url}。</translation>
    </message>
    <message>
      <source>The change record's key for the server is in {path}. Every other PC that uses the server needs it (without it, it cannot save changes): here, {program} --db "{url}" key export FILE; there, {program} --db "{url}" key import FILE.</source>
      <translation>服务器数据库的修改记录密钥在 {path}。使用该服务器的每台其他电脑都需要它（没有它就不能保存修改）：在本机运行 {program} --db "{url}" key export FILE；在那台电脑上运行 {program} --db "{url}" key import FILE。</translation>
    </message>
    <message>
      <source>To put a backup in its place: {program} --db "{path}" restore BACKUP.db</source>
      <translation>用备份替换它：{program} --db "{path}" restore 备份文件.db</translation>
    </message>
    <message>
      <source>Restored from {path} into the empty database {url}.</source>
      <translation>已从 {path} 恢复到空数据库 {url}。</translation>
    </message>
    <message>
      <source>This PC now uses {url} (set in {path}).</source>
      <translation>这台电脑现在使用 {url}（设置在 {path}）。</translation>
    </message>
    <message>
      <source>To use the server on this PC: {program} --db "{url}" (or put the address in {path}).</source>
      <translation>要在这台电脑上使用服务器：{program} --db "{url}"（或把地址写入 {path}）。</translation>
    </message>
    <message>
      <source>Restored from {path}. The previous state was saved to {safety}.</source>
      <translation>已从 {path} 恢复。恢复前的数据已保存到 {safety}。</translation>
    </message>
    <message>
      <source>Waiting for another program to finish writing… ({n} s)</source>
      <translation>正在等待另一个程序完成写入…（{n} 秒）</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>错误：{message}</translation>
    </message>
    <message>
      <source>Failed: {error} (the details are in the log {path})</source>
      <translation>失败：{error}（详细信息已写入日志 {path}）</translation>
    </message>
    <message>
      <source>Written: {path}</source>
      <translation>已写入：{path}</translation>
    </message>
    <message>
      <source>Backup written: {path}</source>
      <translation>备份已写入：{path}</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Settings, master data and accounts; reads every tab</source>
      <translation>设置、基础数据和账户；可查看各页</translation>
    </message>
    <message>
      <source>Clerk</source>
      <translation>总务干事</translation>
    </message>
    <message>
      <source>Everything but settings and accounts</source>
      <translation>除设置和账户外的全部工作</translation>
    </message>
    <message>
      <source>Canteen</source>
      <translation>食堂</translation>
    </message>
    <message>
      <source>The canteen tab</source>
      <translation>食堂页</translation>
    </message>
    <message>
      <source>Repair worker</source>
      <translation>维修工</translation>
    </message>
    <message>
      <source>The repairs tab: the tickets assigned to them</source>
      <translation>报修页：派给本人的工单</translation>
    </message>
    <message>
      <source>Approver</source>
      <translation>审批人</translation>
    </message>
    <message>
      <source>Reads everything; records approvals</source>
      <translation>查看全部；录入审批</translation>
    </message>
    <message>
      <source>Choose a role.</source>
      <translation>请选择角色。</translation>
    </message>
    <message>
      <source>A repair worker's account names the person the tickets are assigned to.</source>
      <translation>维修工的账户须指定工单派给的人员。</translation>
    </message>
    <message>
      <source>Say why the account is switched off.</source>
      <translation>请说明停用该账户的原因。</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Wrong name or password.</source>
      <translation>姓名或密码错误。</translation>
    </message>
    <message>
      <source>The account does not exist.</source>
      <translation>该账户不存在。</translation>
    </message>
    <message>
      <source>Enter the person's name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>This is the last administrator: make another administrator first, or nobody could change the settings or the accounts.</source>
      <translation>这是最后一位管理员：请先设立另一位管理员，否则将无人能修改设置和账户。</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>New password set at the console</source>
      <translation>在命令行设置了新密码</translation>
    </message>
    <message>
      <source>No accounts.</source>
      <translation>没有账户。</translation>
    </message>
    <message>
      <source>Accounts are on: the window asks who logs in.</source>
      <translation>账户已启用：打开窗口时需要登录。</translation>
    </message>
    <message>
      <source>Accounts are off: the window opens without a login.</source>
      <translation>账户未启用：打开窗口无需登录。</translation>
    </message>
    <message>
      <source>The new password again: </source>
      <translation>再次输入新密码：</translation>
    </message>
    <message>
      <source>This account is switched off: it cannot log in until an administrator switches it on.</source>
      <translation>此账户已停用：在管理员重新启用之前无法登录。</translation>
    </message>
    <message>
      <source>{name} ({role}) may not do this ({what}); it was not done.</source>
      <translation>{name}（{role}）无权执行此操作（{what}），未执行。</translation>
    </message>
    <message>
      <source>A password has at least {n} characters.</source>
      <translation>密码至少 {n} 个字符。</translation>
    </message>
    <message>
      <source>The two passwords differ; nothing was changed.</source>
      <translation>两次输入的密码不一致，未做任何更改。</translation>
    </message>
    <message>
      <source>New password set for {name} ({role}).</source>
      <translation>已为 {name}（{role}）设置新密码。</translation>
    </message>
    <message>
      <source>Too many wrong passwords. Try again in {n} seconds.</source>
      <translation>密码错误次数过多，请 {n} 秒后再试。</translation>
    </message>
    <message>
      <source>There is already an account with this name.</source>
      <translation>已有同名账户。</translation>
    </message>
    <message>
      <source>There is no account named “{name}”. The accounts: {names}</source>
      <translation>没有名为“{name}”的账户。现有账户：{names}</translation>
    </message>
    <message>
      <source>New password set at the console ({where})</source>
      <translation>在命令行设置了新密码（{where}）</translation>
    </message>
    <message>
      <source>password set {time}</source>
      <translation>密码设置于 {time}</translation>
    </message>
    <message>
      <source>switched off</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>New password for {name}: </source>
      <translation>{name} 的新密码：</translation>
    </message>
    <message>
      <source>Wrong name or password. Too many wrong tries: wait {n} seconds.</source>
      <translation>姓名或密码错误。错误次数过多：请等待 {n} 秒。</translation>
    </message>
    <message>
      <source>At most {n} characters.</source>
      <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>Registered as found when the change record was keyed</source>
      <translation>启用密钥校验时按现状登记</translation>
    </message>
    <message>
      <source>This PC does not have the change record's key for this database, so it cannot save changes (the other PCs' checks would fail). Copy the key from a PC that has it: there, File → Export the record key… (or: {program} key export FILE); here, File → Import the record key… (or: {program} key import FILE).</source>
      <translation>本机没有这个数据库的修改记录密钥，因此不能保存修改（否则其他电脑的检查会失败）。请从有密钥的电脑复制过来：在那台电脑上点 文件 → 导出记录密钥…（或运行：{program} key export FILE）；在本机点 文件 → 导入记录密钥…（或运行：{program} key import FILE）。</translation>
    </message>
    <message>
      <source>Registered as found when the change record was started</source>
      <translation>修改记录启用时按现状登记</translation>
    </message>
    <message>
      <source>Change record keyed with this installation's key: {n} earlier entries checked and re-hashed.</source>
      <translation>修改记录已改用本机密钥校验：此前的 {n} 条记录已核对并重新计算校验值。</translation>
    </message>
    <message>
      <source>Change record moved to this installation's key: {n} entries checked with the key found beside the restored backup and re-hashed.</source>
      <translation>修改记录已改用本机的密钥：用恢复的备份旁的密钥核对了 {n} 条记录，并重新计算了校验值。</translation>
    </message>
    <message>
      <source>Change record entries {first}–{last} are missing.</source>
      <translation>修改记录第 {first}–{last} 条缺失。</translation>
    </message>
    <message>
      <source>The key file was missing, so a new key was made: the entries before this one cannot be verified with it.</source>
      <translation>密钥文件不见了，已生成新密钥：此条之前的记录无法再用它校验。</translation>
    </message>
    <message>
      <source>Problems found before keying: {problems}</source>
      <translation>启用密钥前发现的问题：{problems}</translation>
    </message>
    <message>
      <source>Change record entries after {id} were not written by the program.</source>
      <translation>修改记录第 {id} 条之后的记录不是本程序写入的。</translation>
    </message>
    <message>
      <source>The head file {path} is missing, so entries cut from the end of the change record cannot be ruled out.</source>
      <translation>记录头文件 {path} 不见了，因此无法排除修改记录末尾被删掉若干条。</translation>
    </message>
    <message>
      <source>The head file {path} was not written by this program (or with another key).</source>
      <translation>记录头文件 {path} 不是本程序写入的（或是用另一把密钥写入的）。</translation>
    </message>
    <message>
      <source>The change record ends at entry {last}, but the head file {path} records entry {head}: entries were cut from its end.</source>
      <translation>修改记录止于第 {last} 条，但记录头文件 {path} 记载的是第 {head} 条：末尾的记录被删掉了。</translation>
    </message>
    <message>
      <source>Change record entry {id} differs from the one the head file {path} records: the change record was rewritten.</source>
      <translation>修改记录第 {id} 条与记录头文件 {path} 所记载的不一致：修改记录被改写过。</translation>
    </message>
    <message>
      <source>The change record goes on after entry {head}, the newest one the head file {path} records (entries {first}–{last} were added outside the program, or the program stopped right after saving them).</source>
      <translation>修改记录在记录头文件 {path} 记载的最新一条（第 {head} 条）之后还有记录（第 {first}–{last} 条是在程序之外添加的，或程序在保存后随即中断）。</translation>
    </message>
    <message>
      <source>The key file {path} is missing, so the change record cannot be verified.</source>
      <translation>密钥文件 {path} 不见了，无法校验修改记录。</translation>
    </message>
    <message>
      <source>The key file {path} is damaged: the change record cannot be written or checked.</source>
      <translation>密钥文件 {path} 已损坏：无法写入或校验修改记录。</translation>
    </message>
    <message>
      <source>Cannot create the key file {path}: {error}</source>
      <translation>无法创建密钥文件 {path}：{error}</translation>
    </message>
    <message>
      <source>Change record entry {id} does not follow the one before it (an entry was removed or altered).</source>
      <translation>修改记录第 {id} 条与上一条衔接不上（有记录被删除或篡改）。</translation>
    </message>
    <message>
      <source>Change record entries {first}–{last} do not follow the entries before them (entries were removed or altered).</source>
      <translation>修改记录第 {first}–{last} 条与前面的记录衔接不上（有记录被删除或篡改）。</translation>
    </message>
    <message>
      <source>Change record entry {id} was altered after it was written.</source>
      <translation>修改记录第 {id} 条在写入后被改动过。</translation>
    </message>
    <message>
      <source>Change record entries {first}–{last} were altered after they were written.</source>
      <translation>修改记录第 {first}–{last} 条在写入后被改动过。</translation>
    </message>
    <message>
      <source>Change record entry {id} was re-hashed without this installation's key: it was not written by this program.</source>
      <translation>修改记录第 {id} 条的校验值是在没有本机密钥的情况下重新计算的：它不是本程序写入的。</translation>
    </message>
    <message>
      <source>Change record entries {first}–{last} were re-hashed without this installation's key: they were not written by this program.</source>
      <translation>修改记录第 {first}–{last} 条的校验值是在没有本机密钥的情况下重新计算的：它们不是本程序写入的。</translation>
    </message>
    <message>
      <source>Cannot write {path}: the disk is full. Free some space and try again.</source>
      <translation>无法写入 {path}：磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
      <source>Cannot write {path}: the folder {folder} is read-only, or you have no permission to write there.</source>
      <translation>无法写入 {path}：文件夹 {folder} 是只读的，或者您没有在其中写入的权限。</translation>
    </message>
    <message>
      <source>Cannot write {path}: the folder {folder} does not exist.</source>
      <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>Cannot write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <source>No database is open.</source>
      <translation>没有打开数据库。</translation>
    </message>
    <message>
      <source>Cannot write {path}: another program holds the database (a restore, perhaps). Try again in a moment.</source>
      <translation>无法写入 {path}：另一个程序正占用数据库（可能正在恢复）。请稍后重试。</translation>
    </message>
    <message>
      <source>(no schema step recorded)</source>
      <translation>（没有记录任何结构版本）</translation>
    </message>
    <message>
      <source>Not a Logistics Desk database: it has no schema history.</source>
      <translation>这不是总务台账的数据库：其中没有数据结构版本记录。</translation>
    </message>
    <message>
      <source>Not a Logistics Desk backup: the file does not carry this program's mark (application_id).</source>
      <translation>不是总务台账的备份：该文件没有本程序的标记（application_id）。</translation>
    </message>
    <message>
      <source>It was written by a newer version of Logistics Desk.</source>
      <translation>它是由更新版本的总务台账写入的。</translation>
    </message>
    <message>
      <source>That is the database in use: choose a backup file.</source>
      <translation>这是正在使用的数据库，请选择一个备份文件。</translation>
    </message>
    <message>
      <source>The change record of the restored data does not verify with this installation's key; check will report it:</source>
      <translation>恢复后数据的变更记录无法用本机的密钥验证，“检查”会报告此问题：</translation>
    </message>
    <message>
      <source>Restore refused: another program kept writing to the database {path} for {seconds} seconds. Nothing was changed; try again when it has finished.</source>
      <translation>拒绝恢复：另一个程序已持续写入数据库 {path} {seconds} 秒。没有做任何更改；请等它完成后重试。</translation>
    </message>
    <message>
      <source>Restore refused: another program still has the database {path} open (the Logistics Desk window, perhaps). Close it and try again; nothing was changed.</source>
      <translation>拒绝恢复：另一个程序仍打开着数据库 {path}（可能是总务台账的窗口）。请关闭它后重试；没有做任何更改。</translation>
    </message>
    <message>
      <source>{reason} The safety copy could not be made, so nothing was restored.</source>
      <translation>{reason} 无法生成安全副本，因此没有恢复任何内容。</translation>
    </message>
    <message>
      <source>The second backup folder {folder} is not there (is the USB stick plugged in?).</source>
      <translation>第二备份文件夹 {folder} 不存在（U 盘插好了吗？）。</translation>
    </message>
    <message>
      <source>A copy is in {path}.</source>
      <translation>另有一份副本在 {path}。</translation>
    </message>
    <message>
      <source>(schema steps missing from its history: {steps})</source>
      <translation>（其结构历史中缺少以下步骤：{steps}）</translation>
    </message>
    <message>
      <source>File not found: {path}</source>
      <translation>找不到文件：{path}</translation>
    </message>
    <message>
      <source>{path} is not a file.</source>
      <translation>{path} 不是文件。</translation>
    </message>
    <message>
      <source>It lacks tables its schema version must have: {tables}</source>
      <translation>缺少其结构版本必须具有的数据表：{tables}</translation>
    </message>
    <message>
      <source>The backup cannot be restored: {problems}</source>
      <translation>无法恢复该备份：{problems}</translation>
    </message>
    <message>
      <source>The database {path} does not exist. Check the path; nothing was created.</source>
      <translation>数据库 {path} 不存在。请检查路径；没有创建任何文件。</translation>
    </message>
    <message>
      <source>{path} is not a database file (it is a folder or a device).</source>
      <translation>{path} 不是数据库文件（它是文件夹或设备）。</translation>
    </message>
    <message>
      <source>{path} is a folder: give a file name for the backup.</source>
      <translation>{path} 是文件夹：请给出备份的文件名。</translation>
    </message>
    <message>
      <source>No second copy: {reason}</source>
      <translation>未能另存副本：{reason}</translation>
    </message>
    <message>
      <source>Not a Logistics Desk database: {error}</source>
      <translation>这不是总务台账的数据库：{error}</translation>
    </message>
    <message>
      <source>Another program is writing to the database (an import, perhaps); waiting for it to finish…</source>
      <translation>另一个程序正在写入数据库（可能是导入）；正在等待它完成……</translation>
    </message>
    <message>
      <source>{reason} The damaged file could not be kept, so nothing was restored.</source>
      <translation>{reason} 无法保留损坏的文件，因此没有恢复任何内容。</translation>
    </message>
    <message>
      <source>The file is damaged: {detail}</source>
      <translation>文件已损坏：{detail}</translation>
    </message>
    <message>
      <source>{reason} Nothing was restored.</source>
      <translation>{reason} 没有恢复任何内容。</translation>
    </message>
    <message>
      <source>Another program opened the database {path} during the restore, so it could not be replaced. Nothing was changed; close the other program and try again.</source>
      <translation>恢复期间另一个程序打开了数据库 {path}，因此无法替换它。没有做任何更改；请关闭该程序后重试。</translation>
    </message>
    <message>
      <source>Another program has the database open (the Logistics Desk window, perhaps); waiting up to {seconds} seconds for it to close…</source>
      <translation>另一个程序打开着数据库（可能是总务台账的窗口）；最多等待 {seconds} 秒让它关闭……</translation>
    </message>
    <message>
      <source>{operator} changed this record at {time}, after you opened it. Your changes were not saved: the form now shows the record as it is; make your changes again.</source>
      <translation>在您打开此记录之后，{operator} 于 {time} 修改了它。您的修改未保存：表单已显示该记录的最新内容，请重新修改。</translation>
    </message>
    <message>
      <source>Give the month as YYYY-MM, e.g. 2026-11.</source>
      <translation>月份格式为 YYYY-MM，如 2026-11。</translation>
    </message>
    <message>
      <source>You have no permission to read and write {path}. Ask whoever looks after this computer to give your account access to it, or copy the database into a folder of your own.</source>
      <translation>您没有读写 {path} 的权限。请让管理这台电脑的人为您的账户开放权限，或把数据库复制到您自己的文件夹中。</translation>
    </message>
    <message>
      <source>You have no permission to read {path}. Ask whoever looks after this computer to give your account access to it.</source>
      <translation>您没有读取 {path} 的权限。请让管理这台电脑的人为您的账户开放权限。</translation>
    </message>
    <message>
      <source>The folder {folder} is read-only, but the database {path} needs to write its journal beside it. Move the database into a folder you can write to, or ask for write access.</source>
      <translation>文件夹 {folder} 是只读的，但数据库 {path} 需要在其旁边写入日志文件。请把数据库移到您可以写入的文件夹，或申请写入权限。</translation>
    </message>
    <message>
      <source>The database {path} is locked by another program that holds it exclusively (a restore in progress, perhaps). Wait until it has finished or close that program, then try again.</source>
      <translation>数据库 {path} 被另一个程序独占锁定（可能正在恢复）。请等它完成或关闭该程序后重试。</translation>
    </message>
    <message>
      <source>The database {path} is damaged and cannot be opened ({error}). Its backups are in {backups}.</source>
      <translation>数据库 {path} 已损坏，无法打开（{error}）。它的备份在 {backups}。</translation>
    </message>
    <message>
      <source>{path} is not a Logistics Desk database (it is another program's SQLite file). It was not opened or changed.</source>
      <translation>{path} 不是总务台账的数据库（它是其他程序的 SQLite 文件）。没有打开或更改它。</translation>
    </message>
    <message>
      <source>{path} is empty: it is not a Logistics Desk database. It was not changed.</source>
      <translation>{path} 是空文件：它不是总务台账的数据库。没有更改它。</translation>
    </message>
    <message>
      <source>The database {path} cannot be opened: {error}</source>
      <translation>无法打开数据库 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot connect to the database server for {path}: {error}. Check the address, that the server is running and that this computer may reach it.</source>
      <translation>无法连接 {path} 所在的数据库服务器：{error}。请检查地址、服务器是否在运行，以及这台电脑能否访问它。</translation>
    </message>
    <message>
      <source>The database server refused the user name or password for {path}: {error}</source>
      <translation>数据库服务器拒绝了 {path} 的用户名或密码：{error}</translation>
    </message>
    <message>
      <source>The database server has no database {path}: {error}. Ask whoever looks after the server to create it (an empty database is filled by this program).</source>
      <translation>数据库服务器上没有数据库 {path}：{error}。请让服务器管理员建立它（空数据库由本程序填充）。</translation>
    </message>
    <message>
      <source>{path} holds tables of another program: it is not a Logistics Desk database. It was not changed.</source>
      <translation>{path} 中是其他程序的表，不是总务台账的数据库。未做任何改动。</translation>
    </message>
    <message>
      <source>{path} is on a PostgreSQL server, but the PostgreSQL driver is not installed. Install it with: pip install "logistics-desk[postgres]"</source>
      <translation>{path} 在 PostgreSQL 服务器上，但没有安装 PostgreSQL 驱动。请安装：pip install "logistics-desk[postgres]"</translation>
    </message>
    <message>
      <source>The database {path} could not be written: the disk is full ({error}). Nothing of this change was saved. Free some space on that disk, then try again.</source>
      <translation>无法写入数据库 {path}：磁盘已满（{error}）。本次修改未保存任何内容。请先清理该磁盘的空间，然后重试。</translation>
    </message>
    <message>
      <source>Another program replaced the database {path} or removed its journal while this program had it open. Nothing was saved: close Logistics Desk and start it again.</source>
      <translation>在本程序打开数据库 {path} 期间，另一个程序替换了该文件或删除了它的日志文件。未保存任何内容：请关闭总务台账，然后重新启动。</translation>
    </message>
    <message>
      <source>Another program has been writing to the database {path} for more than {seconds} seconds, so this change could not be saved. Nothing was changed; try again when the other program has finished.</source>
      <translation>另一个程序正在写入数据库 {path}，已超过 {seconds} 秒，因此本次修改无法保存。数据没有任何改动；请等另一个程序完成后重试。</translation>
    </message>
    <message>
      <source>{path} is open read-only (a backup copy being checked): nothing in it can be changed.</source>
      <translation>{path} 是以只读方式打开的（正在检查的备份），其中的内容不能更改。</translation>
    </message>
    <message>
      <source>Demo data created:</source>
      <translation>演示数据已生成：</translation>
    </message>
    <message>
      <source>This database already holds records: demo data would be added to them. To add it anyway, run demo --add; for a clean demo use a new database file.</source>
      <translation>此数据库中已有记录：演示数据会叠加进去。如确要添加，请运行 demo --add；如需干净的演示，请使用新的数据库文件。</translation>
    </message>
    <message>
      <source>Demo master data created</source>
      <translation>已生成演示基础数据</translation>
    </message>
    <message>
      <source>{url} is not a database address this program understands. Write it as postgresql://user:password@host:port/dbname (the password may also come from PGPASSWORD or .pgpass).</source>
      <translation>{url} 不是本程序能识别的数据库地址。请写成 postgresql://用户名:密码@主机:端口/数据库名（密码也可以来自 PGPASSWORD 或 .pgpass）。</translation>
    </message>
    <message>
      <source>The index {name} is not valid.</source>
      <translation>索引 {name} 无效。</translation>
    </message>
    <message>
      <source>{name} is damaged: {problem}. Nothing was imported. Open it in Excel or WPS, save it again and import the saved file.</source>
      <translation>{name} 已损坏：{problem}。未导入任何内容。请用 Excel 或 WPS 打开并重新保存，再导入保存后的文件。</translation>
    </message>
    <message>
      <source>{name} was not imported: {problem}.</source>
      <translation>{name} 未导入：{problem}。</translation>
    </message>
    <message>
      <source>its sheet has more than {max} cells</source>
      <translation>其工作表的单元格超过 {max} 个</translation>
    </message>
    <message>
      <source>{name} cannot be read as a spreadsheet: it is not an .xlsx workbook, or it is damaged.</source>
      <translation>无法读取 {name}：它不是 .xlsx 工作簿，或者文件已损坏。</translation>
    </message>
    <message>
      <source>nothing but a serial number</source>
      <translation>只有序号</translation>
    </message>
    <message>
      <source>Required; this cell is empty.</source>
      <translation>必填项，此处为空。</translation>
    </message>
    <message>
      <source>This cell is part of the merged cells {range} over several rows; a number cannot be shared between rows. Unmerge the cells and write the number in each row.</source>
      <translation>此单元格属于跨多行的合并单元格 {range}，数字不能由几行共用。请取消合并，在每一行分别填写数字。</translation>
    </message>
    <message>
      <source>blank row</source>
      <translation>空行</translation>
    </message>
    <message>
      <source>totals row</source>
      <translation>合计行</translation>
    </message>
    <message>
      <source>signature or note line</source>
      <translation>签字或说明行</translation>
    </message>
    <message>
      <source>header repeated</source>
      <translation>重复的表头</translation>
    </message>
    <message>
      <source>its contents are not what a spreadsheet holds</source>
      <translation>其内容不是电子表格应有的内容</translation>
    </message>
    <message>
      <source>No header row found in the first {n} rows. The file needs a row of column names such as: {names}.</source>
      <translation>前 {n} 行中找不到表头。文件需要有一行列名，例如：{names}。</translation>
    </message>
    <message>
      <source>{name} is in the old Excel format. Open it in Excel or WPS, save it as .xlsx, and import that file.</source>
      <translation>{name} 是旧版 Excel 格式。请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
      <source>{name} has no sheet “{sheet}”. Its sheets: {sheets}.</source>
      <translation>{name} 中没有名为“{sheet}”的工作表。其中的工作表有：{sheets}。</translation>
    </message>
    <message>
      <source>Required columns are missing: {missing}. Columns found in the file: {found}.</source>
      <translation>缺少必需的列：{missing}。文件中的列有：{found}。</translation>
    </message>
    <message>
      <source>it has more than {max} rows of data; import at most {max} rows at a time (split the file)</source>
      <translation>数据超过 {max} 行；每次最多导入 {max} 行（请拆分文件）</translation>
    </message>
    <message>
      <source>{name} is in the old Excel format (.xls) and cannot be read: it is damaged or protected by a password. Open it in Excel or WPS, remove the password if there is one, save it as .xlsx, and import that file.</source>
      <translation>{name} 是旧版 Excel 格式（.xls），无法读取：文件已损坏或设有密码。请用 Excel 或 WPS 打开它，如有密码请先取消，另存为 .xlsx 后导入该文件。</translation>
    </message>
    <message>
      <source>the merged cells “{range}” are not a range of cells</source>
      <translation>合并单元格“{range}”不是有效的单元格区域</translation>
    </message>
    <message>
      <source>the merged cells {range} reach beyond Excel's last row ({rows}) or column (XFD)</source>
      <translation>合并单元格 {range} 超出了 Excel 的最后一行（{rows}）或最后一列（XFD）</translation>
    </message>
    <message>
      <source>the merged cells {range} are written backwards</source>
      <translation>合并单元格 {range} 的起止位置写反了</translation>
    </message>
    <message>
      <source>it has more than {max} fields</source>
      <translation>字段总数超过 {max} 个</translation>
    </message>
    <message>
      <source>a field on line {line} has more than {max} characters; Excel allows at most {max} in a cell</source>
      <translation>第 {line} 行有字段超过 {max} 个字符；Excel 每个单元格最多 {max} 个字符</translation>
    </message>
    <message>
      <source>the part {part} is corrupted: its packed data or checksum is wrong</source>
      <translation>其中的部件 {part} 已损坏：压缩数据或校验和有误</translation>
    </message>
    <message>
      <source>it is larger than {max}; an old .xls workbook is read whole</source>
      <translation>文件大于 {max}；旧版 .xls 工作簿须整个读入</translation>
    </message>
    <message>
      <source>line {line} has more than {max} fields; Excel's sheets end at column XFD</source>
      <translation>第 {line} 行的字段超过 {max} 个；Excel 工作表的最后一列是 XFD</translation>
    </message>
    <message>
      <source>its text is not valid UTF-16; it may have been cut off</source>
      <translation>其文本不是有效的 UTF-16，可能被截断了</translation>
    </message>
    <message>
      <source>line {line} holds the control character {char}, which a text table never holds</source>
      <translation>第 {line} 行含有控制字符 {char}，文本表格中不会有这种字符</translation>
    </message>
    <message>
      <source>line {line} is not a line of a CSV table</source>
      <translation>第 {line} 行不是 CSV 表格的一行</translation>
    </message>
    <message>
      <source>cell {cell} holds more than {max} characters; Excel allows at most {max} in a cell</source>
      <translation>单元格 {cell} 超过 {max} 个字符；Excel 每个单元格最多 {max} 个字符</translation>
    </message>
    <message>
      <source>its sheet has more than {max} merged regions</source>
      <translation>其工作表的合并区域超过 {max} 个</translation>
    </message>
    <message>
      <source>The text of {name} is neither UTF-8 nor GBK. Save it from Excel as .xlsx or as CSV (UTF-8).</source>
      <translation>{name} 的文字编码既不是 UTF-8 也不是 GBK。请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）。</translation>
    </message>
    <message>
      <source>Row {row}: {message}</source>
      <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
      <source>Row {row}, {column} “{value}”: {message}</source>
      <translation>第 {row} 行，{column}“{value}”：{message}</translation>
    </message>
    <message>
      <source>The number is too large.</source>
      <translation>数字过大。</translation>
    </message>
    <message>
      <source>Write 是 or 否 (yes or no).</source>
      <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
      <source>Not a whole number.</source>
      <translation>不是整数。</translation>
    </message>
    <message>
      <source>Not a number.</source>
      <translation>不是数字。</translation>
    </message>
    <message>
      <source>Not an amount of money.</source>
      <translation>不是金额。</translation>
    </message>
    <message>
      <source>The amount is too large.</source>
      <translation>金额过大。</translation>
    </message>
    <message>
      <source>More than two decimal places: an amount is in yuan and fen.</source>
      <translation>小数超过两位：金额只精确到分。</translation>
    </message>
    <message>
      <source>There is no such day in the calendar.</source>
      <translation>日历上没有这一天。</translation>
    </message>
    <message>
      <source>Not one of the accepted values: {values}.</source>
      <translation>不是可接受的值，应为：{values}。</translation>
    </message>
    <message>
      <source>Must be at least {min}.</source>
      <translation>不能小于 {min}。</translation>
    </message>
    <message>
      <source>Must be at most {max}.</source>
      <translation>不能大于 {max}。</translation>
    </message>
    <message>
      <source>The year {year} is not plausible.</source>
      <translation>年份 {year} 不合理。</translation>
    </message>
    <message>
      <source>Too long: {length} characters, at most {max} allowed.</source>
      <translation>内容过长：共 {length} 个字，最多 {max} 个字。</translation>
    </message>
    <message>
      <source>This cell holds a formula ({formula}) whose result is not saved in the file. Open the file in Excel or WPS, save it, and import it again.</source>
      <translation>此单元格是公式（{formula}），文件中没有保存它的计算结果。请用 Excel 或 WPS 打开该文件并保存，然后重新导入。</translation>
    </message>
    <message>
      <source>The cell shows an Excel error: {error}.</source>
      <translation>单元格显示 Excel 错误：{error}。</translation>
    </message>
    <message>
      <source>Not a date. Write it like 2026-09-01.</source>
      <translation>不是日期，请写成 2026-09-01 这样的格式。</translation>
    </message>
    <message>
      <source>The day is missing. Write the whole date, like 2026-09-01.</source>
      <translation>缺少日，请填写完整日期，如 2026-09-01。</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <source>Whole number</source>
      <translation>整数</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>Amount in yuan, e.g. 3500.00</source>
      <translation>金额（元），如 3500.00</translation>
    </message>
    <message>
      <source>Date, e.g. 2026-09-01</source>
      <translation>日期，如 2026-09-01</translation>
    </message>
    <message>
      <source>是 or 否</source>
      <translation>是 或 否</translation>
    </message>
    <message>
      <source>One of the listed values</source>
      <translation>从下列值中选一个</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
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
      <source>File row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>File column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Value in the file</source>
      <translation>值</translation>
    </message>
    <message>
      <source>What is wrong</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>填写说明</translation>
    </message>
    <message>
      <source>How to fill in this template</source>
      <translation>模板填写说明</translation>
    </message>
    <message>
      <source>Fill one row per item, starting under the header. Columns in red are required.</source>
      <translation>从表头下一行起，每行填写一项。红色表头的列为必填。</translation>
    </message>
    <message>
      <source>Columns may be in any order; unknown columns are ignored. Example rows may be deleted.</source>
      <translation>各列顺序不限，无法识别的列将被忽略。示例行可以删除。</translation>
    </message>
    <message>
      <source>Column name</source>
      <translation>列名</translation>
    </message>
    <message>
      <source>Required column</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>What to write</source>
      <translation>填写内容</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>at most {n} characters</source>
      <translation>最多 {n} 个字</translation>
    </message>
    <message>
      <source>it holds no worksheet</source>
      <translation>其中没有工作表</translation>
    </message>
    <message>
      <source>the part {part} unpacks to {size}; at most {max} are read</source>
      <translation>其中的部件 {part} 解压后为 {size}；最多只读取 {max}</translation>
    </message>
    <message>
      <source>a cell is named “{ref}”, which is not a cell reference</source>
      <translation>有单元格名为“{ref}”，这不是有效的单元格地址</translation>
    </message>
    <message>
      <source>cell {cell} is beyond Excel's last column, XFD</source>
      <translation>单元格 {cell} 超出了 Excel 的最后一列 XFD</translation>
    </message>
    <message>
      <source>{name} is not an Excel workbook: it is a zip archive without a workbook in it.</source>
      <translation>{name} 不是 Excel 工作簿：它是压缩包，但里面没有工作簿。</translation>
    </message>
    <message>
      <source>it holds {count} parts; a workbook has far fewer (at most {max} are accepted)</source>
      <translation>其中有 {count} 个部件；工作簿远没有这么多（最多接受 {max} 个）</translation>
    </message>
    <message>
      <source>the part {part} unpacks from {packed} to {size}, {ratio} times its size; a spreadsheet is never packed more than {max} times</source>
      <translation>其中的部件 {part} 从 {packed} 解压为 {size}，是原来的 {ratio} 倍；电子表格的压缩比从不超过 {max} 倍</translation>
    </message>
    <message>
      <source>the part {part} is encrypted</source>
      <translation>其中的部件 {part} 已加密</translation>
    </message>
    <message>
      <source>the part {part} is packed in a way Excel does not use</source>
      <translation>其中的部件 {part} 使用了 Excel 不用的压缩方式</translation>
    </message>
    <message>
      <source>it has a row numbered {row}, beyond Excel's last row, {max}</source>
      <translation>其中有一行的行号为 {row}，超出了 Excel 的最后一行 {max}</translation>
    </message>
    <message>
      <source>its rows are out of order: row {row} comes after row {previous}</source>
      <translation>其中的行顺序错乱：第 {row} 行排在第 {previous} 行之后</translation>
    </message>
    <message>
      <source>its sheet declares the range {range}, beyond Excel's last row ({rows}) or column (XFD)</source>
      <translation>其工作表声明的范围 {range} 超出了 Excel 的最后一行（{rows}）或最后一列（XFD）</translation>
    </message>
    <message>
      <source>the XML of the part {part} is broken at line {line}, column {column} ({error})</source>
      <translation>其中的部件 {part} 的 XML 在第 {line} 行第 {column} 列出错（{error}）</translation>
    </message>
    <message>
      <source>cell {cell} refers to shared text number {index}, but the file holds only {count}</source>
      <translation>单元格 {cell} 引用第 {index} 号共享文本，但文件中只有 {count} 条</translation>
    </message>
    <message>
      <source>it holds more than {max} distinct texts (shared strings)</source>
      <translation>其中不同的文本（共享字符串）超过 {max} 条</translation>
    </message>
    <message>
      <source>text number {index} of its shared texts has more than {max} characters; Excel allows at most {max} in a cell</source>
      <translation>其共享文本中的第 {index} 条超过 {max} 个字符；Excel 每个单元格最多 {max} 个字符</translation>
    </message>
    <message>
      <source>a cell stands outside any row (after row {row})</source>
      <translation>有单元格不在任何行之内（位于第 {row} 行之后）</translation>
    </message>
    <message>
      <source>a row is numbered “{row}”</source>
      <translation>有一行的行号为“{row}”</translation>
    </message>
    <message>
      <source>cell {cell} holds “{value}” where Excel keeps a number</source>
      <translation>单元格 {cell} 本应存放数字，却是“{value}”</translation>
    </message>
    <message>
      <source>cell {cell} holds “{value}” where Excel keeps a date</source>
      <translation>单元格 {cell} 本应存放日期，却是“{value}”</translation>
    </message>
    <message>
      <source>row {row} has cells beyond Excel's last column, XFD</source>
      <translation>第 {row} 行有单元格超出了 Excel 的最后一列 XFD</translation>
    </message>
    <message>
      <source>it declares {count} distinct texts (shared strings); at most {max} are read</source>
      <translation>其声明有 {count} 条不同的文本（共享字符串）；最多只读取 {max} 条</translation>
    </message>
    <message>
      <source>{n} bytes</source>
      <translation>{n} 字节</translation>
    </message>
    <message>
      <source>{path} could not be written: {reason}</source>
      <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <source>{path} could not be read: {reason}</source>
      <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
      <source>{name} is {size}; at most {max} can be imported at once. Split it into smaller files.</source>
      <translation>{name} 大小为 {size}；每次最多导入 {max}。请拆分成较小的文件。</translation>
    </message>
    <message>
      <source>{path} is not an ordinary file (it is a pipe, a socket or a device); it was not read.</source>
      <translation>{path} 不是普通文件（而是管道、套接字或设备）；未读取。</translation>
    </message>
    <message>
      <source>The disk is full: {path} could not be written. Nothing was saved; free some space or choose another place.</source>
      <translation>磁盘已满：无法写入 {path}。未保存任何内容；请腾出空间或换一个位置。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist: {path} could not be written.</source>
      <translation>文件夹 {folder} 不存在：无法写入 {path}。</translation>
    </message>
    <message>
      <source>{folder} is not a folder: {path} could not be written.</source>
      <translation>{folder} 不是文件夹：无法写入 {path}。</translation>
    </message>
    <message>
      <source>{path} is a folder. Give the name of a file to write.</source>
      <translation>{path} 是文件夹。请指定要写入的文件名。</translation>
    </message>
    <message>
      <source>The disk holding {folder} is read-only: {path} could not be written.</source>
      <translation>{folder} 所在的磁盘是只读的：无法写入 {path}。</translation>
    </message>
    <message>
      <source>{path} could not be written: the folder {folder} is read-only or you may not write there, or the file is open in another program (close it in Excel or WPS).</source>
      <translation>无法写入 {path}：文件夹 {folder} 是只读的或您无权写入，或者该文件正被其他程序打开（请在 Excel 或 WPS 中关闭它）。</translation>
    </message>
    <message>
      <source>The file name is too long: {path}</source>
      <translation>文件名太长：{path}</translation>
    </message>
    <message>
      <source>{path} is not a valid file name.</source>
      <translation>{path} 不是有效的文件名。</translation>
    </message>
    <message>
      <source>{path} is a folder, not a file.</source>
      <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
      <source>{name} cannot be opened: it is open in another program or you may not read it. Close it and try again.</source>
      <translation>无法打开 {name}：文件正被其他程序使用，或没有读取权限。请关闭后重试。</translation>
    </message>
    <message>
      <source>{path} is not an ordinary file (it is a device, a pipe or a socket); choose the name of a file to write.</source>
      <translation>{path} 不是普通文件（而是设备、管道或套接字）；请选择要写入的文件名。</translation>
    </message>
    <message>
      <source>The change record was written by an older version without a key; it will be keyed with the next change.</source>
      <translation>修改记录由旧版本写入，尚未使用密钥校验；下一次修改时将启用密钥。</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>Check found {n} problems.</source>
      <translation>检查发现 {n} 处问题。</translation>
    </message>
    <message>
      <source>SQLite: {p}</source>
      <translation>SQLite：{p}</translation>
    </message>
    <message>
      <source>Database intact; change record intact ({count} entries); all {records} records agree with it.</source>
      <translation>数据库完好；修改记录完整（共 {count} 条）；全部 {records} 条数据与修改记录一致。</translation>
    </message>
    <message>
      <source>{path} is a backup copy: its change record was verified with the key {key}. A backup has no head file, so entries cut from the end of its change record cannot be ruled out.</source>
      <translation>{path} 是一份备份：其修改记录已用密钥 {key} 校验。备份没有记录头文件，因此无法排除修改记录末尾被删掉若干条。</translation>
    </message>
    <message>
      <source>{path} is of schema {schema} (older than this program's schema {latest}); it was checked as it is and not migrated: tables and fields its schema does not have were not compared.</source>
      <translation>{path} 的数据结构版本为 {schema}（比本程序的版本 {latest} 旧）；已按原样检查，没有升级：该版本没有的表和字段未作比对。</translation>
    </message>
    <message>
      <source>Setting {key}: the change record says {recorded}, the table holds {found}.</source>
      <translation>设置项 {key}：修改记录为 {recorded}，表中却是 {found}。</translation>
    </message>
    <message>
      <source>{table} record {id} has no registration in the change record: it was inserted outside the program.</source>
      <translation>{table} 表第 {id} 条数据在修改记录中没有登记：它是在程序之外插入的。</translation>
    </message>
    <message>
      <source>{table} record {id} was deleted according to the change record, but it is in the table.</source>
      <translation>按修改记录，{table} 表第 {id} 条数据已删除，但它仍在表中。</translation>
    </message>
    <message>
      <source>{table} record {id} is registered in the change record but missing from the table: it was deleted outside the program.</source>
      <translation>{table} 表第 {id} 条数据在修改记录中有登记，但表中已没有：它是在程序之外删除的。</translation>
    </message>
    <message>
      <source>{table} record {id}, field {field}: the change record says {recorded}, the table holds {found}.</source>
      <translation>{table} 表第 {id} 条数据的字段 {field}：修改记录为 {recorded}，表中却是 {found}。</translation>
    </message>
    <message>
      <source>The change record of this database has no entries yet: the key is made with the first change, and any PC may make it.</source>
      <translation>这个数据库的修改记录还没有任何条目：密钥在第一次修改时生成，哪台电脑都可以。</translation>
    </message>
    <message>
      <source>This PC's key does not fit this database's change record: export the key on a PC whose check passes.</source>
      <translation>本机的密钥与这个数据库的修改记录不符：请在检查能通过的电脑上导出密钥。</translation>
    </message>
    <message>
      <source>{path} is not a change record key file written by this program, or it was altered after it was written: export the key again on a PC that has it.</source>
      <translation>{path} 不是本程序写出的修改记录密钥文件，或写出后被改动过：请在有密钥的电脑上重新导出。</translation>
    </message>
    <message>
      <source>The change record of this database has no entries yet: there is no key to import (the first change makes it).</source>
      <translation>这个数据库的修改记录还没有任何条目：没有需要导入的密钥（第一次修改时会生成）。</translation>
    </message>
    <message>
      <source>The key was checked against the change record and kept in {path}: this PC can now save changes.</source>
      <translation>密钥已通过修改记录的校验，保存在 {path}：本机现在可以保存修改了。</translation>
    </message>
    <message>
      <source>This PC already has this key ({path}).</source>
      <translation>本机已有这个密钥（{path}）。</translation>
    </message>
    <message>
      <source>This PC has no change record key for this database ({path} is missing): export it on a PC that has it.</source>
      <translation>本机没有这个数据库的修改记录密钥（{path} 不存在）：请在有密钥的电脑上导出。</translation>
    </message>
    <message>
      <source>The key in {path} belongs to another database: this database's change record starts with another entry. Export the key from a PC that uses this database.</source>
      <translation>{path} 中的密钥属于另一个数据库：本数据库的修改记录以另一条目开头。请从使用本数据库的电脑上导出密钥。</translation>
    </message>
    <message>
      <source>The change record does not verify with the key in {path}, so it was not kept: {problems}</source>
      <translation>用 {path} 中的密钥校验修改记录未通过，因此没有保存这个密钥：{problems}</translation>
    </message>
    <message>
      <source>The change record key was written to {path}. Keep it like a password; on each other PC that uses this database: {program} key import FILE</source>
      <translation>修改记录密钥已写入 {path}。请像密码一样妥善保管；在使用这个数据库的每台其他电脑上运行：{program} key import FILE</translation>
    </message>
    <message>
      <source>Cannot read {path}: {error}</source>
      <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>楼宇</translation>
    </message>
    <message>
      <source>Room</source>
      <translation>房间</translation>
    </message>
    <message>
      <source>Choose department or class.</source>
      <translation>请选择部门或班级。</translation>
    </message>
    <message>
      <source>(School name not set)</source>
      <translation>（未设置学校名称）</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>该记录已不存在。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>The term must end after it starts.</source>
      <translation>学期的结束日期必须晚于开始日期。</translation>
    </message>
    <message>
      <source>Use 1–10 capital letters or digits (it becomes part of asset numbers).</source>
      <translation>请使用 1–10 位大写字母或数字（它会成为资产编号的一部分）。</translation>
    </message>
    <message>
      <source>Enter a useful life between 1 and 100 years.</source>
      <translation>请输入 1 到 100 年之间的使用年限。</translation>
    </message>
    <message>
      <source>Choose building or room.</source>
      <translation>请选择楼宇或房间。</translation>
    </message>
    <message>
      <source>Enter a date.</source>
      <translation>请输入日期。</translation>
    </message>
    <message>
      <source>Choose the building this room is in.</source>
      <translation>请选择该房间所在的楼宇。</translation>
    </message>
    <message>
      <source>A category cannot be placed under itself or one of its subcategories.</source>
      <translation>分类不能放在它自己或它的下级分类之下。</translation>
    </message>
    <message>
      <source>A building is not inside another place.</source>
      <translation>楼宇不能位于其他地点之内。</translation>
    </message>
    <message>
      <source>“{value}” already exists.</source>
      <translation>“{value}”已存在。</translation>
    </message>
    <message>
      <source>These dates overlap the term “{name}” ({start} – {end}).</source>
      <translation>这段日期与学期“{name}”（{start} – {end}）重叠。</translation>
    </message>
    <message>
      <source>Reactivate “{name}” first: it contains this record.</source>
      <translation>请先重新启用“{name}”：本记录隶属于它。</translation>
    </message>
    <message>
      <source>This building has rooms: it cannot become a room.</source>
      <translation>该楼宇下有房间，不能改为房间。</translation>
    </message>
    <message>
      <source>This database was written by a newer version of Logistics Desk (schema {theirs}; this program knows schema {ours}). It has not been opened or changed. Please install the newer version.</source>
      <translation>该数据库是由更新版本的总务台账写入的（数据结构版本 {theirs}，本程序只支持到版本 {ours}）。数据库没有被打开，也没有任何改动。请安装新版本。</translation>
    </message>
    <message>
      <source>Enter an amount of money, e.g. 3500.00.</source>
      <translation>请输入金额，如 3500.00。</translation>
    </message>
    <message>
      <source>Enter an amount of money of 0 or more, e.g. 3500.00.</source>
      <translation>请输入不小于 0 的金额，如 3500.00。</translation>
    </message>
    <message>
      <source>Enter a whole number.</source>
      <translation>请输入整数。</translation>
    </message>
    <message>
      <source>Enter a number, e.g. 12.5.</source>
      <translation>请输入数字，如 12.5。</translation>
    </message>
    <message>
      <source>{path} is not a usable backup: {problems}</source>
      <translation>{path} 不是可用的备份：{problems}</translation>
    </message>
    <message>
      <source>The copy {path} failed its integrity check: {problems}</source>
      <translation>副本 {path} 未通过完整性检查：{problems}</translation>
    </message>
    <message>
      <source>The database {url} is not empty: a backup is only restored into an empty server database (nothing was changed). Ask whoever looks after the server for a new, empty database.</source>
      <translation>数据库 {url} 不是空的：备份只能恢复到空的服务器数据库（未做任何改动）。请让服务器管理员新建一个空数据库。</translation>
    </message>
    <message>
      <source>“{text}” has the character {char} ({code}), which no font on this computer can print. Correct the record, or install a font that has the character (on Windows: SimSun-ExtB), and print again.</source>
      <translation>“{text}”中的字符 {char}（{code}）在本机所有字体中都没有字形，无法打印。请更正该记录，或安装含有此字的字体（Windows 上为 SimSun-ExtB 宋体扩展），然后重新打印。</translation>
    </message>
    <message>
      <source>{where}: {problem}</source>
      <translation>{where}：{problem}</translation>
    </message>
    <message>
      <source>3 × 8 labels, 70 × 37 mm</source>
      <translation>3 × 8 张标签，70 × 37 毫米</translation>
    </message>
    <message>
      <source>4 × 10 labels, 48.5 × 25.4 mm</source>
      <translation>4 × 10 张标签，48.5 × 25.4 毫米</translation>
    </message>
    <message>
      <source>2 × 7 labels, 99.1 × 38.1 mm</source>
      <translation>2 × 7 张标签，99.1 × 38.1 毫米</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>A label sheet needs at least one column and one row.</source>
      <translation>标签纸至少要有一列一行。</translation>
    </message>
    <message>
      <source>Labels must be larger than 5 mm.</source>
      <translation>标签尺寸必须大于 5 毫米。</translation>
    </message>
    <message>
      <source>The pitch must not be smaller than the label size.</source>
      <translation>标签间距不能小于标签尺寸。</translation>
    </message>
    <message>
      <source>The margin cannot be negative.</source>
      <translation>边距不能为负数。</translation>
    </message>
    <message>
      <source>The labels do not fit on an A4 sheet.</source>
      <translation>这些标签排不进一张 A4 纸。</translation>
    </message>
    <message>
      <source>Custom grid (millimetres)</source>
      <translation>自定义排版（毫米）</translation>
    </message>
    <message>
      <source>The printer offset moves the labels too close to the sheet's left or right edge: each label keeps only {room} mm of its width for printing (at least {least} mm are needed). Use a smaller offset.</source>
      <translation>打印机偏移量把标签移得离纸张左右边缘太近：每张标签的宽度只剩 {room} 毫米可以打印（至少需要 {least} 毫米）。请减小偏移量。</translation>
    </message>
    <message>
      <source>The printer offset moves the labels too close to the sheet's top or bottom edge: each label keeps only {room} mm of its height for printing (at least {least} mm are needed). Use a smaller offset.</source>
      <translation>打印机偏移量把标签移得离纸张上下边缘太近：每张标签的高度只剩 {room} 毫米可以打印（至少需要 {least} 毫米）。请减小偏移量。</translation>
    </message>
    <message>
      <source>The custom label grid is incomplete.</source>
      <translation>自定义标签排版的参数不完整。</translation>
    </message>
    <message>
      <source>Too close to the sheet's left or right edge: printers leave {safe} mm there blank, so each label keeps only {room} mm of its width for printing (at least {least} mm are needed). Move the labels in from the edge or use fewer columns.</source>
      <translation>离纸张左右边缘太近：打印机在边缘 {safe} 毫米内无法打印，每张标签的宽度只剩 {room} 毫米可以打印（至少需要 {least} 毫米）。请把标签往里移，或减少列数。</translation>
    </message>
    <message>
      <source>Too close to the sheet's top or bottom edge: printers leave {safe} mm there blank, so each label keeps only {room} mm of its height for printing (at least {least} mm are needed). Move the labels in from the edge or use fewer rows.</source>
      <translation>离纸张上下边缘太近：打印机在边缘 {safe} 毫米内无法打印，每张标签的高度只剩 {room} 毫米可以打印（至少需要 {least} 毫米）。请把标签往里移，或减少行数。</translation>
    </message>
    <message>
      <source>Unknown label sheet: {key}</source>
      <translation>未知的标签纸规格：{key}</translation>
    </message>
    <message>
      <source>Label {n}</source>
      <translation>标签 {n}</translation>
    </message>
    <message>
      <source>Column {col}, row {row}</source>
      <translation>第 {col} 列，第 {row} 行</translation>
    </message>
    <message>
      <source>A sheet of this kind has {per_page} labels: you can leave 0 to {most} of them blank, not {skip}.</source>
      <translation>这种标签纸每张有 {per_page} 个标签：可空出 0 到 {most} 个，不能空出 {skip} 个。</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>column headings</source>
      <translation>表头</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>第 {row} 行</translation>
    </message>
    <message>
      <source>Date:</source>
      <translation>日期：</translation>
    </message>
    <message>
      <source>Printing cancelled.</source>
      <translation>已取消打印。</translation>
    </message>
    <message>
      <source>{label}: {value}</source>
      <translation>{label}：{value}</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
      <source>{role} signature:</source>
      <translation>{role}签字：</translation>
    </message>
    <message>
      <source>No.: {number}</source>
      <translation>编号：{number}</translation>
    </message>
    <message>
      <source>Date: {date}</source>
      <translation>日期：{date}</translation>
    </message>
    <message>
      <source>page heading</source>
      <translation>页眉</translation>
    </message>
    <message>
      <source>The pattern must contain {seq} (the running number).</source>
      <translation>格式中必须包含 {seq}（流水号）。</translation>
    </message>
    <message>
      <source>Numbers may contain only letters A–Z, digits and . _ / - (a barcode scanner must be able to type them).</source>
      <translation>编号只能包含字母 A–Z、数字和 . _ / -（扫码枪必须能输入）。</translation>
    </message>
    <message>
      <source>A number must begin with a letter or a digit.</source>
      <translation>编号必须以字母或数字开头。</translation>
    </message>
    <message>
      <source>The numbers would be longer than 40 characters.</source>
      <translation>生成的编号会超过 40 个字符。</translation>
    </message>
    <message>
      <source>Enter an amount in yuan.</source>
      <translation>请输入金额（元）。</translation>
    </message>
    <message>
      <source>Enter an amount between 0 and 100,000,000 yuan.</source>
      <translation>请输入 0 到 100,000,000 元之间的金额。</translation>
    </message>
    <message>
      <source>Enter the school's name: it heads every printed form.</source>
      <translation>请填写学校名称：它印在每张表单的抬头。</translation>
    </message>
    <message>
      <source>Give the whole path of the folder, e.g. E:\总务备份.</source>
      <translation>请填写文件夹的完整路径，例如 E:\总务备份。</translation>
    </message>
    <message>
      <source>Choose a folder on another disk or a USB stick, not the database's own folder.</source>
      <translation>请选择另一块硬盘或 U 盘上的文件夹，不要选数据库所在的文件夹。</translation>
    </message>
    <message>
      <source>The pattern has an unmatched brace: write {{ and }} for a literal brace.</source>
      <translation>格式中有不成对的花括号；如需花括号本身，请写成 {{ 和 }}。</translation>
    </message>
    <message>
      <source>Enter text.</source>
      <translation>请输入文字。</translation>
    </message>
    <message>
      <source>Choose one of the offered values.</source>
      <translation>请从给出的选项中选择。</translation>
    </message>
    <message>
      <source>Enter a number pattern, for example {example}.</source>
      <translation>请输入编号格式，例如 {example}。</translation>
    </message>
    <message>
      <source>Unknown field {field}: use {{year}}, {{code}} and {{seq}}.</source>
      <translation>未知字段 {field}：只能使用 {{year}}、{{code}} 和 {{seq}}。</translation>
    </message>
    <message>
      <source>There is no folder {folder}.</source>
      <translation>没有文件夹 {folder}。</translation>
    </message>
    <message>
      <source>The folder {folder} cannot be written to.</source>
      <translation>文件夹 {folder} 无法写入。</translation>
    </message>
    <message>
      <source>The pattern cannot be used: {error}</source>
      <translation>该格式无法使用：{error}</translation>
    </message>
    <message>
      <source>Cancelled. Nothing was changed.</source>
      <translation>已取消，没有任何改动。</translation>
    </message>
    <message>
      <source>To start</source>
      <translation>开始使用</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>For information</source>
      <translation>供参考</translation>
    </message>
    <message>
      <source>Set up the school: its name heads every printed form.</source>
      <translation>设置学校信息：学校名称印在每张表单的抬头。</translation>
    </message>
    <message>
      <source>No backup has been made yet: back up now.</source>
      <translation>还没有做过备份：请立即备份。</translation>
    </message>
    <message>
      <source>No integrity check recorded yet: check the data now.</source>
      <translation>还没有数据完整性检查的记录：请立即检查。</translation>
    </message>
    <message>
      <source>Nothing to do today.</source>
      <translation>今天没有待办事项。</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时限</translation>
    </message>
    <message>
      <source>What needs doing</source>
      <translation>待办事项</translation>
    </message>
    <message>
      <source>How many</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Lines that want something done</source>
      <translation>需要处理的事项</translation>
    </message>
    <message>
      <source>Last backup: {when}, {n} days ago.</source>
      <translation>最近一次备份：{when}，{n} 天前。</translation>
    </message>
    <message>
      <source>Last check {when}: {n} problems found.</source>
      <translation>最近一次检查 {when}：发现 {n} 个问题。</translation>
    </message>
    <message>
      <source>Today's round</source>
      <translation>今日待办</translation>
    </message>
    <message>
      <source>Last backup: today {time}.</source>
      <translation>最近一次备份：今天 {time}。</translation>
    </message>
    <message>
      <source>Last check {when}: no problems.</source>
      <translation>最近一次检查 {when}：没有发现问题。</translation>
    </message>
    <message>
      <source>Today {date}</source>
      <translation>今日 {date}</translation>
    </message>
    <message>
      <source>Data safety</source>
      <translation>数据安全</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>检查人</translation>
    </message>
    <message>
      <source>Could not be read: {error}</source>
      <translation>无法读取：{error}</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>账户</translation>
    </message>
    <message>
      <source>Turn accounts on</source>
      <translation>启用账户</translation>
    </message>
    <message>
      <source>For a database several people share: everyone then logs in with a name and a password, and sees the tabs of their role. Create the first administrator now; with accounts on, only an administrator can open the settings.</source>
      <translation>用于多人共用的数据库：启用后每人用姓名和密码登录，只看到其角色的页面。请现在设立第一位管理员；启用账户后，只有管理员能打开设置。</translation>
    </message>
    <message>
      <source>Administrator's name</source>
      <translation>管理员姓名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Repeat the password</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>People who log in</source>
      <translation>登录人员</translation>
    </message>
    <message>
      <source>Name of the person</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Person (repair worker)</source>
      <translation>对应人员（维修工）</translation>
    </message>
    <message>
      <source>Create account</source>
      <translation>新建账户</translation>
    </message>
    <message>
      <source>Save role</source>
      <translation>保存角色</translation>
    </message>
    <message>
      <source>Set password</source>
      <translation>设置密码</translation>
    </message>
    <message>
      <source>Switch off…</source>
      <translation>停用…</translation>
    </message>
    <message>
      <source>Turn accounts off</source>
      <translation>关闭账户</translation>
    </message>
    <message>
      <source>Accounts are on. From the next start, everyone logs in.</source>
      <translation>账户已启用。下次启动起，每人都需登录。</translation>
    </message>
    <message>
      <source>Accounts are off: no login from the next start.</source>
      <translation>账户已关闭：下次启动起无需登录。</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Accounts are on: everyone logs in with their name and password.</source>
      <translation>账户已启用：每人用自己的姓名和密码登录。</translation>
    </message>
    <message>
      <source>Accounts are off: one clerk on this PC, no login (as the program was installed).</source>
      <translation>账户未启用：本机一位干事使用，无需登录（安装时的默认方式）。</translation>
    </message>
    <message>
      <source>Can log in</source>
      <translation>可登录</translation>
    </message>
    <message>
      <source>Switch back on</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Not saved: please correct the fields marked in red.</source>
      <translation>未保存：请改正标红的项目。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Account created: {name}</source>
      <translation>已新建账户：{name}</translation>
    </message>
    <message>
      <source>Saved: {name}</source>
      <translation>已保存：{name}</translation>
    </message>
    <message>
      <source>New password set for {name}.</source>
      <translation>已为 {name} 设置新密码。</translation>
    </message>
    <message>
      <source>Switch off</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Switched back on: {name}</source>
      <translation>已重新启用：{name}</translation>
    </message>
    <message>
      <source>Switched off: {reason}</source>
      <translation>已停用：{reason}</translation>
    </message>
    <message>
      <source>Switched off: {name}</source>
      <translation>已停用：{name}</translation>
    </message>
    <message>
      <source>Why is {name}'s account switched off? (It is kept, and can be switched back on.)</source>
      <translation>为什么停用 {name} 的账户？（账户会保留，可重新启用。）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Welcome to Logistics Desk</source>
      <translation>欢迎使用总务台账</translation>
    </message>
    <message>
      <source>Two things before you start. The school's name heads every printed form; your name is written beside every change you make. Both can be changed later under Settings → Settings and master data…</source>
      <translation>开始之前请先填写两项：学校名称印在每一张表单的抬头；您的姓名会记在您所做的每一项修改旁。以后都可以在“设置 → 设置与基础数据…”中修改。</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>以后再说</translation>
    </message>
    <message>
      <source>School name</source>
      <translation>学校名称</translation>
    </message>
    <message>
      <source>e.g. 示范市实验中学</source>
      <translation>例如：示范市实验中学</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>e.g. 陈晓燕</source>
      <translation>例如：陈晓燕</translation>
    </message>
    <message>
      <source>Enter your name: it signs your changes.</source>
      <translation>请填写您的姓名：它记在您的每一项修改旁。</translation>
    </message>
    <message>
      <source>Export the record key…</source>
      <translation>导出记录密钥…</translation>
    </message>
    <message>
      <source>Import the record key…</source>
      <translation>导入记录密钥…</translation>
    </message>
    <message>
      <source>Export the record key</source>
      <translation>导出记录密钥</translation>
    </message>
    <message>
      <source>Import the record key</source>
      <translation>导入记录密钥</translation>
    </message>
    <message>
      <source>This PC cannot save changes: the change record key is missing.</source>
      <translation>本机不能保存修改：缺少修改记录密钥。</translation>
    </message>
    <message>
      <source>The change record key is missing</source>
      <translation>缺少修改记录密钥</translation>
    </message>
    <message>
      <source>Record key (*{suffix})</source>
      <translation>记录密钥 (*{suffix})</translation>
    </message>
    <message>
      <source>The change record key was written to {path}. Keep it like a password. On each other PC that uses this database: File → Import the record key….</source>
      <translation>修改记录密钥已写入 {path}。请像密码一样妥善保管。在使用这个数据库的每台其他电脑上：文件 → 导入记录密钥…。</translation>
    </message>
    <message>
      <source>This page has no filter box.</source>
      <translation>此页没有筛选框。</translation>
    </message>
    <message>
      <source>This page has no record to create.</source>
      <translation>此页没有可新建的记录。</translation>
    </message>
    <message>
      <source>This page has nothing to print.</source>
      <translation>此页没有可打印的内容。</translation>
    </message>
    <message>
      <source>This page has nothing to export.</source>
      <translation>此页没有可导出的内容。</translation>
    </message>
    <message>
      <source>This page has nothing to read again.</source>
      <translation>此页没有可刷新的内容。</translation>
    </message>
    <message>
      <source>Go to the filter (search box) of the page</source>
      <translation>转到本页的筛选框（搜索框）</translation>
    </message>
    <message>
      <source>New record on the page (register, new request, new ticket…)</source>
      <translation>在本页新建记录（登记、新申购、新报修…）</translation>
    </message>
    <message>
      <source>Print what the page prints</source>
      <translation>打印本页的表单</translation>
    </message>
    <message>
      <source>Export the page to Excel</source>
      <translation>把本页导出为 Excel</translation>
    </message>
    <message>
      <source>Read the page again</source>
      <translation>刷新本页</translation>
    </message>
    <message>
      <source>Open the selected record of a list</source>
      <translation>打开列表中选中的记录</translation>
    </message>
    <message>
      <source>Close a dialog (without saving)</source>
      <translation>关闭对话框（不保存）</translation>
    </message>
    <message>
      <source>This list of keys</source>
      <translation>显示本快捷键列表</translation>
    </message>
    <message>
      <source>Barcode scanner in a list: finds the asset with that number</source>
      <translation>在列表中用扫码枪扫码：找到该编号的资产</translation>
    </message>
    <message>
      <source>(scanner)</source>
      <translation>（扫码枪）</translation>
    </message>
    <message>
      <source>Enter</source>
      <translation>回车</translation>
    </message>
    <message>
      <source>Esc</source>
      <translation>Esc</translation>
    </message>
    <message>
      <source>Keyboard</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Some pages have keys of their own: the canteen's daily samples Space, F2, Del and Ctrl+L (labels); the meter readings Ctrl+S; the stock-take Ctrl+L (scan box) and F2 (list).</source>
      <translation>有的页面还有自己的按键：留样页的空格、F2、Del 和 Ctrl+L（打印标签）；抄表页的 Ctrl+S；盘点页的 Ctrl+L（扫码框）和 F2（列表）。</translation>
    </message>
    <message>
      <source>These keys work in every tab:</source>
      <translation>以下按键在每个标签页都可用：</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>作用</translation>
    </message>
    <message>
      <source>Log in — Logistics Desk</source>
      <translation>登录 — 总务台账</translation>
    </message>
    <message>
      <source>This database is shared: log in with your name and password.</source>
      <translation>此数据库由多人共用：请用您的姓名和密码登录。</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Back up now…</source>
      <translation>立即备份…</translation>
    </message>
    <message>
      <source>Restore from a backup…</source>
      <translation>从备份恢复…</translation>
    </message>
    <message>
      <source>Check data integrity</source>
      <translation>检查数据完整性</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>设置(&amp;S)</translation>
    </message>
    <message>
      <source>Settings and master data…</source>
      <translation>设置与基础数据…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Open log folder</source>
      <translation>打开日志文件夹</translation>
    </message>
    <message>
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <source>(operator not set)</source>
      <translation>（未设置操作员）</translation>
    </message>
    <message>
      <source>Back up the database</source>
      <translation>备份数据库</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>Logistics Desk {version}
The general-affairs office's books: assets, stock-takes, purchases, repairs and canteen samples.

Database: {path}
Backups: {backups}
Data folder: {data}
Log: {log}</source>
      <translation>总务台账 {version}
总务处的账本：资产、盘点、采购、维修和食堂留样。

数据库：{path}
备份：{backups}
数据文件夹：{data}
日志：{log}</translation>
    </message>
    <message>
      <source>Please enter the school's name in Settings: it heads every printed form.</source>
      <translation>请在“设置”中填写学校名称：它印在每张表单的抬头。</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Restoring…</source>
      <translation>正在恢复…</translation>
    </message>
    <message>
      <source>Operator: {name}   Database: {path}</source>
      <translation>操作员：{name}   数据库：{path}</translation>
    </message>
    <message>
      <source>Replace the current data with the backup {path}?
The current data is backed up first.</source>
      <translation>用备份 {path} 替换当前数据吗？
替换前会先备份当前数据。</translation>
    </message>
    <message>
      <source>No record numbered {number} was found.</source>
      <translation>未找到编号 {number}。</translation>
    </message>
    <message>
      <source>Today ({n})</source>
      <translation>今日 ({n})</translation>
    </message>
    <message>
      <source>The log files are in {path}</source>
      <translation>日志文件在 {path}</translation>
    </message>
    <message>
      <source>… and {n} more (the command line's check lists them all).</source>
      <translation>……另有 {n} 处（命令行的 check 会全部列出）。</translation>
    </message>
    <message>
      <source>Found {number}.</source>
      <translation>已找到 {number}。</translation>
    </message>
    <message>
      <source>Restored. The previous data was saved to {path}.</source>
      <translation>已恢复。原来的数据已保存到 {path}。</translation>
    </message>
    <message>
      <source>The log folder {path} cannot be created: {error}</source>
      <translation>无法创建日志文件夹 {path}：{error}</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Whole page</source>
      <translation>整页</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>另存为 PDF…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>打印预览</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>无法启动打印机。</translation>
    </message>
    <message>
      <source>Print preview – {title}</source>
      <translation>打印预览 – {title}</translation>
    </message>
    <message>
      <source>Could not save {path}: {error}</source>
      <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
      <source>Choose at least one.</source>
      <translation>请至少选择一项。</translation>
    </message>
    <message>
      <source>Enter a value from {low} to {high}.</source>
      <translation>请输入 {low} 到 {high} 之间的数值。</translation>
    </message>
    <message>
      <source>New record</source>
      <translation>新建记录</translation>
    </message>
    <message>
      <source>Terms</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>New term</source>
      <translation>新建学期</translation>
    </message>
    <message>
      <source>Departments and classes</source>
      <translation>部门与班级</translation>
    </message>
    <message>
      <source>New department or class</source>
      <translation>新建部门或班级</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>New person</source>
      <translation>新建人员</translation>
    </message>
    <message>
      <source>Suppliers</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>New supplier</source>
      <translation>新建供应商</translation>
    </message>
    <message>
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>New building</source>
      <translation>新建楼宇</translation>
    </message>
    <message>
      <source>Asset categories</source>
      <translation>资产分类</translation>
    </message>
    <message>
      <source>New top-level category</source>
      <translation>新建一级分类</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Reactivated</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Deactivated</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Walk order</source>
      <translation>清点顺序</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>Starts</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Head / class teacher</source>
      <translation>负责人 / 班主任</translation>
    </message>
    <message>
      <source>Person's name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Canteen staff</source>
      <translation>食堂从业人员</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Building / room</source>
      <translation>楼宇 / 房间</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>全称</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>分类</translation>
    </message>
    <message>
      <source>GB/T 14885</source>
      <translation>国标 GB/T 14885</translation>
    </message>
    <message>
      <source>Useful life</source>
      <translation>使用年限</translation>
    </message>
    <message>
      <source>Special equipment</source>
      <translation>专用设备</translation>
    </message>
    <message>
      <source>Not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <source>Filter as you type…</source>
      <translation>输入即筛选…</translation>
    </message>
    <message>
      <source>Show deactivated</source>
      <translation>显示已停用</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Change history…</source>
      <translation>修改记录…</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的修改</translation>
    </message>
    <message>
      <source>Reactivated: {name}</source>
      <translation>已重新启用：{name}</translation>
    </message>
    <message>
      <source>Deactivated: {name}</source>
      <translation>已停用：{name}</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Current term</source>
      <translation>本学期</translation>
    </message>
    <message>
      <source>New department</source>
      <translation>新建部门</translation>
    </message>
    <message>
      <source>New class</source>
      <translation>新建班级</translation>
    </message>
    <message>
      <source>Canteen staff (may take food samples)</source>
      <translation>食堂从业人员（可负责留样）</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add building</source>
      <translation>添加楼宇</translation>
    </message>
    <message>
      <source>Add room</source>
      <translation>添加房间</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>The order in which rooms are walked at a stock-take and printed on count sheets.</source>
      <translation>盘点时逐间清点的顺序，也是盘点表的打印顺序。</translation>
    </message>
    <message>
      <source>Parent category</source>
      <translation>上级分类</translation>
    </message>
    <message>
      <source>GB/T 14885 code</source>
      <translation>国标分类代码（GB/T 14885）</translation>
    </message>
    <message>
      <source>Useful life (years)</source>
      <translation>使用年限（年）</translation>
    </message>
    <message>
      <source>Depreciated</source>
      <translation>计提折旧</translation>
    </message>
    <message>
      <source>New subcategory</source>
      <translation>新建下级分类</translation>
    </message>
    <message>
      <source>Without a useful life of its own or a parent's, it is not depreciated.</source>
      <translation>本分类及其上级分类都没有设定使用年限，不计提折旧。</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>操作员</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>项目</translation>
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
      <source>For example 2026-2027学年第一学期.</source>
      <translation>例如：2026-2027学年第一学期。</translation>
    </message>
    <message>
      <source>Coming</source>
      <translation>未开始</translation>
    </message>
    <message>
      <source>Past</source>
      <translation>已结束</translation>
    </message>
    <message>
      <source>A class is named like 初一(1)班.</source>
      <translation>班级名称如：初一(1)班。</translation>
    </message>
    <message>
      <source>A room's full name is the building's name and the room's: 教学楼 301.</source>
      <translation>房间全称由楼宇名称和房间名称组成，如：教学楼 301。</translation>
    </message>
    <message>
      <source>Add a building first.</source>
      <translation>请先添加楼宇。</translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>（一级分类）</translation>
    </message>
    <message>
      <source>Capital letters or digits, e.g. JJ; it becomes part of asset numbers.</source>
      <translation>大写字母或数字，如 JJ；它会成为资产编号的一部分。</translation>
    </message>
    <message>
      <source>Inherit from the parent</source>
      <translation>沿用上级分类</translation>
    </message>
    <message>
      <source>Government accounting standard No. 3: computers 6 years, vehicles 8, machinery 10, furniture 15, brick buildings 30, concrete or steel buildings 50.</source>
      <translation>《政府会计准则第3号》应用指南：计算机 6 年，车辆 8 年，机械设备 10 年，家具 15 年，砖混结构房屋 30 年，钢筋混凝土或钢结构房屋 50 年。</translation>
    </message>
    <message>
      <source>Land, books and archives, cultural relics, animals and plants are not depreciated.</source>
      <translation>土地、图书和档案、文物和陈列品、特种动植物不计提折旧。</translation>
    </message>
    <message>
      <source>Uses the fixed-asset threshold for special equipment.</source>
      <translation>适用专用设备的固定资产标准。</translation>
    </message>
    <message>
      <source>Not depreciated</source>
      <translation>不折旧</translation>
    </message>
    <message>
      <source>Select the category the new one belongs under.</source>
      <translation>请先选中新分类所属的上级分类。</translation>
    </message>
    <message>
      <source>Change history: {name}</source>
      <translation>修改记录：{name}</translation>
    </message>
    <message>
      <source>No changes recorded.</source>
      <translation>没有修改记录。</translation>
    </message>
    <message>
      <source>Save the changes to “{name}”?</source>
      <translation>保存对“{name}”的修改吗？</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>顺序</translation>
    </message>
    <message>
      <source>{first}-{second} school year, first term</source>
      <translation>{first}-{second}学年第一学期</translation>
    </message>
    <message>
      <source>{first}-{second} school year, second term</source>
      <translation>{first}-{second}学年第二学期</translation>
    </message>
    <message>
      <source>{name} (class)</source>
      <translation>{name}（班级）</translation>
    </message>
    <message>
      <source>Inherits a useful life of {n} years from “{name}”.</source>
      <translation>沿用“{name}”的使用年限：{n} 年。</translation>
    </message>
    <message>
      <source>(deleted, no. {id})</source>
      <translation>（已删除，编号 {id}）</translation>
    </message>
    <message>
      <source>{n} shown</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <source>{shown} of {total} shown</source>
      <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
      <source>Reactivate</source>
      <translation>重新启用</translation>
    </message>
    <message>
      <source>Full name: {name}</source>
      <translation>全称：{name}</translation>
    </message>
    <message>
      <source>New room in {building}</source>
      <translation>在{building}新建房间</translation>
    </message>
    <message>
      <source>{n} years</source>
      <translation>{n} 年</translation>
    </message>
    <message>
      <source>New subcategory of {name}</source>
      <translation>新建“{name}”的下级分类</translation>
    </message>
    <message>
      <source>{life} (inherited)</source>
      <translation>{life}（沿用上级）</translation>
    </message>
    <message>
      <source>Original price</source>
      <translation>原价</translation>
    </message>
    <message>
      <source>Net book value</source>
      <translation>账面净值</translation>
    </message>
    <message>
      <source>Sans-serif (黑体): the program's own font</source>
      <translation>黑体：程序自带字体</translation>
    </message>
    <message>
      <source>Serif (宋体): a font of this computer, e.g. SimSun</source>
      <translation>宋体：本机的字体，如 SimSun（宋体）</translation>
    </message>
    <message>
      <source>School and general</source>
      <translation>学校信息与常规</translation>
    </message>
    <message>
      <source>Settings saved.</source>
      <translation>设置已保存。</translation>
    </message>
    <message>
      <source>Heads every printed form.</source>
      <translation>印在每张表单的抬头。</translation>
    </message>
    <message>
      <source>Telephone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Principal</source>
      <translation>校长</translation>
    </message>
    <message>
      <source>Printed on forms that need the principal's signature.</source>
      <translation>用于需要校长签字的表单。</translation>
    </message>
    <message>
      <source>Director of general affairs</source>
      <translation>总务主任</translation>
    </message>
    <message>
      <source>Operator (clerk)</source>
      <translation>操作员（总务干事）</translation>
    </message>
    <message>
      <source>Your name: it is written into the change record with every change.</source>
      <translation>您的姓名：每次修改都会记入修改记录。</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>The font of the text of printed forms; takes effect with the next form printed.</source>
      <translation>打印表单正文所用的字体；从下一次打印起生效。</translation>
    </message>
    <message>
      <source>Font of printed forms</source>
      <translation>打印字体</translation>
    </message>
    <message>
      <source>{year}: the year, {code}: the category code, {seq:05d}: the running number with five digits. Letters, digits and . _ / - only, so a scanner can type it.</source>
      <translation>{year}：年份，{code}：分类代码，{seq:05d}：五位流水号。只能使用字母、数字和 . _ / -，以便扫码枪输入。</translation>
    </message>
    <message>
      <source>Asset number pattern</source>
      <translation>资产编号格式</translation>
    </message>
    <message>
      <source>Damage compensation basis</source>
      <translation>损坏赔偿计价依据</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Latest backup</source>
      <translation>最近一次备份</translation>
    </message>
    <message>
      <source>None (backups stay beside the database only)</source>
      <translation>无（备份只保存在数据库旁边）</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Second copy to</source>
      <translation>副本另存到</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Open the folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Undo my edits</source>
      <translation>撤销未保存的修改</translation>
    </message>
    <message>
      <source>Second backup folder</source>
      <translation>第二备份文件夹</translation>
    </message>
    <message>
      <source>Settings and master data</source>
      <translation>设置与基础数据</translation>
    </message>
    <message>
      <source>Takes effect the next time the program starts. Printed forms use the interface language.</source>
      <translation>下次启动程序时生效。打印的表单使用界面语言。</translation>
    </message>
    <message>
      <source>Fixed-asset threshold, general</source>
      <translation>固定资产标准（通用）</translation>
    </message>
    <message>
      <source>Fixed-asset threshold, special equipment</source>
      <translation>固定资产标准（专用设备）</translation>
    </message>
    <message>
      <source> yuan</source>
      <translation> 元</translation>
    </message>
    <message>
      <source>Items priced below the threshold are registered as low-value items.</source>
      <translation>单价低于标准的物品登记为低值易耗品。</translation>
    </message>
    <message>
      <source>Accidental damage is paid at this price (照价赔偿), deliberate damage at double; natural wear is borne by the school.</source>
      <translation>意外损坏按此价格照价赔偿，故意损坏加倍赔偿；自然损耗由学校承担。</translation>
    </message>
    <message>
      <source>A backup beside the database dies with its disk: every backup is also copied here (another disk or a USB stick). If the folder is missing, the backup is still written and the status bar says so.</source>
      <translation>备份和数据库在同一块硬盘上，硬盘坏了会一起丢失：每次备份都会另复制一份到这里（另一块硬盘或 U 盘）。文件夹不在时，备份照常写入，状态栏会提示。</translation>
    </message>
    <message>
      <source>The program backs the data up by itself once a day when it starts and before every schema upgrade; it keeps the last 14 daily backups and one per month. Restore a backup from the File menu.</source>
      <translation>程序每天启动时自动备份一次，每次升级数据结构前也会备份；保留最近 14 天的每日备份，以及每月一份。恢复备份请使用“文件”菜单。</translation>
    </message>
    <message>
      <source>School</source>
      <translation>学校</translation>
    </message>
    <message>
      <source>Operator and language</source>
      <translation>操作员与语言</translation>
    </message>
    <message>
      <source>Fixed assets</source>
      <translation>固定资产</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>The new language takes effect when the program is restarted.</source>
      <translation>新的界面语言将在重新启动程序后生效。</translation>
    </message>
    <message>
      <source>No serif (宋体) TrueType font was found on this computer: forms print in the program's own sans-serif font.</source>
      <translation>本机未找到宋体（TrueType）字体：表单将以程序自带的黑体打印。</translation>
    </message>
    <message>
      <source>None yet</source>
      <translation>暂无</translation>
    </message>
    <message>
      <source>This page could not be opened: {error}</source>
      <translation>无法打开此页面：{error}</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Example: {number}</source>
      <translation>示例：{number}</translation>
    </message>
    <message>
      <source>{when} ({name}); {count} backups in the folder</source>
      <translation>{when}（{name}）；文件夹中共有 {count} 份备份</translation>
    </message>
    <message>
      <source>These pages have changes that are not saved: {pages}.
Save them?</source>
      <translation>以下页面有未保存的修改：{pages}。
要保存吗？</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>星期一</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>星期二</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>星期三</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>星期四</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>星期五</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>星期六</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>星期日</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>The database is still empty. To start:</source>
      <translation>数据库还是空的。请按以下步骤开始：</translation>
    </message>
    <message>
      <source>One click or Enter opens the records of a line.</source>
      <translation>单击一行或按回车键，打开该行对应的记录。</translation>
    </message>
    <message>
      <source>Nothing pressing today.</source>
      <translation>今天没有急需处理的事项。</translation>
    </message>
    <message>
      <source>Today {date}, {weekday}</source>
      <translation>今日 {date} {weekday}</translation>
    </message>
    <message>
      <source>{n} lines want something done</source>
      <translation>{n} 项需要处理</translation>
    </message>
    <message>
      <source>Type a date such as 2026-09-01, 2026-9-1, 9.1 or 今天 (today); Tab goes to the next field.</source>
      <translation>可直接输入日期，如 2026-09-01、2026-9-1、9.1 或“今天”；按 Tab 键到下一项。</translation>
    </message>
    <message>
      <source>Unexpected error</source>
      <translation>意外错误</translation>
    </message>
    <message>
      <source>Cannot do that</source>
      <translation>无法执行</translation>
    </message>
    <message>
      <source>Please confirm</source>
      <translation>请确认</translation>
    </message>
    <message>
      <source>Search…</source>
      <translation>搜索…</translation>
    </message>
    <message>
      <source>“{text}” is not a date; the date is still {date}.</source>
      <translation>“{text}”不是日期；日期仍为 {date}。</translation>
    </message>
    <message>
      <source>Something went wrong and the operation was not completed. Nothing was half-saved.

{error}</source>
      <translation>出现了问题，操作没有完成；不会保存不完整的数据。

{error}</translation>
    </message>
  </context>
</TS>
