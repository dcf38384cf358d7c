"""The sample tables load and are in canonical form."""

from tests.conftest import DATA_FILES
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.loader import parse_table, read_source


def test_data_files_are_canonical():
    assert len(DATA_FILES) == 2
    for path in DATA_FILES:
        source = read_source(path)
        table, locator = parse_table(source.text, path)
        assert dump_table(table, locator) == source.text
