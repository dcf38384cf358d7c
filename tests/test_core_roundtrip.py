"""Loading then saving an unchanged file is byte-identical; fmt's canonical layout."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES
from tests.test_core_edits import HAND
from tui.model import AMOUNT_KEYS, GOAL_KEYS, HEADER_KEYS, ROW_KEYS
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table, read_source

ODD = """format=1
year    =2021\t# 年度
  framework = '2021'

[project]
name = '''字面量 "引号" \\ 反斜杠'''
department="部门"
 department_code = "007"
"implementer" = "单位"
attribute = "\\u7ecf\\u5e38\\u6027"
period = "2021至2023"   \t

[funding]
medium = { total = 1.00, fiscal = 1.00 }
annual = {total=0.500000,other=0.5}

[goals]
medium = '''
第一行
第二行'''

[[ indicators ]]
level1="成本指标"
level2="经济成本指标"
name="项目总成本"
medium="≤1125万元"
annual="≤90万元"
weight=20.5
extra_list = [1, 2, 3]
when = 2021-08-18
"""

NO_FINAL_NEWLINE = 'format = 1\n[project]\nname = "x"'
TRAILING_COMMENTS = 'format = 1\n[project]\nname = "x"\n\n\n# 末尾注释\n\n'

CASES = {
    "hand": HAND,
    "odd": ODD,
    "no_final_newline": NO_FINAL_NEWLINE,
    "trailing_comments": TRAILING_COMMENTS,
}


def variants() -> list[tuple[str, bytes]]:
    """Every hand-made case as LF, CRLF, BOM+LF and BOM+CRLF bytes."""
    out = []
    for name, text in CASES.items():
        lf = text.encode("utf-8")
        crlf = text.replace("\n", "\r\n").encode("utf-8")
        out += [(f"{name}-lf", lf), (f"{name}-crlf", crlf)]
        out += [(f"{name}-bom", b"\xef\xbb\xbf" + lf), (f"{name}-bom-crlf", b"\xef\xbb\xbf" + crlf)]
    return out


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_files_round_trip_byte_identical(tmp_path, path):
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    tf = TableFile.load(target)
    assert tf.render_bytes() == path.read_bytes()
    tf.save()
    assert target.read_bytes() == path.read_bytes()


@pytest.mark.parametrize(("name", "raw"), variants(), ids=[n for n, _ in variants()])
def test_hand_made_round_trip_byte_identical(tmp_path, name, raw):
    target = tmp_path / "t.toml"
    target.write_bytes(raw)
    tf = TableFile.load(target)
    tf.save()
    assert target.read_bytes() == raw


@pytest.mark.parametrize(("name", "raw"), variants(), ids=[n for n, _ in variants()])
def test_edit_and_undo_is_byte_identical(tmp_path, name, raw):
    target = tmp_path / "t.toml"
    target.write_bytes(raw)
    tf = TableFile.load(target)
    old = tf.table.header.name
    tf.table.header.name = "临时"
    assert tf.modified
    tf.table.header.name = old
    assert not tf.modified
    assert tf.render_bytes() == raw


def test_odd_file_values():
    table, _ = parse_table(ODD)
    assert table.year == 2021 and table.framework == "2021"
    assert table.header.name == '字面量 "引号" \\ 反斜杠'
    assert table.header.attribute == "经常性"
    assert table.header.implementer == "单位"
    assert str(table.funding.annual.total) == "0.500000"
    assert table.funding.annual.fiscal is None
    assert table.goals.medium == "第一行\n第二行"
    assert table.goals.annual == "" and table.goals.medium_period == ""
    assert table.indicators[0].weight == Decimal("20.5")
    assert table.indicators[0].extra["extra_list"] == [1, 2, 3]


def test_crlf_file_with_edit_keeps_crlf_everywhere(tmp_path):
    target = tmp_path / "t.toml"
    target.write_bytes(ODD.replace("\n", "\r\n").encode("utf-8"))
    tf = TableFile.load(target)
    tf.table.goals.medium = "新的\n多行\n目标"
    tf.table.funding.annual.fiscal = Decimal("0.000000")
    tf.save()
    raw = target.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert TableFile.load(target).table == tf.table


def canonical(text: str) -> str:
    table, locator = parse_table(text)
    return dump_table(table, locator)


def test_data_files_are_canonical():
    for path in DATA_FILES:
        assert canonical(read_source(path).text) == read_source(path).text


def test_canonical_layout_of_hand_file():
    expected = (
        HAND.replace("name   =   '单引号名称'", 'name = "单引号名称"')
        .replace('custom_top = "保留"   #', 'custom_top = "保留"  #')
        .replace(
            "[funding]\nmedium = { total = 1.00, fiscal = 1.00 }\n",
            "[funding.medium]\ntotal = 1.00\nfiscal = 1.00\n",
        )
    )
    assert canonical(HAND) == expected
    assert canonical(expected) == expected


def test_canonical_layout_of_odd_file():
    expected = """format = 1
