"""The registry, selection by code, the file's [check] table, jixiao.toml, ordering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES, FIXTURES
from tui.errors import JixiaoError
from tui.rules import RULES, Problem, check_table
from tui.rules.engine import FAMILIES, SEVERITIES, code_patterns
from tui.settings import effective_ignores, folder_config
from tui.tomlfile.loader import load_table

SEED_B = next(p for p in DATA_FILES if "企业退休" in p.name)


def test_registry_codes_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert [c[0] for c in codes] == sorted((c[0] for c in codes), key=list(FAMILIES).index)
    for r in RULES:
        assert re.fullmatch(r"[A-Z]\d{3}", r.code) and r.code[0] in FAMILIES
        assert r.severity in SEVERITIES


def test_problem_message():
    p = Problem("F001", "error", "资金总额不等于", "total ≠ sum", ("funding", "medium", "total"))
    assert p.message == "资金总额不等于（total ≠ sum）"


def test_select_and_ignore_take_prefixes():
    table = load_table(SEED_B)
    everything = {p.code for p in check_table(table)}
    assert {"P005", "C003", "T009"} <= everything
    only_p = {p.code for p in check_table(table, select=["P"])}
    assert only_p == {"P005"}
    no_c = {p.code for p in check_table(table, ignore=["c", "T009"])}
    assert no_c == everything - {"C003", "C004", "C002", "T009"}


def test_file_check_table_is_honoured():
    table = load_table(SEED_B)
    table.check = {"ignore": ["P005", "V"]}
    codes = {p.code for p in check_table(table)}
    assert "P005" not in codes and not any(c.startswith("V") for c in codes)
    table.check = {"select": ["C00"]}
    assert {p.code for p in check_table(table)} == {"C002", "C003", "C004"}


def test_malformed_check_table_is_tolerated():
    table = load_table(SEED_B)
    table.check = {"ignore": 5, "select": "P005, T"}
    assert {p.code for p in check_table(table)} == {"P005", "T009"}


def test_code_patterns():
    assert code_patterns("f001, v ,") == ("F001", "V")
    assert code_patterns(["P", 3, ""]) == ("P",)
    assert code_patterns(None) == ()


def test_problems_in_document_order_errors_first():
    problems = check_table(load_table(SEED_B))
    heads = [p.ref[0] for p in problems]
    order = {"project": 1, "funding": 2, "goals": 3, "indicators": 5}
    assert [order[h] for h in heads] == sorted(order[h] for h in heads)
    rows = [p.ref[1] for p in problems if p.ref[0] == "indicators"]
    assert rows == sorted(rows)
    same_field = [p for p in problems if p.ref == ("indicators", 10, "medium")]
    assert [p.severity for p in same_field] == ["warning", "hint"]


@pytest.mark.parametrize("path", DATA_FILES + sorted(FIXTURES.glob("clean_*.toml")))
def test_refs_point_to_real_fields(path):
    table = load_table(path)
    for problem in check_table(table):
        for ref in (problem.ref, *problem.related):
            table.get(ref)  # raises KeyError/AttributeError/IndexError for a bad ref


def test_folder_config(tmp_path: Path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    table_path = sub / "t.toml"
    assert folder_config(table_path) == {}
    (tmp_path / "jixiao.toml").write_text('[check]\nignore = ["v008", "C005"]\n', encoding="utf-8")
    assert folder_config(table_path) == {"ignore": ["C005", "V008"]}
    (tmp_path / "a" / "jixiao.toml").write_text('select = ["F"]\n', encoding="utf-8")
    assert folder_config(table_path) == {"select": ["F"]}


def test_broken_folder_config(tmp_path: Path):
    (tmp_path / "jixiao.toml").write_text("ignore = [", encoding="utf-8")
    with pytest.raises(JixiaoError):
        folder_config(tmp_path / "t.toml")


def test_effective_ignores():
    table = load_table(SEED_B)
    table.check = {"ignore": ["P005"]}
    assert effective_ignores(table, {"ignore": ["V008"]}) == {"P005", "V008"}
    table.check = {}
    assert effective_ignores(table, {}) == set()
