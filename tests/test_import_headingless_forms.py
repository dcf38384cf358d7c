"""Rows of a known form whose heading is missing or scrambled away are read with that
form's columns: the Ministry's self-evaluation (年度指标值 | 实际完成值 | 分值 | 得分 …) and
Hunan's 专项 form (指标内容 | 指标值 | 绩效标准). Found on a Shanxi (Jishan) .xlsx text whose
heading pieces were scattered over the line, and by taking the heading off every real
table restyled in these layouts (as planned: 119 → 755 of 810 pairs; with a 偏差原因:
753 → 755 with 764 → 6 junk rows; explained: 0 → 754)."""

from __future__ import annotations

import pytest

from tests.realcorpus import restyled, score_tables
from tests.test_import_restyled import _one_value_tables
from tui.importing import import_text


def _rows(text: str):
    result = import_text(text)
    return result, [
        (r.name, r.annual, r.actual, r.weight, r.score) for t in result.tables for r in t.indicators
    ]


def test_a_self_evaluation_without_its_heading_fills_its_columns():
    text = "项目名称\t甲\n产出指标\t数量指标\t受益户数\t120户\t118户\t10\t9\n"
    text += "产出指标\t质量指标\t合格率\t100%\t98%\t10\t9\n"
    _, rows = _rows(text)
    assert [(name, annual, actual, int(w), int(s)) for name, annual, actual, w, s in rows] == [
        ("受益户数", "120户", "118户", 10, 9),
        ("合格率", "100%", "98%", 10, 9),
    ]


def test_a_line_whose_heading_has_no_value_column_is_read_as_a_headingless_one():
    # Shanxi (Jishan): 年度 实际 指标值 完成值 and 分值 得分 scattered; 二级指标 三级指标
    # alone make a heading without a value column.
    rows = [
        ("指标6:举办健康教育宣传咨询活动", "12次", "96次", "1", "1"),
        ("指标7:建立预防接种证", "221人", "221人", "2", "2"),
        ("指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", "2", "1.9"),
        ("指标9:0-6岁儿童健康管理数", "2089人", "2089人", "2", "2"),
        ("指标11:新生入访视数", "214人", "214人", "2", "2"),
    ]
    line = "项目名称 国家基本公共卫生服务 年度 实际 指标值 完成值 指标1:居民健康档案 38508人"
    line += " 二级指标 三级指标 分值 得分 " + " ".join(" ".join(row) for row in rows)
    _, read = _rows(line)
    assert [(name, annual, actual) for name, annual, actual, _, _ in read] == [
        row[:3] for row in rows
    ]


def test_hunans_form_without_its_heading_keeps_the_value_out_of_the_explanation():
    text = "项目名称\t甲\n产出指标\t数量指标\t受益户数\t反映受益户数情况\t120户\t计划标准\n"
    text += "产出指标\t质量指标\t验收合格率\t反映验收合格率情况\t100%\t行业标准\n"
    result = import_text(text)
    assert [(r.name, r.explanation, r.annual, r.basis) for r in result.tables[0].indicators] == [
        ("受益户数", "反映受益户数情况", "120户", "计划标准"),
        ("验收合格率", "反映验收合格率情况", "100%", "行业标准"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["as planned", "self-evaluation", "explained"])
def test_every_real_table_in_a_known_layout_reads_without_its_heading(layout):
    hits = total = junk = 0
    for expected in _one_value_tables():
        text = restyled(expected, "tab", layout)
        headless = "\n".join(line for line in text.split("\n") if "一级指标" not in line)
        score = score_tables(import_text(headless).tables, expected)
        hits, total, junk = hits + score.hits, total + score.total, junk + score.extra_rows
    assert total > 800
    assert hits >= 0.92 * total  # 754–755 of 810 (plain rows without a heading: 751)
    assert junk <= 0.01 * total
