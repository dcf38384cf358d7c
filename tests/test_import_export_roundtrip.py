"""``jixiao export --format tsv`` of the imported tables reads back as the same tables."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tui.importing import import_text
from tui.tomlfile.canonical import dump_table


def test_exported_tsv_imports_back():
    export = pytest.importorskip("tui.export")
    tables = import_text(SEED.read_text(encoding="utf-8")).tables
    again = import_text(export.export_tables(tables, "tsv"))
    assert again.tables == tables
    assert [dump_table(t) for t in again.tables] == [dump_table(t) for t in tables]
    assert [u.reason_en for u in again.report] == ["page title; not imported"]
