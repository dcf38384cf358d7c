"""``jixiao diff`` on files: golden text, Markdown, JSON and textconv outputs, escaping,
colour, exit status and git's external-diff arguments.

After a reviewed change of the output: ``JIXIAO_UPDATE_GOLDEN=1 pytest tests/test_diff_cli.py``.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from tests.conftest import ROOT
from tui.cli import main

GOLDEN = ROOT / "tests" / "golden"
NAMES = ("diff.txt", "diff.md", "diff.json", "diff_textconv.txt")
OLD = "tests/fixtures/diff_old.toml"
NEW = "tests/fixtures/diff_new.toml"
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["diff", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("JIXIAO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("fmt", "name"), [("text", "diff.txt"), ("md", "diff.md"), ("json", "diff.json")]
)
def test_golden_outputs(capsys, fmt, name):
    status, out, err = run(capsys, OLD, NEW, "--format", fmt, "--color", "never")
    assert (status, err) == (1, "")
    golden(name, out)


def test_golden_textconv(capsys):
    status, out, _ = run(capsys, "--textconv", NEW)
    assert status == 0
    golden("diff_textconv.txt", out)


def test_no_differences_exits_0(capsys):
    status, out, _ = run(capsys, OLD, OLD)
    assert status == 0
    assert out.endswith("无差异（no differences）\n")


def test_json_is_exact(capsys):
    _, out, _ = run(capsys, OLD, NEW, "--format", "json")
    (item,) = json.loads(out)
    assert (item["old"], item["new"], item["approved"]) == (OLD, NEW, "2021-03-15")
    funding = [f for f in item["fields"] if f["ref"] == ["funding", "annual", "total"]]
    assert funding == [
        {
            "ref": ["funding", "annual", "total"],
            "field": "年度资金总额",
            "old": None,
            "new": "90.00",
            "lowered": False,
            "after_approval": False,
        }
    ]
    kinds = [(r["kind"], r["old_index"], r["new_index"]) for r in item["rows"]]
    assert kinds == [
        ("changed", 1, 0),
        ("changed", 2, 1),
        ("added", None, 2),
        ("changed", 3, 3),
        ("moved", 0, 5),
        ("removed", 8, None),
    ]
    assert item["rows"][0]["cells"][0]["lowered"] is True
    assert item["rows"][2]["row"]["medium"] == "≥100人\x1b[31m"  # data, escaped by JSON
    assert "\x1b" not in out


def test_text_never_sends_a_control_character(capsys):
    _, plain, _ = run(capsys, OLD, NEW, "--color", "never")
    assert "\x1b" not in plain and "≥100人\\x1b[31m" in plain
    _, coloured, _ = run(capsys, OLD, NEW, "--color", "always")
    assert "\x1b" not in SGR.sub("", coloured)
    assert SGR.sub("", coloured) == plain


def test_colour_only_on_a_terminal_by_default(capsys):
    _, out, _ = run(capsys, OLD, NEW)  # captured output is not a terminal
    assert "\x1b" not in out


def test_external_diff_arguments(capsys):
    status, out, _ = run(capsys, "表.toml", OLD, "abc", "100644", NEW, "def", "100644")
    assert status == 0  # git stops at a non-zero external diff
    assert out.startswith("--- a/表.toml\n+++ b/表.toml\n")
    _, plain, _ = run(capsys, OLD, NEW, "--color", "never")
    assert out.split("\n", 2)[2] == plain.split("\n", 2)[2]


def test_external_diff_of_an_added_file(capsys):
    status, out, _ = run(capsys, "新.toml", "/dev/null", ".", ".", NEW, "def", "100644")
    assert status == 0
    assert "新增 第1行" in out and "项目名称: （空） → 养老保险专项业务经费" in out


def test_textconv_shows_other_files_as_they_are(tmp_path, capfdbinary):
    other = tmp_path / "pyproject.toml"
    for data in (b"[tool]\nx = 1\n", b'name = "\xff\xfe"\n'):  # TOML, and not UTF-8
        other.write_bytes(data)
        assert main(["diff", "--textconv", str(other)]) == 0
        assert capfdbinary.readouterr().out == data


def test_a_missing_file_is_one_line_and_status_2(capsys):
    status, out, err = run(capsys, OLD, "tests/fixtures/nope.toml")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "nope.toml" in err


def test_textconv_changes_one_line_per_cell(tmp_path, capsys):
    _, before, _ = run(capsys, "--textconv", OLD)
    _, after, _ = run(capsys, "--textconv", NEW)
    old_lines, new_lines = set(before.split("\n")), set(after.split("\n"))
    assert "  年度值: ≥95%" in new_lines - old_lines
    assert "[产出 指标 › 时效指标 › 代发及时性]" in new_lines - old_lines
    assert (
        "  备注: 按 | 实际发放\\x0a另行核算" in new_lines
    )  # a newline in a value stays on its line


def test_goldens_are_pinned_to_lf():
    attributes = (ROOT / ".gitattributes").read_text("utf-8")
    assert "tests/golden/** text eol=lf" in attributes
    for name in NAMES:
        assert b"\r" not in (GOLDEN / name).read_bytes(), name
