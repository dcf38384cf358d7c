"""The loader and model: values, the derived tree, positions, and one-line errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import DATA
from tui.errors import JixiaoError
from tui.model import Indicator, Table, indicator_tree
from tui.tomlfile.loader import decode, load_table, parse_table, read_source

PENSION = DATA / "养老保险专项业务经费.toml"
RETIREES = DATA / "企业退休人员社会化管理服务.toml"


def test_sample_header_funding_and_goals():
    table = load_table(RETIREES)
    assert (table.format, table.year, table.framework) == (1, 2021, "2015")
    assert table.header.name == "企业退休人员社会化管理服务"
    assert table.header.department == "市人社局"
    assert table.header.department_code == "111"
    assert table.header.period == "2021至2023"
    assert str(table.funding.medium.total) == "294.00"
    assert str(table.funding.annual.fiscal) == "90.00"
    assert table.funding.medium.other is None  # blank cell = absent key
    assert table.goals.medium_period == "2020-2022"
    assert len(table.indicators) == 21


def test_blank_annual_funding_is_none_not_zero():
    table = load_table(PENSION)
    assert str(table.funding.medium.total) == "103.00"
    assert table.funding.annual.total is None
    assert table.funding.annual.fiscal is None
    assert table.funding.annual.other is None


def test_annual_name_from_the_seed():
    table = load_table(RETIREES)
    row = table.indicators[4]
    assert row.name == "举办退休人员文体活动"
    assert row.annual_name == "采购硬件设备数量"
    assert row.effective_annual_name == "采购硬件设备数量"
    assert table.indicators[0].annual_name is None
    assert table.indicators[0].effective_annual_name == "培训场次"


def test_indicator_tree_in_file_order():
    table = load_table(RETIREES)
    tree = indicator_tree(table.indicators)
    assert [n.name for n in tree] == ["产出指标", "效益指标", "满意度指标"]
    assert [c.name for c in tree[0].children] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert [c.name for c in tree[1].children] == [
        "经济效益指标",
        "社会效益指标",
        "可持续影响指标",
    ]
    assert tree[0].children[0].rows == [0, 1, 2, 3, 4, 5]
    assert tree[2].children[0].rows == [20]


def test_indicator_tree_groups_rows_that_are_apart():
    rows = [
        Indicator(level1="产出指标", level2="数量指标", name="a"),
        Indicator(level1="效益指标", level2="社会效益指标", name="b"),
        Indicator(level1="产出指标", level2="数量指标", name="c"),
        Indicator(level1="产出指标", level2="质量指标", name="d"),
    ]
    tree = indicator_tree(rows)
    assert [n.name for n in tree] == ["产出指标", "效益指标"]
    assert [(c.name, c.rows) for c in tree[0].children] == [("数量指标", [0, 2]), ("质量指标", [3])]


def test_get_set_and_clone():
    table = load_table(RETIREES)
    copy = table.clone()
    assert copy == table
    assert [r.uid for r in copy.indicators] == [r.uid for r in table.indicators]
    copy.set(("indicators", 2, "annual"), "改")
    copy.set(("funding", "annual", "other"), Decimal("1.00"))
    copy.set(("project", "name"), "新")
    assert table.get(("indicators", 2, "annual")) == "本年度每次学习人数100-150人"
    assert copy.get(("indicators", 2, "annual")) == "改"
    assert table.funding.annual.other is None
    assert copy.get(("project", "name")) == "新"
    assert copy.get(("goals", "medium_period")) == "2020-2022"
    with pytest.raises(KeyError):
        table.get(("nonsense",))


def test_copy_without_uid_gets_a_new_uid():
    row = Indicator(name="x", extra={"k": 1})
    twin = row.copy(keep_uid=False)
    assert twin == row and twin.uid != row.uid
    twin.extra["k"] = 2
    assert row.extra == {"k": 1}
    assert row.copy().uid == row.uid


def test_locator_positions():
    _, locator = parse_table(read_source(RETIREES).text)
    assert locator.line_of(("project", "name")) == (9, 8)
    assert locator.line_of(("funding", "annual", "total")) == (21, 9)
    assert locator.line_of(("indicators", 0)) == (29, 1)
    # an absent key falls back to its table
    assert locator.line_of(("funding", "medium", "other")) == (16, 1)
    assert locator.line_of(("indicators", 4, "annual_name")) == (63, 15)


def test_table_defaults():
    table = Table()
    assert (table.format, table.framework, table.indicators) == (1, "2015", [])


BAD = [
    (
        "invalid TOML",
        "format = 1\n[project]\nname = \n",
        "x.toml:3:8: TOML 语法错误（Invalid value）",
    ),
    (
        "string where money goes",
        'format = 1\n[project]\nname = "n"\n[funding.medium]\ntotal = "103"\n',
        "x.toml:5:9: 金额“total”应为数字（万元）（amount 'total' must be a number）",
    ),
    (
        "missing format",
        '[project]\nname = "n"\n',
        "x.toml:1:1: 缺少必需的键 format（missing required key 'format'）",
    ),
    (
        "unknown format",
        'format = 2\n[project]\nname = "n"\n',
        "x.toml:1:10: 不支持的格式版本 2，应为 1（unsupported format 2, expected 1）",
    ),
    (
        "format as a float",
        'format = 1.0\n[project]\nname = "n"\n',
        "x.toml:1:10: 不支持的格式版本 1.0，应为 1（unsupported format 1.0, expected 1）",
    ),
    (
        "format as text",
        'format = "1"\n[project]\nname = "n"\n',
        'x.toml:1:10: 不支持的格式版本 "1"，应为 1（unsupported format "1", expected 1）',
    ),
    (
        "missing project name",
        'format = 1\n\n[project]\nperiod = "1年"\n',
        "x.toml:3: 缺少必需的键 project.name（项目名称）（missing required key 'project.name'）",
    ),
    (
        "missing [project]",
        "format = 1\n",
        "x.toml: 缺少必需的键 project.name（项目名称）（missing required key 'project.name'）",
    ),
    (
        "unknown framework",
        'format = 1\nframework = "2018"\n[project]\nname = "n"\n',
        'x.toml:2:13: 未知的指标体系 "2018"，应为 "2015" 或 "2021"'
        '（unknown framework "2018", expected "2015" or "2021"）',
    ),
    (
        "year as text",
        'format = 1\nyear = "2021"\n[project]\nname = "n"\n',
        "x.toml:2:8: “year”应为整数年份（'year' must be an integer）",
    ),
    (
        "indicator without name",
        'format = 1\n[project]\nname = "n"\n\n[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\n',
        "x.toml:5:1: 第 1 个指标缺少必需的键 name（indicator 1 is missing required key 'name'）",
    ),
    (
        "number where text goes",
        'format = 1\n[project]\nname = "n"\n\n[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\n'
        "name = 3\n",
        "x.toml:8:8: “name”应为文本（'name' must be a string）",
    ),
    (
        "indicators not an array of tables",
        'format = 1\nindicators = "x"\n[project]\nname = "n"\n',
        "x.toml:2:14: indicators 应为表数组 [[indicators]]"
        "（'indicators' must be an array of tables）",
    ),
    (
        "project not a table",
        'format = 1\nproject = "x"\n',
        "x.toml:2:11: “project”应为表（'project' must be a table）",
    ),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD, ids=[c for c, _, _ in BAD])
def test_bad_input_gives_one_clear_line(case, text, message):
    with pytest.raises(JixiaoError) as info:
        parse_table(text, "x.toml")
    assert str(info.value) == message
    assert "\n" not in str(info.value)


def test_non_utf8_file(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes('format = 1\n[project]\nname = "项目"\n'.encode("gbk"))
    with pytest.raises(JixiaoError) as info:
        load_table(path)
    assert str(info.value) == f"{path}:3:9: 文件不是 UTF-8 编码（file is not UTF-8 encoded）"


def test_non_utf8_column_counts_characters():
    raw = "format = 1\n# 中文注释 \n".encode() + b"\xff\n"
    with pytest.raises(JixiaoError) as info:
        decode(raw.replace(b" \n\xff", b" \xff"), "x.toml")
    assert (info.value.line, info.value.col) == (2, 8)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(JixiaoError) as info:
        load_table(tmp_path / "none.toml")
    assert str(info.value) == f"{tmp_path / 'none.toml'}: 文件不存在（no such file）"
    with pytest.raises(JixiaoError) as info:
        load_table(tmp_path)
    assert str(info.value) == f"{tmp_path}: 这是一个目录，不是文件（is a directory）"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.toml"
    path.write_text('format = 1\n[project]\nname = "n"\n', "utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.tomlfile.loader.read_regular", refuse)
    with pytest.raises(JixiaoError) as info:
        load_table(path)
    assert str(info.value) == f"{path}: 没有读取权限（permission denied）"
