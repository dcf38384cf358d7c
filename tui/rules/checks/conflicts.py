"""M: merge conflicts left in a table by ``jixiao merge`` (see ``tui.history.conflicts``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tui.history.cells import SECTIONS, holder
from tui.history.conflicts import RECORD_KEY, conflict_place, conflicts_in
from tui.rules.context import Context
from tui.rules.engine import Example, Hit, family, rule

family(
    "M",
    "合并冲突（merge conflicts）",
    "`jixiao merge` (git's merge driver) writes a cell both sides changed differently "
    "into the table as data: the cell holds *mine*, and a `merge_conflict` record beside "
    "it holds base, mine and theirs (see `docs/format.md`, *Tables in git*).",
)
_SHORT = 16


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "空"
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


@rule(
    "M001",
    "error",
    "合并冲突未解决",
    "unresolved merge conflict",
    why="两人分别修改了同一格，合并时无法替任何一方决定；不解决就提交，另一方的修改会被悄悄丢掉"
    "（both sides changed this cell differently: one side's value must be chosen, or it is lost"
    " silently when the file is committed）。",
    fires=[
        Example(
            {
                "资格认证率.annual": "≥95%",
                "资格认证率.merge_conflict": (
                    '{ annual = { base = "≥90%", mine = "≥95%", theirs = "≥85%" } }'
                ),
            },
            at="资格认证率.annual",
        ),
        Example(
            {"project.merge_conflict": '{ period = { mine = "2021至2023", theirs = "2022" } }'},
            at="project.period",
            note="对方改了、原为空白（base blank）",
        ),
    ],
    passes=[
        Example(
            {"资格认证率.annual": "≥95%"},
            note="冲突已解决，记录已删除（resolved: the record is gone）",
        ),
    ],
)
def unresolved(ctx: Context) -> Iterator[Hit]:
    """A `merge_conflict` record left in a section or row: a cell, or a row removed on one
    side and changed on the other, still waiting for a side to be chosen."""
    sections = (holder(ctx.table, section) for section in SECTIONS)
    if not ctx.unkeyed and not any(RECORD_KEY in obj.extra for obj in sections):
        return  # a record is a key unknown to the schema, and only rows without one are keyed
    for conflict in conflicts_in(ctx.table):
        ref = conflict.ref(ctx.table)
        where = conflict_place(ref)
        if conflict.whole_row:
            zh, en = ("对方", "theirs") if conflict.theirs is None else ("我方", "mine")
            yield Hit(
                ref,
                f"{where} 合并冲突：{zh}删除了此行，另一方修改了它",
                f"merge conflict: the row was removed by {en} and changed by the other side",
            )
        elif conflict.key == RECORD_KEY:
            yield Hit(ref, "合并冲突记录无法读取", "unreadable merge conflict record")
        else:
            yield Hit(
                ref,
                f"{where} 合并冲突：我方“{_shown(conflict.mine)}”，"
                f"对方“{_shown(conflict.theirs)}”，原为“{_shown(conflict.base)}”",
                "merge conflict: both sides changed this cell; choose mine, theirs or base",
            )
