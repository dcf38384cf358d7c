"""监控 (F11): one month's 运行监控 per row, with its traffic light.

The month is chosen with ``[`` / ``]`` (or ``-`` / ``+``) on the list and shown
in the heading with the count of each light. Each row's line has its 三级,
年度指标值, light (红/黄/绿/蓝, from ``tui.scoring.monitor_table``) and 完成情况;
the form below has the month's fields (完成情况, 全年预计, 完成可能性 and
偏差原因类别 completed from their choices, 偏差原因, 纠偏措施) and the light's
explanation, live as you type.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text

from tui.checking import CheckResult
from tui.escape import printable
from tui.fields import MONITOR, MONTHS, FieldRef
from tui.scoring import LIGHT_ZH, Light, monitor_table, profile_for
from tui.ui.editor_api import Editor
from tui.ui.panels.evaluation_forms import target_text
from tui.ui.panels.stage_panel import StageForm, StagePanel, dim, mark
from tui.ui.widgets.form import Key, Line, fields_line
from tui.ui.widgets.stage_list import cell, column_widths

_FIELD = {f.key: f for f in MONITOR}
KEYS = tuple(_FIELD)
LINES = (
    Line(text_id="target"),
    fields_line(*((_FIELD[k].short, k) for k in ("progress", "forecast"))),
    fields_line(*((_FIELD[k].short, k) for k in ("likelihood", "cause"))),
    fields_line((_FIELD["reason"].short, "reason")),
    fields_line((_FIELD["action"].short, "action")),
    Line(text_id="light"),
    Line(message_for=KEYS),
)
LIGHT_STYLE = {
    "red": "bold red",
    "yellow": "bold yellow",
    "green": "bold green",
    "blue": "bold blue",
}
DEFAULT_MONTH = 6  # mid-year, when a table has no monitoring yet
# List columns (minimum, share): 三级, 年度指标值, 灯, 完成情况, 全年预计.
LIST_COLUMNS = ((6, 3), (6, 3), (4, 0), (4, 2), (4, 1))
COLUMN_TITLES = ("三级指标", "年度指标值", "灯", "完成情况", "全年预计")


def light_cell(light: Light) -> tuple[str, str]:
    """``●红`` in its colour, or a dim ``·`` for a row without a light."""
    if not light.color:
        return "·", "dim"
    return "●" + LIGHT_ZH[light.color][0], LIGHT_STYLE[light.color]


def light_text(light: Light, month: int) -> Text:
    """``●红灯`` and its explanation (without the colour it ends with), under the form."""
    if not light.color:
        return dim("· " + (printable(light.explanation) or f"{month}月未亮灯"))
    explanation = printable(light.explanation).removesuffix("，" + light.zh)
    return Text().append(f"●{light.zh} ", LIGHT_STYLE[light.color]).append(explanation)


def draw(label: tuple, width: int) -> Text:
    """One row of the 监控 list."""
    _kind, severity, name, annual, light, progress, forecast = label
    widths = column_widths(max(width - 2, 0), LIST_COLUMNS)
    cells = [(name or "（未命名）", ""), (annual, "dim"), light, (progress, ""), (forecast, "dim")]
    text = mark(severity)
    for place, ((value, style), size) in enumerate(zip(cells, widths, strict=True)):
        text.append((" " if place else "") + cell(value, size), style)
    return text


class MonitoringPanel(StagePanel):
    """The month's monitoring of every row, and the form of the one selected."""

    LIST_SCOPES = ("monitoring",)

    def __init__(self, editor: Editor, *, id: str | None = None) -> None:
        form = StageForm(LINES, self.form_edited, label_width=9, id="monitoring-form")
        super().__init__(editor, {"row": form}, id=id or "monitoring")
        months = [m for row in editor.session.table.indicators for m in row.monitoring]
        self.month = max(months, default=DEFAULT_MONTH)
        self.lights: list[Light] = []
        for key in ("likelihood", "cause"):
            choices = _FIELD[key].choices
            form.configure(key, placeholder="/".join(choices), suggestions=choices)

    def action_month(self, delta: int) -> None:
        """``[`` / ``]``: the previous or next month (1–12)."""
        month = self.month + delta
        if month not in MONTHS:
            self.editor.say(f"月份为 1–12（months run 1–12），当前 {self.month}月")
            return
        self.month = month
        self.reload()
        self.show_result(self.editor.result)

    def go_to(self, ref: FieldRef) -> None:
        """Show the row, month and field ``ref`` names, ready to edit (F8, undo)."""
        table = self.editor.session.table
        if not table.indicators:
            return
        if len(ref) == 5 and ref[3] in MONTHS and ref[3] != self.month:
            self.month = ref[3]
            self.reload()
        index = min(max(ref[1], 0), len(table.indicators) - 1)
        key = ref[4] if len(ref) == 5 and ref[4] in KEYS else "progress"
        self.select(("row", table.indicators[index].uid), key)
        self.show_result(self.editor.result)

    # -- entries and fields ------------------------------------------------
    def entries(self, result: CheckResult) -> list[tuple[Hashable, tuple]]:
        """One entry per row: its target, light and the month's progress."""
        table = self.editor.session.table
        self.lights = monitor_table(table, self.month, profile_for(table, self.editor.settings))
        marks = self.month_marks(result)
        return [
            (
                ("row", row.uid),
                (
                    "row",
                    marks.get(i),
                    row.effective_annual_name,
                    row.annual,
                    light_cell(self.lights[i]),
                    row.month(self.month).progress or "",
                    row.month(self.month).forecast or "",
                ),
            )
            for i, row in enumerate(table.indicators)
        ]

    def month_marks(self, result: CheckResult) -> dict[int, str]:
        """Per row, the worst S problem of this month's fields."""
        return self.row_marks(
            result, lambda ref: len(ref) == 5 and ref[2] == "monitoring" and ref[3] == self.month
        )

    def draw_entry(self, label: tuple, width: int) -> Text:
        """One line of the list."""
        return draw(label, width)

    def ref_of(self, key: Key) -> FieldRef | None:
        """The reference of a month's field for the row under the cursor."""
        index = self.row_index()
        return None if index is None else ("indicators", index, "monitoring", self.month, key)

    def values(self) -> dict[Key, str]:
        """The month's values of the row under the cursor."""
        index = self.row_index()
        if index is None:
            return dict.fromkeys(KEYS, "")
        month = self.editor.session.table.indicators[index].month(self.month)
        return {key: getattr(month, key) or "" for key in KEYS}

    def show_details(self, result: CheckResult) -> None:
        """The month with its lights, the column titles, the row's target and light."""
        counts = {color: sum(1 for li in self.lights if li.color == color) for color in LIGHT_ZH}
        title = Text(f"{self.month}月 运行监控", "bold")
        title.append("  [ / ] 换月  ", "dim")
        for color, zh in LIGHT_ZH.items():
            title.append(f"{zh} {counts[color]}  ", LIGHT_STYLE[color] if counts[color] else "dim")
        self.heading.show(title)
        width = self.row_list.list_width
        titles = Text("  ")
        for place, (name, size) in enumerate(
            zip(COLUMN_TITLES, column_widths(max(width - 2, 0), LIST_COLUMNS), strict=True)
        ):
            titles.append((" " if place else "") + cell(name, size), "dim")
        self.columns.show(titles)
        index = self.row_index()
        if index is None:
            self.form.set_text("target", dim("没有指标行（no indicator rows）"))
            return
        row = self.editor.session.table.indicators[index]
        self.form.set_text("target", target_text(index, row))
        self.form.set_text("light", light_text(self.lights[index], self.month))
