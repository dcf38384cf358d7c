"""The seed paste imports into the two data/ tables, field for field, in every paste shape."""

from __future__ import annotations

import pytest

from tests.conftest import DATA_FILES, SEED
from tui.importing import import_text
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import load_table

SEED_TEXT = SEED.read_text(encoding="utf-8")
EXPECTED = {load_table(p).header.name: load_table(p) for p in DATA_FILES}


def _as_spaces(text: str) -> str:
    return "\n".join(
        "   ".join(c for c in line.split("\t") if c.strip()) for line in text.split("\n")
    )


def _as_pipes(text: str) -> str:
    return "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if line.strip() else ""
        for line in text.split("\n")
    )


def _one_per_line(text: str) -> str:
    cells = [c.strip() for line in text.split("\n") for c in line.split("\t") if c.strip()]
    return "\n\n".join(cells)


@pytest.mark.parametrize("shape", [lambda t: t, _as_spaces, _as_pipes, _one_per_line])
def test_seed_imports_into_the_data_tables(shape):
    result = import_text(shape(SEED_TEXT))
    names = [t.header.name for t in result.tables]
    assert names == ["养老保险专项业务经费", "企业退休人员社会化管理服务"]
    for table in result.tables:
        expected = EXPECTED[table.header.name]
        assert table == expected
        assert dump_table(table) == dump_table(expected)
    # Nothing is left over: the two title lines gave the year, so they are placed.
    assert result.report == []
    titles = [p.line for p in result.placed if p.ref == ("label", "title")]
    assert len(titles) == 2


def test_seed_details_checked_by_hand():
    a, b = import_text(SEED_TEXT).tables
    assert (a.header.department, a.header.department_code) == ("市人社局", "111")
    assert a.header.period == "2021至2023"
    assert a.goals.medium_period == "2020-2022"
    assert a.funding.annual.total is None and a.funding.annual.fiscal is None
    assert str(b.funding.annual.total) == "90.00"
    assert a.year == b.year == 2021 and a.framework == "2015"
    assert a.indicators[0].level1 == "产出 指标"  # the cell's own wording is kept
    # seed L19: shifted one column left, still a second 成本指标 row
    row = a.indicators[4]
    assert (row.level1, row.level2, row.name) == (
        "产出 指标",
        "成本指标",
        "完成各项代发所需办公成本",
    )
    # seed L21: the 年度 name differs → annual_name; L22 equal → None
    assert a.indicators[6].annual_name == "对保障各项业务正常开展的影响或提升程度"
    assert a.indicators[7].annual_name is None
    # seed L49–51: the shifted 成本 rows sit under 产出指标 / 成本指标
    for row in b.indicators[10:13]:
        assert (row.level1, row.level2) == ("产出指标", "成本指标")
    assert b.indicators[10].medium == "项目总成本90万元"
    # seed L58: starts in column 0, belongs to 可持续影响指标
    row = b.indicators[19]
    assert (row.level2, row.name, row.medium, row.annual) == (
        "可持续影响指标",
        "对单位履职、促进事业发展的持续影响程度",
        "较高",
        "影响程度较高",
    )
    # seed L59: 满意度指标 in column 0
    assert (b.indicators[20].level1, b.indicators[20].level2) == (
        "满意度指标",
        "服务对象满意度指标",
    )


def test_seed_placements_name_the_fields():
    result = import_text(SEED_TEXT)
    where = {(p.line, p.column): (p.table, p.ref) for p in result.placed}
    seed_lines = SEED_TEXT.split("\n")
    # L58, first cell (column 1): the 三级 name of project 2’s row 19
    assert where[(58, 1)] == (1, ("indicators", 19, "name"))
    # L19: the value after the shifted name is the 中期 value of row 4
    line19 = seed_lines[18]
    col = line19.index("需专人") + 1
    assert where[(19, col)] == (0, ("indicators", 4, "medium"))


def test_year_and_framework_options():
    result = import_text(SEED_TEXT, framework="2021", year=2022)
    assert {t.year for t in result.tables} == {2022}
    assert {t.framework for t in result.tables} == {"2021"}
    # 成本指标 is a 一级 in the 2021 tree, but the seed's rows keep their places.
    assert result.tables[1].indicators[10].level2 == "成本指标"
