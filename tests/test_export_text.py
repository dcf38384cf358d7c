"""Plain-text export: display-width alignment, wrapping, escaping, layout details."""

from __future__ import annotations

from decimal import Decimal

import pytest
from wcwidth import iter_graphemes, wcswidth

from tests.conftest import DATA_FILES
from tui.escape import visible
from tui.export import export_table, export_tables
from tui.export.layout import money, project_grids
from tui.export.wrap import wrap_text
from tui.model import Amounts, Funding, Goals, Header, Indicator, Table
from tui.tomlfile.loader import load_table


def grid_blocks(text: str) -> list[list[str]]:
    """The boxed tables of a txt export, each as its list of lines."""
    return [block.split("\n") for block in text.rstrip("\n").split("\n\n") if block[0] in "+┌"]


def make_table(texts: list[str]) -> Table:
    """A table whose names and values are the given texts, in turn."""
    rows = [
        Indicator(level1="产出指标", level2="数量指标", name=t, medium=t, annual=t + t)
        for t in texts
    ]
    return Table(
        year=2021,
        header=Header(name=texts[0], department="市人社局", department_code="111"),
        funding=Funding(medium=Amounts(total=Decimal("103.00"), fiscal=Decimal("103"))),
        goals=Goals(medium_period="2020-2022", medium=" ".join(texts), annual=texts[-1]),
        indicators=rows,
    )


SAMPLES = {
    "chinese": ["养老保险专项业务经费", "完成共军转干补贴未参保集体企业生活补助" * 3],
    "mixed": ["采购10套资格认证设备约5万元", "达到90% of target, 2021年 budget约47万元 ok"],
    "fullwidth_punct": ["考虑每年提标，结合代发账户剩余资金（约21万元）：", "甲、乙；丙。丁！"],
    "emoji": ["满意度👍很高", "家庭👨‍👩‍👧活动🎉🇨🇳旗帜", "表情😀" * 12],
}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
@pytest.mark.parametrize("width", [40, 80, 120])
def test_every_line_of_a_table_has_the_same_display_width(kind, width):
    text = export_table(make_table(SAMPLES[kind]), "txt", width=width)
    blocks = grid_blocks(text)
    assert len(blocks) == 4
    for lines in blocks:
        widths = {wcswidth(line) for line in lines}
        assert len(widths) == 1, lines
        assert widths.pop() <= width


@pytest.mark.parametrize("width", [80, 120])
def test_data_folder_fits_the_terminal(width):
    tables = [load_table(path) for path in DATA_FILES]
    text = export_tables(tables, "txt", width=width)
    assert max(wcswidth(line) for line in text.split("\n")) <= width
    for lines in grid_blocks(text):
        assert len({wcswidth(line) for line in lines}) == 1


@pytest.mark.parametrize("style", ["simple_grid", "rounded_grid", "psql", "simple", "plain"])
def test_other_styles_fit_the_width(style):
    tables = [load_table(path) for path in DATA_FILES]
    text = export_tables(tables, "txt", width=80, style=style)
    assert max(wcswidth(line) for line in text.split("\n")) <= 80


def test_too_narrow_degrades_without_crashing():
    table = load_table(DATA_FILES[0])
    text = export_table(table, "txt", width=3)
    assert "项" in text
    for lines in grid_blocks(text):
        assert len({wcswidth(line) for line in lines}) == 1


def test_no_width_means_no_wrapping():
    table = load_table(DATA_FILES[1])
    text = export_table(table, "txt", width=None)
    long_value = table.indicators[0].medium
    assert long_value in text


def test_unknown_style_is_rejected():
    with pytest.raises(ValueError):
        export_table(Table(), "txt", style="html")


@pytest.mark.parametrize(
    "text",
    [
        "完成共军转干补贴、53年前参军补贴、未参保集体企业生活补助、53年后参战参试",
        "家庭👨‍👩‍👧活动🎉🇨🇳旗帜e\u0301x" * 3,
        "hello world, a fairly long english sentence with words",
        "a\nb\n\n中文",
    ],
)
@pytest.mark.parametrize("width", [1, 2, 3, 7, 12, 30])
def test_wrap_never_splits_a_grapheme_and_respects_the_width(text, width):
    wrapped = wrap_text(text, width)
    clusters = list(iter_graphemes(text.replace("\n", "").replace(" ", "")))
    out_clusters = [g for line in wrapped.split("\n") for g in iter_graphemes(line) if g != " "]
    assert out_clusters == clusters
    for line in wrapped.split("\n"):
        assert wcswidth(line) <= max(width, 2)


