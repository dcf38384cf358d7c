"""The seed's known slips (shared/domain.md §3.1) are reported; nothing else is an error.

``COVERAGE`` is the §3.1 coverage table: each content slip of the seed, numbered as
in domain.md, with the problems (rule code, field) that flag it in ``data/``. Items
that are layout drift of the pasted text (the importer's business, not a slip the
TOML can hold) or not slips at all are listed in ``NOT_FLAGGED`` with the reason.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import DATA, DATA_FILES, ROOT
from tui.rules import check_table
from tui.tomlfile.loader import load_table

SEED_A = next(p for p in DATA_FILES if "养老保险" in p.name)
SEED_B = next(p for p in DATA_FILES if "企业退休" in p.name)
A, B = SEED_A.name, SEED_B.name


def _row(i: int, key: str) -> tuple:
    return ("indicators", i, key)


# §3.1 item → the problems flagging it: (file, rule code, field).
COVERAGE: dict[int, set[tuple[str, str, tuple]]] = {
    1: {(A, "P005", ("goals", "medium_period"))},  # 项目期 2021至2023 vs 中期目标(2020-2022)
    2: {(A, "F002", ("funding", "annual", "total"))},  # 年度资金 all blank
    3: {  # goal texts cut off; 年度目标 a prefix of 中期目标
        (A, "G001", ("goals", "medium")),
        (A, "G001", ("goals", "annual")),
        (A, "G002", ("goals", "annual")),
    },
    4: {  # 完成代发项目数 = a 71-character sentence counting persons
        (A, "Q004", _row(0, "medium")),
        (A, "K002", _row(0, "medium")),
        (A, "V008", _row(0, "medium")),
    },
    5: {(A, "W002", _row(1, "name"))},  # typo 代发放金额准确率
    6: {(A, "D003", _row(2, "annual"))},  # 每月10日前 vs 计划完成时间每月10日前
    7: {  # narrative, approximate, “2021年” in the 中期 column
        (A, "Q004", _row(3, "medium")),
        (A, "Q003", _row(3, "medium")),
        (A, "Q001", _row(3, "medium")),
    },
    9: {(A, "V006", _row(5, "medium"))},  # 社会代发无经济效益 = its own value
    10: {(A, "C005", _row(6, "annual_name"))},  # …改善情况 vs …提升程度
    11: {  # 较高 / 影响程度 较高 / 影响程度较高
        (A, "D002", _row(6, "annual")),
        (A, "W003", _row(6, "annual")),
    },
    12: {(A, "D001", _row(9, "name"))},  # …的影响或提升程度 vs …的持续影响程度
    13: {(A, "V010", _row(11, "medium"))},  # 服务对象满意度 100%
    14: {(A, "Q002", _row(0, "medium")), (B, "Q002", _row(0, "medium"))},  # 中期 = 年度
    16: {(B, "P005", ("goals", "medium_period"))},  # as #1
    18: {(B, "G002", ("goals", "annual"))},  # 中期目标 and 年度目标 identical
    19: {(B, "Q001", _row(0, "medium"))},  # 一年举办1次… in the 中期 column
    20: {(B, "K002", _row(2, "medium"))},  # 培训人次 → 一次学习人数100-150人
    21: {(B, "K001", _row(3, "medium")), (B, "Q003", _row(3, "medium"))},  # 约47万元 as 数量
    22: {(B, "C003", _row(4, "annual_name"))},  # 采购硬件设备数量 → 5场退休人员文体活动
    23: {(B, "T009", _row(4, "annual_name"))},  # 采购硬件设备数量 twice in 年度
    24: {(B, "V002", _row(5, "medium")), (B, "V007", _row(5, "annual"))},  # 10; name in value
    25: {(B, "W005", _row(6, "medium")), (B, "V007", _row(6, "annual"))},  # 达到90%以上
    26: {(B, "D003", _row(7, "annual"))},  # …细则规定内容支出 vs 支出内容合规
    27: {(B, "W001", _row(8, "name"))},  # 文体活动活动完成时间
    28: {(B, "C004", _row(9, "annual"))},  # 活动计划完成时间 → 培训计划完成时间年底之前
    30: {(B, "C002", _row(10, "medium"))},  # 项目总成本90万元 vs 中期资金总额 294.00
    31: {(B, "Q003", _row(11, "medium")), (B, "Q003", _row(12, "medium"))},  # 约5, 约9.99万元
    32: {(B, "V006", _row(13, "medium"))},  # …无经济效益 = its own value
    33: {(B, "D002", _row(14, "annual"))},  # 较高 vs 影响程度较高 again
    34: {(B, "D001", _row(19, "name"))},  # the boilerplate row that started in column 0
    35: {(B, "V010", _row(20, "medium"))},  # 服务对象满意度 100%
}

NOT_FLAGGED = {
    8: "layout: a row shifted one column left; the importer places it, the TOML holds it right",
    15: "layout: the project name as a Markdown heading, an extraction artifact of the paste",
    17: "not a slip: 3 × 90 ≠ 294 is informational (years need not cost the same)",
    29: "layout: the 成本 rows shifted left in both halves; read right by the importer",
    36: "layout: 主管部门及代码 in one cell; the importer splits name and code",
    37: "layout: column positions drift between rows; import reads by label, not position",
}


def _found(path) -> set[tuple[str, str, tuple]]:
    return {(path.name, p.code, p.ref) for p in check_table(load_table(path))}


FOUND = _found(SEED_A) | _found(SEED_B)


@pytest.mark.parametrize("item", sorted(COVERAGE))
def test_seed_slip_is_flagged(item):
    missing = COVERAGE[item] - FOUND
    assert not missing, f"§3.1 item {item} not flagged as expected: {missing}"


def test_coverage_table_is_complete():
    content_slips = set(COVERAGE)
    assert not content_slips & set(NOT_FLAGGED)
    assert content_slips | set(NOT_FLAGGED) == set(range(1, 38))
    assert len(content_slips) >= 24


def test_check_cli_flags_the_covered_slips():
    """`jixiao check data/` in a real process names every covered rule."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(DATA)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    codes = {code for slips in COVERAGE.values() for _, code, _ in slips}
    shown = {line.split()[2] for line in done.stdout.splitlines()[:-1]}
    assert codes <= shown


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
