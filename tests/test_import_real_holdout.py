"""The importer on real tables kept out of the corpus it was built on (``realcorpus.py``).

``tests/fixtures/real_holdout/`` holds 17 published tables that were collected
after the importer was written and scored before any change (71/147 pairs);
the general causes of their misses were then fixed, so their score is no longer
a held-out figure. ``tests/fixtures/real_fresh/`` (6 tables, 23/28 at first
sight), ``tests/fixtures/real_fresh2/`` (8 tables collected after it, 36/75 at
first sight), ``real_fresh3/`` (7 tables, 17/47), ``real_fresh4/`` (15 tables,
88/102), ``real_fresh5/`` (12 tables, 40/60), ``real_fresh6/`` (10 tables, 61/73),
``real_fresh7/`` (8 tables, 12/38), ``real_fresh8/`` (8 tables, 43/61),
``real_fresh9/`` (6 tables, 29/53), ``real_fresh10/`` (3 tables, 12/19),
``real_fresh11/`` (2 tables, 3/6), ``real_fresh12/`` (2 tables, 5/7),
``real_fresh13/`` (1 table, 0/9), ``real_fresh14/`` (4 tables, 9/36),
``real_fresh15/`` (4 tables, 14/25), ``real_fresh16/`` (4 tables, 18/25),
``real_fresh17/`` (2 tables, 8/8) and ``real_fresh18/`` (1 table, 0/9) were each scored
once before the causes of
their misses were fixed in turn: those first-sight figures are the honest
estimates. The floors below are the figures reached (see ``docs/import.md``).
"""

from __future__ import annotations

import pytest

from tests.realcorpus import (
    FRESH,
    FRESH2,
    FRESH3,
    FRESH4,
    FRESH5,
    FRESH6,
    FRESH7,
    FRESH8,
    FRESH9,
    FRESH10,
    FRESH11,
    FRESH12,
    FRESH13,
    FRESH14,
    FRESH15,
    FRESH16,
    FRESH17,
    FRESH18,
    FRESH20,
    FRESH21,
    FRESH22,
    FRESH23,
    FRESH24,
    FRESH25,
    FRESH28,
    HOLDOUT,
    corpus,
    report,
    score_corpus,
    source_text,
)
from tui.importing import import_text
from tui.importing.cells import split_cells
from tui.importing.script import restore_script

_SETS = (
    *(HOLDOUT, FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9),
    *(FRESH10, FRESH11, FRESH12, FRESH13, FRESH14, FRESH15, FRESH16, FRESH17, FRESH18),
    *(FRESH20, FRESH21, FRESH22, FRESH23, FRESH24, FRESH25, FRESH28),
)
_TABLES = [p for folder in _SETS for p, _ in corpus(folder)]


@pytest.mark.parametrize("folder", _SETS, ids=lambda folder: folder.name)
def test_kept_aside_tables_are_real_with_sources(folder):
    tables = corpus(folder)
    least = 10 if folder == HOLDOUT else 5
    least = 3 if folder in (FRESH7, FRESH8, FRESH10, FRESH14, FRESH15, FRESH16) else least
    least = 2 if folder in (FRESH11, FRESH12, FRESH17, FRESH20, FRESH21) else least
    least = (
        1 if folder in (FRESH13, FRESH18, *(FRESH22, FRESH23, FRESH24, FRESH25, FRESH28)) else least
    )
    assert len(tables) >= least
    for path, expected in tables:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# source: http"), path
        assert expected.causes and any(p["rows"] or p["fields"] for p in expected.projects), path


def test_holdout_score(capsys):
    total, _, _ = score_corpus(HOLDOUT)
    with capsys.disabled():
        print("\nholdout: " + report(HOLDOUT))
    assert total.hits >= 0.9 * total.total  # 140/147 reached (71/147 before the fixes)
    assert total.extra_rows <= 14  # the rows of a scrambled PDF and an OCR scan, mostly
    assert total.fields_hit >= 0.8 * total.fields_total  # 44/55


def test_fresh_score(capsys):
    total, _, per_table = score_corpus(FRESH)
    with capsys.disabled():
        print("\nfresh: " + report(FRESH))
    assert total.hits >= 25  # of 28 (23 on first sight); the misses are OCR
    assert total.extra_rows <= 12  # the OCR scan's
    ocr = "f06_ningxia_yuanzhou_2022_selfeval_ocr"
    readable = [s for name, s in per_table.items() if name != ocr]
    assert sum(s.hits for s in readable) == sum(s.total for s in readable)


def test_fresh2_score(capsys):
    total, _, _ = score_corpus(FRESH2)
    with capsys.disabled():
        print("\nfresh2: " + report(FRESH2))
    assert total.hits >= 72  # of 75 (36 on first sight)
    assert total.extra_rows <= 3  # 86 on first sight
    assert total.fields_hit >= 12  # of 14


def test_fresh3_score(capsys):
    total, _, _ = score_corpus(FRESH3)
    with capsys.disabled():
        print("\nfresh3: " + report(FRESH3))
    assert total.hits >= 47  # of 47 (17 on first sight, 37 before the 【一级-二级】 project list)
    assert total.extra_rows <= 1  # 16 on first sight; a row cut where the stored text ends
    assert total.fields_hit >= 13  # of 14


