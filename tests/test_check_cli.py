"""``jixiao check``: output lines, summary, exit status, json, select/ignore, config."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, FIXTURES
from tui.cli import main
from tui.cli.check_cmd import summary

LINE = re.compile(r"^(.+):(\d+):(\d+): (error|warning|hint) ([A-Z]\d{3}) (.+（.+）)$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def test_seed_data(capsys):
    status, out, _ = run(capsys, DATA)
    assert status == 1
    lines = [
        line for line in out.splitlines() if not line.startswith("其中 ")
    ]  # the fixable note follows the summary
    found = set()
    for line in lines[:-1]:
        match = LINE.match(line)
        assert match, line
        found.add((Path(match.group(1)).name, match.group(5), int(match.group(2))))
    a, b = "养老保险专项业务经费.toml", "企业退休人员社会化管理服务.toml"
    # lines checked by hand against data/*.toml
    assert (a, "F002", 21) in found  # [funding.annual] header: the blank 年度 column
    assert (a, "P005", 24) in found  # medium_period = "2020-2022"
    assert (b, "P005", 25) in found
    assert (b, "C003", 63) in found  # annual_name = "采购硬件设备数量"
    assert (b, "T009", 63) in found
    assert (b, "C004", 100) in found  # annual = "培训计划完成时间年底之前"
    assert (b, "C002", 107) in found  # medium = "项目总成本90万元"
    assert (a, "V006", 68) in found and (b, "V006", 128) in found
    # the self-evaluation example carries project 2's four errors over, and no S problem
    c = "企业退休人员社会化管理服务-自评.toml"
    assert {
        (code, n) for name, code, n in found if name == c and code in "P005 C003 T009 C004"
    } == {
        ("P005", 32),
        ("C003", 101),
        ("T009", 101),
        ("C004", 153),
    }
    assert not [code for name, code, _ in found if code.startswith("S")]
    summary = (
        r"共 3 个文件：10 个错误，(\d+) 个警告，(\d+) 个提示"
        r"（10 errors, \1 warnings, \2 hints in 3 files）"
    )
    assert re.fullmatch(summary, lines[-1])


def test_clean_tables_exit_zero(capsys):
    status, out, _ = run(capsys, FIXTURES / "clean_2015.toml", FIXTURES / "clean_2021.toml")
    assert status == 0
    assert out.splitlines() == [
        "共 2 个文件：0 个错误，0 个警告，0 个提示（0 errors, 0 warnings, 0 hints in 2 files）"
    ]


def _copy_clean(folder: Path, name: str = "t.toml", replace: tuple[str, str] | None = None) -> Path:
    text = (FIXTURES / "clean_2015.toml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_warnings_only_exit_zero(tmp_path, capsys):
    _copy_clean(tmp_path, replace=('medium = "10套"', 'medium = "10"'))
    status, out, _ = run(capsys, tmp_path)
    assert status == 0
    assert " warning V002 " in out


def test_unreadable_file_exit_two_and_others_checked(tmp_path, capsys):
    _copy_clean(tmp_path, "a.toml", replace=("≥90%", "≥120%"))
    (tmp_path / "b.toml").write_text("format = [", encoding="utf-8")
    status, out, err = run(capsys, tmp_path, tmp_path / "missing.toml")
    assert status == 2
    assert " warning V001 " in out
    assert "b.toml" in err and "missing.toml" in err
    assert "2 个文件无法读取" in out


def test_json_format(capsys):
    status, out, err = run(capsys, "--format", "json", DATA / "企业退休人员社会化管理服务.toml")
    assert status == 1
    items = json.loads(out)
    c003 = next(i for i in items if i["code"] == "C003")
    assert c003["line"] == 63 and c003["severity"] == "error"
    assert c003["ref"] == ["indicators", 4, "annual_name"]
    assert ["indicators", 5, "name"] in c003["related"]
    assert c003["message"] == f"{c003['zh']}（{c003['en']}）"
    assert "errors" in err


def test_select_and_ignore(capsys):
    status, out, _ = run(capsys, "--select", "P,f", DATA)
    codes = set(re.findall(r" (?:error|warning|hint) ([A-Z]\d{3}) ", out))
    assert codes == {"P005", "F002"} and status == 1
    status, out, _ = run(capsys, "--ignore", "P,F,C,T,V006,V002", DATA)
    assert status == 0 and " error " not in out


def test_unknown_code_is_an_error(capsys):
    status, _, err = run(capsys, "--ignore", "Z9", DATA)
    assert status == 2 and "Z9" in err


def test_folder_config_and_file_check_table(tmp_path, capsys):
    _copy_clean(tmp_path, replace=("≥90%", "≥120%"))
    (tmp_path / "jixiao.toml").write_text('[check]\nignore = ["V001"]\n', encoding="utf-8")
    status, out, _ = run(capsys, tmp_path)
    assert status == 0 and "V001" not in out
    (tmp_path / "jixiao.toml").unlink()
    _copy_clean(tmp_path, replace=("[[indicators]]", '[check]\nignore = ["V"]\n\n[[indicators]]'))
    status, out, _ = run(capsys, tmp_path)
    assert "V001" not in out


def test_control_characters_are_escaped(tmp_path, capsys):
    path = _copy_clean(
        tmp_path, replace=('name = "长效管理机制健全性"', 'name = "长效\\u001b[31m"')
    )
    text = path.read_text(encoding="utf-8").replace('annual = "健全"', 'annual = "长效\\u001b[31m"')
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, tmp_path)
    assert " V006 " in out
    assert "\x1b" not in out and "长效\\x1b[31m" in out


def test_process_pool_gives_the_same_output(tmp_path, capsys):
    for i in range(4):
        shutil.copy(DATA / "企业退休人员社会化管理服务.toml", tmp_path / f"{i}.toml")
    serial = run(capsys, "--jobs", "1", tmp_path)
    parallel = run(capsys, "--jobs", "2", tmp_path)
    assert serial == parallel and serial[0] == 1


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_empty_folder(tmp_path, capsys, fmt):
    status, out, err = run(capsys, "--format", fmt, tmp_path)
    assert status == 0
    assert "0 files" in out + err


def test_the_summary_counts_one_in_the_singular():
    # A tryout read "1 errors, 16 warnings in 1 files".
    one = {"error": 1, "warning": 16, "hint": 1}
    assert summary(one, 1, 0) == (
        "共 1 个文件：1 个错误，16 个警告，1 个提示（1 error, 16 warnings, 1 hint in 1 file）"
    )
