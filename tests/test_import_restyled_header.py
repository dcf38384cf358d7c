"""Differential: the header fields read by eye in every real table (项目名称, 主管部门,
实施单位, 项目属性, 项目期, 部门编码), written again under each label the importer knows
for them and pasted in each separator style, import to the same values.

Real values (``[015001]某区教育局``, ``202001-202012``, ``2022年``, names ending in
项目) meet every label spelling: a label found only in one table is tried on all.
Glued text is cut at labels, so a value that runs into a label sharing its words
(``…建设项目`` + ``项目实施单位``) or a two-character label (``部门``) cannot always
be told apart: that style has a lower floor.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.realcorpus import STYLES, load, rendered
from tui.importing import import_text
from tui.importing.labels import HEADER_LABELS

_FIXTURES = Path(__file__).parent / "fixtures"
_FIELDS = ("name", "department", "department_code", "implementer", "attribute", "period")
_LABELS = {
    key: sorted(label for label, kind in HEADER_LABELS.items() if kind == ("field", key))
    for key in _FIELDS
}
_FLOOR = {
    **{"tab": 1.0, "pipe": 1.0, "stream": 0.99, "space": 0.99, "spaces": 0.99},
    **{"glued": 0.9, "piped": 1.0},
}


def _projects() -> list[tuple[int, dict]]:
    tables = [load(p) for p in sorted(_FIXTURES.glob("real*/*.expected"))]
    return [
        (n, project)
        for n, expected in enumerate(tables)
        for project in expected.projects
        if project["rows"] and project["name"] and project["fields"]
    ]


def _text(n: int, project: dict, style: str, per_row: int) -> tuple[str, dict[str, str]]:
    """The project's header (each field under its ``n``-th label), heading and rows."""
    want = {"name": project["name"]} | {k: v for k, v in project["fields"].items() if k in _LABELS}
    pairs = [[_LABELS[k][n % len(_LABELS[k])], v] for k, v in want.items()]
    rows = [
        [cell for pair in pairs[i : i + per_row] for cell in pair]
        for i in range(0, len(pairs), per_row)
    ]
    rows.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for l1, l2, name, _, annual in project["rows"]:
        rows.append([l1, l2, name, annual])
    return "\n".join(rendered(rows, style)), want


def _score(pastes: Iterable[tuple[str, dict[str, str]]]) -> tuple[int, list[tuple]]:
    """Header fields read right over ``(text, fields wanted)`` pastes, and the misses."""
    hits, misses = 0, []
    for text, want in pastes:
        tables = import_text(text).tables
        for key, value in want.items():
            got = str(getattr(tables[0].header, key)) if tables else ""
            hits += got == value
            if got != value:
                misses.append((key, value, got))
    return hits, misses


@pytest.mark.parametrize("per_row", [1, 2])
@pytest.mark.parametrize("style", STYLES)
def test_real_header_fields_under_every_label_import_alike(style, per_row):
    hits, misses = _score(_text(n, project, style, per_row) for n, project in _projects())
    total = hits + len(misses)
    assert total > 150
    assert hits >= _FLOOR[style] * total, misses[:10]


_WRAP = 10  # a PDF form's value column: this many characters a line


def _pdf_text(n: int, project: dict, per_row: int) -> tuple[str, dict[str, str]]:
    """The header as a PDF's layout text: a value too long for its cell wrapped in two,
    its halves printed on the lines above and below its label's line."""
    want = {"name": project["name"]} | {k: v for k, v in project["fields"].items() if k in _LABELS}
    pairs = [(_LABELS[k][n % len(_LABELS[k])], v) for k, v in want.items()]
    lines = []
    for i in range(0, len(pairs), per_row):
        above: list[str] = []
        middle: list[str] = []
        below: list[str] = []
        for label, value in pairs[i : i + per_row]:
            if _WRAP < len(value) <= 2 * _WRAP and " " not in value:
                above.append(value[:_WRAP])
                below.append(value[_WRAP:])
                middle.append(label)
            else:
                middle += [label, value]
        lines += [" ".join(part) for part in (above, middle, below) if part]
    lines.append("一级指标 二级指标 三级指标 指标值")
    lines += [" ".join(c for c in (r[0], r[1], r[2], r[4]) if c) for r in project["rows"]]
    return "\n".join(lines), want


@pytest.mark.parametrize("per_row", [1, 2])
def test_real_header_values_a_pdf_wraps_around_their_labels_import_alike(per_row):
    hits, misses = _score(_pdf_text(n, project, per_row) for n, project in _projects())
    assert hits >= 0.99 * (hits + len(misses)), misses[:10]  # 225/226 (151 before)
