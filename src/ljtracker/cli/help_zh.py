"""The command line's help in Chinese: every description and option's help, by its English
text, and argparse's own headings."""

from __future__ import annotations

import argparse
import re
import unicodedata
from typing import Any

HELP_ZH: dict[str, str] = {
    "Track a development plan's targets year by year. Without a command, opens the window on"
    " PATH (or on the last workbook, or the demo workbook).": (
        "逐年跟踪发展规划的目标指标。不带命令时，打开 PATH 所指工作簿的窗口（未给出时为上次的"
        "工作簿，或示例工作簿）。"
    ),
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "write the demo workbook (four real plans) to PATH": "把示例工作簿（四个真实规划）写到 PATH",
    "write an empty workbook to PATH, as File ▸ New does": (
        "把空白工作簿写到 PATH，与“文件 ▸ 新建”相同"
    ),
    "take one yearly figure of a target out; one recorded change": (
        "删除某指标某一年的数据；记为一次更改"
    ),
    "check a workbook's integrity and consistency": "检查工作簿是否完好、数据是否一致",
    "set (or correct) one yearly figure of a target; one recorded change": (
        "设置（或更正）某指标某一年的数据；记为一次更改"
    ),
    "list a target's revisions, newest first": "列出某指标的修改记录，最新的在前",
    "the target deleted last under this code, where a target added since has it": (
        "列出最近一次被删除的同代码指标（该代码此后已用于新增的指标）"
    ),
    "show every target's progress and status": "显示每个指标的进度和状态",
    "list a workbook's backups, newest first: full path, time and size in bytes": (
        "列出工作簿的备份，最新的在前：完整路径、时间和大小（字节）"
    ),
    "restore a backup into the workbook (the current state is backed up first)": (
        "用备份恢复工作簿（先备份当前状态）"
    ),
    "list the workbook's recorded changes, newest first": "列出工作簿记录的更改，最新的在前",
    "undo a recorded change (as `changes` numbers it) as one new change; reverting a revert"
    " redoes": "以一次新的更改撤销某次已记录的更改（编号见 changes）；撤销一次撤销即为重做",
    "import figures (and targets) from an XLSX, XLS, ODS or CSV file; prints the preview, then"
    " writes all of it as one change, or nothing": (
        "从 XLSX、XLS、ODS 或 CSV 文件导入数据（及指标）；先显示预览，再作为一次更改全部写入，"
        "或全不写入"
    ),
    "export plans to XLSX (summary, template sheets, figures by year) or CSV (the template's"
    " long format)": "把规划导出为 XLSX（概况、模板各表、分年数据）或 CSV（模板的长表格式）",
    "write the empty import template (XLSX or CSV)": "写出空白的导入模板（XLSX 或 CSV）",
    "write a plan's progress report as PDF, or print it": "把规划的进度报告写成 PDF，或打印",
    "add the plan that follows another, with its areas and indicators and, as baselines, its"
    " figures of the year before the new period; one recorded change": (
        "添加接续某规划的新规划，带上其领域和指标，并以新规划期前一年的数据为基期值；记为一次更改"
    ),
    "the new workbook file; must not exist": "新的工作簿文件；不得已存在",
    "language of names, explanations and messages (default: from the system locale)": (
        "名称、说明和提示所用的语言（默认：按系统区域设置）"
    ),
    "the plan's code, e.g. LJ2025": "规划代码，例如 LJ2025",
    "the target's code, e.g. LJ-GDP": "指标代码，例如 LJ-GDP",
    "the figure, e.g. 4,000 or 15%%": "数值，例如 4,000 或 15%%",
    "how final the figure is; when not given, kept if the value is unchanged, else official (an"
    " estimate for the current year, not over yet)": (
        "数据质量；未给出时，数值不变则保持原质量，否则为正式（尚未结束的本年为估算）"
    ),
    'where the figure comes from ("" for none); when not given, kept if the value is'
    " unchanged, else none": '数据来源（"" 表示无）；未给出时，数值不变则保持原来源，否则为无',
    'a note on the figure ("" for none); when not given, kept if the value is unchanged, else'
    " none": '数据备注（"" 表示无）；未给出时，数值不变则保持原备注，否则为无',
    "only this plan (default: all plans)": "只看此规划（默认：全部规划）",
    "judge progress as of this year (default: all figures count, in the year it is)": (
        "按截至此年的数据评估进度（默认：计入全部数据，以当前年份评估）"
    ),
    "progress method (default: the workbook's setting, growth_ratio unless changed)": (
        "进度评估方法（默认：工作簿的设置，未更改时为增长比值法 growth_ratio）"
    ),
    "show the figures as they stood at WHEN: an ISO date (the end of that day) or date and time"
    " (the end of that minute), in local time, e.g. 2024-05-31 or 2024-05-31T17:30": (
        "显示截至 WHEN 时的数据：ISO 日期（当天结束时）或日期和时间（该分钟结束时），本地时间，"
        "例如 2024-05-31 或 2024-05-31T17:30"
    ),
    "a backup's path, or its file name as `backups` lists it": (
        "备份的路径，或 backups 命令列出的备份文件名"
    ),
    "restore BACKUP even though it is another workbook, not a backup of PATH": (
        "即使 BACKUP 是另一个工作簿而非 PATH 的备份，也用它恢复"
    ),
    "how many (default: 20)": "列出多少条（默认：20）",
    "the workbook": "工作簿",
    "the spreadsheet or CSV file": "电子表格或 CSV 文件",
    "the plan a wide, long or one-year table goes to (default: the plan whose targets its rows"
    " match);"
    " for the template, the plan of rows that name none": (
        "宽表、长表或单年表格数据所属的规划（默认：其各行所匹配指标的规划）；对导入模板，为未写规划的"
        "各行所属规划"
    ),
    "import only this sheet (default: the template's sheets, else the first table)": (
        "只导入此工作表（默认：模板的各工作表，否则为第一个表格）"
    ),
    "map a row of a wide, long or one-year table (its name, code or 'row N') to a target code,"
    " or to '-'"
    " to leave it out; repeatable": (
        "把宽表、长表或单年表格的一行（按名称、代码或“row N”）对应到某指标代码，"
        "或对应到“-”以不导入；可多次给出"
    ),
    "the source recorded with figures of wide, long and one-year tables (default: file name; a long"
    " table's source column comes first); given, it is also set on figures whose value the file"
    " repeats": (
        "宽表、长表和单年表格数据记录的来源（默认：文件名；长表有来源列时以其为准）；给出时，也用于文件中"
        "数值未变的数据"
    ),
    "the quality recorded with figures of wide, long and one-year tables, in years whose header"
    " has no"
    " mark of its own (2023年（初步）keeps preliminary) and rows whose quality column is blank,"
    " figures whose value the file repeats included (not given: official, an estimate for the"
    " current year, and a repeated figure keeps its own)": (
        "宽表、长表和单年表格数据记录的数据质量，用于表头没有自身标注的年份（2023年（初步）仍为初步）"
        "和质量列为空的行，包括文件中数值未变的数据（未给出时：正式，本年为估算，数值未变的数据"
        "保持原质量）"
    ),
    "the year of the figures of a table without a year column: needed to import one whose"
    " title names its year (the preview says which), or reads one whose title names none": (
        "没有年份列的表格中数据所属的年份：导入标题中写有年份的此类表格时必须给出（预览会显示"
        "是哪一年），标题未写年份的也可据此读取"
    ),
    "print the preview; write nothing": "只显示预览；不写入任何内容",
    "import even when the file would put values back to what they were before a later change"
    " (an older copy of the data does); refused without it": (
        "即使文件会把数值改回某次后来更改之前的值（旧的数据副本会如此）也导入；不加此项则拒绝"
    ),
    "import even when figures are a hundred times or a hundredth of the figure each is compared"
    " with, or more (a table in another unit; the preview's note names them); refused without"
    " it": (
        "即使有数值与所对照的数据相差百倍以上（多为表格单位不同；预览中的说明会列出）也导入；"
        "不加此项则拒绝"
    ),
    "OUT.xlsx or OUT.csv; written whole": "OUT.xlsx 或 OUT.csv；整份写出",
    "judge progress as of this year": "按截至此年的数据评估进度",
    "for CSV: the figures (default), the targets, the plans or their areas": (
        "CSV 的内容：数据（默认）、指标、规划或其领域"
    ),
    "replace the output file if it exists": "输出文件已存在时替换它",
    "OUT.xlsx (every sheet) or OUT.csv (one)": "OUT.xlsx（全部工作表）或 OUT.csv（一个表）",
    "for CSV: the figures table (default), the targets, plans or areas table": (
        "CSV 的内容：数据表（默认）、指标表、规划表或领域表"
    ),
    "Write a plan's progress report (cover, summary, table of all targets, one section per"
    " target, appendices on the method and the data sources) as a PDF file, or send it to a"
    " print queue.": (
        "把规划的进度报告（封面、摘要、全部指标一览表、每个指标一节、评估方法和数据来源附录）"
        "写成 PDF 文件，或送到打印队列。"
    ),
    "the PDF file to write": "要写出的 PDF 文件",
    "send the report to this print queue instead": "改为把报告送到此打印队列",
    "the plan (needed when the workbook holds several)": "规划（工作簿中有多个规划时必须给出）",
    "progress as of this year (default: the latest figure's, or a target year that is over, if"
    " later; for a final evaluation, no later than the plan's last year)": (
        "评估截至此年的进度（默认：最新数据的年份，或已过的目标年份，取较晚者；终期评估不晚于规划"
        "期的最后一年）"
    ),
    "progress method (default: the workbook's setting)": "进度评估方法（默认：工作簿的设置）",
    "what the cover calls the report: a progress report (default), a mid-term or a final"
    " evaluation": "封面上报告的名称：进度报告（默认）、中期评估或终期评估",
    "default: a4": "默认：a4",
    "landscape pages": "横向页面",
    "comma-separated sections to include (default: all):"
    " cover,summary,table,targets,method,sources": (
        "要包含的部分，以逗号分隔（默认：全部）：cover,summary,table,targets,method,sources"
    ),
    "only targets of the plan's N-th area, as the window's navigator lists them (1 is the"
    " first); repeatable": "只含规划第 N 个领域的指标，顺序同窗口导航栏（1 为第一个）；可多次给出",
    "only targets shown with this status, as the summary counts them (missed: the target's"
    " year came unmet, whatever its pace); repeatable": (
        "只含显示为此状态的指标，口径同摘要的统计（missed：到期未实现，无论其进度如何）；可多次给出"
    ),
    "the code of the plan it follows": "所接续规划的代码",
    "the new plan's code, e.g. LJ2030": "新规划的代码，例如 LJ2030",
    "its first year (default: the year after EARLIER's)": "起始年份（默认：EARLIER 结束后的一年）",
    "its last year (default: a period as long as EARLIER's)": (
        "结束年份（默认：规划期与 EARLIER 一样长）"
    ),
    "its Chinese title": "中文标题",
    "its English title": "英文标题",
}

