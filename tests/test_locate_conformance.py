"""The locator on a conformance corpus of valid TOML files with hand-written expectations.

Each ``tests/fixtures/toml_conformance/NAME.toml`` has a ``NAME.expected``
(TOML) written by hand from the file: every path the locator must report with
its ``[line, column]`` (1-based; a key's column is its value's, a header's is
1), the comments it carries, the ``[[indicators]]`` blocks as ``[first line,
header line, last line]`` (1-based, inclusive) and the line count. Files are
read through the loader's ``decode`` (BOM, CRLF), as ``jixiao`` reads them.
Paths are written ``a."b.c"[0].d``: parts joined by dots, a part that is not a
bare key quoted, an array index in brackets.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from tui.tomlfile.loader import decode
from tui.tomlfile.locate import Locator, locate

CORPUS = FIXTURES / "toml_conformance"
CASES = sorted(CORPUS.glob("*.toml"))
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def path_text(ref: tuple[Any, ...]) -> str:
    """``("a", "b.c", 0, "d")`` → ``a."b.c"[0].d``."""
    out = ""
    for part in ref:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            shown = part if _BARE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += f".{shown}" if out else shown
    return out


def observed(loc: Locator) -> dict[str, Any]:
    """What the locator found, in the expectation files' shape."""
    return {
        "line_count": loc.line_count,
        "leading_comments": loc.leading_comments,
        "blocks": [[b.start + 1, b.header + 1, b.end] for b in loc.blocks],
        "positions": {path_text(r): list(p) for r, p in loc.positions.items()},
        "comments_before": {path_text(r): c for r, c in loc.comments_before.items()},
        "inline_comments": {path_text(r): c for r, c in loc.inline_comments.items()},
    }


def expected_of(case: Path) -> dict[str, Any]:
    with case.with_suffix(".expected").open("rb") as f:
        data = tomllib.load(f)
    for key, empty in (("leading_comments", []), ("blocks", []), ("positions", {})):
        data.setdefault(key, empty)
    data.setdefault("comments_before", {})
    data.setdefault("inline_comments", {})
    return data


def test_corpus_covers_the_cases() -> None:
    assert len(CASES) >= 15
    assert all(case.with_suffix(".expected").exists() for case in CASES)
    raw = {case.name: case.read_bytes() for case in CASES}
    assert any(b"\r\n" in data for data in raw.values())
    assert any(data.startswith(b"\xef\xbb\xbf") for data in raw.values())
    assert any(data == b"" for data in raw.values())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_corpus_positions(case: Path) -> None:
    text = decode(case.read_bytes(), case).text
    tomllib.loads(text)  # the corpus is valid TOML
    got, want = observed(locate(text)), expected_of(case)
    for key in ("positions", "comments_before", "inline_comments"):
        assert got[key] == want[key], key
    for key in ("line_count", "leading_comments", "blocks"):
        assert got[key] == want[key], key
