"""Property tests: random projects survive dump/parse and edit/save/load; junk never crashes."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA_FILES
from tests.test_core_edits import HAND, SUB_TABLES
from tui.errors import JixiaoError
from tui.model import (
    AMOUNT_KEYS,
    COLUMNS,
    GOAL_KEYS,
    HEADER_KEYS,
    RESULT_KEYS,
    ROW_KEYS,
    Amounts,
    Funding,
    Goals,
    Header,
    Indicator,
    Table,
)
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import decode, parse_table

SETTINGS = settings(
    # JIXIAO_EXAMPLES=2000 for a longer local run
    max_examples=int(os.environ.get("JIXIAO_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TRICKY = list("\"\\\n\r\t'#=[]{}") + [
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "中",
    "期",
    "≥",
    "％",
    "😀",
    '"""',
    "'''",
    "\\u0041",
    "[[indicators]]",
    "\n[project]\n",
]
texts = st.one_of(
    st.text(max_size=12),
    st.lists(st.sampled_from(TRICKY) | st.text(max_size=3), max_size=8).map("".join),
)
money = st.integers(0, 6).flatmap(
    lambda places: st.decimals(
        min_value=-(10**9), max_value=10**9, places=places, allow_nan=False, allow_infinity=False
    )
)
optional_money = st.none() | money
optional_text = st.none() | texts
ascii_keys = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
scalars = texts | st.integers(-(2**40), 2**40) | st.booleans() | money


def extras(known: tuple[str, ...]) -> st.SearchStrategy[dict]:
    """Unknown keys that must survive: ASCII names outside ``known``."""
    keys = ascii_keys.filter(lambda k: k not in known)
    return st.dictionaries(keys, scalars, max_size=2)


amounts = st.builds(
    Amounts,
    total=optional_money,
    fiscal=optional_money,
    other=optional_money,
    extra=extras(AMOUNT_KEYS),
)
rows = st.builds(
    Indicator,
    level1=texts,
    level2=texts,
    name=texts,
    medium=texts,
    annual=texts,
    annual_name=optional_text,
    nature=optional_text,
    unit=optional_text,
    weight=optional_money,
    basis=optional_text,
    remark=optional_text,
    extra=extras(ROW_KEYS + RESULT_KEYS),
)
tables = st.builds(
    Table,
    year=st.none() | st.integers(1900, 2200),
    framework=st.sampled_from(["2015", "2021"]),
    header=st.builds(Header, **{k: texts for k in HEADER_KEYS}, extra=extras(HEADER_KEYS)),
    funding=st.builds(Funding, medium=amounts, annual=amounts, extra=st.just({})),
    goals=st.builds(Goals, **{k: texts for k in GOAL_KEYS}, extra=extras(GOAL_KEYS)),
    indicators=st.lists(rows, max_size=20),
    check=st.dictionaries(ascii_keys, scalars, max_size=2),
    extra=extras(
        ("format", "year", "framework", "stage", "profile", "project", "funding", "goals")
        + ("check", "execution", "evaluation")
    ),
)


def money_texts(table: Table) -> list[str | None]:
    """Every amount's digits as text, so ``103.00`` vs ``103.0`` is caught too."""
    values = [getattr(table.funding.column(c), k) for c in COLUMNS for k in AMOUNT_KEYS]
    values += [row.weight for row in table.indicators]
    return [None if v is None else str(v) for v in values]


def assert_same(a: Table, b: Table) -> None:
    assert a == b
    assert money_texts(a) == money_texts(b)


@SETTINGS
@given(tables)
def test_dump_then_parse_is_identity(table):
    text = dump_table(table)
    parsed, locator = parse_table(text)
    assert_same(parsed, table)
    assert dump_table(parsed, locator) == text


SHAPES = [
    HAND,
    *(p.read_text("utf-8") for p in DATA_FILES),
    'format = 1\n[project]\nname = "x"\n',
    # dotted keys, indicators before [goals], a super-table for funding
    'format = 1\nproject.name = "点"\nfunding.medium.total = 1.5\n\n'
    '[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\nname = "c"\n\n'
    '[goals]\nannual = "g"\n\n[funding.annual]\nother = 2\n',
    # rows as an inline array, funding as inline tables
    'format = 1\nindicators = [{ level1 = "a", level2 = "b", name = "c", medium = "m" },'
    ' { level1 = "d", level2 = "e", name = "f" }]\n\n[project]\nname = "x"\n\n'
    "[funding]\nmedium = { total = 1.00 }\nannual = { fiscal = 2 }\n",
    SUB_TABLES,
]


