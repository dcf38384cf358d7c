"""import_rows: indicator rows pasted into an open table."""

from __future__ import annotations

from tui.importing import import_rows


def test_rows_with_both_halves_and_no_header():
    text = (
        "产出指标\t数量指标\t培训场次\t2次\t数量指标\t培训场次\t1次\n"
        "\t\t培训人次\t200人\t\t培训人次\t100人\n"
    )
    result = import_rows(text)
    (table,) = result.tables
    assert result.report == []
    assert [(r.level1, r.level2, r.name, r.medium, r.annual) for r in table.indicators] == [
        ("产出指标", "数量指标", "培训场次", "2次", "1次"),
        ("产出指标", "数量指标", "培训人次", "200人", "100人"),
    ]


def test_rows_with_one_value_go_to_the_annual_column():
    result = import_rows("社会效益指标\t受益人数\t≥500人\n\t惠及户数\t≥100户\n")
    assert [(r.level2, r.name, r.medium, r.annual) for r in result.tables[0].indicators] == [
        ("社会效益指标", "受益人数", "", "≥500人"),
        ("社会效益指标", "惠及户数", "", "≥100户"),
    ]


def test_header_row_is_used_and_leftovers_reported():
    text = "一级指标\t二级指标\t三级指标\t中期指标值\n产出指标\t质量指标\t合格率\t100%\n注\n"
    result = import_rows(text)
    rows = result.tables[0].indicators
    assert [(r.name, r.medium, r.annual) for r in rows] == [("合格率", "100%", "")]
    assert [(u.text, u.line) for u in result.report] == [("注", 3)]