year = 2021  # 年度
framework = "2021"

[project]
name = "字面量 \\"引号\\" \\\\ 反斜杠"
department = "部门"
department_code = "007"
implementer = "单位"
attribute = "经常性"
period = "2021至2023"

[funding.medium]
total = 1.00
fiscal = 1.00

[funding.annual]
total = 0.500000
other = 0.5

[goals]
medium_period = ""
medium = \"\"\"
第一行
第二行\"\"\"
annual = ""

[[indicators]]
level1 = "成本指标"
level2 = "经济成本指标"
name = "项目总成本"
medium = "≤1125万元"
annual = "≤90万元"
weight = 20.5
extra_list = [1, 2, 3]
when = 2021-08-18
"""
    assert canonical(ODD) == expected


def test_canonical_keeps_and_drops_comments():
    text = """# 头注释（leading block）

format = 1
# 悬空注释，后有空行（floating, attaches to the next key）

year = 2021
[project]  # 表头行尾注释
name = "x"
notes = [
  # 数组内注释（dropped）
  "a",
]
# 文件末尾注释（dropped）
"""
    out = canonical(text)
    kept = ["# 头注释（leading block）", "[project]  # 表头行尾注释"]
    assert all(line in out.split("\n") for line in kept)
    assert "# 悬空注释，后有空行（floating, attaches to the next key）\nyear = 2021" in out
    assert "dropped" not in out
    assert 'notes = ["a"]' in out


def test_canonical_writes_blank_funding_and_goals():
    out = canonical('format = 1\n[project]\nname = "名"\n')
    assert out == (
        'format = 1\nframework = "2015"\n\n[project]\nname = "名"\ndepartment = ""\n'
        'department_code = ""\nimplementer = ""\nattribute = ""\nperiod = ""\n\n'
        "[funding.medium]\n\n[funding.annual]\n\n"
        '[goals]\nmedium_period = ""\nmedium = ""\nannual = ""\n'
    )


def test_canonical_escapes_control_characters():
    table, _ = parse_table('format = 1\n[project]\nname = "a\\u001b[31mb\\u0000\\t"\n')
    line = next(ln for ln in dump_table(table).split("\n") if ln.startswith("name"))
    assert line == 'name = "a\\u001B[31mb\\u0000\\t"'
    assert parse_table(dump_table(table))[0] == table


def test_canonical_of_unknown_sections_and_nonfinite_numbers():
    text = 'format = 1\nx = inf\ny = -nan\n[project]\nname = "n"\n[meta]\nk = 1.50\n'
    out = canonical(text)
    assert "x = inf\ny = -nan\n" in out
    assert out.endswith("[meta]\nk = 1.50\n")
    assert canonical(out) == out


def test_load_table_reads_bom_and_crlf(tmp_path):
    path = Path(tmp_path) / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + HAND.replace("\n", "\r\n").encode("utf-8"))
    source = read_source(path)
    assert source.bom and source.newline == "\r\n"
    assert source.text == HAND


FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def test_format_doc_example_loads_and_is_canonical():
    doc = FORMAT_DOC.read_text("utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    table, locator = parse_table(example, "docs/format.md")
    assert dump_table(table, locator) == example
    assert table.indicators[1].annual_name == "采购硬件设备数量"
    assert str(table.indicators[2].weight) == "10"
    assert str(table.funding.medium.total) == "294.00"


def test_format_doc_names_every_key():
    doc = FORMAT_DOC.read_text("utf-8")
    keys = ("format", "year", "framework", *HEADER_KEYS, *AMOUNT_KEYS, *GOAL_KEYS, *ROW_KEYS)
    for key in keys:
        assert f"| `{key}` |" in doc, key
