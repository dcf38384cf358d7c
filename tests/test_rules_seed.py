"""The seed's known slips (shared/domain.md §3) are reported; nothing else is an error."""

from __future__ import annotations

from tests.conftest import DATA_FILES
from tui.rules import check_table
from tui.tomlfile.loader import load_table

SEED_A = next(p for p in DATA_FILES if "养老保险" in p.name)
SEED_B = next(p for p in DATA_FILES if "企业退休" in p.name)


def _found(path) -> set[tuple[str, tuple]]:
    return {(p.code, p.ref) for p in check_table(load_table(path))}


def test_project_a():
    found = _found(SEED_A)
    assert ("P005", ("goals", "medium_period")) in found  # 2021至2023 vs 中期目标(2020-2022)
    assert ("F002", ("funding", "annual", "total")) in found  # 年度资金 blank
    assert ("V006", ("indicators", 5, "medium")) in found  # 社会代发无经济效益 = its name
    assert ("V006", ("indicators", 5, "annual")) in found
    assert ("T001", ("indicators", 0, "level1")) in found  # "产出 指标" is a variant
    assert ("C005", ("indicators", 6, "annual_name")) in found  # name reworded in 年度


def test_project_b():
    found = _found(SEED_B)
    assert ("P005", ("goals", "medium_period")) in found
    assert ("C003", ("indicators", 4, "annual_name")) in found  # 采购硬件设备数量 → 5场文体活动
    assert ("T009", ("indicators", 4, "annual_name")) in found  # duplicate in the 年度 column
    assert ("C004", ("indicators", 9, "annual")) in found  # 活动计划完成时间 → 培训计划…
    assert ("C002", ("indicators", 10, "medium")) in found  # 项目总成本90万元 vs 294.00
    assert ("V006", ("indicators", 13, "medium")) in found
    assert ("V002", ("indicators", 5, "medium")) in found  # "10" without unit


def test_level1_with_space_is_only_a_hint():
    problems = check_table(load_table(SEED_A))
    assert all(p.severity == "hint" for p in problems if p.code.startswith("T"))


def test_mismatch_names_both_rows():
    problems = check_table(load_table(SEED_B))
    c003 = next(p for p in problems if p.code == "C003")
    assert ("indicators", 5, "name") in c003.related
    assert "采购硬件设备数量" in c003.zh and "第6行" in c003.zh
    c004 = next(p for p in problems if p.code == "C004")
    assert "培训完成时间" in c004.zh and "活动计划完成时间" in c004.zh


def test_errors_are_exactly_the_known_slips():
    errors_a = {(p.code, p.ref) for p in check_table(load_table(SEED_A)) if p.severity == "error"}
    assert errors_a == {
        ("F002", ("funding", "annual", "total")),
        ("P005", ("goals", "medium_period")),
    }
    errors_b = {(p.code, p.ref) for p in check_table(load_table(SEED_B)) if p.severity == "error"}
    assert errors_b == {
        ("P005", ("goals", "medium_period")),
        ("C003", ("indicators", 4, "annual_name")),
        ("T009", ("indicators", 4, "annual_name")),
        ("C004", ("indicators", 9, "annual")),
    }
