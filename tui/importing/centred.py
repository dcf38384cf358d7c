"""Put back the 一级/二级 cells that text copied from a PDF prints around their rows.

A PDF viewer (or pdfplumber's layout text) writes a cell merged down several rows,
or wrapped inside its cell, as lines of its own *centred* on the rows it spans::

    生态环境
    文明施工情况 可控
    成本指标
    数量指标 道路建设长度 985米
    产出指标 质量指标 项目验收达标率 =100.00(%)

``生态环境`` / ``成本指标`` is the 二级 生态环境成本指标 of the row between them, and
产出指标 the 一级 of the three rows around it. ``recentred`` joins such pieces
(each a part of a known 一级/二级 name, two names' pieces may interleave) and gives
each row the names whose pieces centre on its span of rows, written as cells before
its own — the rows then read like any table's. Only a block with pieces that join
into names is changed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from tui.frameworks import canonical_label
from tui.importing.cells import Cell
from tui.importing.labels import header_label
from tui.importing.levels import LEVEL_NAMES, clean_level, is_category, is_known_level1, owns
from tui.importing.shapes import is_nature, is_operator, is_value

_UNPLACED = 1.5  # cost of a row left without a name at one level (before the first)
_MARGIN = 1.0  # how much better rows must sit under centred names, with no other sign


@cache
def _names() -> frozenset[str]:
    return frozenset(n for n in LEVEL_NAMES if n.endswith("指标"))


def _word(text: str) -> str:
    """A cell's text as a piece of a name: NFKC, no spaces, no score suffix."""
    return "".join(unicodedata.normalize("NFKC", clean_level(text)[0]).split())


def _piece(text: str, alone: bool) -> bool:
    """Part of a category name (``生态环境``, ``响指标``, ``标``); on a line of its own,
    a whole name too (``成本指标`` ending ``生态环境`` / ``成本指标``)."""
    word = _word(text)
    if not word or (not alone and word in LEVEL_NAMES):
        return False
    return any(word in n for n in _names())


def _whole(text: str) -> bool:
    return is_category(clean_level(text)[0])  # 成本指标(0-20)分 too


def _short(rest: list[Cell], inline: list[_Name]) -> bool:
    """A row's first cell a 二级 written short (数量, 社会效益) before its 三级 name and
    value; not a 一级 word, which names a 三级 too (满意度 | 90%), nor a 三级 named
    so before a 性质 or an explanation (服务对象满意度 | 定量 | 95)."""
    word = _word(rest[0].text)
    if inline or len(rest) < 3 or word not in LEVEL_NAMES:
        return False
    name, value = rest[1].text, rest[2].text
    return (
        not is_known_level1(canonical_label(word, 1))
        and not (is_value(name) or is_nature(name) or name.startswith("反映"))
        and (is_value(value) or is_operator(value))
    )


@dataclass
class _Name:
    """A category name: its pieces (cells) and the lines they stand on."""

    cells: list[Cell] = field(default_factory=list)
    inner: bool = False  # written inside a row, after its 一级 (数量指标 in 产出指标 数量指标 …)

    @property
    def text(self) -> str:
        return "".join(_word(c.text) for c in self.cells)

    @property
    def centre(self) -> float:
        return sum(c.line for c in self.cells) / len(self.cells)

    def level(self, tops: set[str]) -> int:
        """1 or 2; a name of both levels (成本指标) is a 二级 under a 一级 that owns it."""
        if self.inner or not is_known_level1(canonical_label(self.text, 1)):
            return 2
        return 2 if any(owns(top, self.text) for top in tops) else 1

    def cell(self) -> Cell:
        first = self.cells[0]
        if len(self.cells) == 1:
            return first
        return replace(first, text=self.text, parts=tuple(self.cells))


