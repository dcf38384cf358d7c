"""A heading with two columns of one kind (Hunan's 2025 整体支出绩效目标表: 评(扣)分标准 and
备注, both remarks; 指标解释 and 指标说明, both explanations) keeps the second in its place,
its cells reported: dropping it shifted every cell after it and cut each row in two."""

from __future__ import annotations

from tui.importing import import_text

_HUNAN_2025 = [
    "一级指标\t二级指标\t三级指标\t指标值类型\t指标值\t计量单位\t指标解释\t评(扣)分标准\t备注",
    "成本指标\t经济成本指标\t成本节约率\t\t0\t%\t资金支出严格按预算执行\t节约率0%以上计20分\t20",
    "产出指标\t数量指标\t开展开放日活动次数\t\t1\t\t扩大社会影响力\t1次以上计3分\t3",
    "\t\t全院服务对象护理覆盖率\t=\t100\t%\t护理服务全覆盖\t100%计3分\t3",
]


def _rows(lines):
    result = import_text("\n".join(["项目名称\t衡阳市社会福利院整体支出", *lines]))
    rows = [
        (r.name, r.nature, r.annual, r.unit, r.explanation, r.remark)
        for t in result.tables
        for r in t.indicators
    ]
    return result, rows


def test_a_second_remark_column_keeps_its_place_and_its_cells_are_reported():
    result, rows = _rows(_HUNAN_2025)
    assert rows == [
        ("成本节约率", None, "0", "%", "资金支出严格按预算执行", "节约率0%以上计20分"),
        ("开展开放日活动次数", None, "1", None, "扩大社会影响力", "1次以上计3分"),
        ("全院服务对象护理覆盖率", "=", "100", "%", "护理服务全覆盖", "100%计3分"),
    ]
    reported = [(u.line, u.text, u.reason_en) for u in result.report]
    assert reported == [
        (3, "20", "a second column of its kind; not imported"),
        (4, "3", "a second column of its kind; not imported"),
        (5, "3", "a second column of its kind; not imported"),
    ]


def test_a_second_explanation_column_in_a_bar_table_too():
    lines = [
        "| 一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标说明及公式 | 预期达到目标 |",
        "| 产出指标 | 数量指标 | 培育中药材品种数量 | 培育品种 | 新培育品种数 | 4种 |",
        "| 效益指标 | 社会效益指标 | 带动农户增收 | 农户增收 | 增收农户数 | ≥200户 |",
    ]
    result, rows = _rows(lines)
    assert rows == [
        ("培育中药材品种数量", None, "4种", None, "培育品种", None),
        ("带动农户增收", None, "≥200户", None, "农户增收", None),
    ]
    assert [u.text for u in result.report] == ["新培育品种数", "增收农户数"]