# Figures reached on the sets collected in this round: (pairs found, junk rows, header
# fields found). First sight: fresh4 88/102 pairs with 37 junk rows (87 with the importer
# before the round), fresh5 40/60 with 62, fresh6 61/73 with 12, fresh7 12/38 with 46,
# fresh8 43/61 with 13 (the same with the importer as the round began, with 15), fresh9
# 29/53 with 32, fresh10 12/19 with 3.
_REACHED = {
    # of 102 pairs, 51 fields; 4 junk rows lack their 二级, and 2 are sentences under 三级
    # with an empty 指标值 (a02 and c03, the same table), which the expected files leave out
    "fresh4": (FRESH4, 101, 9, 49),
    "fresh5": (FRESH5, 47, 31, 27),  # of 60, 28; a scrambled page and glued texts
    "fresh6": (FRESH6, 68, 7, 28),  # of 73, 28
    "fresh7": (FRESH7, 33, 7, 16),  # of 38, 17; OCR, glued text
    "fresh8": (FRESH8, 61, 0, 22),  # of 61, 23
    "fresh9": (FRESH9, 51, 3, 9),  # of 53, 10; a name with a quantity in it, glued
    "fresh10": (FRESH10, 13, 1, 3),  # of 19, 4; a glued whole-unit self-evaluation's numbers
    # of 6, 4 (3/6 at first sight; a headingless self-evaluation chunk now read as one)
    "fresh11": (FRESH11, 5, 10, 2),
    "fresh12": (FRESH12, 5, 11, 6),  # of 7, 6: a scrambled PDF text (24 junk rows at first)
    "fresh13": (FRESH13, 9, 0, 3),  # of 9, 3 (0/9 and 19 junk rows at first: a wrapped heading)
    # of 36, 9 (9/36 and 24 junk rows at first): Dongguan's two scrambled PDF forms and a
    # Guangdong table written column by column are left
    "fresh14": (FRESH14, 27, 22, 5),
    # of 25, 14 (14/25 and 6 junk rows at first): a chunk whose two rows with a value
    # shape are too few to be told from a page's text before its first form
    "fresh15": (FRESH15, 22, 1, 13),
    # of 25, 9 (18/25 and 3 junk rows at first): a 2016 form without 二级 whose value
    # column is headed 绩效目标, the header's goal label
    "fresh16": (FRESH16, 20, 0, 9),
    # of 9, 3 (0/9 at first sight): a web table one cell a line whose 中期 and 年度 halves
    # list different indicators row by row, its vertical labels cut to one character
    "fresh17": (FRESH17, 8, 1, 6),  # of 8, 6 (8/8 at first sight)
    "fresh18": (FRESH18, 0, 6, 3),
    # Round 16 (a fifth collector found nothing new; two found the same two pages):
    # of 23, 2 (14/23 and 19 junk rows at first sight: 预算设定指标值 unknown, a score block
    # and a notice's closing lines after the table)
    "fresh20": (FRESH20, 23, 0, 2),
    # of 10, 4 (10/10 and 5 junk rows at first sight: a tender site's 项目名称 field, a
    # 二级 wrapped before its row's cells, a report's text after a table between bars)
    "fresh21": (FRESH21, 10, 0, 4),
    # of 4, 2 (0/4 at first sight): Fujian's old form, 目标N before each name, a
    # 绩效标准 column between name and value, 投入/产出 as 一级
    "fresh22": (FRESH22, 0, 5, 2),
    # of 4, 1 (0/4 and 6 junk rows at first sight): a 绩效公开 in the evaluation framework's
    # tree (决策 → 项目立项 / 绩效目标), one cell a line, with a 半年(程) target column
    "fresh23": (FRESH23, 4, 0, 1),
    # of 5, 1 (0/5 at first sight): a mirror's traditional-character copy, glued, its
    # levels 產出目標 / 數量目標
    "fresh24": (FRESH24, 0, 0, 1),
    # Round 17 (two more collectors found nothing new): of 7, 1 (0/7 at first sight): a
    # mirror's traditional copy of a whole-unit table, glued, each row's 指标解释, 评分标准
    # and weight glued after its value; read as simplified now, its rows are found but cut
    # at every value in the explanations
    "fresh25": (FRESH25, 0, 18, 1),
    # of 9, 1 (0/9 at first sight): a mirror's traditional copy with the converter's
    # pinyin (產(chǎn)出指標(biāo)), one cell a line, 周期 / 本年度 value columns
    "fresh28": (FRESH28, 9, 0, 1),
}


@pytest.mark.parametrize("name", _REACHED)
def test_later_sets_keep_their_scores(name, capsys):
    folder, hits, junk, fields = _REACHED[name]
    total, _, _ = score_corpus(folder)
    with capsys.disabled():
        print(f"\n{name}: " + report(folder))
    assert total.hits >= hits
    assert total.extra_rows <= junk
    assert total.fields_hit >= fields


@pytest.mark.parametrize("path", _TABLES, ids=lambda p: p.stem)
def test_every_cell_of_a_kept_aside_table_is_placed_or_reported(path):
    text = source_text(path)
    result = import_text(text)
    placed = {(p.line, p.column) for p in result.placed}
    reported = {(u.line, u.column) for u in result.report}
    assert not placed & reported
    script = restore_script(text)  # a traditional copy's cells are those of its reading
    for cell in split_cells(script.text).cells():
        assert (cell.line, script.column(cell.line, cell.column)) in placed | reported, cell