def _join(pieces: list[Cell], done: list[_Name]) -> list[_Name]:
    """Join pieces into names: each piece extends the open name it continues (two names
    wrapped side by side interleave), or opens one."""
    open_names: list[_Name] = []
    for cell in pieces:
        word = _word(cell.text)
        target = next(
            (n for n in open_names if any(full.startswith(n.text + word) for full in _names())),
            None,
        )
        if target is None:
            target = _Name()
            open_names.append(target)
        target.cells.append(cell)
        if target.text in _names():
            open_names.remove(target)
            done.append(target)
    return open_names


def recentred(rows: list[list[Cell]]) -> list[list[Cell]] | None:
    """``rows`` with the category names printed around them put back as their first cells;
    ``None`` when the block has no such pieces (it is read as it is)."""
    pieces: list[Cell] = []
    data: list[tuple[int, list[Cell], list[_Name]]] = []  # (line, other cells, inline names)
    for row in rows:
        lead = 0
        while lead < len(row) and _piece(row[lead].text, alone=len(row) == 1):
            lead += 1
        pieces += row[:lead]
        rest = row[lead:]
        inline: list[_Name] = []
        while rest and len(inline) < 2 and (_whole(rest[0].text) or _short(rest, inline)):
            inline.append(_Name([rest[0]], inner=bool(inline)))
            rest = rest[1:]
        if rest:
            data.append((row[0].line, rest, inline))
        elif inline:
            pieces += [n.cells[0] for n in inline]
    names: list[_Name] = []
    if _join(pieces, names) or not data or not names:
        return None
    centred = _centred_levels(names, data)
    if not any(_straddles(n, data) for n in names) and (
        data[0][2] or _cost(centred) + _MARGIN > _cost(_top_levels(names, data))
    ):
        return None  # names over the rows after them read as well: a web page's layout
    out = [list(cells) for _, cells, _ in data]
    for row, levels in zip(out, centred, strict=True):
        row[:0] = [n.cell() for n in levels if n is not None]
    return out


_Levels = tuple[_Name | None, _Name | None]


def _centred_levels(names: list[_Name], data: list) -> list[_Levels]:
    """Each row's 一级 and 二级 when the names are centred on their rows."""
    lines = [line for line, _, _ in data]
    level2 = _assign([_Span(line, line) for line in lines], _of_level(names, data, 2))
    runs: list[_Span] = []  # rows under one 二级 name: a 一级 spans whole runs
    for r, name in enumerate(level2):
        if runs and name is not None and runs[-1].name is name:
            runs[-1].last = lines[r]
            runs[-1].size += 1
        else:
            runs.append(_Span(lines[r], lines[r], name))
    level1 = _assign(runs, _of_level(names, data, 1))
    return [(top, run.name) for run, top in zip(runs, level1, strict=True) for _ in range(run.size)]


def _top_levels(names: list[_Name], data: list) -> list[_Levels]:
    """Each row's 一级 and 二级 when each name heads the rows after it (a web page)."""
    tops = _tops([*names, *(n for _, _, found in data for n in found)])
    events = sorted(
        [(n.cells[0].line, 0, [n]) for n in names] + [(line, 1, found) for line, _, found in data],
        key=lambda event: (event[0], event[1]),
    )
    current: list[_Name | None] = [None, None]
    out: list[_Levels] = []
    for _, is_row, found in events:
        for name in found:
            if name.level(tops) == 1:
                current = [name, None]
            else:
                current[1] = name
        if is_row:
            out.append((current[0], current[1]))
    return out


def _cost(levels: list[_Levels]) -> float:
    """How badly rows sit under their names: no 二级, no 一级, a 二级 its 一级 does not own."""
    cost = 0.0
    for top, name in levels:
        cost += (name is None) + 0.5 * (top is None)
        if top is not None and name is not None and not owns(top.text, name.text):
            cost += 1
    return cost


