"""Limits: deep nesting, long dotted keys and huge numbers give one clear error, exit 2.

Each case reproduces a finding of issue 12 (RecursionError or MemoryError
tracebacks, runs of tens of seconds) and runs every command that reads a table.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from tui.cli import main
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

from .conftest import DATA_FILES

BASE = DATA_FILES[0].read_text(encoding="utf-8")
ONE_LINE = re.compile(r"^\S.*\.toml:\d+:\d+: .+（.+）$")
COMMANDS = (
    ["check"],
    ["fmt", "--check"],
    ["fmt"],
    ["export"],
    ["export", "--format", "md"],
    ["export", "--format", "tsv"],
)


def _money(text: str) -> str:
    """``BASE`` with the first 资金总额 replaced by ``text``."""
    head, sep, tail = BASE.partition("\ntotal = ")
    assert sep, "the sample table has a total"
    return head + sep + text + tail[tail.index("\n") :]


BAD = {
    "arrays_101": "deep = " + "[" * 101 + "1" + "]" * 101 + "\n" + BASE,
    "arrays_500": "deep = " + "[" * 500 + "1" + "]" * 500 + "\n" + BASE,
    "inline_500": "deep = " + "{a = " * 500 + "1" + "}" * 500 + "\n" + BASE,
    "dotted_332": "a" + ".a" * 331 + " = 1\n" + BASE,
    "dotted_1000": "a" + ".a" * 999 + " = 1\n" + BASE,
    "header_400": BASE + "\n[" + ".".join(["t"] * 400) + "]\nx = 1\n",
    "money_exp_huge": _money("1e999999999999999999"),
    "money_exp_1e8": _money("1e100000000"),
    "extra_exp": "zz = 1e999999999\n" + BASE,
    "tiny_exp": "zz = 1e-999999999\n" + BASE,
    "long_int": "zz = " + "9" * 5000 + "\n" + BASE,
    "long_hex": "zz = 0x" + "f" * 5000 + "\n" + BASE,
    "money_1e17": _money("100000000000000000"),
    "money_1e16_float": _money("1.0e16"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_one_line_exit_2_in_every_command(tmp_path, capsys, name):
    path = tmp_path / f"{name}.toml"
    path.write_text(BAD[name], encoding="utf-8")
    before = path.read_bytes()
    for command in COMMANDS:
        started = time.monotonic()
        status = main([*command, str(path)])
        elapsed = time.monotonic() - started
        out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        assert status == 2, (command, out[-300:], err[-300:])
        assert len(lines) == 1 and ONE_LINE.match(lines[0]), (command, err[-500:])
        assert elapsed < 10, (command, elapsed)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["arrays_101", "arrays_500", "money_exp_huge", "dotted_1000"])
def test_editor_refuses_with_the_same_message(tmp_path, name):
    path = tmp_path / f"{name}.toml"
    path.write_text(BAD[name], encoding="utf-8")
    with pytest.raises(Exception) as caught:
        TableFile.load(path)
    assert type(caught.value).__name__ == "JixiaoError"
    status = main(["check", str(path)])
    assert status == 2
    # the installed command, as a person runs it: one line, exit 2, no traceback
    run = subprocess.run(
        [sys.executable, "-m", "tui", str(path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert str(caught.value) in run.stderr


def test_position_points_at_the_excess():
    from tui.tomlfile.limits import MAX_DEPTH

    text = "a = 1\nb = " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(Exception) as caught:
        parse_table(text, "x.toml")
    assert str(caught.value).startswith("x.toml:2:")
    with pytest.raises(Exception) as caught:
        parse_table("format = 1\n\n\nzz = 1e400\n", "x.toml")
    assert str(caught.value).startswith("x.toml:4:6: ")


def _at_the_limits() -> str:
    """A table whose extras reach exactly the nesting and key-part limits."""
    from tui.tomlfile.limits import MAX_DEPTH, MAX_KEY_PARTS

    arrays = "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1)
    inline = "{a = " * (MAX_DEPTH - 1) + "1" + "}" * (MAX_DEPTH - 1)
    dotted = ".".join(["k"] * MAX_KEY_PARTS)
    return (
        f"deep_arrays = {arrays}\ndeep_inline = {inline}\n{dotted} = 1\n"
        f"big = {'9' * 40}\nsmall = 1e-39\n" + BASE
    )


def test_limits_themselves_load_edit_save_and_format(tmp_path, capsys):
    from tui.tomlfile.limits import scan_limits

    text = _at_the_limits()
    scan_limits(text)
    path = tmp_path / "edge.toml"
    path.write_text(text, encoding="utf-8")
    for command in COMMANDS[:2] + COMMANDS[3:]:
        assert main([*command, str(path)]) in (0, 1), command
    capsys.readouterr()
    file = TableFile.load(path)
    file.table.goals.annual = "改"
    file.table.indicators.pop()  # restructures the [[indicators]] region too
    file.save()
    again = TableFile.load(path)
    assert again.table.goals.annual == "改"
    assert again.table.extra["deep_arrays"] == file.table.extra["deep_arrays"]
    assert main(["fmt", str(path)]) == 0
    assert TableFile.load(path).table.extra == file.table.extra


def test_money_limit_is_the_loader_limit():
    from tui.parsing.money import MAX_MONEY, parse_money

    ok = parse_table(_money(str(MAX_MONEY - 1)))[0]
    assert ok.funding.medium.total == MAX_MONEY - 1
    assert Decimal("1e16") == MAX_MONEY
    with pytest.raises(ValueError):  # the editor's input refuses what a file may not hold
        parse_money(str(MAX_MONEY))
    with pytest.raises(ValueError):
        parse_money("0." + "0" * 40 + "1")


def test_config_file_limits(tmp_path, capsys):
    (tmp_path / "jixiao.toml").write_text("x = " + "[" * 600 + "]" * 600 + "\n")
    table = tmp_path / "a.toml"
    table.write_text(BASE, encoding="utf-8")
    assert main(["check", str(table)]) == 2
    err = capsys.readouterr().err
    assert "jixiao.toml:1:" in err and "Traceback" not in err


def test_long_values_are_linear(tmp_path, capsys):
    """A 99,000-digit 指标值 made ``check`` run for minutes (a quadratic regex)."""
    text = BASE.replace('medium = "100%"', 'medium = "' + "1" * 99_000 + '%"', 1)
    assert text != BASE
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    assert main(["check", str(path)]) in (0, 1)
    assert time.monotonic() - started < 10
    capsys.readouterr()


def test_export_wrapping_of_a_long_line_is_linear():
    """txt export wrapped a 1 MB one-line value in 32 s (quadratic)."""
    from tui.export.wrap import wrap_text

    started = time.monotonic()
    wrapped = wrap_text("长" * 350_000 + "ab " * 5_000, 80)
    assert time.monotonic() - started < 10
    assert wrapped.count("长") == 350_000
    assert max(len(line) for line in wrapped.split("\n")) <= 80


def test_strings_longer_than_the_limit_are_refused(tmp_path, capsys):
    from tui.tomlfile.limits import MAX_STRING_CHARS

    text = BASE.replace("[goals]\n", f'[goals]\nnote = "{"长" * (MAX_STRING_CHARS + 1)}"\n', 1)
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    for command in COMMANDS:
        assert main([*command, str(path)]) == 2
        err = capsys.readouterr().err
        assert ONE_LINE.match(err.strip()) and "100000" in err
    ok = BASE.replace("[goals]\n", f'[goals]\nnote = "{"长" * MAX_STRING_CHARS}"\n', 1)
    path.write_text(ok, encoding="utf-8")
    assert main(["export", str(path)]) in (0, 1)
    capsys.readouterr()


def test_import_refuses_a_line_no_table_row_could_be(tmp_path, capsys):
    """A 1 MB line of space-separated words took 23 s to place, cell by cell."""
    from tui.cli.import_cmd import MAX_LINE_CHARS

    paste = tmp_path / "paste.txt"
    paste.write_text("项目名称\t测试\n" + "ab " * 333_333 + "\n", encoding="utf-8")
    started = time.monotonic()
    assert main(["import", str(paste), "-o", str(tmp_path / "out")]) == 2
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{paste}:2:{MAX_LINE_CHARS + 1}: ") and err.endswith("）")
    assert err.count("\n") == 0
