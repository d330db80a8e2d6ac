<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Workbook…</source>
        <translation>新建工作簿(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new, empty workbook file</source>
        <translation>新建一个空白工作簿文件</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a workbook file</source>
        <translation>打开工作簿文件</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Write a copy of this workbook to another file; you keep working in this one</source>
        <translation>将本工作簿的副本写入另一个文件；您仍在当前工作簿中继续工作</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Preview the progress report before printing it</source>
        <translation>打印前预览进展报告</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the progress report</source>
        <translation>打印进展报告</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Write the progress report as a PDF file</source>
        <translation>将进展报告导出为 PDF 文件</translation>
    </message>
    <message>
        <source>&amp;Import Spreadsheet…</source>
        <translation>导入电子表格(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring figures or targets in from a spreadsheet file</source>
        <translation>从电子表格文件导入数据或指标</translation>
    </message>
    <message>
        <source>&amp;Export Spreadsheet…</source>
        <translation>导出电子表格(&amp;E)…</translation>
    </message>
    <message>
        <source>Write plans, targets and figures to a spreadsheet file</source>
        <translation>将规划、指标和数据导出为电子表格文件</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>See this workbook&apos;s backups and restore one</source>
        <translation>查看本工作簿的备份并恢复其中之一</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Close this workbook (every change is already saved)</source>
        <translation>关闭本工作簿（所有更改均已保存）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit ljtracker (every change is already saved)</source>
        <translation>退出 ljtracker（所有更改均已保存）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change you undid</source>
        <translation>重做已撤销的更改</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells as tab-separated text</source>
        <translation>将所选单元格复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste a block of cells copied from a spreadsheet into the table (one change)</source>
        <translation>将从电子表格复制的单元格区域粘贴到表格中（作为一次更改）</translation>
    </message>
    <message>
        <source>Edit F&amp;igure…</source>
        <translation>编辑数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Edit the current year&apos;s figure whole: value, quality, source and note, as one change (a statistics revision)</source>
        <translation>整体编辑当前年份的数据：数值、数据质量、来源和备注，作为一次更改（用于统计修订）</translation>
    </message>
    <message>
        <source>&amp;Find Target…</source>
        <translation>查找指标(&amp;F)…</translation>
    </message>
    <message>
        <source>Find a target by its code or name</source>
        <translation>按代码或名称查找指标</translation>
    </message>
    <message>
        <source>New P&amp;lan…</source>
        <translation>新建规划(&amp;L)…</translation>
    </message>
    <message>
        <source>Add a plan to this workbook</source>
        <translation>在本工作簿中添加规划</translation>
    </message>
    <message>
        <source>Ne&amp;xt Plan After This One…</source>
        <translation>新建后续规划(&amp;X)…</translation>
    </message>
    <message>
        <source>Add the plan that follows the selected one, with its areas and indicators, measured from its figures of the year before the new period</source>
        <translation>添加所选规划的后续规划，沿用其领域和指标，并以新规划期前一年的数据为基期</translation>
    </message>
    <message>
        <source>New &amp;Area…</source>
        <translation>新建领域(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an area to the selected plan</source>
        <translation>在所选规划中添加领域</translation>
    </message>
    <message>
        <source>New &amp;Target…</source>
        <translation>新建指标(&amp;T)…</translation>
    </message>
    <message>
        <source>Add a target to the selected plan or area</source>
        <translation>在所选规划或领域中添加指标</translation>
    </message>
    <message>
        <source>&amp;Edit Selected…</source>
        <translation>编辑所选项(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected plan, area or target</source>
        <translation>编辑所选的规划、领域或指标</translation>
    </message>
    <message>
        <source>&amp;Delete Selected…</source>
        <translation>删除所选项(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected plan, area or target (asks first)</source>
        <translation>删除所选的规划、领域或指标（会先确认）</translation>
    </message>
    <message>
        <source>&amp;Move Up</source>
        <translation>上移(&amp;M)</translation>
    </message>
    <message>
        <source>Prefere&amp;nces…</source>
        <translation>首选项(&amp;N)…</translation>
    </message>
    <message>
        <source>Move the selected target or area up</source>
        <translation>将所选指标或领域上移</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected target or area down</source>
        <translation>将所选指标或领域下移</translation>
    </message>
    <message>
        <source>Language, progress method and thresholds, number format</source>
        <translation>语言、进展评估方法及阈值、数字格式</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>总览(&amp;D)</translation>
    </message>
    <message>
        <source>Show the plan dashboard: every target&apos;s status at a glance</source>
        <translation>显示规划总览：一眼看清每个指标的状态</translation>
    </message>
    <message>
        <source>&amp;Year Entry</source>
        <translation>年度录入(&amp;Y)</translation>
    </message>
    <message>
        <source>Enter one year&apos;s figures for every target of the plan</source>
        <translation>录入规划中每个指标某一年的数据</translation>
    </message>
    <message>
        <source>&amp;Navigator</source>
        <translation>导航栏(&amp;N)</translation>
    </message>
    <message>
        <source>Show or hide the list of plans, areas and targets</source>
        <translation>显示或隐藏规划、领域和指标列表</translation>
    </message>
    <message>
        <source>How &amp;Progress Is Judged</source>
        <translation>进展如何评估(&amp;P)</translation>
    </message>
    <message>
        <source>The method and thresholds this workbook uses</source>
        <translation>本工作簿使用的评估方法和阈值</translation>
    </message>
    <message>
        <source>&amp;About ljtracker</source>
        <translation>关于 ljtracker(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本和许可证</translation>
    </message>
    <message>
        <source>Not available in this installation</source>
        <translation>当前安装中不可用</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong; your saved work is safe.

{error}</source>
        <translation>出现了问题；已保存的工作不受影响。

{error}</translation>
    </message>
</context>
<context>
    <name>AreaForm</name>
    <message>
        <source>New area</source>
        <translation>新建领域</translation>
    </message>
    <message>
        <source>Rename area</source>
        <translation>重命名领域</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a deletion</source>
        <translation>删除前</translation>
    </message>
    <message>
        <source>Before an upgrade of the file</source>
        <translation>文件升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>昨天 {time}</translation>
    </message>
    <message>
        <source>Backups of {name}</source>
        <translation>{name} 的备份</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>此后的更改</translation>
    </message>
    <message>
        <source>Changes made after the backup was taken: those restoring it takes back</source>
        <translation>备份之后所做的更改：恢复该备份将撤回这些更改</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the selected backup in place of the workbook&apos;s current contents</source>
        <translation>用所选备份替换工作簿的当前内容</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Make a backup of the workbook as it is now</source>
        <translation>按工作簿的当前状态做一次备份</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>显示文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder that holds the backups</source>
        <translation>打开存放备份的文件夹</translation>
    </message>
    <message>
        <source>Not known: the backup cannot be read (it may be damaged), or its history is not this workbook&apos;s</source>
        <translation>无法得知：该备份无法读取（可能已损坏），或其修改记录不属于本工作簿</translation>
    </message>
    <message>
        <source>Checked copies of the workbook, newest first. Restoring one is a change like any other: the history keeps every change before it, and Undo takes it back.</source>
        <translation>经过检查的工作簿副本，最新的在前。恢复备份与其他修改一样是一次更改：之前的修改历史全部保留，并可用“撤销”撤回。</translation>
    </message>
    <message>
        <source>No change has been made since it was taken.</source>
        <translation>该备份之后没有做过更改。</translation>
    </message>
    <message>
        <source>• and {n} earlier</source>
        <translation>• 以及更早的 {n} 次</translation>
    </message>
    <message>
        <source>It takes back the change made since:</source>
        <translation>恢复将撤回此后所做的这次更改：</translation>
    </message>
    <message>
        <source>It takes back the {n} changes made since, newest first:</source>
        <translation>恢复将撤回此后所做的 {n} 次更改（最新的在前）：</translation>
    </message>
    <message>
        <source>The workbook will hold the plans, targets and figures it held then, as one change: the history keeps everything, Undo takes the restore back, and the workbook as it is now is backed up first.</source>
        <translation>工作簿将恢复当时的规划、指标和数据，作为一次更改：修改历史完整保留，可用“撤销”撤回这次恢复，且会先备份工作簿的当前状态。</translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation>保存在 {folder}</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>The workbook is open read-only, so nothing can be restored into it.</source>
        <translation>工作簿以只读方式打开，无法恢复备份。</translation>
    </message>
    <message>
        <source>Restore the backup?</source>
        <translation>恢复备份？</translation>
    </message>
    <message>
        <source>Restore the backup from {time}?</source>
        <translation>恢复 {time} 的备份吗？</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>备份未恢复</translation>
    </message>
    <message>
        <source>Nothing to restore</source>
        <translation>无需恢复</translation>
    </message>
    <message>
        <source>The workbook holds what this backup holds; nothing was changed.</source>
        <translation>工作簿的内容与此备份相同；未做任何更改。</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>未做备份</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>Start the paste in one of the columns {columns}.</source>
        <translation>请从以下列之一开始粘贴：{columns}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The block is {width} columns wide; from {column} there is room for {room}.</source>
        <translation>该区域宽 {width} 列；从“{column}”开始只能容纳 {room} 列。</translation>
    </message>
    <message>
        <source>The block has {height} rows; from {row} there is room for {room}.</source>
        <translation>该区域有 {height} 行；从 {row} 开始只能容纳 {room} 行。</translation>
    </message>
    <message>
        <source>Row {row} ({name}): </source>
        <translation>第 {row} 行（{name}）：</translation>
    </message>
    <message>
        <source>Row {row}, column {column} ({name}): </source>
        <translation>第 {row} 行第 {column} 列（{name}）：</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 处。</translation>
    </message>
    <message>
        <source>Nothing was pasted:</source>
        <translation>未粘贴任何内容：</translation>
    </message>
    <message>
        <source>Nothing was pasted: it changes no figure.</source>
        <translation>未粘贴任何内容：没有改变任何数据。</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Needed
from now</source>
        <translation>今后
所需增速</translation>
    </message>
    <message>
        <source>Baseline value (year)</source>
        <translation>基期值（年份）</translation>
    </message>
    <message>
        <source>Latest figure up to the as-of year (year, quality); in brown italics when it is two or more years before the as-of year (a figure of the target year does not age)</source>
        <translation>截至年份前的最新数据（年份、数据质量）；早于截至年份两年及以上时以棕色斜体显示（目标年份的数据不算过旧）</translation>
    </message>
    <message>
        <source>An old figure: from {0}, {1} years before the as-of year</source>
        <translation>数据较旧：为{0}年数据，早于截至年份{1}年</translation>
    </message>
    <message>
        <source>{0} a year, or {1}</source>
        <translation>年均 {0}，即{1}</translation>
    </message>
    <message>
        <source>Share of the planned change achieved: 0 at the baseline, 1 at the target</source>
        <translation>计划变化量的完成比例：基期为 0，达到目标为 1</translation>
    </message>
    <message>
        <source>Growth needed per year, from the latest figure, to reach the target</source>
        <translation>从最新数据出发，实现目标每年所需的增速</translation>
    </message>
    <message>
        <source>No area</source>
        <translation>无领域</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Plan period {0}–{1}</source>
        <translation>规划期 {0}–{1}</translation>
    </message>
    <message>
        <source>Status from the latest figures</source>
        <translation>状态依据最新数据</translation>
    </message>
    <message>
        <source>Status as of {0}</source>
        <translation>截至{0}年的状态</translation>
    </message>
    <message>
        <source>Method: {0}</source>
        <translation>方法：{0}</translation>
    </message>
    <message>
        <source>Area: {0}</source>
        <translation>领域：{0}</translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation>未选择规划</translation>
    </message>
    <message>
        <source>Choose a plan or an area in the navigator.</source>
        <translation>请在导航栏中选择一个规划或领域。</translation>
    </message>
    <message>
        <source>Targets of the plan</source>
        <translation>规划的指标</translation>
    </message>
    <message>
        <source>Targets per status and area</source>
        <translation>各领域各状态的指标数</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Spreadsheet</source>
        <translation>导出电子表格</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>全部规划</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx): summary, targets, figures by year</source>
        <translation>Excel 工作簿（.xlsx）：汇总、指标、逐年数据</translation>
    </message>
    <message>
        <source>CSV (.csv): figures, one per line</source>
        <translation>CSV（.csv）：数据，每行一条</translation>
    </message>
    <message>
        <source>CSV (.csv): targets</source>
        <translation>CSV（.csv）：指标</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Progress as of {year}.</source>
        <translation>截至{year}年的进展。</translation>
    </message>
    <message>
        <source>Progress judged on the latest figures.</source>
        <translation>按最新数据评估进展。</translation>
    </message>
    <message>
        <source>&amp;Plans:</source>
        <translation>规划(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Spreadsheet (*{suffix})</source>
        <translation>电子表格 (*{suffix})</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Exported {plans} plan to {path}</source>
        <translation>已将 {plans} 个规划导出到 {path}</translation>
    </message>
    <message>
        <source>Exported {plans} plans to {path}</source>
        <translation>已将 {plans} 个规划导出到 {path}</translation>
    </message>
</context>
<context>
    <name>FigureForm</name>
    <message>
        <source>Edit the {year} Figure</source>
        <translation>编辑{year}年数据</translation>
    </message>
    <message>
        <source>Enter the {year} Figure</source>
        <translation>录入{year}年数据</translation>
    </message>
    <message>
        <source>{code} {name}, {year}</source>
        <translation>{code} {name}，{year}年</translation>
    </message>
    <message>
        <source>&amp;Value{unit}:</source>
        <translation>数值{unit}(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>数据质量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Now: {value} ({quality}), from {source}.</source>
        <translation>现为：{value}（{quality}），来源：{source}。</translation>
    </message>
    <message>
        <source>Now: {value} ({quality}).</source>
        <translation>现为：{value}（{quality}）。</translation>
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{year} is the baseline year; change the baseline in the target.</source>
        <translation>{year}年是基期年份；请在指标设置中修改基期。</translation>
    </message>
    <message>
        <source> To remove the figure, select the cell and press Delete.</source>
        <translation>要删除该数据，请选中单元格并按 Delete。</translation>
    </message>
    <message>
        <source>There is no {year} figure yet; enter the value first.</source>
        <translation>还没有{year}年的数据；请先输入数值。</translation>
    </message>
    <message>
        <source>Reference, not editable here</source>
        <translation>仅供参考，此处不可编辑</translation>
    </message>
    <message>
        <source>The baseline, part of the target&apos;s definition; change it in the target.</source>
        <translation>基期属于指标定义的一部分；请在指标设置中修改。</translation>
    </message>
    <message>
        <source>Enter the value first.</source>
        <translation>请先输入数值。</translation>
    </message>
    <message>
        <source>After the as-of year {year}: not counted in the status.</source>
        <translation>晚于截至年份 {year}：不计入状态评估。</translation>
    </message>
    <message>
        <source>This column cannot be changed.</source>
        <translation>此列不可修改。</translation>
    </message>
    <message>
        <source>{row}, {field}</source>
        <translation>{row}，{field}</translation>
    </message>
    <message>
        <source>{cell}: {problem}</source>
        <translation>{cell}：{problem}</translation>
    </message>
</context>
<context>
    <name>FigureTableView</name>
    <message>
        <source>The workbook is open read-only: nothing was pasted.</source>
        <translation>工作簿以只读方式打开：未粘贴任何内容。</translation>
    </message>
    <message>
        <source>Edit Figure…</source>
        <translation>编辑数据…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>The workbook is open read-only: nothing typed here is kept.</source>
        <translation>工作簿以只读方式打开：在此输入的内容不会保存。</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <source>ljtracker workbooks (*.ljt)</source>
        <translation>ljtracker 工作簿 (*.ljt)</translation>
    </message>
    <message>
        <source>Open Workbook</source>
        <translation>打开工作簿</translation>
    </message>
    <message>
        <source>Cannot create the workbook</source>
        <translation>无法创建工作簿</translation>
    </message>
    <message>
        <source>New Workbook</source>
        <translation>新建工作簿</translation>
    </message>
    <message>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name} 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Save a Copy As</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>副本未保存</translation>
    </message>
    <message>
        <source>The last workbook, {path}, cannot be reached: its folder is not there (a network share or removable drive may be away). It stays in the recent files.</source>
        <translation>无法访问上次打开的工作簿 {path}：所在文件夹不存在（网络共享或移动硬盘可能未连接）。它仍保留在最近打开的文件中。</translation>
    </message>
    <message>
        <source>The last workbook, {path}, no longer exists. It stays in the recent files, as its backups cannot be read now:</source>
        <translation>上次打开的工作簿 {path} 已不存在。由于暂时无法读取其备份，它仍保留在最近打开的文件中：</translation>
    </message>
    <message>
        <source>The last workbook, {path}, no longer exists. It has a backup: choose it in File ▸ Open Recent to restore it.</source>
        <translation>上次打开的工作簿 {path} 已不存在。它有备份：在“文件 ▸ 最近打开”中选择它即可恢复。</translation>
    </message>
    <message>
        <source>The last workbook, {path}, no longer exists.</source>
        <translation>上次打开的工作簿 {path} 已不存在。</translation>
    </message>
    <message>
        <source>Workbook not reachable</source>
        <translation>无法访问工作簿</translation>
    </message>
    <message>
        <source>{path} cannot be reached: its folder is not there. If it is on a network share or a removable drive, connect it and try again; it stays in the recent files.</source>
        <translation>无法访问 {path}：所在文件夹不存在。如果它位于网络共享或移动硬盘上，请连接后重试；它仍保留在最近打开的文件中。</translation>
    </message>
    <message>
        <source>Workbook not found</source>
        <translation>找不到工作簿</translation>
    </message>
    <message>
        <source>{path} no longer exists, so it was removed from the recent files.</source>
        <translation>{path} 已不存在，已从最近打开的文件中移除。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a File</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An XLSX, XLS, ODS or CSV file: the app&apos;s template, a table with one row per indicator and one column per year, one with indicator, year and value columns, or a bulletin&apos;s table of one year named in its title.</source>
        <translation>XLSX、XLS、ODS 或 CSV 文件：本软件的模板，每行一个指标、每列一个年份的表格，含指标、年份和数值列的表格，或在标题中注明年份的统计公报单年表格。</translation>
    </message>
    <message>
        <source>Path of the spreadsheet file</source>
        <translation>电子表格文件的路径</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Import Spreadsheet</source>
        <translation>导入电子表格</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格 ({patterns})</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>&quot;{text}&quot; is an approximate amount; enter the number alone: a target of about a value takes the comparator &quot;About (a band)&quot;.</source>
        <translation>“{text}”是约数；请只填数字：目标为某值左右时，比较方式请选“左右（区间）”。</translation>
    </message>
    <message>
        <source>Discard What Was Typed?</source>
        <translation>放弃已填写的内容？</translation>
    </message>
    <message>
        <source>Close the form without saving what was typed in it?</source>
        <translation>关闭表单而不保存其中已填写的内容？</translation>
    </message>
    <message>
        <source>Plan: {title}</source>
        <translation>规划：{title}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>原值 → 新值</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>&amp;Revert This Change</source>
        <translation>撤回此次更改(&amp;R)</translation>
    </message>
    <message>
        <source>Take back the chosen change as a new change, which Undo takes back in turn</source>
        <translation>将所选更改作为一次新的更改撤回；“撤销”命令可再将其复原</translation>
    </message>
    <message>
        <source>Not reverted</source>
        <translation>未撤回</translation>
    </message>
    <message>
        <source>“{name}” reaches beyond this target&apos;s figures.</source>
        <translation>“{name}”不只涉及此指标的数据。</translation>
    </message>
    <message>
        <source>Other targets it also changed: {targets}; their figures: {figures}.</source>
        <translation>它还更改了其他 {targets} 个指标（其中数据 {figures} 条）。</translation>
    </message>
    <message>
        <source>Other targets whose definitions it also changed: {targets}.</source>
        <translation>它还更改了其他 {targets} 个指标的定义。</translation>
    </message>
    <message>
        <source>It created this target: reverting it deletes the target.</source>
        <translation>此指标由它创建：撤回将删除此指标。</translation>
    </message>
    <message>
        <source>Reverting takes all of it back, as one step that Undo takes back. Revert it?</source>
        <translation>撤回会一并撤回其全部内容，可用“撤销”一步复原。是否撤回？</translation>
    </message>
    <message>
        <source>Revert a change that reaches further?</source>
        <translation>撤回一次影响更广的更改？</translation>
    </message>
    <message>
        <source>It also changed plans or areas.</source>
        <translation>它还更改了规划或领域。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import Spreadsheet</source>
        <translation>导入电子表格</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>导航栏</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>截至(&amp;A)：</translation>
    </message>
    <message>
        <source>Judge progress with the figures up to this year only</source>
        <translation>仅用截至该年的数据评估进展</translation>
    </message>
    <message>
        <source>This workbook has no plans yet. Add one with Edit ▸ New Plan…</source>
        <translation>本工作簿还没有规划。请用“编辑 ▸ 新建规划…”添加。</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>No workbook is open</source>
        <translation>没有打开的工作簿</translation>
    </message>
    <message>
        <source>{name} (read-only)</source>
        <translation>{name}（只读）</translation>
    </message>
    <message>
        <source>1 plan</source>
        <translation>1 个规划</translation>
    </message>
    <message>
        <source>{n} plans</source>
        <translation>{n} 个规划</translation>
    </message>
    <message>
        <source>1 target</source>
        <translation>1 个指标</translation>
    </message>
    <message>
        <source>{n} targets</source>
        <translation>{n} 个指标</translation>
    </message>
    <message>
        <source>1 yearly figure</source>
        <translation>1 条年度数据</translation>
    </message>
    <message>
        <source>{n} yearly figures</source>
        <translation>{n} 条年度数据</translation>
    </message>
    <message>
        <source>Opened read-only: nothing can be changed</source>
        <translation>以只读方式打开：不能修改</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改均已保存</translation>
    </message>
    <message>
        <source>Last change NOT saved</source>
        <translation>上一次更改未保存</translation>
    </message>
    <message>
        <source>A value cannot be taken</source>
        <translation>有数值无法录入</translation>
    </message>
    <message>
        <source>Correct it, or press Esc in its cell to drop it.</source>
        <translation>请更正，或在该单元格中按 Esc 放弃输入。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>更改未保存</translation>
    </message>
    <message>
        <source>The workbook could not be opened again</source>
        <translation>无法重新打开工作簿</translation>
    </message>
    <message>
        <source>Another program wrote into {name} while it was open here, so the change was not saved: it would have written over what that program wrote.

The workbook is opened again to show what it holds now.</source>
        <translation>在此打开 {name} 期间，另一程序写入了该文件，因此本次更改未保存：否则会覆盖该程序写入的内容。

将重新打开工作簿，以显示其现有内容。</translation>
    </message>
    <message>
        <source>Changes made here are not in the file</source>
        <translation>在此所做的更改不在文件中</translation>
    </message>
    <message>
        <source>The workbook&apos;s file is gone</source>
        <translation>工作簿文件已不在原处</translation>
    </message>
    <message>
        <source>{name} was deleted, moved or replaced by another program while it was open here. What this window holds, with every change made here, is in no file now, and goes when the workbook is closed.</source>
        <translation>{name} 在此打开期间被另一程序删除、移动或替换。本窗口中的内容（包括在此所做的全部更改）现已不在任何文件中，关闭工作簿后即会丢失。</translation>
    </message>
    <message>
        <source>The file no longer holds {count} change made here before: {changes}. Make it again if it is still wanted.</source>
        <translation>该文件已不再包含此前在此所做的 {count} 项更改：{changes}。如仍需要，请重新进行这些更改。</translation>
    </message>
    <message>
        <source>The file no longer holds {count} changes made here before: {changes}. Make them again if they are still wanted.</source>
        <translation>该文件已不再包含此前在此所做的 {count} 项更改：{changes}。如仍需要，请重新进行这些更改。</translation>
    </message>
    <message>
        <source>Another program wrote an older copy over {name} while it was open here: the file no longer holds {count} change made here: {changes}. Make it again if it is still wanted.</source>
        <translation>{name} 在此打开期间被另一程序用较早的副本覆盖：文件中已没有在此所做的 {count} 项更改：{changes}。如仍需要，请重新操作。</translation>
    </message>
    <message>
        <source>Another program wrote an older copy over {name} while it was open here: the file no longer holds {count} changes made here: {changes}. Make them again if they are still wanted.</source>
        <translation>{name} 在此打开期间被另一程序用较早的副本覆盖：文件中已没有在此所做的 {count} 项更改：{changes}。如仍需要，请重新操作。</translation>
    </message>
    <message>
        <source>{name} was deleted or moved by another program while it was open here. What this window holds is in no file now, and goes when the workbook is closed.</source>
        <translation>{name} 在此打开期间被另一程序删除或移动。本窗口中的内容现已不在任何文件中，关闭工作簿后即会丢失。</translation>
    </message>
    <message>
        <source>Save a copy of it to keep it.</source>
        <translation>请另存副本以保留这些内容。</translation>
    </message>
    <message>
        <source>&amp;Save a Copy As…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <source>Close &amp;Without Saving</source>
        <translation>不保存并关闭(&amp;W)</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>The file was not written</source>
        <translation>文件未写入</translation>
    </message>
    <message>
        <source>The change was refused</source>
        <translation>更改被拒绝</translation>
    </message>
    <message>
        <source>No recent workbooks</source>
        <translation>没有最近打开的工作簿</translation>
    </message>
    <message>
        <source>Workbook not found</source>
        <translation>找不到工作簿</translation>
    </message>
    <message>
        <source>{path} no longer exists, but this window still holds all it held, newer than any backup: File ▸ Save a Copy As… keeps it, its history too.</source>
        <translation>{path} 已不存在，但本窗口仍保有其全部内容，比任何备份都新：可用“文件 ▸ 另存副本…”保存，修改记录也在其中。</translation>
    </message>
    <message>
        <source>Choose a year in a target&apos;s yearly figures or in the year entry first.</source>
        <translation>请先在指标的年度数据表或按年录入表中选择一个年份。</translation>
    </message>
    <message>
        <source>How progress is judged</source>
        <translation>进展如何评估</translation>
    </message>
    <message>
        <source>About ljtracker</source>
        <translation>关于 ljtracker</translation>
    </message>
    <message>
        <source>ljtracker {version}

Tracks a development plan&apos;s targets year by year: the figures with their sources, which targets are on track and why, and the progress report.

MIT licence.</source>
        <translation>ljtracker {version}

逐年跟踪发展规划的指标：每年的数据及其来源、哪些指标进展顺利及其原因，以及进展报告。

MIT 许可证。</translation>
    </message>
    <message>
        <source>{name} was deleted, moved or replaced by another program while it was open here. Nothing more can be saved into it. What this window holds, with every change made here, is kept until the workbook is closed: File ▸ Save a Copy As… keeps it.</source>
        <translation>{name} 在此打开期间被另一程序删除、移动或替换，已无法再保存到该文件。本窗口中的内容（包括在此所做的全部更改）在关闭工作簿之前仍然保留：可用“文件 ▸ 另存副本…”保存。</translation>
    </message>
    <message>
        <source>File ▸ Save a Copy As… still keeps everything the workbook held, its history too.</source>
        <translation>“文件 ▸ 另存副本…”仍可保存工作簿中的全部内容，修改记录也在其中。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>The file&apos;s other sheets hold a table too ({sheets}): if the figures are there, choose it in Sheet.</source>
        <translation>文件中的其他工作表也有表格（{sheets}）：如数据在其中，请在“工作表”中选择。</translation>
    </message>
    <message>
        <source>Sheet and Mapping</source>
        <translation>工作表与对应关系</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>In the sheet</source>
        <translation>表中内容</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>As the table marks them (else official; this year&apos;s: estimate)</source>
        <translation>按表中标注（未标注则为正式；当年数据为估算）</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>The year every figure of this table is of: read from its title where that names one, to be checked and changed if the title says otherwise; given here where it names none</source>
        <translation>此表全部数据所属的年份：标题写有年份时读自标题，请核对，标题另有所指时请修改；标题未写年份时在此填写</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Year of the figures:</source>
        <translation>数据所属年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>规划(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;ource of the figures:</source>
        <translation>数据来源(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Quality of the figures:</source>
        <translation>数据质量(&amp;Q)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>template: plans</source>
        <translation>模板：规划</translation>
    </message>
    <message>
        <source>template: areas</source>
        <translation>模板：领域</translation>
    </message>
    <message>
        <source>template: targets</source>
        <translation>模板：指标</translation>
    </message>
    <message>
        <source>template: figures</source>
        <translation>模板：数据</translation>
    </message>
    <message>
        <source>one column per year</source>
        <translation>每年一列</translation>
    </message>
    <message>
        <source>indicator, year and value columns</source>
        <translation>指标、年份和数值列</translation>
    </message>
    <message>
        <source>indicator and value columns of one year</source>
        <translation>指标和数值列（单年）</translation>
    </message>
    <message>
        <source>no table found</source>
        <translation>未找到表格</translation>
    </message>
    <message>
        <source>A table of indicator and value columns whose title names no year is read once its year is given above.</source>
        <translation>标题未写年份的指标、数值两列表格，在上方填写其年份后即可读取。</translation>
    </message>
    <message>
        <source>Sheet {names}: each row goes to the target chosen on the right; change any row, or leave it out.</source>
        <translation>工作表 {names}：每一行导入右侧所选的指标；可修改任一行，或将其排除。</translation>
    </message>
    <message>
        <source>Sheet {names}: the app&apos;s template; each row goes to the plan, area or target that its columns name.</source>
        <translation>工作表 {names}：本软件的模板；每一行导入其各列所指的规划、领域或指标。</translation>
    </message>
    <message>
        <source>Sheets {names}: the app&apos;s template; each row goes to the plan, area or target that its columns name.</source>
        <translation>工作表 {names}：本软件的模板；每一行导入其各列所指的规划、领域或指标。</translation>
    </message>
    <message>
        <source>The figures&apos; year is read from the table&apos;s title ({title}): check it in the box above.</source>
        <translation>数据所属年份读自表格标题（{title}）：请在上方的框中核对。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Target of {row}</source>
        <translation>“{row}”对应的指标</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>MilestonesField</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>添加阶段目标</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected milestones</source>
        <translation>移除所选的阶段目标</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Filter by code or name</source>
        <translation>按代码或名称筛选</translation>
    </message>
    <message>
        <source>Show only plans, areas and targets whose code or name (Chinese or English)</source>
        <translation>筛选规划、领域和指标：代码或名称（中文或英文）</translation>
    </message>
    <message>
        <source>contains this text</source>
        <translation>包含此文本者才显示</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Plans, areas and targets</source>
        <translation>规划、领域和指标</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>{0} targets</source>
        <translation>{0} 个指标</translation>
    </message>
    <message>
        <source>Plan period {0}–{1}</source>
        <translation>规划期 {0}–{1}</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
</context>
<context>
    <name>ObservationTableModel</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划值</translation>
    </message>
    <message>
        <source>Value ({unit})</source>
        <translation>数值（{unit}）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>{year}</source>
        <comment>a year&apos;s row, as messages name it</comment>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{year} (baseline)</source>
        <translation>{year}（基期）</translation>
    </message>
    <message>
        <source>On the planned path from the baseline to the target</source>
        <translation>从基期到目标的计划路径上的值</translation>
    </message>
</context>
<context>
    <name>OpenGuard</name>
    <message>
        <source>{name} cannot be changed here:
{reason}</source>
        <translation>无法在此修改 {name}：
{reason}</translation>
    </message>
    <message>
        <source>The workbook was not opened:
{reason}</source>
        <translation>工作簿未打开：
{reason}</translation>
    </message>
    <message>
        <source>{name} is open for changes in another program.</source>
        <translation>{name} 已在另一个程序中打开并可修改。</translation>
    </message>
    <message>
        <source>{name} is open for changes by {user} on {host} (process {pid}) since {since}.</source>
        <translation>{name} 自 {since} 起由 {user} 在 {host}（进程 {pid}）上打开并可修改。</translation>
    </message>
    <message>
        <source>If that computer no longer has it open, delete the lock file {lock} and open the workbook again.</source>
        <translation>如果那台计算机已不再打开它，请删除锁文件 {lock} 后重新打开工作簿。</translation>
    </message>
    <message>
        <source>Workbook in use</source>
        <translation>工作簿正在使用中</translation>
    </message>
    <message>
        <source>Workbook cannot be changed here</source>
        <translation>无法在此修改工作簿</translation>
    </message>
    <message>
        <source>You can open it read-only: you see every figure, but cannot change anything.</source>
        <translation>您可以以只读方式打开：能看到所有数据，但不能修改。</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <source>Damaged workbook</source>
        <translation>工作簿已损坏</translation>
    </message>
    <message>
        <source>{name} is damaged and was not opened; nothing was written to it.</source>
        <translation>{name} 已损坏，未打开；没有向其写入任何内容。</translation>
    </message>
    <message>
        <source>There is no backup of it to restore.</source>
        <translation>没有可用于恢复的备份。</translation>
    </message>
    <message>
        <source>The backup was not restored:
{reason}</source>
        <translation>备份未恢复：
{reason}</translation>
    </message>
    <message>
        <source>{folder} holds backups of a workbook named {name}, no longer there: if that was this workbook&apos;s name before, its backups are there, each a workbook that File ▸ Open opens.</source>
        <translation>{folder} 中有名为 {name} 的工作簿的备份，该工作簿已不在此处；若那是本工作簿改名前的名称，其备份就在那里，每个备份都是可用“文件 ▸ 打开”打开的工作簿。</translation>
    </message>
    <message>
        <source>The newest good backup is from {time}. Restore it? The damaged file is kept beside it under another name.</source>
        <translation>最新的完好备份来自 {time}。要恢复它吗？损坏的文件会以另一个名称保留在旁边。</translation>
    </message>
    <message>
        <source>Workbook not found</source>
        <translation>找不到工作簿</translation>
    </message>
    <message>
        <source>{path} no longer exists.</source>
        <translation>{path} 已不存在。</translation>
    </message>
    <message>
        <source>Its newest good backup is from {time}. Restore it in the workbook&apos;s place and open it? Changes made after the backup are not in it.</source>
        <translation>其最新的完好备份来自 {time}。要将它恢复到该工作簿原来的位置并打开吗？备份之后所做的更改不在其中。</translation>
    </message>
    <message>
        <source>&amp;Restore the Backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot open the workbook</source>
        <translation>无法打开工作簿</translation>
    </message>
    <message>
        <source>{name} is on a network share ({kind}). Locking and saving over a network are not always reliable: work on a copy on this computer when you can.</source>
        <translation>{name} 位于网络共享（{kind}）上。通过网络加锁和保存并不总是可靠：请尽量在本机的副本上工作。</translation>
    </message>
    <message>
        <source>{name} is in a {service} folder. Sync services can copy the file while it is being changed, and make conflicted copies when two computers change it: close the workbook before another computer opens it.</source>
        <translation>{name} 位于 {service} 同步文件夹中。同步服务可能在文件修改过程中复制它，两台计算机同时修改时还会产生冲突副本：请在另一台计算机打开之前关闭本工作簿。</translation>
    </message>
    <message>
        <source>Beside it are files that look like conflicted copies made by a sync service; figures entered in them are not in this workbook:
{names}</source>
        <translation>旁边有一些看似同步服务产生的冲突副本的文件；其中录入的数据不在本工作簿中：
{names}</translation>
    </message>
    <message>
        <source>Where this workbook lives</source>
        <translation>工作簿所在位置</translation>
    </message>
</context>
<context>
    <name>OverviewChart</name>
    <message>
        <source>Achievement {0}, time elapsed {1}</source>
        <translation>完成度 {0}，时间进度 {1}</translation>
    </message>
    <message>
        <source>Placed at {0} along its planned path (schedule index {1})</source>
        <translation>按计划路径定位于{0}（序时进度指数{1}）</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <source>Progress along the planned path</source>
        <translation>按计划路径的进度</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Above the dashed line: ahead of schedule (a target on a compound or milestone path is placed along its own path). {0} of {1} targets shown; the others have no target value, no figure after the baseline or a baseline that already met the target, or are about a value (a band), judged by whether the figure is inside the band.</source>
        <translation>虚线以上表示快于序时进度（按复合增长或阶段目标路径的指标按其自身路径定位）。显示 {1} 个指标中的 {0} 个；其余指标没有目标值、基期后没有数据或基期值已达到目标，或为“左右”（区间）目标，按数据是否落在区间内判断。</translation>
    </message>
    <message>
        <source>This area has no targets yet: New Target adds one.</source>
        <translation>该领域尚无指标：可用“新建指标”添加。</translation>
    </message>
    <message>
        <source>This plan has no targets yet: New Target adds one.</source>
        <translation>该规划尚无指标：可用“新建指标”添加。</translation>
    </message>
    <message>
        <source>1 target lies beyond the chart&apos;s edge and is drawn at it: point at it for its figures.</source>
        <translation>其中 1 个指标超出图表范围，画在边缘处；将鼠标指向该点可查看其数据。</translation>
    </message>
    <message>
        <source>{0} targets lie beyond the chart&apos;s edge and are drawn at it: point at one for its figures.</source>
        <translation>其中 {0} 个指标超出图表范围，画在边缘处；将鼠标指向其中一点可查看其数据。</translation>
    </message>
    <message>
        <source>1 target&apos;s code has no room beside it: point at it for its code.</source>
        <translation>其中 1 个指标旁没有空间标注代码：将鼠标指向该点可查看。</translation>
    </message>
    <message>
        <source>{0} targets&apos; codes have no room beside them: point at one for its code.</source>
        <translation>其中 {0} 个指标旁没有空间标注代码：将鼠标指向各点可查看。</translation>
    </message>
</context>
<context>
    <name>PlanDialogs</name>
    <message>
        <source>Delete plan {code} with its {areas}, {targets} and {figures}?</source>
        <translation>删除规划 {code} 及其 {areas}、{targets}和 {figures}吗？</translation>
    </message>
    <message>
        <source>Delete Plan</source>
        <translation>删除规划</translation>
    </message>
    <message>
        <source>Delete Area</source>
        <translation>删除领域</translation>
    </message>
    <message>
        <source>Delete target {code}? It has no yearly figures.</source>
        <translation>删除指标 {code} 吗？它没有年度数据。</translation>
    </message>
    <message>
        <source>Delete target {code} and its 1 yearly figure?</source>
        <translation>删除指标 {code} 及其 1 条年度数据吗？</translation>
    </message>
    <message>
        <source>Delete target {code} and its {n} yearly figures?</source>
        <translation>删除指标 {code} 及其 {n} 条年度数据吗？</translation>
    </message>
    <message>
        <source>Delete Target</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>The plan no longer exists.</source>
        <translation>该规划已不存在。</translation>
    </message>
    <message>
        <source>Delete plan {code}? It has no areas or targets.</source>
        <translation>删除规划 {code} 吗？它没有领域或指标。</translation>
    </message>
    <message>
        <source>The area no longer exists.</source>
        <translation>该领域已不存在。</translation>
    </message>
    <message>
        <source>Delete the area “{name}”? It has no targets.</source>
        <translation>删除领域“{name}”吗？它没有指标。</translation>
    </message>
    <message>
        <source>Delete the area “{name}”? Its target stays in the plan, without an area.</source>
        <translation>删除领域“{name}”吗？其指标仍保留在规划中，但不属于任何领域。</translation>
    </message>
    <message>
        <source>Delete the area “{name}”? Its {n} targets stay in the plan, without an area.</source>
        <translation>删除领域“{name}”吗？其 {n} 个指标仍保留在规划中，但不属于任何领域。</translation>
    </message>
    <message>
        <source>The target no longer exists.</source>
        <translation>该指标已不存在。</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以用“编辑 ▸ 撤销”撤回此操作。</translation>
    </message>
    <message>
        <source>1 area</source>
        <translation>1 个领域</translation>
    </message>
    <message>
        <source>{n} areas</source>
        <translation>{n} 个领域</translation>
    </message>
    <message>
        <source>1 target</source>
        <translation>1 个指标</translation>
    </message>
    <message>
        <source>{n} targets</source>
        <translation>{n} 个指标</translation>
    </message>
    <message>
        <source>1 yearly figure</source>
        <translation>1 条年度数据</translation>
    </message>
    <message>
        <source>{n} yearly figures</source>
        <translation>{n} 条年度数据</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <source>Edit plan {code}</source>
        <translation>编辑规划 {code}</translation>
    </message>
    <message>
        <source>New plan after {code}</source>
        <translation>在 {code} 之后新建规划</translation>
    </message>
    <message>
        <source>e.g. LJ2025</source>
        <translation>例如 LJ2025</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>YYYY-MM-DD、YYYY-MM 或 YYYY</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Chinese title:</source>
        <translation>中文标题：</translation>
    </message>
    <message>
        <source>English title:</source>
        <translation>英文标题：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>发布机关：</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>First year:</source>
        <translation>起始年份：</translation>
    </message>
    <message>
        <source>Last year:</source>
        <translation>结束年份：</translation>
    </message>
    <message>
        <source>Source link:</source>
        <translation>来源链接：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>e.g. {code}</source>
        <translation>例如 {code}</translation>
    </message>
    <message>
        <source>The new plan takes the areas and the {total} indicators of {code}, as monitoring indicators; {found} of them have a figure of {year} to start from as their baseline (the others take their first figure in the new plan until one is set). Set each one&apos;s new target afterwards.</source>
        <translation>新规划沿用 {code} 的领域和 {total} 个指标，先作为监测指标；其中 {found} 个有{year}年数据可作为基期（其余指标在设定基期前以新规划中的第一个数据为基期）。之后请逐一设定各指标的新目标。</translation>
    </message>
    <message>
        <source>{code} also holds figures after {year} ({figures}): they stay with it and do not count in the new plan.</source>
        <translation>{code} 还有 {year} 年之后的数据（{figures}），仍留在该规划中，不计入新规划。</translation>
    </message>
    <message>
        <source>Some of the plan&apos;s targets are set for years outside {0}–{1} ({2}): check that the period is meant.</source>
        <translation>本规划有指标的目标年份在{0}—{1}年之外（{2}年）：请确认规划期无误。</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Growth ratio (Open SDG, Statistics Canada)</source>
        <translation>增长比值法（Open SDG，加拿大统计局）</translation>
    </message>
    <message>
        <source>Projection to the target year (UN SDG)</source>
        <translation>趋势预测法（联合国 SDG）</translation>
    </message>
    <message>
        <source>Time-elapsed progress (序时进度)</source>
        <translation>序时进度法</translation>
    </message>
    <message>
        <source>On track when R is at least</source>
        <translation>R 不低于此值时为进展顺利</translation>
    </message>
    <message>
        <source>Needs acceleration when R is at least</source>
        <translation>R 不低于此值时为需加快</translation>
    </message>
    <message>
        <source>On track when r is at least</source>
        <translation>r 不低于此值时为进展顺利</translation>
    </message>
    <message>
        <source>Needs acceleration when r is at least</source>
        <translation>r 不低于此值时为需加快</translation>
    </message>
    <message>
        <source>Limited progress when r is at least</source>
        <translation>r 不低于此值时为进展有限</translation>
    </message>
    <message>
        <source>Called stagnation when r is below</source>
        <translation>r 低于此值时称为停滞</translation>
    </message>
    <message>
        <source>On track when S is at least</source>
        <translation>S 不低于此值时为进展顺利</translation>
    </message>
    <message>
        <source>Needs acceleration when S is at least</source>
        <translation>S 不低于此值时为需加快</translation>
    </message>
    <message>
        <source>On track from a yearly growth of</source>
        <translation>年增速达到此值时为进展顺利</translation>
    </message>
    <message>
        <source>Needs acceleration from a yearly growth of</source>
        <translation>年增速达到此值时为需加快</translation>
    </message>
    <message>
        <source>The thresholds for {name} must fall from “on track” to “needs acceleration” to zero.</source>
        <translation>{name} 的阈值必须从“进展顺利”到“需加快”再到零依次递减。</translation>
    </message>
    <message>
        <source>Method in use: {method}. A target counts as achieved as soon as the latest figure meets it; a band target (“about”) is on track while inside its band.</source>
        <translation>当前方法：{method}。最新数据一旦达到目标即视为已实现；区间目标（“左右”）在区间内即为进展顺利。</translation>
    </message>
    <message>
        <source>R is the yearly growth observed since the baseline divided by the yearly growth needed to reach the target. On track: R ≥ {a}. Needs acceleration: {b} ≤ R &lt; {a}. Limited progress: 0 ≤ R &lt; {b}. Deterioration: R &lt; 0.</source>
        <translation>R 为基期以来的实际年均增速除以实现目标所需的年均增速。进展顺利：R ≥ {a}；需加快：{b} ≤ R &lt; {a}；进展有限：0 ≤ R &lt; {b}；出现倒退：R &lt; 0。</translation>
    </message>
    <message>
        <source>The observed growth is projected to the target year; r is the share of the planned change that projection reaches. On track: r ≥ {a}. Needs acceleration: {b} ≤ r &lt; {a}. Limited progress: {c} ≤ r &lt; {b} (stagnation below {d}). Deterioration: r &lt; {c}.</source>
        <translation>按实际增速预测到目标年份；r 为预测值所达到的计划变化量的比例。进展顺利：r ≥ {a}；需加快：{b} ≤ r &lt; {a}；进展有限：{c} ≤ r &lt; {b}（低于 {d} 为停滞）；出现倒退：r &lt; {c}。</translation>
    </message>
    <message>
        <source>S is the change achieved so far divided by the change planned by now (序时进度). On track: S ≥ {a}. Needs acceleration: {b} ≤ S &lt; {a}. Limited progress: 0 ≤ S &lt; {b}. Deterioration: S &lt; 0.</source>
        <translation>S 为迄今实际完成的变化量除以按计划此时应完成的变化量（序时进度）。进展顺利：S ≥ {a}；需加快：{b} ≤ S &lt; {a}；进展有限：0 ≤ S &lt; {b}；出现倒退：S &lt; 0。</translation>
    </message>
    <message>
        <source>Indicators without a target are judged by their yearly growth g in the desired direction: on track from {a}, needs acceleration from {b}, limited progress from 0, deterioration below 0.</source>
        <translation>没有目标值的监测指标按期望方向上的年增速 g 评估：达到 {a} 为进展顺利，达到 {b} 为需加快，不低于 0 为进展有限，低于 0 为出现倒退。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Decimal places shown:</source>
        <translation>显示的小数位数(&amp;D)：</translation>
    </message>
    <message>
        <source>Open a workbook to change its progress method</source>
        <translation>打开工作簿后才能更改其进展评估方法</translation>
    </message>
    <message>
        <source>The workbook is open read-only: its method stays</source>
        <translation>工作簿以只读方式打开：其评估方法不能更改</translation>
    </message>
    <message>
        <source>Default Thresholds</source>
        <translation>默认阈值</translation>
    </message>
    <message>
        <source>Progress method (stored in this workbook)</source>
        <translation>进展评估方法（保存在本工作簿中）</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>Indicators without a target:</source>
        <translation>没有目标值的指标：</translation>
    </message>
    <message>
        <source>For example: {value}</source>
        <translation>例如：{value}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>{added} to add, {changed} to change, {unchanged} unchanged.</source>
        <translation>新增 {added} 项，修改 {changed} 项，{unchanged} 项不变。</translation>
    </message>
    <message>
        <source>{count} cell cannot be read: nothing will be imported until it is fixed in the file or its row is left out in the mapping.</source>
        <translation>有 {count} 个单元格无法读取：在文件中修正或在对应关系中排除该行之前，不会导入任何内容。</translation>
    </message>
    <message>
        <source>{count} cells cannot be read: nothing will be imported until they are fixed in the file or their rows are left out in the mapping.</source>
        <translation>有 {count} 个单元格无法读取：在文件中修正或在对应关系中排除这些行之前，不会导入任何内容。</translation>
    </message>
    <message>
        <source>{count} cell cannot be read: nothing will be imported until it is fixed in the file.</source>
        <translation>有 {count} 个单元格无法读取：在文件中修正之前，不会导入任何内容。</translation>
    </message>
    <message>
        <source>{count} cells cannot be read: nothing will be imported until they are fixed in the file.</source>
        <translation>有 {count} 个单元格无法读取：在文件中修正之前，不会导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing to import: the workbook already holds what the template&apos;s sheets give. The figures edited in {sheets} are not imported with them: to keep those, go back and choose that sheet.</source>
        <translation>无需导入：模板各工作表的内容工作簿中都已有。在 {sheets} 中修改的数据不随之导入：如要采用，请返回上一步并选择该工作表。</translation>
    </message>
    <message>
        <source>Nothing to import: the workbook already holds all of it.</source>
        <translation>无需导入：工作簿中已包含全部内容。</translation>
    </message>
    <message>
        <source>Nothing to import: no row of the table goes to a target; choose the targets on the previous page.</source>
        <translation>没有可导入的内容：表中没有哪一行对应到指标；请在上一页选择对应的指标。</translation>
    </message>
    <message>
        <source>Nothing to import: the file holds no figure or target to import.</source>
        <translation>没有可导入的内容：文件中没有可导入的数值或指标。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>1 figure is a hundred times or a hundredth of the figure it is compared with, or more: is the table in another unit (万元 for 亿元, 人 for 万人)?</source>
        <translation>有 1 个数值与所对照的数据相差百倍以上：表格是否采用了其他单位（如万元而非亿元、人而非万人）？</translation>
    </message>
    <message>
        <source>{count} figures are a hundred times or a hundredth of the figure each is compared with, or more: is the table in another unit (万元 for 亿元, 人 for 万人)?</source>
        <translation>有 {count} 个数值与所对照的数据相差百倍以上：表格是否采用了其他单位（如万元而非亿元、人而非万人）？</translation>
    </message>
    <message>
        <source>Some values would go back to what they were before a later change: is the file an older copy?</source>
        <translation>有些数值会被改回之后某次更改之前的值：该文件是否为较早的副本？</translation>
    </message>
    <message>
        <source>The notes under the list say which. Import them anyway?</source>
        <translation>列表下方的说明列出了具体数值。仍要导入吗？</translation>
    </message>
    <message>
        <source>Check the Figures</source>
        <translation>请核对数据</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Actual figures</source>
        <translation>实际数据</translation>
    </message>
    <message>
        <source>Baseline {year}</source>
        <translation>{year}年基期</translation>
    </message>
    <message>
        <source>Baseline {year} (first figure)</source>
        <translation>{year}年基期（首个数据）</translation>
    </message>
    <message>
        <source>Planned path</source>
        <translation>计划路径</translation>
    </message>
    <message>
        <source>Planned for {year}</source>
        <translation>{year}年计划值</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>阶段目标</translation>
    </message>
    <message>
        <source>No figures between</source>
        <translation>其间无数据</translation>
    </message>
    <message>
        <source>Milestone {year}</source>
        <translation>{year}年阶段目标</translation>
    </message>
    <message>
        <source>Target: {goal}</source>
        <translation>目标：{goal}</translation>
    </message>
    <message>
        <source>Target {year}</source>
        <translation>{year}年目标</translation>
    </message>
    <message>
        <source>Projection: {value} in {year}</source>
        <translation>预测：{year}年{value}</translation>
    </message>
    <message>
        <source>Projection for {year}</source>
        <translation>{year}年预测值</translation>
    </message>
    <message>
        <source>After {year}: not counted</source>
        <translation>{year}年以后：不计入</translation>
    </message>
    <message>
        <source>{year} (after the as-of year, not counted)</source>
        <translation>{year}（晚于截至年份，不计入）</translation>
    </message>
    <message>
        <source>No baseline, target or figure to chart yet</source>
        <translation>尚无基期值、目标值或年度数值可绘制</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>Official</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Preliminary</source>
        <translation>初步</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a quality; use one of: {accepted}.</source>
        <translation>“{text}”不是数据质量；请使用以下之一：{accepted}。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Progress Report</source>
        <translation>进展报告</translation>
    </message>
    <message>
        <source>Only figures up to this year count</source>
        <translation>只计入截至该年的数据</translation>
    </message>
    <message>
        <source>Workbook setting ({method})</source>
        <translation>工作簿设置（{method}）</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>规划目标进展报告</translation>
    </message>
    <message>
        <source>Mid-term evaluation</source>
        <translation>中期评估报告</translation>
    </message>
    <message>
        <source>Final evaluation</source>
        <translation>终期评估报告</translation>
    </message>
    <message>
        <source>What the cover calls the report</source>
        <translation>报告封面上的名称</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美国信纸）</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>规划(&amp;P)：</translation>
    </message>
    <message>
        <source>Progress &amp;as of:</source>
        <translation>进展截至(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Language of the report:</source>
        <translation>报告语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Progress &amp;method:</source>
        <translation>评估方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Kind of report:</source>
        <translation>报告类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>纸张(&amp;R)：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Targets: only those in the checked areas and statuses</source>
        <translation>指标：仅包括所勾选领域和状态的指标</translation>
    </message>
    <message>
        <source>Without an area</source>
        <translation>不属于任何领域</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Print the Progress Report</source>
        <translation>打印进展报告</translation>
    </message>
    <message>
        <source>Sent {report} ({pages} pages) to {printer}</source>
        <translation>已将{report}（{pages} 页）发送到 {printer}</translation>
    </message>
    <message>
        <source>Wrote {report} ({pages} pages) to {path}</source>
        <translation>已将{report}（{pages} 页）写入 {path}</translation>
    </message>
    <message>
        <source>; the printer is paused, so the job waits in its queue</source>
        <translation>；打印机已暂停，任务在队列中等待</translation>
    </message>
    <message>
        <source>the progress report</source>
        <translation>规划目标进展报告</translation>
    </message>
    <message>
        <source>the mid-term evaluation</source>
        <translation>规划实施中期评估报告</translation>
    </message>
    <message>
        <source>the final evaluation</source>
        <translation>规划实施终期评估报告</translation>
    </message>
    <message>
        <source>Save the Progress Report as PDF</source>
        <translation>将进展报告保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be made</source>
        <translation>无法生成报告</translation>
    </message>
    <message>
        <source>The report could not be saved</source>
        <translation>无法保存报告</translation>
    </message>
    <message>
        <source>The report could not be printed</source>
        <translation>无法打印报告</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print Preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No workbook is open</source>
        <translation>没有打开的工作簿</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Workbook</source>
        <translation>打开示例工作簿(&amp;D)</translation>
    </message>
    <message>
        <source>Open a workbook file</source>
        <translation>打开工作簿文件</translation>
    </message>
    <message>
        <source>Create a new, empty workbook file</source>
        <translation>新建一个空白工作簿文件</translation>
    </message>
    <message>
        <source>Open your copy of the demo workbook: four real plans with sourced figures</source>
        <translation>打开您的示例工作簿副本：四个真实规划，每个数据均注明来源</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>early warning (binding target)</source>
        <translation>预警（约束性指标）</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Imported as one change: {added} added, {changed} changed, {unchanged} left as they were. Edit ▸ Undo takes the whole import back in one step.</source>
        <translation>已作为一次更改导入：新增 {added} 项，修改 {changed} 项，{unchanged} 项保持不变。用“编辑 ▸ 撤销”可一步撤回整个导入。</translation>
    </message>
</context>
<context>
    <name>TargetForm</name>
    <message>
        <source>New target</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <source>Edit target {code}</source>
        <translation>编辑指标 {code}</translation>
    </message>
    <message>
        <source>e.g. LJ-GDP</source>
        <translation>例如 LJ-GDP</translation>
    </message>
    <message>
        <source>e.g. 亿元, %, 万人</source>
        <translation>例如 亿元、%、万人</translation>
    </message>
    <message>
        <source>No area</source>
        <translation>无领域</translation>
    </message>
    <message>
        <source>Expected (预期性)</source>
        <translation>预期性</translation>
    </message>
    <message>
        <source>Binding (约束性)</source>
        <translation>约束性</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>不高于</translation>
    </message>
    <message>
        <source>About (a band)</source>
        <translation>左右（区间）</translation>
    </message>
    <message>
        <source>Increase</source>
        <translation>提高</translation>
    </message>
    <message>
        <source>Decrease</source>
        <translation>降低</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Compound (constant growth rate)</source>
        <translation>复合增长（固定增速）</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Has a target</source>
        <translation>有目标值</translation>
    </message>
    <message>
        <source>Monitoring only</source>
        <translation>仅监测</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>领域：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>属性：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Quality:</source>
        <translation>数据质量：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>责任部门：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Comparator:</source>
        <translation>比较方式：</translation>
    </message>
    <message>
        <source>Tolerance (±):</source>
        <translation>容差（±）：</translation>
    </message>
    <message>
        <source>Target year:</source>
        <translation>目标年份：</translation>
    </message>
    <message>
        <source>Target value:</source>
        <translation>目标值：</translation>
    </message>
    <message>
        <source>Trajectory:</source>
        <translation>计划路径：</translation>
    </message>
    <message>
        <source>Milestones:</source>
        <translation>阶段目标：</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>期望方向：</translation>
    </message>
    <message>
        <source>Natural limit:</source>
        <translation>自然上限：</translation>
    </message>
    <message>
        <source>A value the indicator cannot pass, such as 100 for a percentage (optional)</source>
        <translation>指标不可能超过的数值，例如百分比的 100（可选）</translation>
    </message>
    <message>
        <source>The department responsible for the target</source>
        <translation>负责该指标的部门</translation>
    </message>
    <message>
        <source>An indicator without a target value, judged by its desired direction</source>
        <translation>没有目标值、按期望方向评估的指标</translation>
    </message>
    <message>
        <source>Half the width of the band: about 15 ± 1</source>
        <translation>区间宽度的一半：如 15 ± 1 左右</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The unit changes from {0} to {1}, but the numbers stay: the baseline, the target and every yearly figure entered ({2}) will read in {1}. If the amounts changed, not only the unit&apos;s name, convert them too.</source>
        <translation>单位由{0}改为{1}，但数值保持不变：基期值、目标值和已录入的{2}个年度数值将按{1}理解。如数量本身改变而不只是单位名称，请一并换算。</translation>
    </message>
    <message>
        <source>The unit changes from {0} to {1}, but the numbers stay: the baseline and every yearly figure entered ({2}) will read in {1}. If the amounts changed, not only the unit&apos;s name, convert them too.</source>
        <translation>单位由{0}改为{1}，但数值保持不变：基期值和已录入的{2}个年度数值将按{1}理解。如数量本身改变而不只是单位名称，请一并换算。</translation>
    </message>
    <message>
        <source>The target year {0} is after the plan&apos;s period, {1}: check that it is meant.</source>
        <translation>目标年份{0}年在规划期（{1}年）之后，请确认无误。</translation>
    </message>
    <message>
        <source>The target year {0} is before the plan&apos;s period, {1}: check that it is meant.</source>
        <translation>目标年份{0}年在规划期（{1}年）之前，请确认无误。</translation>
    </message>
    <message>
        <source>The baseline, {0}, is already above {1}: &quot;at least&quot; makes this a target met from the start, to hold. If the plan means a fall to {1}, choose &quot;at most&quot;.</source>
        <translation>基期值 {0} 已高于 {1}：选“不低于”，该指标从一开始即已达到，只需保持。如规划要求降至 {1}，请选“不高于”。</translation>
    </message>
    <message>
        <source>The baseline, {0}, is already below {1}: &quot;at most&quot; makes this a target met from the start, to hold. If the plan means a rise to {1}, choose &quot;at least&quot;.</source>
        <translation>基期值 {0} 已低于 {1}：选“不高于”，该指标从一开始即已达到，只需保持。如规划要求升至 {1}，请选“不低于”。</translation>
    </message>
    <message>
        <source>The {2} milestone, {3}, is below the baseline {0}, though the target rises to {1}: check it.</source>
        <translation>{2}年阶段目标 {3} 低于基期值 {0}，而目标是升至 {1}：请核对。</translation>
    </message>
    <message>
        <source>The {2} milestone, {3}, is above the baseline {0}, though the target falls to {1}: check it.</source>
        <translation>{2}年阶段目标 {3} 高于基期值 {0}，而目标是降至 {1}：请核对。</translation>
    </message>
    <message>
        <source>With milestones, the planned path runs straight from one to the next</source>
        <translation>设有阶段目标时，计划路径在各阶段目标之间按直线连接</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Yearly figures</source>
        <translation>年度数据</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>This target no longer exists.</source>
        <translation>该指标已不存在。</translation>
    </message>
    <message>
        <source>Figures up to {year}</source>
        <translation>截至{year}年的数据</translation>
    </message>
    <message>
        <source>responsible: {who}</source>
        <translation>责任部门：{who}</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>a fall of {rate} a year</source>
        <translation>年均下降 {rate}</translation>
    </message>
    <message>
        <source>{rate} a year</source>
        <translation>年均增长 {rate}</translation>
    </message>
    <message>
        <source>since {year}</source>
        <translation>自{year}年以来</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>of the way from baseline to target</source>
        <translation>从基期到目标已完成的比例</translation>
    </message>
    <message>
        <source>Time elapsed</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <source>Growth observed</source>
        <translation>实际增速</translation>
    </message>
    <message>
        <source>Needed from the baseline</source>
        <translation>自基期所需</translation>
    </message>
    <message>
        <source>from the baseline to the target</source>
        <translation>从基期到目标</translation>
    </message>
    <message>
        <source>the baseline so far</source>
        <translation>暂作基期</translation>
    </message>
    <message>
        <source>Needed from now</source>
        <translation>今后所需</translation>
    </message>
    <message>
        <source>to reach its band by {year}</source>
        <translation>到{year}年进入目标区间所需</translation>
    </message>
    <message>
        <source>to reach the target by {year}</source>
        <translation>到{year}年实现目标所需</translation>
    </message>
    <message>
        <source>or {change}</source>
        <translation>即{change}</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>of the time from baseline to target year, at the {year} figure</source>
        <translation>按{year}年数据，从基期到目标年份已过去的时间比例</translation>
    </message>
    <message>
        <source>in {year}, at the pace so far</source>
        <translation>按目前速度，{year}年</translation>
    </message>
    <message>
        <source>Latest figure</source>
        <translation>最新数据</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Open a workbook to see its plans, areas and targets here.</source>
        <translation>打开工作簿后，这里会列出其规划、领域和指标。</translation>
    </message>
    <message>
        <source>This view is not available in this installation.</source>
        <translation>当前安装中没有此视图。</translation>
    </message>
</context>
<context>
    <name>YearEntryModel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>{year} (for reference)</source>
        <translation>{year}（参考）</translation>
    </message>
    <message>
        <source>{code} {year}</source>
        <comment>a target&apos;s row, as messages name it</comment>
        <translation>{code} {year}年</translation>
    </message>
    <message>
        <source>(baseline)</source>
        <translation>（基期）</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
</context>
<context>
    <name>YearEntryView</name>
    <message>
        <source>The year whose figures are entered</source>
        <translation>要录入数据的年份</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>This plan no longer exists.</source>
        <translation>该规划已不存在。</translation>
    </message>
    <message>
        <source>Figures for {year}: {plan}</source>
        <translation>{year}年数据：{plan}</translation>
    </message>
    <message>
        <source>{year} has not come yet (this is {this_year}): a figure of a year to come is a forecast, not an actual figure, and is not taken.</source>
        <translation>{year}年尚未到来（今年是{this_year}年）：未来年份的数值是预测，不是实际数据，不予录入。</translation>
    </message>
    <message>
        <source>{year} is after the as-of year {as_of}: its figures are kept but not counted.</source>
        <translation>{year}年晚于截至年份 {as_of}：其数据会保留，但不计入评估。</translation>
    </message>
    <message>
        <source>{year} is outside the plan period {start}–{end}.</source>
        <translation>{year}年不在规划期 {start}–{end} 内。</translation>
    </message>
    <message>
        <source>Type over a cell or paste a block from a spreadsheet; Delete removes a figure.</source>
        <translation>直接在单元格中输入或粘贴电子表格中的区域；按 Delete 删除数据。</translation>
    </message>
</context>
</TS>
