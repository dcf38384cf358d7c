"""The golden scoring table (tests/fixtures/scoring_golden.tsv), written by hand from the rule sets.

Each row: profile, 年度指标值, 指标性质, 实际完成值, 分值, 得分 given, expected score.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FIXTURES
from tui.model import Indicator
from tui.scoring import PROFILES, score_row

GOLDEN = FIXTURES / "scoring_golden.tsv"


def golden_rows() -> list[list[str]]:
    lines = GOLDEN.read_text("utf-8").split("\n")
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


ROWS = golden_rows()


def test_the_table_is_big_enough_and_covers_both_profiles():
    assert len(ROWS) >= 40
    assert {row[0] for row in ROWS} == set(PROFILES)
    assert all(len(row) == 8 for row in ROWS)


@pytest.mark.parametrize("case", ROWS, ids=[f"{r[0]}:{r[1]}:{r[3]}:{r[5]}" for r in ROWS])
def test_golden_score(case):
    profile, annual, nature, actual, weight, given, expected, _why = case
    row = Indicator(
        annual=annual,
        nature=nature or None,
        actual=actual,
        weight=Decimal(weight),
        score=Decimal(given) if given else None,
    )
    result = score_row(0, row, PROFILES[profile])
    if expected == "—":
        assert result.score is None and result.status == "flagged", result.explanation
        assert result.problem
    else:
        assert result.score == Decimal(expected), result.explanation
        assert result.status == ("given" if given else "scored")
    assert "\n" not in result.explanation and result.explanation