def test_wrap_prefers_chinese_punctuation_and_keeps_numbers():
    # Greedy would give "甲乙丙丁，戊" (12 columns); the break moves back after "，".
    assert wrap_text("甲乙丙丁，戊己庚辛", 12) == "甲乙丙丁，\n戊己庚辛"
    assert wrap_text("资格认证率达90%以上", 14) == "资格认证率达\n90%以上"
    assert wrap_text("甲乙丙，丁", 6) == "甲乙\n丙，丁"  # no line starts with "，"


def test_money_two_decimals_and_blank():
    assert money(None) == ""
    assert money(Decimal("103")) == "103.00"
    assert money(Decimal("103.0")) == "103.00"
    assert money(Decimal("1E+2")) == "100.00"
    assert money(Decimal("9.995")) == "9.995"  # more decimals: shown, not rounded
    assert money(Decimal("-5.5")) == "-5.50"


def test_blank_annual_funding_stays_blank():
    table = load_table(next(p for p in DATA_FILES if "养老" in p.name))
    funding = project_grids(table)[1]
    assert funding.headers == ["项目资金（万元）", "中期", "年度"]
    assert funding.rows == [
        ["资金总额", "103.00", ""],
        ["其中：财政拨款", "103.00", ""],
        ["其他资金", "", ""],
    ]


def test_header_and_goals_layout():
    table = load_table(DATA_FILES[0])
    header, _, goals, _ = project_grids(table)
    assert header.headers == ["项目名称", "企业退休人员社会化管理服务"]
    assert header.rows[0] == ["主管部门及代码", "市人社局 111"]
    assert goals.headers == ["中期目标（2020-2022）", "年度目标"]
    table.goals.medium_period = ""
    assert project_grids(table)[2].headers[0] == "中期目标"


def test_indicator_layout_blanks_repeats_and_shows_differing_annual_names():
    table = load_table(next(p for p in DATA_FILES if "企业" in p.name))
    grid = project_grids(table)[3]
    assert grid.headers == [
        "一级指标",
        "二级指标",
        "三级指标",
        "中期指标值",
        "年度三级指标",
        "年度指标值",
    ]
    assert grid.rows[0][:3] == ["产出指标", "数量指标", "培训场次"]
    assert grid.rows[1][:2] == ["", ""]
    assert grid.rows[4] == [
        "",
        "",
        "举办退休人员文体活动",
        "5场退休人员文体活动",
        "采购硬件设备数量",
        "5场退休人员文体活动",
    ]
    assert grid.rows[9][4] == "活动计划完成时间"
    assert grid.rows[6][:2] == ["", "质量指标"]
    medium = project_grids(table, "medium")[3]
    assert medium.headers == ["一级指标", "二级指标", "三级指标", "中期指标值"]
    annual = project_grids(table, "annual")[3]
    assert annual.rows[4][2:] == ["采购硬件设备数量", "5场退休人员文体活动"]
    assert project_grids(table, "annual")[1].headers == ["项目资金（万元）", "年度"]


def test_optional_columns_appear_only_when_used():
    table = load_table(DATA_FILES[0])
    assert "度量单位" not in project_grids(table)[3].headers
    table.indicators[2].unit = "人"
    table.indicators[0].weight = Decimal("10")
    grid = project_grids(table)[3]
    assert grid.headers[-2:] == ["度量单位", "权重"]
    assert grid.rows[2][-2:] == ["人", ""]
    assert grid.rows[0][-2:] == ["", "10"]


def test_control_characters_become_visible():
    assert visible("a\x1b[31mred\x07") == "a\\x1b[31mred\\x07"
    assert visible("x\u202ey") == "x\\u202ey"
    assert visible("a\tb\r\nc") == "a b\nc"
    assert visible("lone\rcr") == "lone\\x0dcr"
    assert visible("👨‍👩‍👧") == "👨‍👩‍👧"  # a real emoji sequence keeps its joiners
    assert visible("x\u200d") == "x\\u200d"  # a dangling joiner would eat a column
    table = make_table(["名称\x1b[2J", "值\x9b"])
    for fmt in ("txt", "md", "tsv"):
        out = export_table(table, fmt)
        assert "\x1b" not in out and "\x9b" not in out
        assert "\\x1b" in out


def test_titles_group_tables_by_year():
    a, b, c = Table(year=2021), Table(year=2022), Table(year=None)
    text = export_tables([a, b, Table(year=2021), c], "txt")
    titles = [line for line in text.split("\n") if line.endswith("绩效目标表")]
    assert titles == [
        "2021年项目支出预算绩效目标表",
        "2022年项目支出预算绩效目标表",
        "项目支出预算绩效目标表",
    ]


def test_a_mark_attached_to_a_space_is_escaped():
    """Found by the shape property: a table stripped the space and left the mark alone."""
    assert visible("\tං") == " \\u0d82"
    assert visible("a ̈b") == "a \\u0308b"
