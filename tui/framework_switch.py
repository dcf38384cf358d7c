"""Switching a table between the two frameworks: where 成本 lives, as data.

财预〔2015〕88号 files 成本 as a 二级 (成本指标) under 产出指标; 财预〔2021〕101号 has
成本指标 as a 一级 with 经济成本/社会成本/生态环境成本指标 under it. ``plan_switch``
maps every row it can (labels compared after their variants are folded) and
lists the rows it cannot map, which keep their labels and are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.frameworks import canonical_label, get_framework
from tui.model import Table

# (from, to) → {(canonical 一级, canonical 二级): (new 一级, new 二级)}
MOVES: dict[tuple[str, str], dict[tuple[str, str], tuple[str, str]]] = {
    ("2015", "2021"): {("产出指标", "成本指标"): ("成本指标", "经济成本指标")},
    ("2021", "2015"): {("成本指标", "经济成本指标"): ("产出指标", "成本指标")},
}


@dataclass
class SwitchPlan:
    """What switching to ``target`` does: new labels per row index, and rows left as they are."""

    target: str
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    unmapped: list[int] = field(default_factory=list)


def plan_switch(table: Table, target: str) -> SwitchPlan:
    """The label changes that move ``table`` from its framework to ``target``."""
    plan = SwitchPlan(target)
    moves = MOVES.get((table.framework, target), {})
    allowed = get_framework(target).level2
    for index, row in enumerate(table.indicators):
        key = (canonical_label(row.level1, 1), canonical_label(row.level2, 2))
        if key in moves:
            plan.labels[index] = moves[key]
        elif key[0] in allowed and key[1] in allowed[key[0]]:
            continue
        elif row.level1 or row.level2:
            plan.unmapped.append(index)
    return plan
