"""Validation rules for 绩效目标表: the registry, ``check_table`` and configuration.

Importing this package registers every rule family (F funding, P periods,
T tree, V values, C consistency, S the later stages: monitoring and
self-evaluation) in ``RULES``. See ``docs/rules.md``.
"""

from tui.rules.checks import consistency, funding, periods, stages, tree, values  # noqa: F401
from tui.rules.engine import RULES, Hit, Problem, Rule, check_table, rule
from tui.settings import effective_ignores, folder_config

__all__ = [
    "RULES",
    "Hit",
    "Problem",
    "Rule",
    "check_table",
    "effective_ignores",
    "folder_config",
    "rule",
]
