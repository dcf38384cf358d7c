"""Web tables as pages' copies give them: each cell on a line opened by ``|``, a
row-spanning 绩效指标 title on the heading's line only, a trailing column the
format has no place for, and the indicator table before a later 项目名称 row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.realcorpus import Score, load, score_tables, source_text
from tui.importing import import_text
from tui.importing.piped import join_piped
from tui.importing.quoted import records


def _rows(text: str):
    result = import_text(text)
    rows = [(r.level1, r.level2, r.name, r.annual) for t in result.tables for r in t.indicators]
    return result, rows


_PIPED = (
    "项目名称\n"
    "        | 宣传专项\n"
    "绩效\n"
    "       指标\n"
    "        | 一级指标\n"
    "        | 二级指标\n"
    "        | 三级指标\n"
    "        | 指标值\n"
    "项目产出\n"
    "        | 数量指标\n"
    "        | 宣传次数\n"
    "        | 至少2次\n"
    "        | |\n"
    "质量指标\n"
    "        | 创建质量\n"
    "        | 按质按量完成\n"
    "        | ||\n"
    "项目效益\n"
    "        | 社会效益\n"
    "       指标\n"
    "        | 维权意识\n"
    "        | 不断提升\n"
)


def test_a_row_written_a_cell_a_line_is_one_row():
    result, rows = _rows(_PIPED)
    assert result.tables[0].header.name == "宣传专项"
    # 项目产出 and 项目效益 are the form's own 一级 words, kept as written over known 二级.
    assert rows == [
        ("项目产出", "数量指标", "宣传次数", "至少2次"),
        ("项目产出", "质量指标", "创建质量", "按质按量完成"),
        ("项目效益", "社会效益指标", "维权意识", "不断提升"),
    ]
    assert result.report == []


def test_cells_after_bare_bars_are_one_row_each():
    # The same site's other copy: a bar alone on its line before each cell, the row
    # opened by a bar and closed by a line of bars.
    text = "项目名称 甲\n一级指标 | 二级指标 | 三级指标 | 指标值\n" + "".join(
        f"|   {l1}\n"
        + "".join(f"        | \n     {cell}\n" for cell in (l2, name, value))
        + "  ||||\n"
        for l1, l2, name, value in (
            ("产出指标", "质量指标", "改善养老服务基础条件", "改善条件"),
            ("满意度指标", "服务对象满意度指标", "服务质量满意度", "≥90%"),
        )
    )
    rows = [[f.text for f in r.fields if f.text] for r in join_piped(records(text))[2:]]
    assert rows[:2] == [
        ["产出指标", "质量指标", "改善养老服务基础条件", "改善条件"],
        ["满意度指标", "服务对象满意度指标", "服务质量满意度", "≥90%"],
    ]
    assert _rows(text)[1] == [tuple(row) for row in rows[:2]]


def test_the_joined_row_keeps_each_cells_line():
    joined = join_piped(records(_PIPED))
    row = next(r for r in joined if r.text.startswith("项目效益"))
    assert [f.text for f in row.fields] == ["项目效益", "社会效益指标", "维权意识", "不断提升"]
    assert [row.line_of(f.start) for f in row.fields] == [18, 19, 21, 22]


def test_indented_rows_of_several_cells_stay_rows():
    text = (
        "项目名称 甲\n"
        "  | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        "  | 产出指标 | 数量指标 | 户数 | 120户 |\n"
    )
    assert [r.text for r in join_piped(records(text))] == text.split("\n")
    assert _rows(text)[1] == [("产出指标", "数量指标", "户数", "120户")]


def test_a_trailing_unknown_heading_is_a_column_of_its_own():
    text = (
        "项目名称 | 甲 |\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值 | 实施进度 |\n"
        "产出指标 | 数量指标 | 宣传次数 | 至少2次 | 已完成100% |\n"
        "质量指标 | 创建质量 | 按质按量完成 | 已完成100% |\n"
    )
    result, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "宣传次数", "至少2次"),
        ("产出指标", "质量指标", "创建质量", "按质按量完成"),
    ]
    assert [r.text for r in result.report] == ["已完成100%", "已完成100%"]
    assert all("column not recognised" in r.reason_en for r in result.report)


def test_a_title_on_the_headings_line_only_moves_the_columns_left():
    text = (
        "项目名称 | 甲 |\n"
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        "项目产出 | 数量指标 | 宣传次数 | 至少2次 |\n"
        "项目效益 | 社会效益指标 | 维权意识 | 不断提升 |\n"
    )
    assert _rows(text)[1] == [
        ("项目产出", "数量指标", "宣传次数", "至少2次"),
        ("项目效益", "社会效益指标", "维权意识", "不断提升"),
    ]


def test_a_spreadsheets_empty_title_column_moves_nothing():
    text = (
        "项目名称\t甲\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
        "\t产出指标\t数量指标\t户数\t120户\n"
        "\t\t质量指标\t合格率\t100%\n"
    )
    assert _rows(text)[1] == [
        ("产出指标", "数量指标", "户数", "120户"),
        ("产出指标", "质量指标", "合格率", "100%"),
    ]


def test_an_indicator_table_before_a_later_project_row_is_imported():
    text = (
        "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        "产出指标 | 数量指标 | 户数 | 120户 |\n"
        "二、项目资金申报及使用情况\n"
        "项目名称 | 中央资金 | 资金计划 |\n"
    )
    result, rows = _rows(text)
    assert rows == [("产出指标", "数量指标", "户数", "120户")]
    reported = {r.text for r in result.report}
    assert not {"产出指标", "数量指标", "户数", "120户"} & reported


@pytest.mark.parametrize(
    "text",
    [
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t户数\t120户\n\t质量指标\t合格率\t100%\n  | 注\n",
        "项目名称  甲\n一级指标   二级指标   三级指标   指标值\n"
        "产出指标   数量指标   户数       120户\n           质量指标   合格率     100%\n"
        "   | 注：数据来源统计局\n",
    ],
    ids=["tabs", "layout"],
)
def test_a_bar_line_under_columns_joins_no_row(text):
    # A note after a bar under a spreadsheet's or a layout's rows: the rows stay rows.
    result, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "户数", "120户"),
        ("产出指标", "质量指标", "合格率", "100%"),
    ]
    assert len(result.report) == 1 and result.report[0].text.startswith("注")


def test_a_title_filled_down_every_row_moves_nothing():
    text = (
        "项目名称\t甲\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
        "绩效指标\t产出指标\t数量指标\t户数\t120户\n"
        "绩效指标\t效益指标\t社会效益指标\t满意度\t≥90%\n"
    )
    assert _rows(text)[1] == [
        ("产出指标", "数量指标", "户数", "120户"),
        ("效益指标", "社会效益指标", "满意度", "≥90%"),
    ]


def test_a_heading_in_a_forms_instructions_makes_no_table():
    text = (
        "填报说明：\n一级指标\t二级指标\t三级指标\t指标值\n请按照下列要求填写\n"
        "项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t户数\t120户\n"
    )
    result, rows = _rows(text)
    assert [t.header.name for t in result.tables] == ["甲"]
    assert rows == [("产出指标", "数量指标", "户数", "120户")]
    assert {r.reason_en for r in result.report} == {"text outside any table"}


def test_a_cell_after_a_bar_alone_starts_at_its_text():
    text = "|   产出指标\n        | \n     质量指标\n  ||\n"
    row = join_piped(records(text))[0]
    assert [(f.text, text[f.start : f.end]) for f in row.fields if f.text] == [
        ("产出指标", "产出指标"),
        ("质量指标", "质量指标"),
    ]


def test_a_double_spaced_copy_reads_as_the_page():
    # A page's copy with a blank line after every line (a paragraph a line): a cell
    # wrapped over two lines (Anhui, Jin'an) and a row written a cell a line still join.
    page = (
        "项目名称 |\n宣传专项 |\n一级\n指标 |\n二级指标 |\n三级指标 |\n指标值 |\n"
        "产出指标 |\n数量指标 |\n打造金安国际网球\n公开赛等系列品牌赛事 |\n1种 |\n"
        "满意度指标 |\n满意度指标 |\n群众满意度 |\n≥95% |\n"
    )
    double = page.replace("\n", "\n\n")
    expected = [
        ("产出指标", "数量指标", "打造金安国际网球公开赛等系列品牌赛事", "1种"),
        ("满意度指标", "满意度指标", "群众满意度", "≥95%"),
    ]
    assert _rows(page)[1] == expected
    result, rows = _rows(double)
    assert rows == expected
    name = next(p for p in result.placed if p.ref == ("indicators", 0, "name"))
    assert (name.line, name.end_line) == (19, 21)  # where it stands in the double-spaced text


@pytest.mark.slow
def test_every_real_table_double_spaced_reads_as_it_is():
    plain, double = Score(), Score()
    for path in sorted((Path(__file__).parent / "fixtures").glob("real*/*.expected")):
        expected = load(path)
        text = source_text(path.with_suffix(".txt"))
        plain.add(score_tables(import_text(text).tables, expected))
        double.add(score_tables(import_text(text.replace("\n", "\n\n")).tables, expected))
    assert plain.total > 800
    # Before: 751 of 805 against 755, 124 junk rows against 112. Left: an indented
    # self-evaluation's group rows, whose rows below them are told by line numbers.
    assert double.hits >= plain.hits, sorted(set(double.misses) - set(plain.misses))
    assert double.extra_rows <= plain.extra_rows + 3


def test_a_year_alone_on_its_line_in_a_web_row_is_a_cell_not_a_title():
    # The row's cells each stand on a line of their own: a line holding only `2020年`
    # is a cell of its row, not a page title naming the year (Sichuan, Daying).
    text = (
        "项目名称\n        | 养老服务\n一级指标\n        | 二级指标\n        | 三级指标\n"
        "        | 指标值\n项目完成指标\n        | 时效指标\n        | 完成时间\n"
        "        | 2020年\n"
    )
    result, rows = _rows(text)
    assert rows == [("项目完成指标", "时效指标", "完成时间", "2020年")]
    assert result.report == []


def test_a_web_row_indented_or_with_no_break_spaces_is_one_row():
    indented = "\n".join("  " + line if line else line for line in _PIPED.split("\n"))
    for text in (indented, _PIPED.replace(" ", "\xa0")):
        assert _rows(text)[1] == _rows(_PIPED)[1]
