"""A 二级 written short (数量, 质量, 社会效益 for 数量指标 …), as older and local forms do,
reads as the full name does (found by writing every real table's 二级 short)."""

from __future__ import annotations

import re

import pytest

from tests.realcorpus import scores_changed
from tui.importing import import_text
from tui.importing.cells import split_cells

_LEVEL2 = re.compile(r"(数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标")


def test_short_names_opening_rows_are_no_pieces_of_a_category_printed_below():
    # Sichuan (Suining): a wrapped 社会效益 / 指标 below rows opened by short 二级 names.
    rows = [
        "项目名称 甲",
        "一级指标 二级指标 三级指标 指标值 完成值",
        "数量 指标1.药品抽验品种 ≥3 4",
        "指标2.化妆品抽验批次 ≥3 7",
        "质量 指标1.药品抽检完成率 100% 100%",
        "指标2.化妆品抽验完成率 100% 100%",
        "效益指标 社会效益",
        "指标",
        "指标1.总体安全 稳定 稳定",
    ]
    (table,) = import_text("\n".join(rows)).tables
    assert [(r.level1, r.level2, r.name[:3]) for r in table.indicators] == [
        ("产出指标", "数量", "指标1"),
        ("产出指标", "数量", "指标2"),
        ("产出指标", "质量", "指标1"),
        ("产出指标", "质量", "指标2"),
        ("效益指标", "社会效益指标", "指标1"),
    ]


@pytest.mark.slow
def test_every_real_table_with_short_level_two_names_reads_nearly_as_written():
    plain, short = scores_changed(
        lambda text: _LEVEL2.sub(lambda m: m[1], text),
        keep=lambda text: not split_cells(text).glued,  # glued, 数量 + a name is cut anew
    )
    assert plain.total > 700
    # Before, a block's short names were taken for pieces of a category printed around
    # its rows (a PDF's centred names): 658 of 724 with 134 junk rows, against 692 with
    # 102. Left: a short 二级 repeated in an annual half read as its 三级 (Wuhan).
    assert short.hits >= plain.hits - 8, sorted(set(short.misses) - set(plain.misses))
    assert short.extra_rows <= plain.extra_rows + 6