def _straddles(name: _Name, data: list) -> bool:
    """Whether a row stands between two pieces of ``name``: the sign of a name centred on
    its rows (a name wrapped above its rows, as a web page copies it, has its pieces
    together)."""
    lines = [c.line for c in name.cells]
    return any(min(lines) < line < max(lines) for line, _, _ in data)


def _tops(every: list[_Name]) -> set[str]:
    """The 一级 names of a block (产出指标 — not 成本指标 when a 一级 there owns it)."""
    tops = {n.text for n in every if is_known_level1(n.text) and not n.inner}
    return {t for t in tops if not any(owns(other, t) for other in tops)}


def _of_level(names: list[_Name], data: list, level: int) -> list[_Name]:
    every = [*names, *(n for _, _, found in data for n in found)]
    tops = _tops(every)
    return sorted((n for n in every if n.level(tops) == level), key=lambda n: n.centre)


@dataclass
class _Span:
    """Rows a name may cover: from ``first`` to ``last`` line, and the 二级 over them."""

    first: int
    last: int
    name: _Name | None = None
    size: int = 1


def _assign(spans: list[_Span], names: list[_Name]) -> list[_Name | None]:
    """Each span's name: the names in order over runs of spans, each run centred on its
    name, a 一级 over 二级 it owns (spans before the first name may have none)."""
    n, m = len(spans), len(names)
    if not m:
        return [None] * n
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]  # first k names over the first i spans
    back = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(n + 1):
        best[0][i] = _UNPLACED * i
    for k in range(1, m + 1):
        name = names[k - 1]
        foreign = [0]  # spans up to i whose 二级 the name does not own
        for span in spans:
            owned = span.name is None or owns(name.text, span.name.text)
            foreign.append(foreign[-1] + (not owned))
        for i in range(1, n + 1):
            for j in range(i):
                if best[k - 1][j] == inf:
                    continue
                middle = (spans[j].first + spans[i - 1].last) / 2
                cost = best[k - 1][j] + abs(name.centre - middle) + foreign[i] - foreign[j]
                if cost < best[k][i]:
                    best[k][i], back[k][i] = cost, j
    out: list[_Name | None] = [None] * n
    if best[m][n] == inf:
        return out  # more names than rows: none placed, their pieces reported
    i = n
    for k in range(m, 0, -1):
        j = back[k][i]
        out[j:i] = [names[k - 1]] * (i - j)
        i = j
    return out


def centred_values(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Header rows with the values a PDF printed around their labels put back beside them.

    ``兰溪路-真南路下立交工 阶段性项`` / ``项目名称 项目性质 项目类别 特定目标类`` /
    ``程 目``: the two labels without a value beside them take the pieces above and
    below them, in order (``兰溪路-真南路下立交工程``, ``阶段性项目``).
    """
    out = [list(row) for row in rows]
    r = 1
    while r + 1 < len(out):
        above, row, below = out[r - 1], out[r], out[r + 1]
        bare = [
            k
            for k, cell in enumerate(row)
            if _is_field(cell) and (k + 1 == len(row) or header_label(row[k + 1].text))
        ]
        if bare and _pieces_of(above, below, len(bare)):
            for n, k in reversed(list(enumerate(bare))):
                parts = (above[n], *below[n : n + 1])
                text = "".join(p.text for p in parts)
                row.insert(k + 1, replace(above[n], text=text, parts=parts))
            del out[r + 1], out[r - 1]
            continue
        r += 1
    return out


def _is_field(cell: Cell) -> bool:
    label = header_label(cell.text)
    return label is not None and label.kind == "field"


def _pieces_of(above: list[Cell], below: list[Cell], count: int) -> bool:
    """Whether two lines hold the wrapped halves of ``count`` values, in order."""
    return (
        len(above) == count
        and 0 < len(below) <= count
        and not any(header_label(c.text) or is_category(c.text) for c in (*above, *below))
        and all(len(a.text) >= len(b.text) for a, b in zip(above, below, strict=False))
    )
