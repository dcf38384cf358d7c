"""A whole table scored: every row, the 三级 → 二级 → 一级 roll-ups, execution and the total.

``score_table(table, profile)`` never changes the table. Roll-ups follow the
editor's tree (``tui.model.indicator_tree``): a group's weight is the sum of
the weights under it, its score the sum of the scores counted under it (rows
not scored add nothing). The total is the indicators' score plus the
execution score; a table without any self-evaluation data has no total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tui.model import Evaluation, Table, indicator_tree
from tui.parsing.money import MONEY, finite
from tui.scoring.execution import ExecutionScore, score_execution
from tui.scoring.lights import Light, light
from tui.scoring.profiles import DEFAULT_PROFILE, PROFILES, Profile
from tui.scoring.reading import plain
from tui.scoring.rows import RowScore, score_row


@dataclass(frozen=True)
class Rollup:
    """A group of rows (一级, 二级, or all): summed weight and score."""

    name: str
    weight: Decimal | None  # ``None`` when no row under it has a weight
    score: Decimal | None  # ``None`` when no row under it has a score
    rows: tuple[int, ...]
    children: tuple[Rollup, ...] = ()


@dataclass(frozen=True)
class TableScore:
    """Everything ``jixiao score``, the exports and the panels show about one table."""

    profile: Profile
    rows: tuple[RowScore, ...]
    groups: tuple[Rollup, ...]  # 一级, each with its 二级 as children
    indicators: Rollup  # every row
    execution: ExecutionScore | None  # ``None`` when the table has no execution block
    total: Decimal | None
    explanation: str

    @property
    def unscored(self) -> list[RowScore]:
        """Weighted rows that got no score (pending or flagged)."""
        return [r for r in self.rows if r.weight is not None and r.score is None]


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    total: Decimal | None = None
    for value in values:
        if value is not None:
            total = value if total is None else MONEY.add(total, value)
    return total


def _rollup(name: str, indexes: list[int], rows: tuple[RowScore, ...], children=()) -> Rollup:
    chosen = [rows[i] for i in indexes]
    return Rollup(
        name,
        _sum(r.weight for r in chosen),
        _sum(r.score for r in chosen),
        tuple(indexes),
        tuple(children),
    )


def has_stage_data(table: Table) -> bool:
    """Whether the table holds anything of monitoring or self-evaluation."""
    if table.stage in ("monitoring", "evaluation") or not table.execution.empty:
        return True
    if table.evaluation != Evaluation():
        return True
    return any(
        row.actual is not None or row.score is not None or row.deviation or row.monitoring
        for row in table.indicators
    )


def profile_for(table: Table, settings: dict[str, Any] | None = None) -> Profile:
    """The file's ``profile``, else the folder's (``jixiao.toml``), else the default.

    An unknown name is passed over (rule S011 reports it in the file).
    """
    for name in (table.profile, (settings or {}).get("profile")):
        if isinstance(name, str) and name in PROFILES:
            return PROFILES[name]
    return PROFILES[DEFAULT_PROFILE]


def execution_weight(table: Table, profile: Profile) -> Decimal:
    """The 分值 of budget execution: the file's ``[execution] weight`` or the profile's."""
    weight = finite(table.execution.weight)
    return profile.execution_weight if weight is None else weight


def score_table(table: Table, profile: Profile) -> TableScore:
    """Score ``table`` under ``profile`` (see the module doc)."""
    rows = tuple(score_row(i, row, profile) for i, row in enumerate(table.indicators))
    groups = []
    for level1 in indicator_tree(table.indicators):
        children = [_rollup(l2.name, l2.rows, rows) for l2 in level1.children]
        indexes = [i for child in children for i in child.rows]
        groups.append(_rollup(level1.name, indexes, rows, children))
    everything = _rollup("绩效指标", list(range(len(rows))), rows)
    execution = None if table.execution.empty else score_execution(table.execution, profile)
    parts = [everything.score, execution.score if execution else None]
    total = _sum(parts) if any(p is not None for p in parts) else None
    return TableScore(
        profile, rows, tuple(groups), everything, execution, total,
        _explain(everything, execution, total, rows, profile),
    )  # fmt: skip


def _explain(
    indicators: Rollup,
    execution: ExecutionScore | None,
    total: Decimal | None,
    rows: tuple[RowScore, ...],
    profile: Profile,
) -> str:
    if total is None:
        return "无自评得分（no self-evaluation scores）"
    terms = [f"指标 {plain(indicators.score or Decimal(0))}"]
    if execution is not None:
        terms.append(f"预算执行 {plain(execution.score or Decimal(0))}")
    missing = sum(1 for r in rows if r.weight is not None and r.score is None)
    note = f"满分 {plain(profile.total)}" + (f"，{missing} 行未评分" if missing else "")
    return f"总分 = {' + '.join(terms)} = {plain(total)}（{note}）"


def monitor_table(table: Table, month: int, profile: Profile) -> list[Light]:
    """Each row's traffic light at ``month``, in row order."""
    return [light(row, month, profile) for row in table.indicators]
