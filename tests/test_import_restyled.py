"""Differential: the rows read by eye in every real table, pasted again in each separator
style, import to the same rows (``tests.realcorpus.restyled``).

Real names and values (``保障退休职工人数(人) 81``, ``财政资金到位及时支付率 100``,
``2025年年底前``) reach corners random text does not. Cells separated by tabs, ``|``,
line breaks, one or two spaces must all read alike; a row glued into one run of text
is cut by labels and value shapes only, so a qualitative value (``有效``, ``否``) at
the end of a name cannot always be told from it: that style has a lower floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realcorpus import STYLES, Expected, Score, load, restyled, score_tables
from tui.importing import import_text

_FIXTURES = Path(__file__).parent / "fixtures"
_FLOOR = {"tab": 0.99, "pipe": 0.99, "stream": 0.99, "space": 0.98, "spaces": 0.99, "glued": 0.8}


def _one_value_tables() -> list[Expected]:
    tables = [load(p) for p in sorted(_FIXTURES.glob("real*/*.expected"))]
    return [
        Expected(e.name, e.causes, [dict(p, fields={}) for p in e.projects if p["rows"]])
        for e in tables
        if not any(row[3] for p in e.projects for row in p["rows"])
    ]


@pytest.mark.parametrize("style", STYLES)
def test_real_rows_pasted_in_each_style_import_alike(style, capsys):
    total = Score()
    for expected in _one_value_tables():
        total.add(score_tables(import_text(restyled(expected, style)).tables, expected))
    with capsys.disabled():
        print(f"\n{style}: {total.hits}/{total.total}, extra rows {total.extra_rows}")
    assert total.total > 300
    assert total.hits >= _FLOOR[style] * total.total, total.misses[:10]
    assert total.extra_rows <= (1 - _FLOOR[style]) * total.total
