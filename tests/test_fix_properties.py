"""Properties of the quick fixes on generated tables full of slips.

A fix changes only the fields it names (the problem's own and its related ones),
each change is the kind its rule promises (spaces removed, digits folded, the same
bound in signs…), fixing twice changes nothing, and a fixed file differs from the
original in exactly one line per changed value.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.fields import ROW
from tui.fixing import apply_fixes, fix_table
from tui.frameworks import canonical_label
from tui.model import Table
from tui.parsing.indicator_value import fold_width, parse_value
from tui.rules import check_table
from tui.rules.context import compact
from tui.rules.examples import base_table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile

FRAGMENTS = [
    "达到",
    "90%",
    "以上",
    "不超过",
    "5万元",
    " ",
    "\u3000",
    "活动活动",
    "活动",
    "９０％",
    "＞＝",
    ">=",
    "资格认证率",
    "培训完成时间",
    "较高",
    "影响程度",
    "约",
    "代发放",
    "合格律",
    "建立建全",
    "的的",
    "10套",
    "年底之前",
    "，",
    "x",
]
TEXT = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=5).map("".join)
KEYS = ("level1", "level2", "name", "medium", "annual", "annual_name")
# Edits that make the slips with a fix likely: the name at the start of a value, a bound in
# words, a 年度 name with a doubled word or a typo.
SPECIAL = ("name_in_value", "bound", "doubled_annual_name", "typo_name")
BOUNDS = ["达到90%以上", "不超过5万元", "至少10场", "不少于3次", "5万元以内", "达90%以上"]
LABELS = ["产出 指标", "产出", "效益 指标", "满意度指标", "服务对象满意渡指标", "数量指标"]


def _edit(table: Table, edits: list[tuple[int, str, str]]) -> None:
    rows = table.indicators
    for index, key, text in edits:
        row = rows[index % len(rows)]
        if key == "name_in_value":
            row.medium = row.name + text
        elif key == "bound":
            row.annual = BOUNDS[len(text) % len(BOUNDS)]
        elif key == "doubled_annual_name":
            row.annual_name = row.name[:2] + row.name
        elif key == "typo_name":
            row.annual_name, row.name = row.name, row.name + "合格律"
        elif key in ("level1", "level2"):
            setattr(row, key, LABELS[len(text) % len(LABELS)] if text else getattr(row, key))
        else:
            setattr(row, key, text if key != "annual_name" or text else None)


EDITS = st.lists(st.tuples(st.integers(0, 20), st.sampled_from(KEYS + SPECIAL), TEXT), max_size=12)


def _fields(table: Table) -> dict[tuple, object]:
    found = {ref: table.get(ref) for ref in table.field_refs()}
    for index, row in enumerate(table.indicators):
        for spec in ROW:
            found[("indicators", index, spec.key)] = getattr(row, spec.key)
    return found


def _promised(code: str, old: object, new: object) -> bool:
    """Whether ``old`` → ``new`` is the kind of change rule ``code`` promises."""
    if not isinstance(old, str):
        return False
    if new is None:  # a 年度 name made the same as the 中期 name
        return code in ("C005", "W001", "W002", "W003", "W004")
    assert isinstance(new, str)
    checks = {
        "W003": lambda: compact(old) == compact(new),
        "W004": lambda: fold_width(old) == new,
        "W001": lambda: len(new) < len(old),
        "W002": lambda: len(new) <= len(old) + 1 and new != old,
        "W005": lambda: _same_bound(old, new),
        "V007": lambda: old.strip().endswith(new) and len(new) < len(old.strip()),
        "T001": lambda: canonical_label(old, 1) == new,
        "T003": lambda: canonical_label(old, 2) == new,
    }
    return checks.get(code, lambda: True)()


def _same_bound(old: str, new: str) -> bool:
    a, b = parse_value(old), parse_value(new)
    return (a.number, a.unit) == (b.number, b.unit) and b.op in ("≥", "≤")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS, st.sampled_from(["2015", "2021"]))
def test_each_fix_changes_only_its_fields_as_promised(edits, base):
    table = base_table(base)
    _edit(table, edits)
    for problem in check_table(table):
        if problem.fix is None:
            continue
        trial = table.clone()
        before = _fields(trial)
        apply_fixes(trial, [problem])
        after = _fields(trial)
        changed = {ref for ref in before if before[ref] != after[ref]}
        allowed = {problem.ref, *problem.related}
        assert changed <= allowed, (problem.code, changed - allowed)
        assert all(_promised(problem.code, before[ref], after[ref]) for ref in changed), (
            problem.code,
            [(before[ref], after[ref]) for ref in changed],
        )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS, st.sampled_from(["2015", "2021"]))
def test_fixing_is_idempotent_and_one_line_per_value(edits, base):
    table = base_table(base)
    _edit(table, edits)
    file = TableFile.from_text("t.toml", dump_table(table))
    changed = fix_table(file.table)
    assert fix_table(file.table) == []
    old_lines = file.source.text.split("\n")
    new_lines = file.render_text().split("\n")
    values = {ref for ref in changed if file.base.get(ref) != file.table.get(ref)}
    removed = [ref for ref in values if file.table.get(ref) is None]
    if not removed:  # a blanked 年度 name removes its line; every other change keeps it
        assert len(old_lines) == len(new_lines)
        differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
        assert len(differing) == len(values)
        assert all(re.match(r"^\w+ = ", new_lines[i]) for i in differing)
    else:
        assert len(old_lines) - len(new_lines) == len(removed)
