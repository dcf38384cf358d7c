"""A PDF's text breaks pages inside a table: a page's number alone on a line, and the
table's heading repeated on the new page. Neither changes what is read (found by
putting a page number, then a page number and the heading again, every seven lines
of every real table's text)."""

from __future__ import annotations

import pytest

from tests.realcorpus import FIXTURES, load, score_tables, source_text
from tui.importing import import_text

_HEAD = "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |"
_LIST_HEAD = "项目名称 | 预算数 | 一级指标 | 二级指标 | 三级指标 | 指标值 |"


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (r.level1, r.level2, r.name, r.annual)
        for t in import_text(text).tables
        for r in t.indicators
    ]


@pytest.mark.parametrize("page", ["第 2 页", "- 2 -", "第2页，共9页"])
def test_a_heading_repeated_after_a_page_number_is_no_row(page):
    text = "\n".join(
        [
            "项目名称 | 安全隐患维修 |",
            _HEAD,
            "产出指标 | 数量指标 | 维修面积 | 反映维修面积 | ≥400平方米 |",
            page,
            _HEAD,
            "产出指标 | 质量指标 | 验收合格率 | 反映维修质量 | ≥98% |",
        ]
    )
    result = import_text(text)
    assert _rows(text) == [
        ("产出指标", "数量指标", "维修面积", "≥400平方米"),
        ("产出指标", "质量指标", "验收合格率", "≥98%"),
    ]
    reported = {u.text: u.reason_en for u in result.report}
    assert reported == {
        page: "page number; not imported",
        **dict.fromkeys(("反映维修面积", "反映维修质量"), "column not recognised; not imported"),
    }


def test_a_project_list_s_heading_repeated_on_a_new_page_is_no_project_or_row():
    text = "\n".join(
        [
            _LIST_HEAD,
            "档案数字化 | 20 | 产出指标 | 数量指标 | 数字化卷数 | ≥3000卷 |",
            "第 2 页",
            _LIST_HEAD,
            "档案数字化 | 20 | 产出指标 | 质量指标 | 验收合格率 | 100% |",
        ]
    )
    assert _rows(text) == [
        ("产出指标", "数量指标", "数字化卷数", "≥3000卷"),
        ("产出指标", "质量指标", "验收合格率", "100%"),
    ]


# Real texts whose cells a page number could cut: a cell wrapped over lines before a
# bar (Jin'an), one-cell lines (Bozhou), a self-evaluation in layout text (Huangshi), a
# group row's scores above its indented rows (Xiaoxian).
_BROKEN = [
    "real/07_anhui_jinan_2025",
    "real_fresh5/e03_anhui_bozhou_2023_rain_halves_cells",
    "real_holdout/h14_hubei_huangshi_school_2023_selfeval",
    "real_fresh9/M01_anhui_xiaoxian_2023_breeding_subsidy_selfeval_indented",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", _BROKEN)
def test_a_page_number_after_any_line_changes_nothing_read(name):
    path = FIXTURES / f"{name}.expected"
    expected = load(path)
    text = source_text(path.with_suffix(".txt"))
    plain = score_tables(import_text(text).tables, expected)
    lines = text.split("\n")
    for n in range(1, len(lines)):
        broken = "\n".join([*lines[:n], "第 2 页", *lines[n:]])
        score = score_tables(import_text(broken).tables, expected)
        assert (score.hits, score.extra_rows, score.fields_hit) == (
            plain.hits,
            plain.extra_rows,
            plain.fields_hit,
        ), f"第 2 页 before line {n + 1}"
