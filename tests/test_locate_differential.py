"""The locator against positions derived independently, from tomlkit's parse of the same text.

For each path ``tomllib`` reads, tomlkit (its own parser, which keeps the text
around every item) is told to change just that item: a value is replaced by a
unique marker string, a table written with a header gets a marker comment on
its header line. tomlkit writes everything else back unchanged, so where the
marker lands is where the item stands: a value's line and column, a header's
line. The locator must report exactly that. Tables that tomlkit cannot mark
(implied by a longer path, or arrays of tables as a whole) are left to the
hand-written corpus.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from tomlkit.items import AoT, InlineTable, Table

from tests.conftest import DATA_FILES, FIXTURES
from tests.test_locate_conformance import CASES, path_text
from tui.tomlfile.loader import decode
from tui.tomlfile.locate import locate

FILES = [*CASES, *DATA_FILES, *sorted(FIXTURES.glob("*.toml"))]


def paths(data: Any, ref: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into parsed TOML data: keys of tables, indices of arrays."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        yield (*ref, key)
        if isinstance(value, dict | list):
            yield from paths(value, (*ref, key))


def marked_position(text: str, ref: tuple[Any, ...], mark: str) -> tuple[int, int] | None:
    """Where tomlkit puts ``mark`` for the item at ``ref``; ``None`` if it cannot mark it."""
    doc = tomlkit.parse(text)
    parent: Any = doc
    for part in ref[:-1]:
        parent = parent[part]
    item = parent[ref[-1]]
    if isinstance(item, Table):
        if item.is_super_table():
            return None
        item.comment(mark)
        out = doc.as_string()
        return out.count("\n", 0, out.find(f"# {mark}")) + 1, 1
    if isinstance(item, AoT) or (isinstance(item, dict) and not isinstance(item, InlineTable)):
        return None
    parent[ref[-1]] = mark
    out = doc.as_string()
    found = out.find(f'"{mark}"')
    return out.count("\n", 0, found) + 1, found - out.rfind("\n", 0, found)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_positions_match_tomlkit(path: Path) -> None:
    text = decode(path.read_bytes(), path).text
    positions = locate(text).positions
    compared = 0
    for n, ref in enumerate(paths(tomllib.loads(text))):
        expected = marked_position(text, ref, f"⟦{n}⟧")
        if expected is not None:
            assert positions.get(ref) == expected, path_text(ref)
            compared += 1
    assert compared or not text.strip()
