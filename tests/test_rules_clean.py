"""No false alarms: correctly filled tables get no error and no warning.

Besides the two clean fixtures, a table is written from each framework's skeleton
(``jixiao new``) with every common 三级 name of the framework filled in with a good
value, saved, and checked by a real ``jixiao check`` process.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tui.fixing import fix_table
from tui.frameworks import FRAMEWORKS
from tui.model import Amounts, Indicator, Table
from tui.rules import check_table
from tui.skeleton import blank_table
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import load_table

# Good (中期, 年度) values for every common 三级 name of the frameworks (2026-2028).
GOOD = {
    "完成项目数": ("≥36个", "≥12个"),
    "服务人次": ("≥9000人次", "≥3000人次"),
    "培训人次": ("≥1800人次", "≥600人次"),
    "发放人数": ("≥1500人", "≥500人"),
    "采购设备数量": ("≥30台", "≥10台"),
    "资金发放准确率": ("100%", "100%"),
    "验收合格率": ("≥98%", "≥98%"),
    "资格认证率": ("≥90%", "≥90%"),
    "支出合规性": ("合规", "合规"),
    "完成及时率": ("≥95%", "≥95%"),
    "计划完成时间": ("2028年12月31日前", "2026年12月31日前"),
    "资金拨付及时性": ("及时", "及时"),
    "项目总成本": ("≤300万元", "≤100万元"),
    "办公成本": ("≤30万元", "≤10万元"),
    "设备采购成本": ("≤60万元", "≤20万元"),
    "劳务成本": ("≤45万元", "≤15万元"),
    "对社会发展可能造成的负面影响": ("无明显负面影响", "无明显负面影响"),
    "对生态环境可能造成的负面影响": ("无明显负面影响", "无明显负面影响"),
    "带动经济增长": ("≥5%", "≥2%"),
    "节约成本": ("≥30万元", "≥10万元"),
    "对保障业务工作正常开展的影响程度": ("较高", "较高"),
    "受益人数": ("≥1500人", "≥500人"),
    "对生态环境的改善程度": ("较好", "较好"),
    "对单位履职、促进事业发展的持续影响程度": ("较高", "较高"),
    "长效管理机制健全性": ("健全", "健全"),
    "服务对象满意度": ("≥90%", "≥90%"),
    "群众满意度": ("≥90%", "≥90%"),
}


def good_table(framework: str) -> Table:
    """The skeleton of ``framework`` with every common 三级 of each 二级, filled in well."""
    table = blank_table(framework, 2026)
    table.header.name = "企业退休人员社会化管理服务"
    table.header.department, table.header.department_code = "市人社局", "111"
    table.header.implementer = "市养老保险基金管理中心"
    table.header.attribute, table.header.period = "经常性项目", "2026-2028"
    table.funding.medium = Amounts(Decimal("300.00"), Decimal("280.00"), Decimal("20.00"))
    table.funding.annual = Amounts(Decimal("100.00"), Decimal("95.00"), Decimal("5.00"))
    table.goals.medium_period = "2026-2028"
    table.goals.medium = "三年内完成企业退休人员社会化管理服务，服务对象满意度保持在90%以上。"
    table.goals.annual = "本年度举办5场退休人员文体活动，按时足额拨付退管服务经费。"
    fw = FRAMEWORKS[framework]
    rows = []
    for skeleton in table.indicators:
        for name in fw.common.get(skeleton.level2, ()):
            medium, annual = GOOD[name]
            rows.append(Indicator(skeleton.level1, skeleton.level2, name, medium, annual))
    table.indicators = rows
    return table


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_clean_fixture_has_no_error_or_warning(framework):
    found = check_table(load_table(FIXTURES / f"clean_{framework}.toml"))
    assert [p for p in found if p.severity != "hint"] == []


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_skeleton_filled_well_has_no_error_or_warning(framework):
    table = good_table(framework)
    assert len(table.indicators) >= 20
    found = [(p.code, p.ref, p.message) for p in check_table(table) if p.severity != "hint"]
    assert found == []


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_clean_tables_need_no_fix(framework):
    table = good_table(framework)
    assert fix_table(table) == []
    fixture = load_table(FIXTURES / f"clean_{framework}.toml")
    assert fix_table(fixture) == []


def test_check_cli_on_the_skeleton_tables(tmp_path: Path):
    for framework in FRAMEWORKS:
        path = tmp_path / f"good_{framework}.toml"
        path.write_text(dump_table(good_table(framework)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout
    assert "0 个错误，0 个警告" in done.stdout.splitlines()[-1]