def edit(data, table: Table) -> None:
    """Apply one random edit to ``table`` (as the editor would)."""
    rows = table.indicators
    kind = data.draw(
        st.sampled_from(
            ["header", "goal", "money", "row", "add", "delete", "move", "copy", "year", "fw"]
        )
    )
    if kind == "header":
        setattr(table.header, data.draw(st.sampled_from(HEADER_KEYS)), data.draw(texts))
    elif kind == "goal":
        setattr(table.goals, data.draw(st.sampled_from(GOAL_KEYS)), data.draw(texts))
    elif kind == "money":
        column = table.funding.column(data.draw(st.sampled_from(COLUMNS)))
        setattr(column, data.draw(st.sampled_from(AMOUNT_KEYS)), data.draw(optional_money))
    elif kind == "year":
        table.year = data.draw(st.none() | st.integers(1900, 2200))
    elif kind == "fw":
        table.framework = data.draw(st.sampled_from(["2015", "2021"]))
    elif kind == "add":
        rows.insert(data.draw(st.integers(0, len(rows))), data.draw(rows_without_extra))
    elif rows:
        index = data.draw(st.integers(0, len(rows) - 1))
        if kind == "row":
            key = data.draw(st.sampled_from(ROW_KEYS))
            if key == "weight":
                value = data.draw(optional_money)
            elif key in ("level1", "level2", "name", "medium", "annual"):
                value = data.draw(texts)
            else:
                value = data.draw(optional_text)
            setattr(rows[index], key, value)
        elif kind == "delete":
            del rows[index]
        elif kind == "move":
            rows.insert(data.draw(st.integers(0, len(rows) - 1)), rows.pop(index))
        else:
            rows.insert(index + 1, rows[index].copy(keep_uid=False))


rows_without_extra = rows.map(lambda r: Indicator(**{k: getattr(r, k) for k in ROW_KEYS}))


@SETTINGS
@given(
    st.data(),
    st.sampled_from(["lf", "crlf", "bom"]),
    st.one_of(st.sampled_from(SHAPES), tables.map(dump_table)),
)
def test_edit_save_load_keeps_the_model(data, newline, text):
    raw = text.replace("\n", "\r\n") if newline == "crlf" else text
    prefix = b"\xef\xbb\xbf" if newline == "bom" else b""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.toml"
        path.write_bytes(prefix + raw.encode("utf-8"))
        tf = TableFile.load(path)
        for _ in range(data.draw(st.integers(1, 6))):
            edit(data, tf.table)
        expected = tf.table.clone()
        tf.save()
        saved = path.read_bytes()
        assert saved.startswith(b"\xef\xbb\xbf") == (newline == "bom")
        if newline == "crlf":
            assert b"\n" not in saved.replace(b"\r\n", b"")
        reloaded = TableFile.load(path).table
        assert_same(reloaded, expected)
        assert not tf.modified
        assert not tf.changed_on_disk()
        assert list(Path(folder).iterdir()) == [path]


def check_loader(raw: bytes) -> None:
    """Decoding and parsing either work or raise ``JixiaoError``; fmt output re-parses."""
    try:
        source = decode(raw, "x.toml")
        table, locator = parse_table(source.text, "x.toml")
    except JixiaoError as exc:
        assert str(exc).startswith("x.toml")
        assert "\n" not in str(exc)
        return
    text = dump_table(table, locator)
    again, _ = parse_table(text)
    assert dump_table(again) == dump_table(table)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(raw):
    check_loader(raw)


@SETTINGS
@given(
    st.sampled_from([s.encode("utf-8") for s in SHAPES]),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.binary(max_size=6)),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_toml_never_crashes(raw, mutations):
    for position, length, insert in mutations:
        at = position % (len(raw) + 1)
        raw = raw[:at] + insert + raw[at + length :]
    check_loader(raw)


@SETTINGS
@given(st.sampled_from(SHAPES), st.data())
def test_mutated_lines_never_crash(text, data):
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["dup", "drop", "swap", "junk"]))
        if op == "dup":
            lines.insert(j, lines[i])
        elif op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i] + data.draw(st.sampled_from(TRICKY))
    check_loader("\n".join(lines).encode("utf-8"))


def test_money_digits_are_kept_exactly():
    table, _ = parse_table('format = 1\n[project]\nname = "x"\n[funding.medium]\ntotal = 103.00\n')
    assert str(table.funding.medium.total) == "103.00"
    assert isinstance(table.funding.medium.total, Decimal)
