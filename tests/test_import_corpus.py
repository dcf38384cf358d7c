"""The importer against real published tables in ``tests/fixtures/real/`` (``realcorpus.py``)."""

from __future__ import annotations

import pytest

from tests.realcorpus import corpus, report, score_corpus, source_text
from tui.importing import import_text
from tui.importing.cells import split_cells


def test_corpus_has_fifteen_real_tables_with_sources():
    tables = corpus()
    assert len(tables) >= 15
    for path, expected in tables:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# source: http"), path
        assert expected.causes, path
    assert sum(len(p["rows"]) for _, e in tables for p in e.projects) >= 90


def test_corpus_score(capsys):
    total, per_cause, _ = score_corpus()
    with capsys.disabled():
        print("\n" + report())
    assert total.hits >= 0.9 * total.total
    assert total.extra_rows == 0  # no junk rows made of page text
    assert total.fields_hit >= 0.9 * total.fields_total
    for cause, score in per_cause.items():
        assert score.hits >= 0.8 * score.total, cause


@pytest.mark.parametrize("path", [p for p, _ in corpus()], ids=lambda p: p.stem)
def test_every_cell_of_a_real_table_is_placed_or_reported(path):
    text = source_text(path)
    result = import_text(text)
    placed = {(p.line, p.column) for p in result.placed}
    reported = {(u.line, u.column) for u in result.report}
    assert not placed & reported
    for cell in split_cells(text).cells():
        assert cell.key in placed | reported, cell
