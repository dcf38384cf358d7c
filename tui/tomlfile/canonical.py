"""The canonical layout of a table file (what ``jixiao fmt``, ``new`` and ``import`` write).

See ``docs/format.md``. Key order is fixed, every header and goal key is
written (empty text when blank), funding amounts only when present (a blank
cell is an absent key), ``[funding.medium]``, ``[funding.annual]`` and
``[goals]`` always, one ``[[indicators]]`` block per row separated by one blank
line. A row's monitoring months follow it as ``[indicators.monitoring.M]``
tables in month order; the budget-execution block (``[execution]``, then
``[execution.SOURCE]`` per filled source) and ``[evaluation]`` come after the
last row, each only when it holds something. Comments that stood above a key or
header, and comments at the end of a key's line, are carried over when a
``Locator`` of the old text is given.
"""

from __future__ import annotations

from typing import Any

from tui.fields import COLUMNS, SECTIONS, SOURCES, TEXT, FieldRef
from tui.model import Evaluation, Execution, Indicator, Table
from tui.tomlfile.locate import Locator
from tui.tomlfile.tomltext import render_key, render_value


class _Writer:
    def __init__(self, locator: Locator | None) -> None:
        self.loc = locator
        self.out: list[str] = []

    def comments(self, ref: FieldRef) -> None:
        if self.loc and ref in self.loc.comments_before:
            self.out.extend(self.loc.comments_before[ref])

    def key(self, ref: FieldRef, key: str, value: Any) -> None:
        self.comments(ref)
        line = f"{render_key(key)} = {render_value(value)}"
        if self.loc and ref in self.loc.inline_comments:
            line += "  " + self.loc.inline_comments[ref]
        self.out.append(line)

    def header(self, ref: FieldRef, text: str) -> None:
        if self.out:
            self.out.append("")
        self.comments(ref)
        if self.loc and ref in self.loc.inline_comments:
            text += "  " + self.loc.inline_comments[ref]
        self.out.append(text)

    def fields(self, base: FieldRef, section: str, obj: Any) -> None:
        """The schema fields of ``section`` held by ``obj``: text always, others when set."""
        for spec in SECTIONS[section]:
            value = getattr(obj, spec.key)
            if spec.kind == TEXT or value is not None:
                self.key(base + (spec.key,), spec.key, value)

    def extras(self, base: FieldRef, extra: dict[str, Any]) -> None:
        for key, value in extra.items():
            self.key(base + (key,), key, value)


def _row_lines(writer: _Writer, index: int, row: Indicator) -> None:
    ref: FieldRef = ("indicators", index)
    writer.header(ref, "[[indicators]]")
    writer.fields(ref, "indicators", row)
    writer.fields(ref, "result", row)
    writer.extras(ref, row.extra)
    for month, monitoring in sorted(row.monitoring.items()):
        if monitoring.empty:
            continue
        sub = (*ref, "monitoring", month)
        writer.header(sub, f"[indicators.monitoring.{month}]")
        writer.fields(sub, "monitoring", monitoring)
        writer.extras(sub, monitoring.extra)


def _execution_lines(writer: _Writer, execution: Execution) -> None:
    ref: FieldRef = ("execution",)
    if execution.empty:
        return
    writer.header(ref, "[execution]")
    writer.fields(ref, "execution", execution)
    writer.extras(ref, execution.extra)
    for source in SOURCES:
        line = execution.line(source)
        if not line.empty:
            writer.header((*ref, source), f"[execution.{source}]")
            writer.fields((*ref, source), "budget", line)
            writer.extras((*ref, source), line.extra)


def render_row(row: Indicator) -> str:
    """One ``[[indicators]]`` block in canonical form, without a trailing newline."""
    writer = _Writer(None)
    _row_lines(writer, 0, row)
    return "\n".join(writer.out)


def dump_table(table: Table, locator: Locator | None = None) -> str:
    """The canonical text of ``table`` (LF line endings, final newline)."""
    w = _Writer(locator)
    if locator and locator.leading_comments:
        w.out.extend(locator.leading_comments)
        w.out.append("")
    w.fields((), "", table)
    sections = {k: v for k, v in table.extra.items() if isinstance(v, dict)}
    w.extras((), {k: v for k, v in table.extra.items() if k not in sections})

    w.header(("project",), "[project]")
    w.fields(("project",), "project", table.header)
    w.extras(("project",), table.header.extra)

    if table.funding.extra:
        w.header(("funding",), "[funding]")
        w.extras(("funding",), table.funding.extra)
    for col in COLUMNS:
        amounts = table.funding.column(col)
        w.header(("funding", col), f"[funding.{col}]")
        w.fields(("funding", col), "funding", amounts)
        w.extras(("funding", col), amounts.extra)

    w.header(("goals",), "[goals]")
    w.fields(("goals",), "goals", table.goals)
    w.extras(("goals",), table.goals.extra)

    if table.check:
        w.header(("check",), "[check]")
        w.extras(("check",), table.check)
    for name, section in sections.items():
        w.header((name,), f"[{render_key(name)}]")
        w.extras((name,), section)

    for index, row in enumerate(table.indicators):
        _row_lines(w, index, row)

    _execution_lines(w, table.execution)
    evaluation = table.evaluation
    if evaluation != Evaluation():
        w.header(("evaluation",), "[evaluation]")
        w.fields(("evaluation",), "evaluation", evaluation)
        w.extras(("evaluation",), evaluation.extra)
    return "\n".join(w.out) + "\n"
