"""Scoring the year after the targets: self-evaluation scores and monitoring lights.

Exact (``Decimal``), explained (every score and light carries one Chinese
line) and driven by named profiles (``tui.scoring.profiles``: ``pmkpi``, the
default, and ``form2020``). Nothing here changes a table. Use::

    from tui.scoring import monitor_table, profile_for, score_table

    profile = profile_for(table, settings)  # the file's `profile`, the folder's, or pmkpi
    result = score_table(table, profile)

    row = result.rows[3]                # RowScore of the 4th row
    row.target.text, row.actual.text if row.actual else ""   # 年度指标值, 实际完成值
    row.weight, row.score, row.status   # Decimal | None, Decimal | None, "scored" …
    row.explanation                     # '实际 96% ≥ 目标 90%，得满分 10'

    ex = result.execution               # None without an [execution] block
    ex.rate_text, ex.score, ex.explanation   # '95%', Decimal('9.50'), '执行率 = …'
    for line in ex.lines:               # per funding source
        line.source, line.budget, line.executed, line.rate

    for level1 in result.groups:        # 一级 → 二级 roll-ups (Rollup)
        level1.name, level1.weight, level1.score
        for level2 in level1.children:
            level2.name, level2.weight, level2.score, level2.rows
    result.indicators.score, result.total, result.explanation

    lights = monitor_table(table, 6, profile)   # one Light per row at June
    lights[3].color, lights[3].zh, lights[3].explanation   # 'yellow', '黄灯', '6月标准值 = …'

``table.indicators[3].month(6)`` holds that row's monitoring fields for June.
The rules that check these stages are in ``tui.rules.checks.stages``.
"""

from tui.scoring.execution import ExecutionScore, LineRate, score_execution
from tui.scoring.lights import LIGHT_ZH, Light, light
from tui.scoring.profiles import DEFAULT_PROFILE, PROFILES, Band, Profile
from tui.scoring.reading import Reading, read_actual, read_target
from tui.scoring.rows import RowScore, score_row
from tui.scoring.table import (
    Rollup,
    TableScore,
    execution_weight,
    has_stage_data,
    monitor_table,
    profile_for,
    score_table,
)

__all__ = [
    "DEFAULT_PROFILE",
    "LIGHT_ZH",
    "PROFILES",
    "Band",
    "ExecutionScore",
    "Light",
    "LineRate",
    "Profile",
    "Reading",
    "Rollup",
    "RowScore",
    "TableScore",
    "execution_weight",
    "has_stage_data",
    "light",
    "monitor_table",
    "profile_for",
    "read_actual",
    "read_target",
    "score_execution",
    "score_row",
    "score_table",
]
