"""``jixiao fmt`` and ``jixiao new`` through ``tui.cli.main``; bad input → one line, exit 2."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, DATA_FILES
from tui.cli import main
from tui.frameworks import FRAMEWORK_2015, FRAMEWORK_2021
from tui.tomlfile.loader import load_table

ONE_LINE = re.compile(r"^[^\n]+?(:\d+(:\d+)?)?: [^\n]*[\u4e00-\u9fff][^\n]*（[^\n]+）$")
SAMPLE = DATA / "养老保险专项业务经费.toml"


def assert_one_error_line(capsys, status: int, start: str, zh: str) -> str:
    """Exit 2, nothing on stdout, exactly one stderr line ``start…: zh…（en）``."""
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1
    line = err.rstrip("\n")
    assert ONE_LINE.match(line), line
    assert line.startswith(start), line
    assert zh in line
    assert "Traceback" not in err
    return line


def test_fmt_check_data_folder_passes(capsys):
    assert main(["fmt", "--check", str(DATA)]) == 0
    assert capsys.readouterr() == ("", "")


def test_fmt_rewrites_non_canonical_copy(tmp_path, capsys):
    path = tmp_path / "t.toml"
    messy = SAMPLE.read_text("utf-8").replace('name = "', 'name   =   "').replace("\n\n[[", "\n[[")
    path.write_text(messy, "utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    assert capsys.readouterr() == (f"{path}: 需要规范化（would reformat）\n", "")
    assert path.read_text("utf-8") == messy
    assert main(["fmt", str(path)]) == 0
    assert capsys.readouterr() == (f"{path}: 已规范化（reformatted）\n", "")
    assert path.read_bytes() == SAMPLE.read_bytes()
    assert main(["fmt", "--check", str(path)]) == 0
    assert capsys.readouterr() == ("", "")


def test_fmt_makes_crlf_and_bom_files_canonical(tmp_path, capsys):
    path = tmp_path / "t.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["fmt", str(tmp_path)]) == 0
    capsys.readouterr()
    assert path.read_bytes() == SAMPLE.read_bytes()


def test_fmt_folder_skips_config_and_hidden(tmp_path, capsys):
    shutil.copy(SAMPLE, tmp_path / "a.toml")
    (tmp_path / "jixiao.toml").write_text("not a table = [", "utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.toml").write_text("broken = [", "utf-8")
    assert main(["fmt", "--check", str(tmp_path)]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("framework", ["2015", "2021"])
def test_new_writes_a_file_that_loads(tmp_path, capsys, framework):
    path = tmp_path / "new.toml"
    assert main(["new", "-o", str(path), "--framework", framework, "--year", "2026"]) == 0
    table = load_table(path)
    assert (table.year, table.framework) == (2026, framework)
    fw = FRAMEWORK_2015 if framework == "2015" else FRAMEWORK_2021
    pairs = [(r.level1, r.level2) for r in table.indicators]
    assert pairs == [(l1, l2) for l1 in fw.level1 for l2 in fw.level2[l1]]
    assert main(["fmt", "--check", str(path)]) == 0
    assert capsys.readouterr() == ("", "")


def test_new_2021_puts_cost_at_level_one(tmp_path):
    path = tmp_path / "new.toml"
    assert main(["new", "-o", str(path), "--framework", "2021"]) == 0
    rows = load_table(path).indicators
    assert rows[0].level1 == "成本指标" and rows[0].level2 == "经济成本指标"
    assert all(r.level2 != "成本指标" for r in rows)


def test_new_to_stdout(capsys):
    assert main(["new"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("format = 1\nyear = ")
    assert '[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\n' in out


def test_new_refuses_existing_file(tmp_path, capsys):
    path = tmp_path / "t.toml"
    path.write_text("keep", "utf-8")
    status = main(["new", "-o", str(path)])
    assert_one_error_line(capsys, status, f"{path}: ", "文件已存在")
    assert path.read_text("utf-8") == "keep"


BAD = {
    "invalid_toml": ('format = 1\n[project]\nname = "未闭合\n', ":3:12: ", "TOML 语法错误"),
    "money_text": (
        'format = 1\n[project]\nname = "n"\n[funding.annual]\nfiscal = "90"\n',
        ":5:10: ",
        "应为数字",
    ),
    "missing_key": ('format = 1\n[project]\ndepartment = "部门"\n', ":2: ", "缺少必需的键"),
    "unknown_format": ('format = 9\n[project]\nname = "n"\n', ":1:10: ", "不支持的格式版本"),
}


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize("command", [["fmt"], ["fmt", "--check"]])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, case, command):
    text, where, zh = BAD[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, "utf-8")
    status = main([*command, str(path)])
    assert_one_error_line(capsys, status, f"{path}{where}", zh)
    assert path.read_text("utf-8") == text


def test_non_utf8_file(tmp_path, capsys):
    path = tmp_path / "gbk.toml"
    path.write_bytes("format = 1\n[project]\nname = '项目'\n".encode("gbk"))
    status = main(["fmt", str(path)])
    assert_one_error_line(capsys, status, f"{path}:3:9: ", "不是 UTF-8")


def test_missing_file(tmp_path, capsys):
    status = main(["fmt", str(tmp_path / "none.toml")])
    assert_one_error_line(capsys, status, f"{tmp_path / 'none.toml'}: ", "文件不存在")


def test_directory_where_a_file_is_expected(tmp_path, capsys):
    (tmp_path / "dir.toml").mkdir()
    status = main(["fmt", str(tmp_path)])
    assert_one_error_line(capsys, status, f"{tmp_path / 'dir.toml'}: ", "目录")


def test_new_into_a_directory(tmp_path, capsys):
    status = main(["new", "-o", str(tmp_path), "--force"])
    assert_one_error_line(capsys, status, f"{tmp_path}: ", "无法写入")


def test_bad_file_does_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "a.toml").write_text("format = [", "utf-8")
    shutil.copy(SAMPLE, tmp_path / "b.toml")
    (tmp_path / "b.toml").write_text(SAMPLE.read_text("utf-8") + "\n\n", "utf-8")
    assert main(["fmt", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == f"{tmp_path / 'b.toml'}: 已规范化（reformatted）\n"
    assert err == f"{tmp_path / 'a.toml'}:1:11: TOML 语法错误（Invalid value）\n"
    assert (tmp_path / "b.toml").read_bytes() == SAMPLE.read_bytes()


def test_read_only_target_simulated(tmp_path, capsys, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_text(SAMPLE.read_text("utf-8") + "\n", "utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    status = main(["fmt", str(path)])
    assert_one_error_line(capsys, status, f"{path}: ", "没有写入权限")
    assert path.read_text("utf-8") == SAMPLE.read_text("utf-8") + "\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_target(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "t.toml"
    path.write_text(SAMPLE.read_text("utf-8") + "\n", "utf-8")
    folder.chmod(0o555)
    try:
        status = main(["fmt", str(path)])
    finally:
        folder.chmod(0o755)
    assert_one_error_line(capsys, status, f"{path}: ", "没有写入权限")


def test_control_characters_in_a_path_are_escaped(tmp_path, capsys):
    status = main(["fmt", str(tmp_path / "a\x1b[31mb.toml")])
    line = assert_one_error_line(capsys, status, str(tmp_path), "文件不存在")
    assert "\x1b" not in line and "a\\x1b[31mb.toml" in line


def test_data_files_load_from_the_cli_folder():
    assert [p.name for p in DATA_FILES] == sorted(p.name for p in Path(DATA).glob("*.toml"))


def test_read_only_file_for_fmt(tmp_path, capsys):
    path = tmp_path / "t.toml"
    path.write_text(SAMPLE.read_text("utf-8") + "\n", "utf-8")
    path.chmod(0o444)
    status = main(["fmt", str(path)])
    assert_one_error_line(capsys, status, f"{path}: ", "只读")
    assert path.read_text("utf-8") == SAMPLE.read_text("utf-8") + "\n"
