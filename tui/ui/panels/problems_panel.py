"""问题: the live list of problems; Enter jumps to the field concerned."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.escape import printable
from tui.model import Table
from tui.ui.text import SEVERITY_MARK

_KEY_ZH = {
    "name": "三级",
    "annual_name": "年度三级",
    "medium": "中期值",
    "annual": "年度值",
    "level1": "一级",
    "level2": "二级",
    "total": "资金总额",
    "fiscal": "财政拨款",
    "other": "其他资金",
    "medium_period": "中期目标期间",
    "period": "项目期",
}


def where(table: Table, ref: tuple) -> str:
    """A short Chinese name of the field a problem concerns."""
    if ref[0] == "indicators" and len(ref) > 1:
        row = ref[1] + 1
        return f"第{row}行 {_KEY_ZH.get(ref[2], ref[2]) if len(ref) > 2 else ''}".strip()
    if ref[0] == "funding" and len(ref) > 1:
        col = "中期" if ref[1] == "medium" else "年度"
        return col + (_KEY_ZH.get(ref[2], "") if len(ref) > 2 else "资金")
    return _KEY_ZH.get(ref[-1], str(ref[-1]))


class ProblemsList(OptionList):
    """One option per problem, in document order."""

    def show(self, table: Table, problems: list) -> None:
        """Replace the list, keeping the highlighted position when possible."""
        keep = self.highlighted
        self.clear_options()
        options = []
        for index, problem in enumerate(problems):
            mark, style = SEVERITY_MARK.get(problem.severity, ("·", ""))
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(f"{mark} {problem.code} ", style)
            text.append(where(table, problem.ref) + "  ", "bold")
            text.append(printable(problem.zh))
            options.append(Option(text, id=str(index)))
        if not options:
            options.append(Option(Text("没有问题（no problems）", "green"), disabled=True))
        self.add_options(options)
        if keep is not None and problems:
            self.highlighted = min(keep, len(problems) - 1)
