"""Spaces starting or ending a line (a web page's indentation, an editor's trailing
blanks) are no column gap: a single-spaced label and value read as without them (found
by indenting, and then padding, every line of every real table's text)."""

from __future__ import annotations

import pytest

from tests.realcorpus import scores_changed
from tui.importing import import_text

_HEADER = "\n".join(
    [
        "项目名称 再生资源回收市场管理经费",
        "主管部门 (433)乌海市供销合作社联合社",
        "实施单位 乌海市供销社",
    ]
)


@pytest.mark.parametrize("pad", ["  {}", "{}  ", "\u3000{}\u3000"])
def test_padded_single_spaced_header_lines_read_as_unpadded_ones(pad):
    text = "\n".join(pad.format(line) for line in _HEADER.split("\n"))
    result = import_text(text)
    header = result.tables[0].header
    assert (header.name, header.department, header.department_code, header.implementer) == (
        "再生资源回收市场管理经费",
        "乌海市供销合作社联合社",
        "433",
        "乌海市供销社",
    )
    assert result.report == []
    first = min((p.line, p.column) for p in result.placed if p.line == 2)
    assert first == (2, 1 + pad.index("{"))  # 主管部门 where it stands


def _padded(text: str, pad: str) -> str:
    return "\n".join(pad.format(line) if line else line for line in text.split("\n"))


@pytest.mark.slow
@pytest.mark.parametrize("pad", ["  {}", "{}  "])
def test_every_real_table_indented_or_padded_reads_as_it_is(pad):
    plain, padded = scores_changed(lambda text: _padded(text, pad))
    assert plain.total > 800
    # Before, a single-spaced 主管部门 line with spaces around it was one unread cell
    # (Wuhai's 主管部门 and 实施单位: one expected field lost); the pairs were the same.
    assert (padded.hits, padded.fields_hit) == (plain.hits, plain.fields_hit), sorted(
        set(padded.misses) - set(plain.misses)
    )
