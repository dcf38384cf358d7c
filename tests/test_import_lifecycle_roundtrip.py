"""Differential: a self-evaluation form exported by ``jixiao export --form evaluation``
(both layouts, plain text, Markdown and .xlsx) imports back as the same self-evaluation — the
rows' actual values and notes, the 预算执行情况 grid, the goal's 实际完成情况 and the
closing texts — and scores the same, row by row and in total.

The form writes each row's score and the execution 分值 as numbers; where they are what
the scoring profile computes they are left to it again, so the rows' scores come back
exactly (the Anhui form has no 指标性质 column: its ≤ rows keep the score written)."""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tui.export import export_lifecycle, export_lifecycle_file
from tui.importing import import_file, import_text
from tui.scoring import profile_for
from tui.scoring.table import monitor_table, score_table
from tui.tomlfile.loader import load_table

EXAMPLES = sorted((DATA / "lifecycle").glob("*.toml"))
FORMATS = ["txt", "md", pytest.param("xlsx", marks=pytest.mark.slow)]


def _exported_and_imported(table, fmt, tmp_path, **form):
    """``table``'s lifecycle form exported in ``fmt`` and imported again."""
    scored = [(table, profile_for(table))]
    if fmt != "xlsx":
        return import_text(export_lifecycle(scored, fmt, **form))
    pytest.importorskip("openpyxl")
    path = tmp_path / "form.xlsx"
    path.write_bytes(export_lifecycle_file(scored, "xlsx", **form))
    return import_file(path)[0]


def _rows(table):
    return [
        (r.level1, r.level2, r.effective_annual_name, r.annual, r.actual, r.deviation)
        for r in table.indicators
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", ["anhui", "sichuan"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_exported_self_evaluation_imports_back_and_scores_the_same(path, layout, fmt, tmp_path):
    table = load_table(path)
    profile = profile_for(table)
    result = _exported_and_imported(table, fmt, tmp_path, form="evaluation", layout=layout)
    again = result.tables[0]
    assert again.stage == "evaluation"
    assert again.evaluation == table.evaluation
    assert again.goals.annual == table.goals.annual
    assert again.funding.annual == table.funding.annual
    assert again.execution == table.execution
    if layout == "anhui":  # Sichuan's form writes each value cut into sign, number, unit
        assert _rows(again) == _rows(table)
    else:  # …with its sign: each score written is the evaluator's or the profile's again
        assert [r.score for r in again.indicators] == [r.score for r in table.indicators]
    before, after = score_table(table, profile), score_table(again, profile)
    assert [r.score for r in after.rows] == [r.score for r in before.rows]
    assert after.execution == before.execution
    assert after.total == before.total


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", ["anhui", "sichuan"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_exported_monitoring_form_imports_back_with_its_month(path, layout, fmt, tmp_path):
    table = load_table(path)
    month = max(m for row in table.indicators for m in row.monitoring)
    form = {"form": "monitoring", "layout": layout, "month": month}
    result = _exported_and_imported(table, fmt, tmp_path, **form)
    again = result.tables[0]
    assert again.stage == "monitoring"
    assert [r.monitoring for r in again.indicators] == [
        {month: r.monitoring[month]} if month in r.monitoring else {} for r in table.indicators
    ]
    # Each 预警 light the profile computes alike on the imported table is placed; one that
    # differs (the Anhui form has no 指标性质 column, so a ≤ row's light changes) is reported.
    before = monitor_table(table, month, profile_for(table))
    after = monitor_table(again, month, profile_for(again))
    changed = [b.zh for b, a in zip(before, after, strict=True) if b.zh != a.zh]
    assert [u.text for u in result.report] == changed
    assert all(u.reason_en.startswith("warning light differs") for u in result.report)


@pytest.mark.slow
def test_the_cli_exports_imports_and_scores_a_self_evaluation_alike(tmp_path, capsys):
    # jixiao export --form evaluation -o 自评.xlsx → jixiao import 自评.xlsx → jixiao score
    pytest.importorskip("openpyxl")
    from tui.cli import main

    (example,) = EXAMPLES
    form = tmp_path / "自评.xlsx"
    assert main(["export", "--form", "evaluation", "-o", str(form), str(example)]) == 0
    assert main(["import", "-o", str(tmp_path / "out"), str(form)]) in (0, 1)
    (imported,) = (tmp_path / "out").glob("*.toml")
    capsys.readouterr()
    scores = []
    for path in (example, imported):
        assert main(["score", str(path)]) == 0
        scores.append(capsys.readouterr().out.splitlines()[-1])
    assert scores[0] == scores[1]
    assert scores[0].startswith(" 总分 96.57")
