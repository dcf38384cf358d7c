"""A PDF's layout text wraps a long cell onto the next lines, under itself: the pieces
are joined back to their cell, and a new row is never taken for one."""

from __future__ import annotations

from tui.importing import import_text

_HEAD = "项目名称  甲\n一级指标    二级指标            三级指标              指标值\n"


def _rows(text: str):
    result = import_text(text)
    rows = [(r.level1, r.level2, r.name, r.annual) for t in result.tables for r in t.indicators]
    return result, rows


def test_a_name_wrapped_under_itself_is_joined():
    # Display columns, as a terminal or tabulate lays text out (a Chinese character is 2).
    text = _HEAD + (
        "产出指标    数量指标            重点建设工程安排数量  2\n"
        "            质量指标            重点建设工程验收合格  100%\n"
        "                                率\n"
        "            成本指标            建设项目成本          参照政府采购成本\n"
        "                                                      控制\n"
    )
    result, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "重点建设工程安排数量", "2"),
        ("产出指标", "质量指标", "重点建设工程验收合格率", "100%"),
        ("产出指标", "成本指标", "建设项目成本", "参照政府采购成本控制"),
    ]
    assert result.report == []  # each piece placed with its cell


def test_pdfplumbers_layout_text_counts_one_column_a_character():
    text = (
        "项目名称 甲\n"
        "一级指标  二级指标    三级指标          指标值\n"
        "产出指标  数量指标    完成开发区工委管委下达的  8个\n"
        "                      安置小区物业费清算任务\n"
        "          经济效益    节约成本          显著\n"
        "          指标\n"
    )
    _, rows = _rows(text)
    assert rows == [
        ("产出指标", "数量指标", "完成开发区工委管委下达的安置小区物业费清算任务", "8个"),
        ("效益指标", "经济效益指标", "节约成本", "显著"),
    ]


def _at(*cells: tuple[int, str]) -> str:
    """A line with each text starting at its character column (pdfplumber's layout)."""
    line = ""
    for column, text in cells:
        line += " " * (column - len(line)) + text
    return line


def test_a_full_cell_touching_the_next_column_is_cut_where_it_starts():
    # pdfplumber's layout text: a name filling its column, one space before the value.
    lines = [
        "项目名称 甲",
        _at((0, "一级指标"), (10, "二级指标"), (22, "三级指标"), (40, "指标值")),
        _at((0, "产出指标"), (10, "数量指标"), (22, "完成开发区安置小区物业费清算工作的 8个")),
        _at((22, "任务")),
        _at((10, "质量指标"), (22, "合格率"), (40, "100%")),
        _at((10, "时效指标"), (22, "按时完成率"), (40, "100%")),
        _at((10, "成本指标"), (22, "总成本控制在预算范围之内(≤**万 )"), (44, "90万元")),
    ]
    result, rows = _rows("\n".join(lines) + "\n")
    assert [(name, value) for _, _, name, value in rows] == [
        ("完成开发区安置小区物业费清算工作的任务", "8个"),
        ("合格率", "100%"),
        ("按时完成率", "100%"),
        ("总成本控制在预算范围之内(≤**万 )", "90万元"),  # nothing cut inside parentheses
    ]
    assert result.report == []


def test_a_new_row_is_not_taken_for_the_rest_of_the_row_above():
    text = _HEAD + (
        # under a whole label: a row of its own (时效指标 / 资金拨付)
        "产出指标    时效指标            项目实施时间          2021年1月-12月\n"
        "            资金拨付            12月底到位\n"
        # under a name with room left
        "            质量指标            合格率                100%\n"
        "                                验收率\n"
        # under a cell ending a sentence
        "效益指标    社会效益指标        提升群众满意度和获得  显著提升。\n"
        "                                                      效果明显\n"
    )
    result, rows = _rows(text)
    assert [(name, value) for _, _, name, value in rows] == [
        ("项目实施时间", "2021年1月-12月"),
        ("资金拨付", "12月底到位"),
        ("合格率", "100%"),
        ("提升群众满意度和获得", "显著提升。"),
    ]
    # The lone pieces are no row's rest: reported, not glued on.
    assert [u.text for u in result.report] == ["验收率", "效果明显"]
