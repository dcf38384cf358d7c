"""Minimal-change saves: one edit changes one line, row edits move whole blocks only.

Every expectation here is written by hand from the HAND text below, never copied
from the implementation's output.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES
from tui.model import Indicator
from tui.tomlfile.canonical import render_row
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

HAND = """\
# 手写文件（hand-made file）
# 第二行注释

format = 1  # 版本
year = 2021
framework = "2015"
custom_top = "保留"   # unknown top-level key

[project]
# 名称上方的注释
name   =   '单引号名称'
department = "市人社局"
department_code = "111"
implementer = "实施单位"
attribute = "经常性项目"  # 项目属性
period = "2021至2023"
owner = "张三"  # unknown key in [project]

[funding]
medium = { total = 1.00, fiscal = 1.00 }

[funding.annual]
fiscal = 90.00

[goals]
medium_period = "2021-2023"
medium = \"\"\"
多行
目标\"\"\"
annual = "年度目标"

# 第一行的注释
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训场次"
medium = "1次"
annual = "1次"
note = "未知键"  # unknown key in an indicator

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "资格认证率"
medium = "≥90%"
annual_name = "认证率"
annual = "≥90%"

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "服务对象满意度"
medium = "≥95%"
annual = "≥95%"
weight = 10
"""

HEAD, _, BODY = HAND.partition("# 第一行的注释\n")
BLOCKS = ("# 第一行的注释\n" + BODY).rstrip("\n").split("\n\n")
COMMENTS = [line for line in HAND.split("\n") if "#" in line]


def changes(old: str, new: str) -> tuple[list[str], list[str]]:
    """Lines removed and lines added by a ``difflib`` diff of ``old`` → ``new``."""
    removed, added = [], []
    for line in difflib.unified_diff(old.split("\n"), new.split("\n"), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line[0] == "-" else added).append(line[1:])
    return removed, added


@pytest.fixture(params=["lf", "crlf", "bom"])
def hand_file(request, tmp_path: Path) -> tuple[Path, str]:
    """HAND written to disk with LF, CRLF or a UTF-8 BOM."""
    text = HAND
    prefix = b""
    if request.param == "crlf":
        text = HAND.replace("\n", "\r\n")
    if request.param == "bom":
        prefix = b"\xef\xbb\xbf"
    path = tmp_path / "hand.toml"
    path.write_bytes(prefix + text.encode("utf-8"))
    return path, request.param


def save_and_read(tf: TableFile, kind: str) -> str:
    """Save, check the file keeps its newline style and BOM, return its LF text."""
    tf.save()
    raw = tf.path.read_bytes()
    if kind == "bom":
        assert raw.startswith(b"\xef\xbb\xbf")
        raw = raw[3:]
    else:
        assert not raw.startswith(b"\xef\xbb\xbf")
    if kind == "crlf":
        assert b"\n" not in raw.replace(b"\r\n", b""), "mixed line endings"
        raw = raw.replace(b"\r\n", b"\n")
    else:
        assert b"\r" not in raw
    text = raw.decode("utf-8")
    reloaded = TableFile.load(tf.path).table
    assert reloaded == tf.table
    assert reloaded.extra == {"custom_top": "保留"}
    assert reloaded.header.extra == {"owner": "张三"}
    return text


def assert_comments_kept(text: str, dropped: tuple[str, ...] = ()) -> None:
    for comment in COMMENTS:
        if comment not in dropped:
            assert comment in text.split("\n"), comment


def test_hand_file_splits_as_written():
    assert len(BLOCKS) == 3
    assert BLOCKS[0].startswith("# 第一行的注释\n[[indicators]]")
    assert all("[[indicators]]" in block for block in BLOCKS)


def test_unchanged_save_is_byte_identical(hand_file):
    path, _ = hand_file
    before = path.read_bytes()
    tf = TableFile.load(path)
    assert not tf.modified
    tf.save()
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("ref", "value", "old_line", "new_line"),
    [
        (("project", "name"), "新名称", "name   =   '单引号名称'", 'name   =   "新名称"'),
        (("project", "period"), "2022至2024", 'period = "2021至2023"', 'period = "2022至2024"'),
        (("goals", "annual"), "新的年度目标", 'annual = "年度目标"', 'annual = "新的年度目标"'),
        (("goals", "medium_period"), "2020-2022", None, None),
        (("indicators", 1, "annual"), "≥95%", None, None),
        (("indicators", 0, "medium"), "2次", 'medium = "1次"', 'medium = "2次"'),
        (("year",), 2022, "year = 2021", "year = 2022"),
        (("framework",), "2021", 'framework = "2015"', 'framework = "2021"'),
        (("funding", "annual", "fiscal"), Decimal("91.50"), "fiscal = 90.00", "fiscal = 91.50"),
    ],
)
def test_one_value_edit_changes_one_line(hand_file, ref, value, old_line, new_line):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.set(ref, value)
    text = save_and_read(tf, kind)
    removed, added = changes(HAND, text)
    assert len(removed) == 1 and len(added) == 1
    if old_line is not None:
        assert (removed, added) == ([old_line], [new_line])
    assert_comments_kept(text)


def test_edit_keeps_end_of_line_comment(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.format = 1
    tf.table.header.extra["owner"] = "张三"
    tf.table.indicators[0].annual = "3次"
    tf.table.header.attribute = "一次性项目"
    text = save_and_read(tf, kind)
    removed, added = changes(HAND, text)
    assert removed == ['attribute = "经常性项目"  # 项目属性', 'annual = "1次"']
    assert added == ['attribute = "一次性项目"  # 项目属性', 'annual = "3次"']


def test_funding_in_inline_table_edits_one_line(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.funding.medium.total = Decimal("2.50")
    text = save_and_read(tf, kind)
    removed, added = changes(HAND, text)
    assert removed == ["medium = { total = 1.00, fiscal = 1.00 }"]
    assert len(added) == 1 and "total = 2.50" in added[0] and "fiscal = 1.00" in added[0]


def test_funding_set_where_absent_inserts_one_line(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.funding.annual.total = Decimal("90.00")
    text = save_and_read(tf, kind)
    assert changes(HAND, text) == ([], ["total = 90.00"])
    assert parse_table(text)[0].funding.annual.total.as_tuple().exponent == -2


def test_funding_removed_deletes_one_line(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.funding.annual.fiscal = None
    text = save_and_read(tf, kind)
    assert changes(HAND, text) == (["fiscal = 90.00"], [])


def test_optional_row_field_set_and_cleared(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.indicators[1].annual_name = None
    tf.table.indicators[0].unit = "次"
    text = save_and_read(tf, kind)
    assert changes(HAND, text) == (['annual_name = "认证率"'], ['unit = "次"'])


def test_money_keeps_its_digits_after_edit(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.funding.annual.fiscal = Decimal("103.00") + Decimal("0.10")
    text = save_and_read(tf, kind)
    assert changes(HAND, text) == (["fiscal = 90.00"], ["fiscal = 103.10"])


def test_add_row_adds_one_block(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    row = Indicator(level1="效益指标", level2="社会效益指标", name="受益人数", medium="≥700人")
    tf.table.indicators.append(row)
    text = save_and_read(tf, kind)
    removed, added = changes(HAND, text)
    assert removed == []
    assert sorted(added) == sorted(["", *render_row(row).split("\n")])
    assert text == HAND + "\n" + render_row(row) + "\n"


def test_insert_row_in_the_middle(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    row = Indicator(level1="产出指标", level2="时效指标", name="完成时间", annual="年底前")
    tf.table.indicators.insert(1, row)
    text = save_and_read(tf, kind)
    expected = HEAD + "\n\n".join([BLOCKS[0], render_row(row), BLOCKS[1], BLOCKS[2]]) + "\n"
    assert text == expected


@pytest.mark.parametrize("index", [0, 1, 2])
def test_delete_row_removes_only_its_block(hand_file, index):
    path, kind = hand_file
    tf = TableFile.load(path)
    del tf.table.indicators[index]
    text = save_and_read(tf, kind)
    kept = [b for i, b in enumerate(BLOCKS) if i != index]
    assert text == HEAD + "\n\n".join(kept) + "\n"
    removed, added = changes(HAND, text)
    assert added == []
    assert sorted(removed) == sorted(["", *BLOCKS[index].split("\n")])


def test_delete_every_row(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.indicators.clear()
    text = save_and_read(tf, kind)
    assert text == HEAD.rstrip("\n") + "\n"


@pytest.mark.parametrize("order", [(1, 0, 2), (2, 1, 0), (0, 2, 1), (1, 2, 0)])
def test_move_rows_moves_whole_blocks(hand_file, order):
    path, kind = hand_file
    tf = TableFile.load(path)
    rows = tf.table.indicators
    tf.table.indicators = [rows[i] for i in order]
    text = save_and_read(tf, kind)
    assert text == HEAD + "\n\n".join(BLOCKS[i] for i in order) + "\n"
    assert_comments_kept(text)


def test_move_then_edit_a_moved_row(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    rows = tf.table.indicators
    tf.table.indicators = [rows[2], rows[0], rows[1]]
    tf.table.indicators[2].medium = "≥91%"
    text = save_and_read(tf, kind)
    moved = BLOCKS[1].replace('medium = "≥90%"', 'medium = "≥91%"')
    assert text == HEAD + "\n\n".join([BLOCKS[2], BLOCKS[0], moved]) + "\n"


def test_duplicate_row_inserts_one_block(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    copy = tf.table.indicators[0].copy(keep_uid=False)
    tf.table.indicators.insert(1, copy)
    text = save_and_read(tf, kind)
    assert text == HEAD + "\n\n".join([BLOCKS[0], render_row(copy), *BLOCKS[1:]]) + "\n"
    assert 'note = "未知键"' in render_row(copy)
    reloaded = parse_table(text)[0]
    assert reloaded.indicators[1].extra == {"note": "未知键"}


def test_many_edits_keep_comments_and_unknown_keys(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    t = tf.table
    t.header.name = '名称 "引号" \\ 反斜杠'
    t.goals.medium = "一行"
    t.funding.medium.other = Decimal("0")
    t.funding.annual.total = Decimal("1.000001")
    t.indicators[0].remark = "备注\n两行"
    t.indicators.append(Indicator(level1="效益指标", level2="经济效益指标", name="x"))
    t.indicators.pop(1)
    text = save_and_read(tf, kind)
    assert_comments_kept(text)
    assert 'note = "未知键"  # unknown key in an indicator' in text.split("\n")
    assert parse_table(text)[0].indicators[0].extra == {"note": "未知键"}


def test_two_saves_in_a_row(hand_file):
    path, kind = hand_file
    tf = TableFile.load(path)
    tf.table.indicators[2].weight = Decimal("20")
    save_and_read(tf, kind)
    tf.table.indicators[2].weight = None
    tf.table.indicators.reverse()
    text = save_and_read(tf, kind)
    first = BLOCKS[2].replace("\nweight = 10", "")
    assert text == HEAD + "\n\n".join([first, BLOCKS[1], BLOCKS[0]]) + "\n"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_value_edit_is_one_line(tmp_path, path):
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    tf = TableFile.load(target)
    last = len(tf.table.indicators) - 1
    tf.table.indicators[last].annual = "≥95%"
    tf.save()
    removed, added = changes(path.read_text("utf-8"), target.read_text("utf-8"))
    assert removed == ['annual = "100%"'] and added == ['annual = "≥95%"']


def test_rows_in_an_inline_array_become_blocks_when_a_row_is_added(tmp_path):
    path = tmp_path / "inline.toml"
    path.write_text(
        'format = 1\nindicators = [{ level1 = "a", level2 = "b", name = "c" }]\n\n'
        '[project]\nname = "x"\n',
        "utf-8",
    )
    tf = TableFile.load(path)
    row = Indicator(level1="d", level2="e", name="f")
    tf.table.indicators.append(row)
    tf.save()
    first = Indicator(level1="a", level2="b", name="c")
    expected = 'format = 1\n\n[project]\nname = "x"\n\n' + render_row(first) + "\n\n"
    assert path.read_text("utf-8") == expected + render_row(row) + "\n"
    assert TableFile.load(path).table == tf.table


def test_rows_in_an_inline_array_all_deleted(tmp_path):
    path = tmp_path / "inline.toml"
    path.write_text(
        'format = 1\nindicators = [{ level1 = "a", level2 = "b", name = "c" }]\n\n'
        '[project]\nname = "x"\n',
        "utf-8",
    )
    tf = TableFile.load(path)
    tf.table.indicators.clear()
    tf.save()
    assert path.read_text("utf-8") == 'format = 1\n\n[project]\nname = "x"\n'


def test_fill_blank_annual_funding_of_the_seed(tmp_path):
    source = next(p for p in DATA_FILES if p.name == "养老保险专项业务经费.toml")
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    tf = TableFile.load(target)
    tf.table.funding.annual.total = Decimal("33.00")
    tf.save()
    old = source.read_text("utf-8")
    assert changes(old, target.read_text("utf-8")) == ([], ["total = 33.00"])
    assert "[funding.annual]\ntotal = 33.00\n\n[goals]" in target.read_text("utf-8")


SUB_TABLES = """format = 1
[project]
name = "x"

[[indicators]]
level1 = "a"
level2 = "b"
name = "c"

[indicators.meta]
k = 1

[[indicators]]
level1 = "d"
level2 = "e"
name = "f"
[[indicators.notes]]
t = 2
"""


def test_sub_tables_of_a_row_move_with_the_row(tmp_path):
    path = tmp_path / "sub.toml"
    path.write_text(SUB_TABLES, "utf-8")
    tf = TableFile.load(path)
    assert tf.table.indicators[0].extra == {"meta": {"k": 1}}
    tf.table.indicators.reverse()
    tf.save()
    first, second = SUB_TABLES.split("[[indicators]]\n")[1:]
    expected = SUB_TABLES.split("[[indicators]]\n")[0]
    expected += "[[indicators]]\n" + second + "\n[[indicators]]\n" + first.rstrip("\n") + "\n"
    assert path.read_text("utf-8") == expected
    assert TableFile.load(path).table == tf.table
