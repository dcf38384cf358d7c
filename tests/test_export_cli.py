"""``jixiao export``: files and folders, errors, output file, format inference."""

from __future__ import annotations

import shutil

from wcwidth import wcswidth

from tests.conftest import DATA, DATA_FILES
from tui.cli import main


def test_broken_file_is_reported_and_the_others_exported(tmp_path, capsys):
    shutil.copy(DATA_FILES[0], tmp_path / "a.toml")
    (tmp_path / "b.toml").write_text("format = 1\nyear = \n", encoding="utf-8")
    assert main(["export", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "b.toml:2" in captured.err
    assert "企业退休人员社会化管理服务" in captured.out


def test_output_file_and_format_from_suffix(tmp_path, capsys):
    target = tmp_path / "out.md"
    assert main(["export", str(DATA), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 2021年项目支出预算绩效目标表\n")
    assert "| 项目名称" in text


def test_refuses_to_overwrite_an_input_table(tmp_path, capsys):
    source = tmp_path / "a.toml"
    shutil.copy(DATA_FILES[0], source)
    before = source.read_bytes()
    assert main(["export", str(source), "-o", str(source), "--format", "txt"]) == 2
    assert source.read_bytes() == before
    assert "输出文件是输入的表格之一" in capsys.readouterr().err


def test_width_and_columns_options(capsys):
    assert main(["export", str(DATA_FILES[0]), "--width", "60", "--columns", "annual"]) == 0
    out = capsys.readouterr().out
    assert "中期指标值" not in out and "年度指标值" in out
    assert max(wcswidth(line) for line in out.split("\n")) <= 60


def test_style_only_for_txt_and_empty_folder(tmp_path, capsys):
    assert main(["export", str(DATA), "--format", "tsv", "--style", "psql"]) == 2
    assert "--style" in capsys.readouterr().err
    assert main(["export", str(tmp_path)]) == 2
    assert "没有找到表格文件" in capsys.readouterr().err
