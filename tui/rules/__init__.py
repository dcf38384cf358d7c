"""Validation rules for 绩效目标表: the registry, ``check_table`` and configuration.

Importing this package registers every rule family in ``RULES``, in the order of
``CHECK_MODULES`` (the order of ``docs/rules.md``). See ``tui.rules.engine`` for
how a rule is written, with its rationale and examples.
"""

from importlib import import_module

from tui.rules.engine import RULES, Example, Fix, Hit, Problem, Rule, check_table, rule

# The modules of tui/rules/checks/, one family each: H header, F funding, P periods, G goals,
# T tree, V values, W writing, Q targets, K categories, C consistency, D rows,
# S the later stages (monitoring and self-evaluation), A changes after approval,
# M merge conflicts. A new family's module is added here.
CHECK_MODULES = (
    "header",
    "funding",
    "periods",
    "goals",
    "tree",
    "grouping",
    "values",
    "writing",
    "targets",
    "categories",
    "consistency",
    "rows",
    "stages",
    "stage_entries",
    "approval",
    "conflicts",
)
for _module in CHECK_MODULES:
    import_module(f"tui.rules.checks.{_module}")

__all__ = [
    "CHECK_MODULES",
    "RULES",
    "Example",
    "Fix",
    "Hit",
    "Problem",
    "Rule",
    "check_table",
    "rule",
]
