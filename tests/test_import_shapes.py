"""Hand-made pastes, one per drift the seed shows, each import correctly."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import FIXTURES
from tui.importing import import_text


def _import(name: str):
    return import_text((FIXTURES / name).read_text(encoding="utf-8"))


def _rows(table):
    return [
        (r.level1, r.level2, r.name, r.medium, r.annual_name, r.annual) for r in table.indicators
    ]


def test_rows_shifted_left_and_level1_written_once():
    result = _import("paste_shift_left.txt")
    (table,) = result.tables
    assert result.report == []
    assert _rows(table) == [
        ("产出指标", "数量指标", "培训场次", "2次", None, "1次"),
        ("产出指标", "数量指标", "培训人次", "200人", None, "100人"),
        ("产出指标", "成本指标", "办公成本", "约3万元", None, "约1万元"),
        ("效益指标", "可持续影响指标", "持续影响程度", "较高", None, "高"),
        (
            "效益指标",
            "可持续影响指标",
            "对单位履职的持续影响程度",
            "较高",
            "对单位履职的持续影响",
            "影响程度较高",
        ),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", None, "≥95%"),
    ]


def test_two_projects_back_to_back_take_the_year_of_their_own_title():
    result = _import("paste_two_projects.txt")
    assert [(t.header.name, t.header.implementer, t.year) for t in result.tables] == [
        ("项目甲", "甲单位", 2022),
        ("项目乙", "乙单位", 2023),
    ]
    assert _rows(result.tables[1]) == [("效益指标", "社会效益指标", "受益人数", "", None, "≥500人")]
    # Each title gave its table's year: placed there, nothing left over.
    assert result.report == []
    titles = [(p.line, p.table) for p in result.placed if p.ref == ("label", "title")]
    assert titles == [(1, 0), (5, 1)]


def test_a_title_whose_year_no_table_takes_is_reported():
    text = (FIXTURES / "paste_two_projects.txt").read_text(encoding="utf-8")
    result = import_text(text, year=2024)  # --year: the titles' years are not used
    assert [t.year for t in result.tables] == [2024, 2024]
    assert [(u.line, u.reason_en) for u in result.report] == [
        (1, "page title; not imported"),
        (5, "page title; not imported"),
    ]


def test_heading_underlined_with_dashes():
    result = _import("paste_underline.txt")
    (table,) = result.tables
    assert result.report == []  # the dashes are layout, not cells
    header = table.header
    assert header.name == "企业退休人员社会化管理服务"
    assert (header.department, header.department_code) == ("六安市金安区体育局", "042")
    assert (header.implementer, header.attribute, header.period) == (
        "金安区体育中心",
        "经常性项目",
        "3年",
    )


def test_table_with_only_an_annual_column():
    result = _import("paste_annual_only.txt")
    (table,) = result.tables
    assert result.report == []
    assert (
        table.funding.annual.total,
        table.funding.annual.fiscal,
        table.funding.annual.other,
    ) == (
        Decimal("50"),
        Decimal("40"),
        Decimal("10"),
    )
    assert table.funding.medium.total is None
    assert (table.goals.medium, table.goals.annual) == ("", "完成全年培训任务")
    assert _rows(table) == [
        ("产出指标", "数量指标", "培训场次", "", None, "≥4场"),
        ("产出指标", "质量指标", "合格率", "", None, "≥95%"),
        ("满意度指标", "服务对象满意度指标", "满意度", "", None, "≥90%"),
    ]


def test_cells_separated_by_spaces():
    result = _import("paste_spaces.txt")
    (table,) = result.tables
    assert result.report == []
    assert (table.header.department, table.header.department_code) == (
        "池州市贵池区棠溪镇人民政府",
        "219",
    )
    assert table.funding.medium.total == Decimal("300.00")
    assert table.funding.annual.fiscal == Decimal("100.00")
    assert _rows(table) == [
        ("产出指标", "数量指标", "维修道路", "3公里", None, "1公里"),
        ("产出指标", "时效指标", "完成时间", "2025年底前", None, "年底前"),
    ]


def test_one_cell_per_line():
    result = _import("paste_one_per_line.txt")
    (table,) = result.tables
    assert result.report == []
    assert (table.header.name, table.header.attribute) == ("项目戊", "一次性项目")
    assert (table.goals.medium, table.goals.annual) == ("建成档案系统", "完成数据录入")
    assert _rows(table) == [
        ("产出指标", "数量指标", "录入档案数", "5000份", None, "2000份"),
        ("产出指标", "质量指标", "录入准确率", "≥99%", None, "≥99%"),
        ("效益指标", "社会效益指标", "查询便利程度", "明显提高", None, "提高"),
    ]


def test_page_furniture_is_reported_with_its_kind():
    result = _import("paste_furniture.txt")
    (table,) = result.tables
    assert table.year == 2021
    assert _rows(table) == [("产出指标", "数量指标", "采购设备数量", "", None, "10套")]
    assert [(u.line, u.reason_en) for u in result.report] == [
        (2, "URL; not imported"),
        (3, "unit note; not imported"),
        (7, "signature line; not imported"),
        (7, "signature line; not imported"),
        (8, "page number; not imported"),
    ]


def test_label_and_value_in_one_cell():
    text = "项目名称：项目庚\n实施单位：庚单位\n中期资金总额：12.5万元\n"
    (table,) = import_text(text).tables
    assert (table.header.name, table.header.implementer) == ("项目庚", "庚单位")
    assert table.funding.medium.total == Decimal("12.5")


def test_unreadable_amount_is_reported_not_guessed():
    text = "项目名称\t项目辛\n项目资金\t中期资金总额\t约100\t年度资金总额\t20\n"
    result = import_text(text)
    (table,) = result.tables
    assert table.funding.medium.total is None
    assert table.funding.annual.total == Decimal("20")
    assert [(u.text, u.reason_en) for u in result.report] == [
        ("约100", "not an amount; left blank")
    ]


def test_text_without_any_table_gives_no_table():
    result = import_text("随便一段文字\n另一行  两个词\n")
    assert result.tables == []
    assert [u.text for u in result.report] == ["随便一段文字", "另一行", "两个词"]


def test_a_period_in_two_fields_is_joined():
    # Shanghai's form (计划开始日期 | 计划完成日期) and Gansu's, glued (项目开始日期…).
    tabs = "项目名称\t甲\n计划开始日期\t2026-01-01\t计划完成日期\t2026-12-31\n"
    glued = "项目名称乙项目开始日期2023-01-01项目完成日期2023-12-31监督管理单位某局\n"
    for text, name, period in (
        (tabs, "甲", "2026-01-01至2026-12-31"),
        (glued, "乙", "2023-01-01至2023-12-31"),
    ):
        result = import_text(
            text + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t户数\t1户\n"
        )
        (table,) = result.tables
        assert (table.header.name, table.header.period) == (name, period)
        assert [u.text for u in result.report] == (["某局"] if text is glued else [])
    # A 项目期 given as well: the second period is a duplicate, reported.
    text = "项目名称\t丙\t项目期\t1年\n计划开始日期\t2026-01-01\n"
    result = import_text(text)
    assert result.tables[0].header.period == "1年"
    assert [(u.text, u.reason_en) for u in result.report] == [
        ("2026-01-01", "duplicate header field")
    ]


def test_iso_dates_are_values_and_special_fund_labels_are_known():
    text = "专项名称\t丁\t专项起止时间\t2023年1月至12月\t专项属性\t延续专项\n"
    text += "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t时效指标\t完成时间\t2023-12-31\n"
    result = import_text(text)
    (table,) = result.tables
    assert (table.header.name, table.header.period) == ("丁", "2023年1月至12月")
    assert table.header.attribute == "延续专项"
    glued = "项目名称丁一级指标二级指标三级指标指标值产出指标时效指标完成时间2023-12-31\n"
    rows = [(r.level2, r.name, r.annual) for r in import_text(glued).tables[0].indicators]
    assert rows == [("时效指标", "完成时间", "2023-12-31")]
