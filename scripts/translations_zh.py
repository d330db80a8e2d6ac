"""Simplified Chinese phrase book for scripts/fill_translations.py (source text -> translation).

Terms used throughout: workbook 工作簿, plan 规划, area 领域, target 指标 (its value 目标值),
yearly figure 年度数据, baseline 基期, as of 截至, achievement 完成度, time elapsed 时间进度.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # --- actions
    "&New Workbook…": "新建工作簿(&N)…",
    "Create a new, empty workbook file": "新建一个空白工作簿文件",
    "&Open…": "打开(&O)…",
    "Open a workbook file": "打开工作簿文件",
    "Save a &Copy As…": "另存副本(&C)…",
    "Write a copy of this workbook to another file; you keep working in this one": (
        "将本工作簿的副本写入另一个文件；您仍在当前工作簿中继续工作"
    ),
    "Print Pre&view…": "打印预览(&V)…",
    "Preview the progress report before printing it": "打印前预览进展报告",
    "&Print…": "打印(&P)…",
    "Print the progress report": "打印进展报告",
    "Export P&DF…": "导出 PDF(&D)…",
    "Write the progress report as a PDF file": "将进展报告导出为 PDF 文件",
    "&Import Spreadsheet…": "导入电子表格(&I)…",
    "Bring figures or targets in from a spreadsheet file": "从电子表格文件导入数据或指标",
    "&Export Spreadsheet…": "导出电子表格(&E)…",
    "Write plans, targets and figures to a spreadsheet file": (
        "将规划、指标和数据导出为电子表格文件"
    ),
    "&Backups…": "备份(&B)…",
    "See this workbook's backups and restore one": "查看本工作簿的备份并恢复其中之一",
    "C&lose": "关闭(&L)",
    "Close this workbook (every change is already saved)": "关闭本工作簿（所有更改均已保存）",
    "&Quit": "退出(&Q)",
    "Quit ljtracker (every change is already saved)": "退出 ljtracker（所有更改均已保存）",
    "1 figure is a hundred times or a hundredth of the figure it is compared with, or more: is "
    "the table in another unit (万元 for 亿元, 人 for 万人)?": (
        "有 1 个数值与所对照的数据相差百倍以上：表格是否采用了其他单位（如万元而非亿元、人而非万人）？"
    ),
    "{count} figures are a hundred times or a hundredth of the figure each is compared with, or "
    "more: is the table in another unit (万元 for 亿元, 人 for 万人)?": (
        "有 {count} 个数值与所对照的数据相差百倍以上：表格是否采用了其他单位（如万元而非亿元、"
        "人而非万人）？"
    ),
    "Some values would go back to what they were before a later change: is the file an older "
    "copy?": "有些数值会被改回之后某次更改之前的值：该文件是否为较早的副本？",
    "The notes under the list say which. Import them anyway?": (
        "列表下方的说明列出了具体数值。仍要导入吗？"
    ),
    "Check the Figures": "请核对数据",
    "“{name}”": "“{name}”",
    "&Undo": "撤销(&U)",
    "Undo the last change": "撤销上一次更改",
    "&Redo": "重做(&R)",
    "Redo the change you undid": "重做已撤销的更改",
    "&Copy": "复制(&C)",
    "Copy the selected cells as tab-separated text": "将所选单元格复制为制表符分隔的文本",
    "&Paste": "粘贴(&P)",
    "Paste a block of cells copied from a spreadsheet into the table (one change)": (
        "将从电子表格复制的单元格区域粘贴到表格中（作为一次更改）"
    ),
    "Edit F&igure…": "编辑数据(&I)…",
    "Edit the current year's figure whole: value, quality, source and note, as one"
    " change (a statistics revision)": (
        "整体编辑当前年份的数据：数值、数据质量、来源和备注，作为一次更改（用于统计修订）"
    ),
    "&Find Target…": "查找指标(&F)…",
    "Find a target by its code or name": "按代码或名称查找指标",
    "New P&lan…": "新建规划(&L)…",
    "Ne&xt Plan After This One…": "新建后续规划(&X)…",
    (
        "Add the plan that follows the selected one, with its areas and indicators,"
        " measured from its figures of the year before the new period"
    ): "添加所选规划的后续规划，沿用其领域和指标，并以新规划期前一年的数据为基期",
    "Add a plan to this workbook": "在本工作簿中添加规划",
    "New &Area…": "新建领域(&A)…",
    "Add an area to the selected plan": "在所选规划中添加领域",
    "New &Target…": "新建指标(&T)…",
    "Add a target to the selected plan or area": "在所选规划或领域中添加指标",
    "&Edit Selected…": "编辑所选项(&E)…",
    "Edit the selected plan, area or target": "编辑所选的规划、领域或指标",
    "&Delete Selected…": "删除所选项(&D)…",
    "Delete the selected plan, area or target (asks first)": (
        "删除所选的规划、领域或指标（会先确认）"
    ),
    "&Move Up": "上移(&M)",
    "Move the selected target or area up": "将所选指标或领域上移",
    "Move Do&wn": "下移(&W)",
    "Move the selected target or area down": "将所选指标或领域下移",
    "Prefere&nces…": "首选项(&N)…",
    "Language, progress method and thresholds, number format": "语言、进展评估方法及阈值、数字格式",
    "&Dashboard": "总览(&D)",
    "Show the plan dashboard: every target's status at a glance": (
        "显示规划总览：一眼看清每个指标的状态"
    ),
    "&Year Entry": "年度录入(&Y)",
    "Enter one year's figures for every target of the plan": "录入规划中每个指标某一年的数据",
    "&Navigator": "导航栏(&N)",
    "Show or hide the list of plans, areas and targets": "显示或隐藏规划、领域和指标列表",
    "How &Progress Is Judged": "进展如何评估(&P)",
    "The method and thresholds this workbook uses": "本工作簿使用的评估方法和阈值",
    "&About ljtracker": "关于 ljtracker(&A)",
    "Version and licence": "版本和许可证",
    "Not available in this installation": "当前安装中不可用",
    # --- application and main window
    "Unexpected error": "意外错误",
    "Something went wrong; your saved work is safe.\n\n{error}": (
        "出现了问题；已保存的工作不受影响。\n\n{error}"
    ),
    "&File": "文件(&F)",
    "&Edit": "编辑(&E)",
    "&View": "视图(&V)",
    "&Help": "帮助(&H)",
    "Open &Recent": "最近打开(&R)",
    "Toolbar": "工具栏",
    "Navigator": "导航栏",
    "&As of:": "截至(&A)：",
    "Judge progress with the figures up to this year only": "仅用截至该年的数据评估进展",
    "This workbook has no plans yet. Add one with Edit ▸ New Plan…": (
        "本工作簿还没有规划。请用“编辑 ▸ 新建规划…”添加。"
    ),
    "This view is not available in this installation.": "当前安装中没有此视图。",
    "Open a workbook to see its plans, areas and targets here.": (
        "打开工作簿后，这里会列出其规划、领域和指标。"
    ),
    "All years": "全部年份",
    "No workbook is open": "没有打开的工作簿",
    "1 plan": "1 个规划",
    "{n} plans": "{n} 个规划",
    "All changes saved": "所有更改均已保存",
    "Opened read-only: nothing can be changed": "以只读方式打开：不能修改",
    "{name} (read-only)": "{name}（只读）",
    "Last change NOT saved": "上一次更改未保存",
    "The change was not saved": "更改未保存",
    "The file was not written": "文件未写入",
    "The change was refused": "更改被拒绝",
    "No recent workbooks": "没有最近打开的工作簿",
    "How progress is judged": "进展如何评估",
    "About ljtracker": "关于 ljtracker",
    "ljtracker {version}\n\nTracks a development plan's targets year by year: the figures "
    "with their sources, which targets are on track and why, and the progress report."
    "\n\nMIT licence.": (
        "ljtracker {version}\n\n逐年跟踪发展规划的指标：每年的数据及其来源、"
        "哪些指标进展顺利及其原因，以及进展报告。\n\nMIT 许可证。"
    ),
    # --- files and start page
    "ljtracker workbooks (*.ljt)": "ljtracker 工作簿 (*.ljt)",
    "Cannot open the workbook": "无法打开工作簿",
    "The workbook was not opened:\n{reason}": "工作簿未打开：\n{reason}",
    "Open Workbook": "打开工作簿",
    "Cannot create the workbook": "无法创建工作簿",
    "New Workbook": "新建工作簿",
    "Save a Copy As": "另存副本",
    "Nothing was pasted: it changes no figure.": "未粘贴任何内容：没有改变任何数据。",
    "Sent {report} ({pages} pages) to {printer}": "已将{report}（{pages} 页）发送到 {printer}",
    "the progress report": "规划目标进展报告",
    "the mid-term evaluation": "规划实施中期评估报告",
    "the final evaluation": "规划实施终期评估报告",
    "; the printer is paused, so the job waits in its queue": "；打印机已暂停，任务在队列中等待",
    "{name} already exists. Do you want to replace it?": "{name} 已存在。要替换它吗？",
    "Wrote {report} ({pages} pages) to {path}": "已将{report}（{pages} 页）写入 {path}",
    "Workbook cannot be changed here": "无法在此修改工作簿",
    "{path} no longer exists, but this window still holds all it held, newer than any backup:"
    " File ▸ Save a Copy As… keeps it, its history too.": (
        "{path} 已不存在，但本窗口仍保有其全部内容，比任何备份都新：可用“文件 ▸ 另存副本…”"
        "保存，修改记录也在其中。"
    ),
    "File ▸ Save a Copy As… still keeps everything the workbook held, its history too.": (
        "“文件 ▸ 另存副本…”仍可保存工作簿中的全部内容，修改记录也在其中。"
    ),
    "The workbook could not be opened again": "无法重新打开工作簿",
    "Another program wrote into {name} while it was open here, so the change was not saved: it"
    " would have written over what that program wrote.\n\nThe workbook is opened again to show"
    " what it holds now.": (
        "在此打开 {name} 期间，另一程序写入了该文件，因此本次更改未保存：否则会覆盖该程序写入的"
        "内容。\n\n将重新打开工作簿，以显示其现有内容。"
    ),
    "The file no longer holds {count} change made here before: {changes}. Make it again if"
    " it is still wanted.": (
        "该文件已不再包含此前在此所做的 {count} 项更改：{changes}。如仍需要，请重新进行这些更改。"
    ),
    "The file no longer holds {count} changes made here before: {changes}. Make them again"
    " if they are still wanted.": (
        "该文件已不再包含此前在此所做的 {count} 项更改：{changes}。如仍需要，请重新进行这些更改。"
    ),
    "&Revert This Change": "撤回此次更改(&R)",
    "Take back the chosen change as a new change, which Undo takes back in turn": (
        "将所选更改作为一次新的更改撤回；“撤销”命令可再将其复原"
    ),
    "Not reverted": "未撤回",
    "“{name}” reaches beyond this target's figures.": "“{name}”不只涉及此指标的数据。",
    "Other targets it also changed: {targets}; their figures: {figures}.": (
        "它还更改了其他 {targets} 个指标（其中数据 {figures} 条）。"
    ),
    "Other targets whose definitions it also changed: {targets}.": (
        "它还更改了其他 {targets} 个指标的定义。"
    ),
    "It also changed plans or areas.": "它还更改了规划或领域。",
    "It created this target: reverting it deletes the target.": (
        "此指标由它创建：撤回将删除此指标。"
    ),
    "Reverting takes all of it back, as one step that Undo takes back. Revert it?": (
        "撤回会一并撤回其全部内容，可用“撤销”一步复原。是否撤回？"
    ),
    "Revert a change that reaches further?": "撤回一次影响更广的更改？",
    "Replace the file?": "替换该文件？",
    "{folder} holds backups of a workbook named {name}, no longer there: if that was this"
    " workbook's name before, its backups are there, each a workbook that File ▸ Open opens.": (
        "{folder} 中有名为 {name} 的工作簿的备份，该工作簿已不在此处；若那是本工作簿改名前的"
        "名称，其备份就在那里，每个备份都是可用“文件 ▸ 打开”打开的工作簿。"
    ),
    "{name} already exists. Replace it with the copy?": "{name} 已存在。要用副本替换它吗？",
    "The copy was not saved": "副本未保存",
    "The last workbook, {path}, no longer exists.": "上次打开的工作簿 {path} 已不存在。",
    "Workbook not found": "找不到工作簿",
    "{path} no longer exists.": "{path} 已不存在。",
    "Its newest good backup is from {time}. Restore it in the workbook's place and open it?"
    " Changes made after the backup are not in it.": (
        "其最新的完好备份来自 {time}。要将它恢复到该工作簿原来的位置并打开吗？"
        "备份之后所做的更改不在其中。"
    ),
    "The last workbook, {path}, no longer exists. It stays in the recent files, as its backups"
    " cannot be read now:": "上次打开的工作簿 {path} 已不存在。由于暂时无法读取其备份，它仍保留在最近打开的文件中：",
    "The last workbook, {path}, no longer exists. It has a backup: choose it in File ▸ Open"
    " Recent to restore it.": (
        "上次打开的工作簿 {path} 已不存在。它有备份：在“文件 ▸ 最近打开”中选择它即可恢复。"
    ),
    "{path} no longer exists, so it was removed from the recent files.": (
        "{path} 已不存在，已从最近打开的文件中移除。"
    ),
    "Workbook not reachable": "无法访问工作簿",
    "Progress report": "规划目标进展报告",
    "Mid-term evaluation": "中期评估报告",
    "Final evaluation": "终期评估报告",
    "What the cover calls the report": "报告封面上的名称",
    "&Kind of report:": "报告类型(&K)：",
    "As the table marks them (else official; this year's: estimate)": (
        "按表中标注（未标注则为正式；当年数据为估算）"
    ),
    "{path} cannot be reached: its folder is not there. If it is on a network share or a "
    "removable drive, connect it and try again; it stays in the recent files.": (
        "无法访问 {path}：所在文件夹不存在。如果它位于网络共享或移动硬盘上，请连接后重试；"
        "它仍保留在最近打开的文件中。"
    ),
    "The last workbook, {path}, cannot be reached: its folder is not there (a network share "
    "or removable drive may be away). It stays in the recent files.": (
        "无法访问上次打开的工作簿 {path}：所在文件夹不存在（网络共享或移动硬盘可能未连接）。"
        "它仍保留在最近打开的文件中。"
    ),
    "&New…": "新建(&N)…",
    "Open the &Demo Workbook": "打开示例工作簿(&D)",
    "Open your copy of the demo workbook: four real plans with sourced figures": (
        "打开您的示例工作簿副本：四个真实规划，每个数据均注明来源"
    ),
    "System language": "跟随系统",
    # --- preferences
    "Growth ratio (Open SDG, Statistics Canada)": "增长比值法（Open SDG，加拿大统计局）",
    "Projection to the target year (UN SDG)": "趋势预测法（联合国 SDG）",
    "Time-elapsed progress (序时进度)": "序时进度法",
    "On track when R is at least": "R 不低于此值时为进展顺利",
    "Needs acceleration when R is at least": "R 不低于此值时为需加快",
    "On track when r is at least": "r 不低于此值时为进展顺利",
    "Needs acceleration when r is at least": "r 不低于此值时为需加快",
    "Limited progress when r is at least": "r 不低于此值时为进展有限",
    "Called stagnation when r is below": "r 低于此值时称为停滞",
    "On track when S is at least": "S 不低于此值时为进展顺利",
    "Needs acceleration when S is at least": "S 不低于此值时为需加快",
    "On track from a yearly growth of": "年增速达到此值时为进展顺利",
    "Needs acceleration from a yearly growth of": "年增速达到此值时为需加快",
    "The thresholds for {name} must fall from “on track” to “needs acceleration” to zero.": (
        "{name} 的阈值必须从“进展顺利”到“需加快”再到零依次递减。"
    ),
    "Method in use: {method}. A target counts as achieved as soon as the latest figure meets "
    "it; a band target (“about”) is on track while inside its band.": (
        "当前方法：{method}。最新数据一旦达到目标即视为已实现；区间目标（“左右”）"
        "在区间内即为进展顺利。"
    ),
    "R is the yearly growth observed since the baseline divided by the yearly growth needed "
    "to reach the target. On track: R ≥ {a}. Needs acceleration: {b} ≤ R < {a}. Limited "
    "progress: 0 ≤ R < {b}. Deterioration: R < 0.": (
        "R 为基期以来的实际年均增速除以实现目标所需的年均增速。进展顺利：R ≥ {a}；"
        "需加快：{b} ≤ R < {a}；进展有限：0 ≤ R < {b}；出现倒退：R < 0。"
    ),
    "The observed growth is projected to the target year; r is the share of the planned "
    "change that projection reaches. On track: r ≥ {a}. Needs acceleration: {b} ≤ r < {a}. "
    "Limited progress: {c} ≤ r < {b} (stagnation below {d}). Deterioration: r < {c}.": (
        "按实际增速预测到目标年份；r 为预测值所达到的计划变化量的比例。进展顺利：r ≥ {a}；"
        "需加快：{b} ≤ r < {a}；进展有限：{c} ≤ r < {b}（低于 {d} 为停滞）；"
        "出现倒退：r < {c}。"
    ),
    "S is the change achieved so far divided by the change planned by now (序时进度). On "
    "track: S ≥ {a}. Needs acceleration: {b} ≤ S < {a}. Limited progress: 0 ≤ S < {b}. "
    "Deterioration: S < 0.": (
        "S 为迄今实际完成的变化量除以按计划此时应完成的变化量（序时进度）。进展顺利：S ≥ {a}；"
        "需加快：{b} ≤ S < {a}；进展有限：0 ≤ S < {b}；出现倒退：S < 0。"
    ),
    "Indicators without a target are judged by their yearly growth g in the desired "
    "direction: on track from {a}, needs acceleration from {b}, limited progress from 0, "
    "deterioration below 0.": (
        "没有目标值的监测指标按期望方向上的年增速 g 评估：达到 {a} 为进展顺利，"
        "达到 {b} 为需加快，不低于 0 为进展有限，低于 0 为出现倒退。"
    ),
    "Preferences": "首选项",
    "&Language:": "语言(&L)：",
    "&Decimal places shown:": "显示的小数位数(&D)：",
    "Open a workbook to change its progress method": "打开工作簿后才能更改其进展评估方法",
    "The workbook is open read-only: its method stays": "工作簿以只读方式打开：其评估方法不能更改",
    "Default Thresholds": "默认阈值",
    "Progress method (stored in this workbook)": "进展评估方法（保存在本工作簿中）",
    "&Method:": "方法(&M)：",
    "Indicators without a target:": "没有目标值的指标：",
    "For example: {value}": "例如：{value}",
    "As needed": "按需",
    # --- forms: plans, areas, targets
    "New area": "新建领域",
    "Rename area": "重命名领域",
    "Chinese name:": "中文名称：",
    "English name:": "英文名称：",
    "New plan": "新建规划",
    "New plan after {code}": "在 {code} 之后新建规划",
    (
        "The new plan takes the areas and the {total} indicators of {code}, as monitoring"
        " indicators; {found} of them have a figure of {year} to start from as their"
        " baseline (the others take their first figure in the new plan until one is"
        " set). Set each one's new target afterwards."
    ): "新规划沿用 {code} 的领域和 {total} 个指标，先作为监测指标；其中 {found} 个有{year}年数据"
    "可作为基期（其余指标在设定基期前以新规划中的第一个数据为基期）。之后请逐一设定各指标的新目标。",
    "e.g. LJ2025": "例如 LJ2025",
    "e.g. {code}": "例如 {code}",
    "YYYY-MM-DD, YYYY-MM or YYYY": "YYYY-MM-DD、YYYY-MM 或 YYYY",
    "Code:": "代码：",
    "Chinese title:": "中文标题：",
    "English title:": "英文标题：",
    "Issued by:": "发布机关：",
    "Issue date:": "发布日期：",
    "First year:": "起始年份：",
    "Last year:": "结束年份：",
    "Source link:": "来源链接：",
    "Notes:": "备注：",
    "New target": "新建指标",
    "This plan has no targets yet: New Target adds one.": "该规划尚无指标：可用“新建指标”添加。",
    "This area has no targets yet: New Target adds one.": "该领域尚无指标：可用“新建指标”添加。",
    "e.g. LJ-GDP": "例如 LJ-GDP",
    "e.g. 亿元, %, 万人": "例如 亿元、%、万人",
    "No area": "无领域",
    "Expected (预期性)": "预期性",
    "Binding (约束性)": "约束性",
    "At least": "不低于",
    "At most": "不高于",
    "About (a band)": "左右（区间）",
    "Increase": "提高",
    "Decrease": "降低",
    "None": "无",
    "Linear": "线性",
    "Compound (constant growth rate)": "复合增长（固定增速）",
    "With milestones, the planned path runs straight from one to the next": (
        "设有阶段目标时，计划路径在各阶段目标之间按直线连接"
    ),
    "Not stated": "未说明",
    "Has a target": "有目标值",
    "Monitoring only": "仅监测",
    "Plan: {title}": "规划：{title}",
    "Unit:": "单位：",
    "Area:": "领域：",
    "Kind:": "属性：",
    "Year:": "年份：",
    "Value:": "数值：",
    "Quality:": "数据质量：",
    "Source:": "来源：",
    "Department:": "责任部门：",
    "Comparator:": "比较方式：",
    "Tolerance (±):": "容差（±）：",
    "Target year:": "目标年份：",
    "Target value:": "目标值：",
    "Trajectory:": "计划路径：",
    "Milestones:": "阶段目标：",
    "Direction:": "期望方向：",
    "Natural limit:": "自然上限：",
    "A value the indicator cannot pass, such as 100 for a percentage (optional)": (
        "指标不可能超过的数值，例如百分比的 100（可选）"
    ),
    "The department responsible for the target": "负责该指标的部门",
    "An indicator without a target value, judged by its desired direction": (
        "没有目标值、按期望方向评估的指标"
    ),
    "Half the width of the band: about 15 ± 1": "区间宽度的一半：如 15 ± 1 左右",
    "Target": "目标",
    "Baseline": "基期",
    "Other": "其他",
    "Goal": "目标",
    "Year": "年份",
    "Value": "数值",
    "Add milestone": "添加阶段目标",
    "Remove": "移除",
    "Remove the selected milestones": "移除所选的阶段目标",
    "Row {row}: {problem}": "第 {row} 行：{problem}",
    # --- plan dialogs
    "Delete plan {code} with its {areas}, {targets} and {figures}?": (
        "删除规划 {code} 及其 {areas}、{targets}和 {figures}吗？"
    ),
    "Delete Plan": "删除规划",
    "Delete Area": "删除领域",
    "Delete target {code}? It has no yearly figures.": "删除指标 {code} 吗？它没有年度数据。",
    "Delete target {code} and its 1 yearly figure?": "删除指标 {code} 及其 1 条年度数据吗？",
    "Delete target {code} and its {n} yearly figures?": "删除指标 {code} 及其 {n} 条年度数据吗？",
    "Delete Target": "删除指标",
    "Not Found": "未找到",
    "The plan no longer exists.": "该规划已不存在。",
    "Delete plan {code}? It has no areas or targets.": "删除规划 {code} 吗？它没有领域或指标。",
    "The area no longer exists.": "该领域已不存在。",
    "Delete the area “{name}”? It has no targets.": "删除领域“{name}”吗？它没有指标。",
    "Delete the area “{name}”? Its target stays in the plan, without an area.": (
        "删除领域“{name}”吗？其指标仍保留在规划中，但不属于任何领域。"
    ),
    "Delete the area “{name}”? Its {n} targets stay in the plan, without an area.": (
        "删除领域“{name}”吗？其 {n} 个指标仍保留在规划中，但不属于任何领域。"
    ),
    "The target no longer exists.": "该指标已不存在。",
    "This target no longer exists.": "该指标已不存在。",
    "You can undo this with Edit ▸ Undo.": "可以用“编辑 ▸ 撤销”撤回此操作。",
    "1 area": "1 个领域",
    "{n} areas": "{n} 个领域",
    "1 target": "1 个指标",
    "{n} targets": "{n} 个指标",
    "1 yearly figure": "1 条年度数据",
    "{n} yearly figures": "{n} 条年度数据",
    # --- backups
    "Backups of {name}": "{name} 的备份",
    "Time": "时间",
    "Reason": "原因",
    "Size": "大小",
    "&Restore…": "恢复(&R)…",
    "Put the selected backup in place of the workbook's current contents": (
        "用所选备份替换工作簿的当前内容"
    ),
    "&Back Up Now": "立即备份(&B)",
    "Make a backup of the workbook as it is now": "按工作簿的当前状态做一次备份",
    "Show &Folder": "显示文件夹(&F)",
    "Open the folder that holds the backups": "打开存放备份的文件夹",
    "Each backup is a checked copy of the workbook, kept in {folder}. Restoring one first "
    "backs up the workbook as it is now, so a restore can be undone by restoring that backup.": (
        "每个备份都是经过检查的工作簿副本，保存在 {folder}。恢复前会先备份工作簿的当前状态，"
        "因此恢复后仍可通过恢复该备份来撤回。"
    ),
    "There are no backups yet.": "还没有备份。",
    "The workbook is open read-only, so nothing can be restored into it.": (
        "工作簿以只读方式打开，无法恢复备份。"
    ),
    "Restore the backup?": "恢复备份？",
    "Restore the backup from {time}?": "恢复 {time} 的备份吗？",
    "The workbook will hold the plans, targets and figures it held then, as one change: the "
    "history keeps everything, Undo takes the restore back, and the workbook as it is now is "
    "backed up first.": (
        "工作簿将恢复当时的规划、指标和数据，作为一次更改：修改历史完整保留，可用“撤销”撤回这次恢复，"
        "且会先备份工作簿的当前状态。"
    ),
    "&Restore": "恢复(&R)",
    "{year}": "{year}年",  # a year's row, as messages name it
    "{code} {year}": "{code} {year}年",
    "Changes made here are not in the file": "在此所做的更改不在文件中",
    "Another program wrote an older copy over {name} while it was open here: the file no longer"
    " holds {count} change made here: {changes}. Make it again if it is still wanted.": (
        "{name} 在此打开期间被另一程序用较早的副本覆盖：文件中已没有在此所做的 {count} 项更改："
        "{changes}。如仍需要，请重新操作。"
    ),
    "Another program wrote an older copy over {name} while it was open here: the file no longer"
    " holds {count} changes made here: {changes}. Make them again if they are still wanted.": (
        "{name} 在此打开期间被另一程序用较早的副本覆盖：文件中已没有在此所做的 {count} 项更改："
        "{changes}。如仍需要，请重新操作。"
    ),
    "The workbook's file is gone": "工作簿文件已不在原处",
    "{name} was deleted, moved or replaced by another program while it was open here. What"
    " this window holds, with every change made here, is in no file now, and goes when the"
    " workbook is closed.": (
        "{name} 在此打开期间被另一程序删除、移动或替换。本窗口中的内容（包括在此所做的全部更改）"
        "现已不在任何文件中，关闭工作簿后即会丢失。"
    ),
    "Save a copy of it to keep it.": "请另存副本以保留这些内容。",
    "{name} was deleted or moved by another program while it was open here. What this window"
    " holds is in no file now, and goes when the workbook is closed.": (
        "{name} 在此打开期间被另一程序删除或移动。本窗口中的内容现已不在任何文件中，关闭工作簿后"
        "即会丢失。"
    ),
    "&Save a Copy As…": "另存副本(&S)…",
    "Close &Without Saving": "不保存并关闭(&W)",
    "{name} was deleted, moved or replaced by another program while it was open here. Nothing"
    " more can be saved into it. What this window holds, with every change made here, is kept"
    " until the workbook is closed: File ▸ Save a Copy As… keeps it.": (
        "{name} 在此打开期间被另一程序删除、移动或替换，已无法再保存到该文件。本窗口中的内容"
        "（包括在此所做的全部更改）在关闭工作簿之前仍然保留：可用“文件 ▸ 另存副本…”保存。"
    ),
    "Changes since": "此后的更改",
    "Changes made after the backup was taken: those restoring it takes back": (
        "备份之后所做的更改：恢复该备份将撤回这些更改"
    ),
    "No change has been made since it was taken.": "该备份之后没有做过更改。",
    "Not known: the backup cannot be read (it may be damaged), or its history is not this"
    " workbook's": "无法得知：该备份无法读取（可能已损坏），或其修改记录不属于本工作簿",
    "It takes back the change made since:": "恢复将撤回此后所做的这次更改：",
    "It takes back the {n} changes made since, newest first:": (
        "恢复将撤回此后所做的 {n} 次更改（最新的在前）："
    ),
    "• and {n} earlier": "• 以及更早的 {n} 次",
    "The backup was not restored": "备份未恢复",
    "Nothing to restore": "无需恢复",
    "an area since deleted": "已删除的领域",
    "The workbook holds what this backup holds; nothing was changed.": (
        "工作簿的内容与此备份相同；未做任何更改。"
    ),
    "No backup was made": "未做备份",
    "Daily": "每日备份",
    "Before an import": "导入前",
    "Before a deletion": "删除前",
    "Before an upgrade of the file": "文件升级前",
    "Before a restore": "恢复前",
    "Made by hand": "手动备份",
    "{n} KB": "{n} KB",
    "{n} MB": "{n} MB",
    "Today {time}": "今天 {time}",
    "Yesterday {time}": "昨天 {time}",
    "Checked copies of the workbook, newest first. Restoring one is a change like any other: "
    "the history keeps every change before it, and Undo takes it back.": (
        "经过检查的工作簿副本，最新的在前。恢复备份与其他修改一样是一次更改：之前的修改历史全部保留，"
        "并可用“撤销”撤回。"
    ),
    "Kept in {folder}": "保存在 {folder}",
    # --- opening a workbook safely
    "{name} cannot be changed here:\n{reason}": "无法在此修改 {name}：\n{reason}",
    "{name} is open for changes in another program.": "{name} 已在另一个程序中打开并可修改。",
    "{name} is open for changes by {user} on {host} (process {pid}) since {since}.": (
        "{name} 自 {since} 起由 {user} 在 {host}（进程 {pid}）上打开并可修改。"
    ),
    "If that computer no longer has it open, delete the lock file {lock} and open the "
    "workbook again.": "如果那台计算机已不再打开它，请删除锁文件 {lock} 后重新打开工作簿。",
    "Workbook in use": "工作簿正在使用中",
    "You can open it read-only: you see every figure, but cannot change anything.": (
        "您可以以只读方式打开：能看到所有数据，但不能修改。"
    ),
    "Open &Read-Only": "以只读方式打开(&R)",
    "Damaged workbook": "工作簿已损坏",
    "{name} is damaged and was not opened; nothing was written to it.": (
        "{name} 已损坏，未打开；没有向其写入任何内容。"
    ),
    "There is no backup of it to restore.": "没有可用于恢复的备份。",
    "The backup was not restored:\n{reason}": "备份未恢复：\n{reason}",
    "The newest good backup is from {time}. Restore it? The damaged file is kept beside it "
    "under another name.": (
        "最新的完好备份来自 {time}。要恢复它吗？损坏的文件会以另一个名称保留在旁边。"
    ),
    "&Restore the Backup": "恢复备份(&R)",
    "{name} is on a network share ({kind}). Locking and saving over a network are not always "
    "reliable: work on a copy on this computer when you can.": (
        "{name} 位于网络共享（{kind}）上。通过网络加锁和保存并不总是可靠："
        "请尽量在本机的副本上工作。"
    ),
    "{name} is in a {service} folder. Sync services can copy the file while it is being "
    "changed, and make conflicted copies when two computers change it: close the workbook "
    "before another computer opens it.": (
        "{name} 位于 {service} 同步文件夹中。同步服务可能在文件修改过程中复制它，"
        "两台计算机同时修改时还会产生冲突副本：请在另一台计算机打开之前关闭本工作簿。"
    ),
    "Beside it are files that look like conflicted copies made by a sync service; figures "
    "entered in them are not in this workbook:\n{names}": (
        "旁边有一些看似同步服务产生的冲突副本的文件；其中录入的数据不在本工作簿中：\n{names}"
    ),
    "Where this workbook lives": "工作簿所在位置",
    # --- dashboard, navigator, charts
    "Plan period {0}–{1}": "规划期 {0}–{1}",
    "Status from the latest figures": "状态依据最新数据",
    "Status as of {0}": "截至{0}年的状态",
    "Method: {0}": "方法：{0}",
    "Area: {0}": "领域：{0}",
    "No plan selected": "未选择规划",
    "Choose a plan or an area in the navigator.": "请在导航栏中选择一个规划或领域。",
    "Targets of the plan": "规划的指标",
    "Targets per status and area": "各领域各状态的指标数",
    "When": "时间",
    "Who": "修改人",
    "What": "内容",
    "Old → new": "原值 → 新值",
    "Hide this message": "隐藏此消息",
    "Filter by code or name": "按代码或名称筛选",
    "Show only plans, areas and targets whose code or name (Chinese or English)": (
        "筛选规划、领域和指标：代码或名称（中文或英文）"
    ),
    "contains this text": "包含此文本者才显示",
    "Filter": "筛选",
    "Plans, areas and targets": "规划、领域和指标",
    "Planned": "计划值",
    "Value ({unit})": "数值（{unit}）",
    "{year} (baseline)": "{year}（基期）",
    "On the planned path from the baseline to the target": "从基期到目标的计划路径上的值",
    "Achievement {0}, time elapsed {1}": "完成度 {0}，时间进度 {1}",
    "Time elapsed": "时间进度",
    "Achievement": "完成度",
    "Progress along the planned path": "按计划路径的进度",
    "Above the dashed line: ahead of schedule (a target on a compound or milestone path is "
    "placed along its own path). {0} of {1} targets shown; the others have no target value, "
    "no figure after the baseline or a baseline that already met the target, or are about a "
    "value (a band), judged by whether the figure is inside the band.": (
        "虚线以上表示快于序时进度（按复合增长或阶段目标路径的指标按其自身路径定位）。"
        "显示 {1} 个指标中的 {0} 个；其余指标没有目标值、基期后没有数据或基期值已达到目标，"
        "或为“左右”（区间）目标，按数据是否落在区间内判断。"
    ),
    "1 target lies beyond the chart's edge and is drawn at it: point at it for its figures.": (
        "其中 1 个指标超出图表范围，画在边缘处；将鼠标指向该点可查看其数据。"
    ),
    "{0} targets lie beyond the chart's edge and are drawn at it: point at one for its"
    " figures.": "其中 {0} 个指标超出图表范围，画在边缘处；将鼠标指向其中一点可查看其数据。",
    "1 target's code has no room beside it: point at it for its code.": (
        "其中 1 个指标旁没有空间标注代码：将鼠标指向该点可查看。"
    ),
    "{0} targets' codes have no room beside them: point at one for its code.": (
        "其中 {0} 个指标旁没有空间标注代码：将鼠标指向各点可查看。"
    ),
    "Placed at {0} along its planned path (schedule index {1})": (
        "按计划路径定位于{0}（序时进度指数{1}）"
    ),
    "Source: {source}": "来源：{source}",
    "Actual figures": "实际数据",
    "No figures between": "其间无数据",
    "No baseline, target or figure to chart yet": "尚无基期值、目标值或年度数值可绘制",
    "Baseline {year}": "{year}年基期",
    "Baseline {year} (first figure)": "{year}年基期（首个数据）",
    "Planned path": "计划路径",
    "Planned for {year}": "{year}年计划值",
    "Milestones": "阶段目标",
    "Milestone {year}": "{year}年阶段目标",
    "Target: {goal}": "目标：{goal}",
    "Target {year}": "{year}年目标",
    "Projection: {value} in {year}": "预测：{year}年{value}",
    "Projection for {year}": "{year}年预测值",
    "After {year}: not counted": "{year}年以后：不计入",
    "{year} (after the as-of year, not counted)": "{year}（晚于截至年份，不计入）",
    "Official": "正式",
    "Preliminary": "初步",
    "Estimate": "估算",
    '"{text}" is not a quality; use one of: {accepted}.': (
        "“{text}”不是数据质量；请使用以下之一：{accepted}。"
    ),
    "early warning (binding target)": "预警（约束性指标）",
    # --- target page and year entry
    "Yearly figures": "年度数据",
    "Revision history": "修改记录",
    "Figures up to {year}": "截至{year}年的数据",
    "responsible: {who}": "责任部门：{who}",
    "{rate} a year": "年均增长 {rate}",
    "unchanged": "保持不变",
    "a fall of {rate} a year": "年均下降 {rate}",
    "since {year}": "自{year}年以来",
    "of the way from baseline to target": "从基期到目标已完成的比例",
    "of the time from baseline to target year, at the {year} figure": (
        "按{year}年数据，从基期到目标年份已过去的时间比例"
    ),
    "Growth observed": "实际增速",
    "Needed from the baseline": "自基期所需",
    "from the baseline to the target": "从基期到目标",
    "Needed from now": "今后所需",
    "or {change}": "即{change}",
    "to reach its band by {year}": "到{year}年进入目标区间所需",
    "to reach the target by {year}": "到{year}年实现目标所需",
    "Projection": "预测",
    "in {year}, at the pace so far": "按目前速度，{year}年",
    "Latest figure": "最新数据",
    "Code": "代码",
    "Name": "名称",
    "Unit": "单位",
    "{year} (for reference)": "{year}（参考）",
    "(baseline)": "（基期）",
    "The year whose figures are entered": "要录入数据的年份",
    "&Year:": "年份(&Y)：",
    "This plan no longer exists.": "该规划已不存在。",
    "Figures for {year}: {plan}": "{year}年数据：{plan}",
    "{year} is after the as-of year {as_of}: its figures are kept but not counted.": (
        "{year}年晚于截至年份 {as_of}：其数据会保留，但不计入评估。"
    ),
    "{year} has not come yet (this is {this_year}): a figure of a year to come is a forecast,"
    " not an actual figure, and is not taken.": (
        "{year}年尚未到来（今年是{this_year}年）：未来年份的数值是预测，不是实际数据，不予录入。"
    ),
    "{year} is outside the plan period {start}–{end}.": "{year}年不在规划期 {start}–{end} 内。",
    "Type over a cell or paste a block from a spreadsheet; Delete removes a figure.": (
        "直接在单元格中输入或粘贴电子表格中的区域；按 Delete 删除数据。"
    ),
    # --- clipboard and figure tables
    "Start the paste in one of the columns {columns}.": "请从以下列之一开始粘贴：{columns}。",
    "The block is {width} columns wide; from {column} there is room for {room}.": (
        "该区域宽 {width} 列；从“{column}”开始只能容纳 {room} 列。"
    ),
    "The block has {height} rows; from {row} there is room for {room}.": (
        "该区域有 {height} 行；从 {row} 开始只能容纳 {room} 行。"
    ),
    "Row {row} ({name}): ": "第 {row} 行（{name}）：",
    "Row {row}, column {column} ({name}): ": "第 {row} 行第 {column} 列（{name}）：",
    ", ": "、",
    "{row}, {field}": "{row}，{field}",
    "{cell}: {problem}": "{cell}：{problem}",
    "… and {count} more.": "……另有 {count} 处。",
    "Nothing was pasted:": "未粘贴任何内容：",
    "A value cannot be taken": "有数值无法录入",
    "Correct it, or press Esc in its cell to drop it.": "请更正，或在该单元格中按 Esc 放弃输入。",
    "The unit changes from {0} to {1}, but the numbers stay: the baseline and every yearly figure"
    " entered ({2}) will read in {1}. If the amounts changed, not only the unit's name, convert"
    " them too.": "单位由{0}改为{1}，但数值保持不变：基期值和已录入的{2}个年度数值将按{1}理解。"
    "如数量本身改变而不只是单位名称，请一并换算。",
    "The unit changes from {0} to {1}, but the numbers stay: the baseline, the target and every"
    " yearly figure entered ({2}) will read in {1}. If the amounts changed, not only the unit's"
    " name, convert them too.": "单位由{0}改为{1}，但数值保持不变：基期值、目标值和已录入的{2}个"
    "年度数值将按{1}理解。如数量本身改变而不只是单位名称，请一并换算。",
    "Some of the plan's targets are set for years outside {0}–{1} ({2}): check that the"
    " period is meant.": "本规划有指标的目标年份在{0}—{1}年之外（{2}年）：请确认规划期无误。",
    "The target year {0} is after the plan's period, {1}: check that it is meant.": (
        "目标年份{0}年在规划期（{1}年）之后，请确认无误。"
    ),
    "The target year {0} is before the plan's period, {1}: check that it is meant.": (
        "目标年份{0}年在规划期（{1}年）之前，请确认无误。"
    ),
    "Quality": "数据质量",
    "Source": "来源",
    "Note": "备注",
    "{year} is the baseline year; change the baseline in the target.": (
        "{year}年是基期年份；请在指标设置中修改基期。"
    ),
    " To remove the figure, select the cell and press Delete.": (
        "要删除该数据，请选中单元格并按 Delete。"
    ),
    'The baseline, {0}, is already above {1}: "at least" makes this a target met from the'
    ' start, to hold. If the plan means a fall to {1}, choose "at most".': (
        "基期值 {0} 已高于 {1}：选“不低于”，该指标从一开始即已达到，只需保持。"
        "如规划要求降至 {1}，请选“不高于”。"
    ),
    'The baseline, {0}, is already below {1}: "at most" makes this a target met from the'
    ' start, to hold. If the plan means a rise to {1}, choose "at least".': (
        "基期值 {0} 已低于 {1}：选“不高于”，该指标从一开始即已达到，只需保持。"
        "如规划要求升至 {1}，请选“不低于”。"
    ),
    "The {2} milestone, {3}, is below the baseline {0}, though the target rises to {1}:"
    " check it.": "{2}年阶段目标 {3} 低于基期值 {0}，而目标是升至 {1}：请核对。",
    "The {2} milestone, {3}, is above the baseline {0}, though the target falls to {1}:"
    " check it.": "{2}年阶段目标 {3} 高于基期值 {0}，而目标是降至 {1}：请核对。",
    '"{text}" is an approximate amount; enter the number alone: a target of about a value'
    ' takes the comparator "About (a band)".': (
        "“{text}”是约数；请只填数字：目标为某值左右时，比较方式请选“左右（区间）”。"
    ),
    "Discard What Was Typed?": "放弃已填写的内容？",
    "Close the form without saving what was typed in it?": "关闭表单而不保存其中已填写的内容？",
    "The workbook is open read-only: nothing typed here is kept.": (
        "工作簿以只读方式打开：在此输入的内容不会保存。"
    ),
    "The workbook is open read-only: nothing was pasted.": "工作簿以只读方式打开：未粘贴任何内容。",
    "the baseline so far": "暂作基期",
    "Edit the {year} Figure": "编辑{year}年数据",
    "Enter the {year} Figure": "录入{year}年数据",
    "{code} {name}, {year}": "{code} {name}，{year}年",
    "&Value{unit}:": "数值{unit}(&V)：",
    "&Quality:": "数据质量(&Q)：",
    "&Source:": "来源(&S)：",
    "&Note:": "备注(&N)：",
    "Now: {value} ({quality}), from {source}.": "现为：{value}（{quality}），来源：{source}。",
    "Now: {value} ({quality}).": "现为：{value}（{quality}）。",
    "Edit Figure…": "编辑数据…",
    "Copy": "复制",
    "Paste": "粘贴",
    "Choose a year in a target's yearly figures or in the year entry first.": (
        "请先在指标的年度数据表或按年录入表中选择一个年份。"
    ),
    "There is no {year} figure yet; enter the value first.": (
        "还没有{year}年的数据；请先输入数值。"
    ),
    "Reference, not editable here": "仅供参考，此处不可编辑",
    "The baseline, part of the target's definition; change it in the target.": (
        "基期属于指标定义的一部分；请在指标设置中修改。"
    ),
    "Enter the value first.": "请先输入数值。",
    "After the as-of year {year}: not counted in the status.": (
        "晚于截至年份 {year}：不计入状态评估。"
    ),
    "This column cannot be changed.": "此列不可修改。",
    # --- dashboard table
    "Latest": "最新值",
    "Status": "状态",
    "Needed\nfrom now": "今后\n所需增速",
    "Baseline value (year)": "基期值（年份）",
    "Latest figure up to the as-of year (year, quality); in brown italics when it is two or "
    "more years before the as-of year (a figure of the target year does not age)": (
        "截至年份前的最新数据（年份、数据质量）；早于截至年份两年及以上时以棕色斜体显示"
        "（目标年份的数据不算过旧）"
    ),
    "An old figure: from {0}, {1} years before the as-of year": "数据较旧：为{0}年数据，"
    "早于截至年份{1}年",
    "Share of the planned change achieved: 0 at the baseline, 1 at the target": (
        "计划变化量的完成比例：基期为 0，达到目标为 1"
    ),
    "Growth needed per year, from the latest figure, to reach the target": (
        "从最新数据出发，实现目标每年所需的增速"
    ),
    "{0} a year, or {1}": "年均 {0}，即{1}",
    "All": "全部指标",
    "Area": "领域",
    "Total": "合计",
    "{0} targets": "{0} 个指标",
    "Status: {0}": "状态：{0}",
    # --- spreadsheet export and import
    "Export Spreadsheet": "导出电子表格",
    "All plans": "全部规划",
    "Excel workbook (.xlsx): summary, targets, figures by year": (
        "Excel 工作簿（.xlsx）：汇总、指标、逐年数据"
    ),
    "CSV (.csv): figures, one per line": "CSV（.csv）：数据，每行一条",
    "CSV (.csv): targets": "CSV（.csv）：指标",
    "&Browse…": "浏览(&B)…",
    "Progress as of {year}.": "截至{year}年的进展。",
    "Progress judged on the latest figures.": "按最新数据评估进展。",
    "&Plans:": "规划(&P)：",
    "&Format:": "格式(&F)：",
    "F&ile:": "文件(&I)：",
    "&Export": "导出(&E)",
    "Spreadsheet (*{suffix})": "电子表格 (*{suffix})",
    "Choose a file to write.": "请选择要写入的文件。",
    "Exported {plans} plan to {path}": "已将 {plans} 个规划导出到 {path}",
    "Exported {plans} plans to {path}": "已将 {plans} 个规划导出到 {path}",
    "Choose a File": "选择文件",
    "An XLSX, XLS, ODS or CSV file: the app's template, a table with one row per indicator "
    "and one column per year, one with indicator, year and value columns, or a bulletin's "
    "table of one year named in its title.": (
        "XLSX、XLS、ODS 或 CSV 文件：本软件的模板，每行一个指标、每列一个年份的表格，"
        "含指标、年份和数值列的表格，或在标题中注明年份的统计公报单年表格。"
    ),
    "Path of the spreadsheet file": "电子表格文件的路径",
    "Import Spreadsheet": "导入电子表格",
    "Spreadsheets ({patterns})": "电子表格 ({patterns})",
    "Sheet and Mapping": "工作表与对应关系",
    "Row": "行",
    "In the sheet": "表中内容",
    "&Sheet:": "工作表(&S)：",
    "&Plan:": "规划(&P)：",
    "S&ource of the figures:": "数据来源(&O)：",
    "&Quality of the figures:": "数据质量(&Q)：",
    "Automatic": "自动",
    "template: plans": "模板：规划",
    "template: areas": "模板：领域",
    "template: targets": "模板：指标",
    "template: figures": "模板：数据",
    "one column per year": "每年一列",
    "indicator, year and value columns": "指标、年份和数值列",
    "indicator and value columns of one year": "指标和数值列（单年）",
    "not given": "未填写",
    "The year every figure of this table is of: read from its title where that names one, to"
    " be checked and changed if the title says otherwise; given here where it names none": (
        "此表全部数据所属的年份：标题写有年份时读自标题，请核对，标题另有所指时请修改；"
        "标题未写年份时在此填写"
    ),
    "A table of indicator and value columns whose title names no year is read once its year"
    " is given above.": "标题未写年份的指标、数值两列表格，在上方填写其年份后即可读取。",
    "&Year of the figures:": "数据所属年份(&Y)：",
    "The figures' year is read from the table's title ({title}): check it in the box above.": (
        "数据所属年份读自表格标题（{title}）：请在上方的框中核对。"
    ),
    "no table found": "未找到表格",
    "Sheet {names}: each row goes to the target chosen on the right; change any row, or leave "
    "it out.": "工作表 {names}：每一行导入右侧所选的指标；可修改任一行，或将其排除。",
    "Sheets {names}: the app's template; each row goes to the plan, area or target that its "
    "columns name.": "工作表 {names}：本软件的模板；每一行导入其各列所指的规划、领域或指标。",
    "Sheet {names}: the app's template; each row goes to the plan, area or target that its "
    "columns name.": "工作表 {names}：本软件的模板；每一行导入其各列所指的规划、领域或指标。",
    "(not imported)": "（不导入）",
    "Figures": "数据",
    "Target of {row}": "“{row}”对应的指标",
    "Preview": "预览",
    "&Import": "导入(&I)",
    "Cell": "单元格",
    "Text": "文本",
    "Problem": "问题",
    "Change": "修改",
    "Action": "变动",
    "Before": "导入前",
    "After": "导入后",
    "{added} to add, {changed} to change, {unchanged} unchanged.": (
        "新增 {added} 项，修改 {changed} 项，{unchanged} 项不变。"
    ),
    "{count} cell cannot be read: nothing will be imported until it is fixed in the file.": (
        "有 {count} 个单元格无法读取：在文件中修正之前，不会导入任何内容。"
    ),
    "{count} cells cannot be read: nothing will be imported until they are fixed in the file.": (
        "有 {count} 个单元格无法读取：在文件中修正之前，不会导入任何内容。"
    ),
    "{count} cell cannot be read: nothing will be imported until it is fixed in the file or its"
    " row is left out in the mapping.": (
        "有 {count} 个单元格无法读取：在文件中修正或在对应关系中排除该行之前，不会导入任何内容。"
    ),
    "{count} cells cannot be read: nothing will be imported until they are fixed in the file or"
    " their rows are left out in the mapping.": (
        "有 {count} 个单元格无法读取：在文件中修正或在对应关系中排除这些行之前，不会导入任何内容。"
    ),
    "Nothing to import: the workbook already holds what the template's sheets give. The"
    " figures edited in {sheets} are not imported with them: to keep those, go back and choose"
    " that sheet.": (
        "无需导入：模板各工作表的内容工作簿中都已有。在 {sheets} 中修改的数据不随之导入：如要"
        "采用，请返回上一步并选择该工作表。"
    ),
    "Nothing to import: the workbook already holds all of it.": (
        "无需导入：工作簿中已包含全部内容。"
    ),
    "Nothing to import: no row of the table goes to a target; choose the targets on the "
    "previous page.": "没有可导入的内容：表中没有哪一行对应到指标；请在上一页选择对应的指标。",
    "Nothing to import: the file holds no figure or target to import.": (
        "没有可导入的内容：文件中没有可导入的数值或指标。"
    ),
    "Add": "新增",
    "Unchanged": "不变",
    "Imported": "已导入",
    "Imported as one change: {added} added, {changed} changed, {unchanged} left as they were. "
    "Edit ▸ Undo takes the whole import back in one step.": (
        "已作为一次更改导入：新增 {added} 项，修改 {changed} 项，{unchanged} 项保持不变。"
        "用“编辑 ▸ 撤销”可一步撤回整个导入。"
    ),
    # --- report
    "Progress Report": "进展报告",
    "Only figures up to this year count": "只计入截至该年的数据",
    "Workbook setting ({method})": "工作簿设置（{method}）",
    "Letter": "Letter（美国信纸）",
    "Portrait": "纵向",
    "Landscape": "横向",
    "Progress &as of:": "进展截至(&A)：",
    "&Language of the report:": "报告语言(&L)：",
    "Progress &method:": "评估方法(&M)：",
    "Pape&r:": "纸张(&R)：",
    "{code} also holds figures after {year} ({figures}): they stay with it and do not count in "
    "the new plan.": "{code} 还有 {year} 年之后的数据（{figures}），仍留在该规划中，不计入新规划。",
    "Orientation:": "方向：",
    "Sections": "章节",
    "Targets: only those in the checked areas and statuses": "指标：仅包括所勾选领域和状态的指标",
    "Without an area": "不属于任何领域",
    "Cover": "封面",
    "Summary": "摘要",
    "Table of all targets": "全部指标一览表",
    "One section per target": "每个指标一节",
    "Data sources": "数据来源",
    "Preview…": "预览…",
    "Print…": "打印…",
    "Save as PDF…": "保存为 PDF…",
    "Print the Progress Report": "打印进展报告",
    "Save the Progress Report as PDF": "将进展报告保存为 PDF",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "The report could not be made": "无法生成报告",
    "The report could not be saved": "无法保存报告",
    "The report could not be printed": "无法打印报告",
    "Print Preview: {title}": "打印预览：{title}",
}

# Where one English text needs different Chinese in different places: (context, source).
BY_CONTEXT: dict[tuple[str, str], str] = {
    # the target form's group of code, names and unit, beside its group "Goal" (目标)
    ("TargetForm", "Target"): "指标",
    # the mapping page's column of targets (code — name) each row goes to
    ("MappingPage", "Target"): "指标",
}
