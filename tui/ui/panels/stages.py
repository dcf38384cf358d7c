"""Which stage panel shows a field: the editor's jumps (F8, undo) to self-evaluation and monitoring.

Kept apart from the panels so that the editor knows where a reference goes
without importing them (they are mounted on first use).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.fields import FieldRef, section_of

STAGE_SECTIONS = {
    "result": "evaluation",  # a row's 实际完成值, 得分, 偏差原因
    "execution": "evaluation",  # 预算执行 分值 and 原因
    "budget": "evaluation",  # 预算执行 per funding source
    "evaluation": "evaluation",  # 评价结论 and the other closing texts
    "monitoring": "monitoring",  # a row's month
}

STAGE_PANELS = tuple(dict.fromkeys(STAGE_SECTIONS.values()))  # evaluation, monitoring


def focused_list(panels: Mapping[str, Any], focused: object) -> tuple[str, Any] | None:
    """The panel name and list (the 指标 tree, a stage panel's rows) that has the focus,
    or ``None`` when a field has it: after an undo the keys stay in that list."""
    lists = {"indicators": panels["indicators"].indicator_tree} if "indicators" in panels else {}
    lists |= {name: panels[name].row_list for name in STAGE_PANELS if name in panels}
    return next(((name, widget) for name, widget in lists.items() if widget is focused), None)


def stage_panel(ref: FieldRef, current: str) -> str | None:
    """The panel that shows ``ref``: ``evaluation``, ``monitoring`` or ``None`` (another panel).

    A row's 权重 belongs to the 指标 panel, but is shown where it is when the
    自评 panel (``current``) is open, since it is edited there too.
    """
    if not ref:
        return None
    section = section_of(ref)
    if section in STAGE_SECTIONS:
        return STAGE_SECTIONS[section]
    if current == "evaluation" and ref[0] == "indicators" and ref[2:] == ("weight",):
        return "evaluation"
    return None
