"""Every rule's own examples run: a firing one is reported exactly where it says, a
passing one not at all; ``docs/rules.md`` is exactly what the rules generate."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tui.fixing import apply_fixes
from tui.model import Table
from tui.rules import RULES, Example, Rule, check_table, rule
from tui.rules.docs import render
from tui.rules.examples import BASES, base_table, build, build_approved

CASES = [
    pytest.param(r, kind, example, id=f"{r.code}-{kind}-{n}")
    for r in RULES
    for kind, examples in (("fires", r.fires), ("passes", r.passes))
    for n, example in enumerate(examples, 1)
]
FIRING = [c for c in CASES if c.values[1] == "fires"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def reported(
    table: Table, code: str, ignore: tuple[str, ...] = (), approved: Table | None = None
) -> set[tuple]:
    return {p.ref for p in check_table(table, ignore=ignore, approved=approved) if p.code == code}


@pytest.mark.parametrize("base", BASES)
def test_base_tables_have_no_problems(base):
    assert check_table(base_table(base)) == []


@pytest.mark.parametrize(("r", "kind", "example"), CASES)
def test_example(r: Rule, kind: str, example: Example):
    table, at = build(example)
    assert reported(table, r.code, approved=build_approved(example)) == set(at)
    assert (kind == "fires") == bool(at)


@pytest.mark.parametrize(("r", "kind", "example"), FIRING)
def test_firing_example_is_silent_when_ignored(r: Rule, kind: str, example: Example):
    table, _ = build(example)
    approved = build_approved(example)
    assert reported(table, r.code, ignore=(r.code,), approved=approved) == set()
    table.check = {"ignore": [r.code]}
    assert reported(table, r.code, approved=approved) == set()


@pytest.mark.parametrize("r", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented(r: Rule):
    assert r.title_zh and _CJK.search(r.title_zh) and r.title_en and r.what
    assert _CJK.search(r.why) and re.search(r"（[^）]*[a-z]{3}", r.why), "why: 中文（English）"
    assert r.fires and r.passes


def test_docs_are_generated_from_the_rules():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "stale: run python -m tui.rules.docs > docs/rules.md"


def test_docs_module_prints_the_docs():
    out = subprocess.run(
        [sys.executable, "-m", "tui.rules.docs"], capture_output=True, check=True, cwd=ROOT
    ).stdout
    assert out.decode("utf-8") == render()
    for r in RULES:
        assert f"### {r.code} {r.title_zh}".encode() in out


def test_example_paths():
    table, at = build(
        Example(
            {
                "year": "2022",
                "funding.medium.other": "",
                "资格认证率.name": "认证率",
                "服务对象满意度": None,
                "+2.name": "second",
                "+1.name": "first",
            },
            at=("资格认证率.name", "+1.name", "+2.name", "project.period"),
        )
    )
    assert table.year == 2022 and table.funding.medium.other is None
    names = [row.name for row in table.indicators]
    assert names[-2:] == ["first", "second"] and "服务对象满意度" not in names
    assert at == [
        ("indicators", names.index("认证率"), "name"),
        ("indicators", len(names) - 2, "name"),
        ("indicators", len(names) - 1, "name"),
        ("project", "period"),
    ]


@pytest.mark.parametrize(
    ("edits", "error"),
    [
        ({"没有这一行.medium": "1"}, KeyError),
        ({"资格认证率.colour": "1"}, KeyError),
        ({"funding.yearly.total": "1"}, KeyError),
        ({"project": "x"}, KeyError),
        ({"project.period": None}, ValueError),
        ({"funding.medium.total": "很多"}, ValueError),
        ({"year": "1066"}, ValueError),
    ],
)
def test_bad_examples_are_refused(edits, error):
    with pytest.raises(error):
        build(Example(edits))


def test_a_rule_without_examples_is_refused():
    def func(ctx):
        """Nothing."""
        return ()

    fires = [Example({"year": "2025"}, at="project.period")]
    passes = [Example({})]
    with pytest.raises(ValueError, match="why"):
        rule("F999", "error", "题", "title", why="", fires=fires, passes=passes)(func)
    with pytest.raises(ValueError, match="at="):
        rule("F999", "error", "题", "title", why="因（why）", fires=passes, passes=passes)(func)
    with pytest.raises(ValueError, match="family"):
        rule("Z001", "error", "题", "title", why="因（why）", fires=fires, passes=passes)(func)
    assert not any(r.code in ("F999", "Z001") for r in RULES)


FIXING = [c for c in FIRING if c.values[2].fixed]


@pytest.mark.parametrize(("r", "kind", "example"), FIXING)
def test_firing_example_fix(r: Rule, kind: str, example: Example):
    """The rule's own fixes turn the example into ``fixed``, and it no longer reports there."""
    table, at = build(example)
    _, fixed_refs = build(Example(example.edits, at=tuple(example.fixed), base=example.base))
    apply_fixes(table, [p for p in check_table(table) if p.code == r.code])
    assert [table.get(ref) for ref in fixed_refs] == list(example.fixed.values())
    assert not reported(table, r.code) & set(at)


def test_fixable_rules_show_their_fix():
    fixable = {r.code for r in RULES if r.fixable}
    assert {"T001", "T003", "V007", "C005", "W001", "W002", "W003", "W004", "W005"} <= fixable
    with pytest.raises(ValueError, match="fixed="):
        rule(
            "F998",
            "error",
            "题",
            "title",
            why="因（why）",
            fires=[Example({"year": "2025"}, at="project.period")],
            passes=[Example({}, fixed={"year": "2021"})],
        )(lambda ctx: ())
