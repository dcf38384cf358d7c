"""``jixiao score`` on real files: text, json, exit status, profile override, a real process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tests.conftest import DATA, ROOT
from tui.cli import main
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

EXAMPLE = DATA / "lifecycle" / "企业退休人员社会化管理服务-自评.toml"


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(["score", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_example_is_canonical_illustrative_and_round_trips(tmp_path):
    text = EXAMPLE.read_text("utf-8")
    table, locator = parse_table(text)
    assert dump_table(table, locator) == text
    assert "示意" in text.split("\nformat = 1", 1)[0] and "illustrative" in text
    copy = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, copy)
    TableFile.load(copy).save()
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    assert table.stage == "evaluation" and table.indicators[0].monitoring[6].progress == "0次"


def test_score_text_of_the_example(capsys):
    status, out, err = run(capsys, EXAMPLE)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith(
        "企业退休人员社会化管理服务（评分方案 pmkpi：" + lines[0].split("：", 1)[1]
    )
    # worked out by hand: 5 rows × 4 + 5/6 × 4 = 23.33; 产出 23.33 + 10 + 6 + 9.94 = 49.27;
    # 效益 0 + 8 + 6 + 14 = 28; 满意度 98/100 × 10 = 9.80; 87.07 + 85.50/90.00 × 10 = 96.57
    second = "    第2行 异地退管服务次数  分值 4  得分 3.33  "
    assert second + "实际 5 次 未达目标 6 次（完成 83.33%），得 3.33" in lines
    assert "  二级 数量指标  分值 24  得分 23.33" in lines
    # (2 × 9.99 − 10.2) / 9.99 × 3 = 2.9369… → 2.94
    assert any(line.startswith("    第13行 档案整理") and "得 2.94" in line for line in lines)
    assert " 一级 产出指标  分值 50  得分 49.27" in lines
    assert " 绩效指标  分值 90  得分 87.07" in lines
    assert lines[-2].startswith(" 预算执行  分值 10  执行率 95%  得分 9.50  执行率 = ")
    assert lines[-1] == " 总分 96.57  总分 = 指标 87.07 + 预算执行 9.50 = 96.57（满分 100）"


def test_score_json_of_the_example(capsys):
    status, out, _ = run(capsys, "--format", "json", EXAMPLE)
    assert status == 0
    (report,) = json.loads(out)
    assert report["profile"] == "pmkpi" and report["total"] == "96.57"
    assert len(report["rows"]) == 21 and report["problems"] == []
    row = report["rows"][15]
    assert (row["status"], row["score"], row["weight"]) == ("given", "6", "8")
    assert report["execution"]["rate"] == "0.95" and report["execution"]["score"] == "9.50"
    assert [g["name"] for g in report["groups"]] == ["产出指标", "效益指标", "满意度指标"]
    assert report["groups"][0]["children"][0] == {
        "name": "数量指标",
        "weight": "24",
        "score": "23.33",
        "rows": [0, 1, 2, 3, 4, 5],
        "children": [],
    }


def test_another_profile_and_its_problems(capsys):
    status, out, _ = run(capsys, "--profile", "form2020", EXAMPLE)
    assert status == 1  # 90 of weights, but form2020 is 80 + 20
    assert "预算执行  分值 20  执行率 95%  得分 19.00" in out
    problem = [line for line in out.splitlines() if " S005 " in line]
    assert len(problem) == 1 and problem[0].startswith(f"{EXAMPLE}:")
    assert "error S005 指标权重合计 90，应为 80（总分 100 − 预算执行 20）" in problem[0]


def test_lost_point_without_reason_exits_1_with_its_line(capsys, tmp_path):
    text = EXAMPLE.read_text("utf-8").replace(
        'deviation = "受疫情防控影响取消1次异地服务，改为电话回访；下年度提前安排并准备线上方案"\n',
        "",
    )
    path = tmp_path / "t.toml"
    path.write_text(text, "utf-8")
    status, out, _ = run(capsys, path)
    assert status == 1
    lines = text.split("\n")
    actual = lines.index('actual = "5次"')
    header = max(i for i in range(actual) if lines[i] == "[[indicators]]") + 1
    errors = [line for line in out.splitlines() if " error " in line]
    # the deviation key is absent: the problem points at the row's [[indicators]] header
    assert errors == [
        f"{path}:{header}:1: error S001 “异地退管服务次数”得分 3.33 低于分值 4，"
        "未填写偏差原因分析及改进措施（score 3.33 below weight 4 without a reason）"
    ]


def test_target_tables_score_nothing_and_a_broken_file_exits_2(capsys, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[project\n", "utf-8")
    status, out, err = run(capsys, DATA / "养老保险专项业务经费.toml", broken)
    assert status == 2
    assert "broken.toml:2" in err
    assert (
        out.splitlines()[1] == " 无监控或自评数据，不计分（no monitoring or self-evaluation data）"
    )


def test_a_real_process_never_loads_the_ui():
    code = (
        "import sys; from tui.cli import main; status = main(['score', sys.argv[1]]);"
        "assert not [m for m in sys.modules if m.startswith(('textual', 'rich', 'tui.ui'))];"
        "sys.exit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "总分 96.57" in done.stdout