_HEADINGS_ZH = {"positional arguments": "位置参数", "options": "选项"}


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's layout with its "usage:" in Chinese, and help wrapped by the columns its
    characters take (a Chinese character two), never before a closing bracket or a stop."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        line, used = "", 0
        for token in _TOKENS.findall(" ".join(text.split())):
            if token == " ":
                if line and used < width:
                    line, used = line + " ", used + 1
                continue
            size = _columns(token)
            if line and used + size > width and token not in _CLOSING:
                lines.append(line.rstrip())
                line, used = "", 0
            line, used = line + token, used + size
        return [*lines, line.rstrip()] if line.strip() else lines

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# a word of letters, digits and signs, a space, or one character of another script
_TOKENS = re.compile(r"[\x21-\x7e]+| |.")
_CLOSING = frozenset("）】」』，。；：、！？”’")


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def in_chinese(parser: argparse.ArgumentParser) -> None:
    """Give the parser, and its commands' parsers, their help in Chinese."""
    parser.formatter_class = ChineseHelpFormatter
    if parser.description:
        parser.description = HELP_ZH.get(parser.description, parser.description)
    for group in parser._action_groups:
        group.title = _HEADINGS_ZH.get(group.title or "", group.title)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = HELP_ZH.get(choice.help or "", choice.help)
            for command in set(action.choices.values()):
                in_chinese(command)
        elif action.help and action.help is not argparse.SUPPRESS:
            action.help = HELP_ZH.get(action.help, action.help)
