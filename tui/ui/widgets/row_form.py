"""The row editor: every field of the selected indicator row, in one form widget."""

from __future__ import annotations

from collections.abc import Callable

from tui.fields import ROW
from tui.model import Indicator
from tui.ui.actions import bindings
from tui.ui.text import paste_lines
from tui.ui.widgets.form import Form, Key, Line, fields_line

_SHORT = {f.key: f.short for f in ROW}

# Compact enough for 80×24: eight lines, the last one the row's message.
ROW_LINES = (
    fields_line(("一级", "level1"), ("二级", "level2")),
    fields_line((_SHORT["name"], "name")),
    fields_line((_SHORT["medium"], "medium")),
    fields_line((_SHORT["annual_name"], "annual_name")),
    fields_line((_SHORT["annual"], "annual")),
    fields_line(*((_SHORT[k], k) for k in ("unit", "weight", "nature", "basis"))),
    fields_line(*((_SHORT[k], k) for k in ("explanation", "remark"))),
    Line(message_for=tuple(f.key for f in ROW)),
)
QUICK_NEXT = {"name": "medium", "medium": "annual"}  # Enter: 三级 → 中期值 → 年度值 → next row
PLACEHOLDERS = {"annual_name": "同三级（same as 三级）", "nature": "定量/定性"}


class RowForm(Form):
    """The fields of one row, bound to it by its uid (not its position)."""

    KEY_SCOPES = ("row", "form")
    BINDINGS = bindings("row")

    def __init__(
        self,
        on_edit: Callable[[Key, str], None],
        on_rows: Callable[[str], bool],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(ROW_LINES, on_edit, label_width=9, id=id)
        self.on_rows = on_rows
        self.uid: int | None = None
        for key, text in PLACEHOLDERS.items():
            self.configure(key, placeholder=text)

    def show_row(self, row: Indicator | None) -> None:
        """Bind the form to ``row`` and show its values."""
        self.uid = None if row is None else row.uid
        self.disabled = row is None
        values = {}
        for spec in ROW:
            value = None if row is None else getattr(row, spec.key)
            values[spec.key] = "" if value is None else str(value)
        self.load(values)

    def set_suggestions(self, level1: list[str], level2: list[str], names: list[str]) -> None:
        """Completion lists for the 一级, 二级 and 三级 fields."""
        for key, options in (("level1", level1), ("level2", level2), ("name", names)):
            self.configure(key, placeholder=PLACEHOLDERS.get(key, ""), suggestions=options)
        self.configure("annual_name", placeholder=PLACEHOLDERS["annual_name"], suggestions=names)

    def apply_paste(self, text: str) -> None:
        """Cells copied from a spreadsheet (with tabs) are rows; lines that read as rows are
        rows; other text, line breaks included, goes in the field."""
        text = paste_lines(text)
        if not (("\t" in text or "\n" in text) and self.on_rows(text)):
            super().apply_paste(text)
