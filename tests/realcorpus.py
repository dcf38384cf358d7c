"""Score the importer against real published tables: ``tests/fixtures/real/`` (the corpus
it was built on), ``real_holdout/``, ``real_fresh/``, ``real_fresh2/``,
``real_fresh3/`` … ``real_fresh7/`` (tables kept aside).

Each ``NN_place_year.txt`` is a published 绩效目标表 as stored from its source
(first line: ``# source: URL``); ``NN_place_year.expected`` holds what a person
reads in it, tab-separated:

* ``causes``  the issue-13 cause classes (1–9) the table exercises;
* ``project`` NAME — starts the next expected project;
* ``field``   KEY VALUE — a header field of that project (``framework`` too);
* ``row``     一级 二级 三级 中期值 年度值 — one indicator row.

A pair (三级, 指标值) counts when the imported table of that project holds a row
with the same 一级 and 二级 (compared in canonical form) and the same 三级 name
and 中期/年度 values. ``python -m tests.realcorpus [FOLDER] [--misses]`` prints the
figures (the corpus when no folder is given) and, with ``--misses``, each pair missed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wcwidth import wcswidth

from tui.frameworks import canonical_label
from tui.importing import import_text
from tui.importing.script import simplified
from tui.model import Table


def imported_rows(text: str):
    """``import_text(text)`` and its rows as (一级, 二级, 三级, 中期值, 年度值) tuples."""
    result = import_text(text)
    rows = [r for t in result.tables for r in t.indicators]
    return result, [(r.level1, r.level2, r.name, r.medium, r.annual) for r in rows]


def unplaced_reasons(result) -> dict[str, str]:
    """Each cell the import could not place, with the reason it gives (in English)."""
    return {u.text: u.reason_en for u in result.report}


FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "real"
HOLDOUT = Path(__file__).parent / "fixtures" / "real_holdout"  # kept out of the building
FRESH = Path(__file__).parent / "fixtures" / "real_fresh"  # collected after the holdout fixes
FRESH2 = Path(__file__).parent / "fixtures" / "real_fresh2"  # after the fresh set, scored once
FRESH3 = Path(__file__).parent / "fixtures" / "real_fresh3"  # after fresh2's fixes, scored once
FRESH4 = Path(__file__).parent / "fixtures" / "real_fresh4"  # after fresh3's fixes, scored once
FRESH5 = Path(__file__).parent / "fixtures" / "real_fresh5"  # after fresh4's fixes, scored once
FRESH6 = Path(__file__).parent / "fixtures" / "real_fresh6"  # after fresh5's fixes, scored once
FRESH7 = Path(__file__).parent / "fixtures" / "real_fresh7"  # after fresh6's fixes, scored once
FRESH8 = Path(__file__).parent / "fixtures" / "real_fresh8"  # after fresh7's fixes, scored once
FRESH9 = Path(__file__).parent / "fixtures" / "real_fresh9"  # after fresh8's fixes, scored once
FRESH10 = Path(__file__).parent / "fixtures" / "real_fresh10"  # after fresh9's, scored once
FRESH11 = Path(__file__).parent / "fixtures" / "real_fresh11"  # after fresh10's, scored once
FRESH12 = Path(__file__).parent / "fixtures" / "real_fresh12"  # after fresh11's, scored once
FRESH13 = Path(__file__).parent / "fixtures" / "real_fresh13"  # after fresh12's, scored once
FRESH14 = Path(__file__).parent / "fixtures" / "real_fresh14"  # beside fresh13, scored once
FRESH15 = Path(__file__).parent / "fixtures" / "real_fresh15"  # after fresh14's, scored once
FRESH16 = Path(__file__).parent / "fixtures" / "real_fresh16"  # beside fresh15, scored once
FRESH17 = Path(__file__).parent / "fixtures" / "real_fresh17"  # beside fresh18, scored once
FRESH18 = Path(__file__).parent / "fixtures" / "real_fresh18"  # after fresh16's, scored once
FRESH20 = Path(__file__).parent / "fixtures" / "real_fresh20"  # round 16, scored once
FRESH21 = Path(__file__).parent / "fixtures" / "real_fresh21"  # beside fresh20, scored once
FRESH22 = Path(__file__).parent / "fixtures" / "real_fresh22"  # beside fresh20, scored once
FRESH23 = Path(__file__).parent / "fixtures" / "real_fresh23"  # round 16b, scored once
FRESH24 = Path(__file__).parent / "fixtures" / "real_fresh24"  # beside fresh23, scored once
FRESH25 = Path(__file__).parent / "fixtures" / "real_fresh25"  # round 17, scored once
FRESH28 = Path(__file__).parent / "fixtures" / "real_fresh28"  # beside fresh25, scored once
CAUSES = {
    1: "extra columns",
    2: "single-space cells",
    3: "二级 annotations in parentheses",
    4: "no separator",
    5: "label wrapped across cells",
    6: "header row wrapped across lines",
    7: "value-column header variants",
    8: "text before/after the table",
    9: "score suffixes, label variants, project lists",
}
_SPACE = re.compile(r"\s+")


@dataclass
class Expected:
    """What a person reads in one corpus table."""

    name: str
    causes: tuple[int, ...]
    projects: list[dict] = field(default_factory=list)


def load(path: Path) -> Expected:
    """The expected file ``path`` as an ``Expected``."""
    causes: tuple[int, ...] = ()
    projects: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "causes":
            causes = tuple(int(c) for c in cells[0].split(","))
        elif kind == "project":
            projects.append({"name": cells[0] if cells else "", "fields": {}, "rows": []})
        elif kind == "field":
            projects[-1]["fields"][cells[0]] = cells[1]
        elif kind == "row":
            projects[-1]["rows"].append(tuple((cells + [""] * 5)[:5]))
    return Expected(path.stem, causes, projects)


def corpus(folder: Path = CORPUS) -> list[tuple[Path, Expected]]:
    """Every table in ``folder`` with what is expected of it, in file order."""
    return [(p.with_suffix(".txt"), load(p)) for p in sorted(folder.glob("*.expected"))]


def source_text(path: Path) -> str:
    """The stored table text, without its ``# source:`` line."""
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def _level(text: str, level: int) -> str:
    return canonical_label(_SPACE.sub("", text), level)


def _key(*cells: str) -> tuple[str, ...]:
    """A row as compared: a converter's traditional copy says what its simplified text
    says (``產(chǎn)出指標(biāo)`` is ``产出指标``: the import reads it so, with a note)."""
    l1, l2, name, medium, annual = (simplified(cell) for cell in cells)
    return (_level(l1, 1), _level(l2, 2), name.strip(), medium.strip(), annual.strip())


def _match(tables: list[Table], want: dict, index: int) -> Table | None:
    for table in tables:
        if want["name"] and table.header.name == want["name"]:
            return table
    return tables[index] if index < len(tables) else None


@dataclass
class Score:
    """Pairs found and expected, extra rows, header fields found and expected."""

    hits: int = 0
    total: int = 0
    extra_rows: int = 0
    fields_hit: int = 0
    fields_total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add ``other``'s counts to these."""
        self.hits += other.hits
        self.total += other.total
        self.extra_rows += other.extra_rows
        self.fields_hit += other.fields_hit
        self.fields_total += other.fields_total
        self.misses += other.misses


def score_tables(tables: list[Table], expected: Expected) -> Score:
    """How many expected pairs and fields ``tables`` hold."""
    score = Score()
    for index, want in enumerate(expected.projects):
        table = _match(tables, want, index)
        rows = (
            [_key(r.level1, r.level2, r.name, r.medium, r.annual) for r in table.indicators]
            if table
            else []
        )
        found = 0
        for row in want["rows"]:
            score.total += 1
            if _key(*row) in rows:
                rows.remove(_key(*row))
                score.hits += 1
                found += 1
            else:
                score.misses.append(f"{expected.name}: {row}")
        score.extra_rows += len(rows) if want["rows"] else 0
        for key, value in {"name": want["name"], **want["fields"]}.items():
            score.fields_total += 1
            got = "" if table is None else _field(table, key)
            score.fields_hit += got == value
    return score


def _field(table: Table, key: str) -> str:
    if key == "framework":
        return table.framework
    return str(getattr(table.header, key))


def score_corpus(folder: Path = CORPUS) -> tuple[Score, dict[int, Score], dict[str, Score]]:
    """The score of the tables in ``folder``: in all, per cause class, per table."""
    total, per_cause, per_table = Score(), {c: Score() for c in CAUSES}, {}
    for path, expected in corpus(folder):
        result = import_text(source_text(path))
        score = score_tables(result.tables, expected)
        per_table[expected.name] = score
        total.add(score)
        for cause in expected.causes:
            per_cause[cause].add(score)
    return total, per_cause, per_table


def scores_changed(
    change: Callable[[str], str],
    *,
    back: Callable[[str], str] = lambda text: text,
    keep: Callable[[str], bool] = lambda text: True,
) -> tuple[Score, Score]:
    """Every real table's score as stored and with its whole text changed by ``change``
    (``back`` undoes the change in the rows' names and values before they are compared;
    ``keep`` chooses the texts): the differential tests' two figures."""
    plain, changed = Score(), Score()
    for path in sorted(FIXTURES.glob("real*/*.expected")):
        text = source_text(path.with_suffix(".txt"))
        if not keep(text):
            continue
        expected = load(path)
        plain.add(score_tables(import_text(text).tables, expected))
        tables = import_text(change(text)).tables
        for row in (row for table in tables for row in table.indicators):
            row.name, row.medium, row.annual = back(row.name), back(row.medium), back(row.annual)
        changed.add(score_tables(tables, expected))
    return plain, changed


def report(folder: Path = CORPUS, misses: bool = False) -> str:
    """The figures for ``folder`` as text: total, per cause class, per table (and misses)."""
    total, per_cause, per_table = score_corpus(folder)
    lines = [
        f"pairs {total.hits}/{total.total} ({100 * total.hits / total.total:.0f}%), "
        f"extra rows {total.extra_rows}, header fields {total.fields_hit}/{total.fields_total}"
    ]
    for cause, score in per_cause.items():
        pct = 100 * score.hits / score.total if score.total else 100
        lines.append(f"  cause {cause} {CAUSES[cause]}: {score.hits}/{score.total} ({pct:.0f}%)")
    for name, score in per_table.items():
        lines.append(
            f"  {name}: {score.hits}/{score.total}, extra rows {score.extra_rows}, "
            f"header fields {score.fields_hit}/{score.fields_total}"
        )
    if misses:
        lines += ["misses:"] + [f"  {miss}" for miss in total.misses]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """``python -m tests.realcorpus [FOLDER] [--misses]``: print the figures."""
    folders = [Path(a) for a in argv if not a.startswith("--")]
    print(report(folders[0] if folders else CORPUS, misses="--misses" in argv))


if __name__ == "__main__":
    main(sys.argv[1:])


STYLES = ("tab", "pipe", "stream", "space", "spaces", "glued", "piped")
_JOIN = {"tab": "\t", "space": " ", "spaces": "  ", "glued": ""}
_LEVELS = ("一级指标", "二级指标", "三级指标")
# Indicator layouts: the heading after 一级/二级/三级, and a row's cells after its levels.
LAYOUTS = {
    "plain": (("指标值",), lambda name, value: [name, value]),
    "extra columns": (
        ("指标性质", "指标值", "权重", "备注"),
        lambda name, value: [name, "定量", value, "10", "无"],
    ),
    "unit and basis": (
        ("指标值", "计量单位", "指标值设定依据"),
        lambda name, value: [name, value, "项", "计划标准"],
    ),
    "two halves": (("中期指标值", "年度指标值"), lambda name, value: [name, value, value]),
    "explained": (  # Hunan's 专项 form: 指标内容 between name and value, 绩效标准 after
        ("指标内容", "指标值", "绩效标准"),
        lambda name, value: [name, f"反映{name}情况", value, "计划标准"],
    ),
    "as planned": (  # a self-evaluation whose actual values are its targets
        ("年度指标值", "全年实际值", "分值", "得分"),
        lambda name, value: [name, value, value, "10", "10"],
    ),
    "self-evaluation": (
        ("年度指标值", "全年实际值", "分值", "得分", "偏差原因分析及改进措施"),
        lambda name, value: [name, value, "基本达到预期", "10", "8", "资金下达较晚"],
    ),
}


def restyled(
    expected: Expected,
    style: str,
    layout: str = "plain",
    *,
    repeated: bool = False,
    numbered: bool = False,
    page_break: str = "",
    around: tuple[list[str], list[str]] = ([], []),
) -> str:
    """The rows a person read in a corpus table, written again as a paste in ``style``.

    Each project: a 项目名称 line, an indicator heading, then its rows with the
    一级/二级 cells left blank below their first row as merged cells copy (written on
    every row when ``repeated``; ``numbered`` puts a 序号 column first). Styles: tab-
    or ``|``-separated cells, one cell per line (``stream``), cells separated by one
    space, by two spaces, or by nothing (``glued``); ``layout`` adds columns
    (``LAYOUTS``: the ``two halves`` layout writes the value as both 中期 and 年度);
    ``page_break`` is a line of page furniture put halfway through each table of four
    rows or more, the heading repeated after it as a new page prints it (merged cells
    too); ``around`` puts lines before and after the table. Only tables with one value
    column (no 中期 values) are meant.
    """
    heading, cells = LAYOUTS[layout]
    rows: list[list[str]] = []
    first = ["序号"] if numbered else []
    for project in expected.projects:
        head = [*first, *_LEVELS, *heading]
        rows += [["项目名称", project["name"] or "某项目"], head]
        previous = ("", "")
        half = len(project["rows"]) // 2 + 1 if len(project["rows"]) >= 4 and page_break else 0
        for number, (l1, l2, name, _, annual) in enumerate(project["rows"], start=1):
            if number == half:
                rows += [[page_break], head]
                previous = ("", "")
            level1 = l1 if repeated or l1 != previous[0] else ""
            level2 = l2 if repeated or (l1, l2) != previous else ""
            rows.append(
                [*([str(number)] if numbered else []), level1, level2, *cells(name, annual)]
            )
            previous = (l1, l2)
    return "\n".join([*around[0], *rendered(rows, style), *around[1]])


def rendered(rows: list[list[str]], style: str) -> list[str]:
    """The lines of ``rows`` of cells pasted in ``style`` (``STYLES``)."""
    if style == "pipe":
        return ["| " + " | ".join(row) + " |" for row in rows]
    if style == "stream":
        return [cell for row in rows for cell in row if cell]
    if style == "tab":
        return ["\t".join(row) for row in rows]
    if style == "piped":  # a web copy: a row's first cell, then each next one after "| "
        return [
            line
            for row in rows
            for k, cell in enumerate(c for c in row if c)
            for line in ([cell] if k == 0 else _piped_cell(cell))
        ]
    return [_JOIN[style].join(cell for cell in row if cell) for row in rows]


def _piped_cell(cell: str) -> list[str]:
    """A cell of the ``piped`` style: after ``        | ``, a long one broken after its
    tenth character onto an indented line of its own, as the page's copy keeps it."""
    return ["        | " + cell[:10]] + (["       " + cell[10:]] if len(cell) > 10 else [])


def with_halves(expected: Expected) -> Expected:
    """``expected`` with each row's value as its 中期 value too (the ``two halves`` layout)."""
    projects = [
        dict(p, rows=[(l1, l2, name, annual, annual) for l1, l2, name, _, annual in p["rows"]])
        for p in expected.projects
    ]
    return Expected(expected.name, expected.causes, projects)


def _runs(keys: list) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of equal neighbouring keys."""
    runs, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            runs.append((start, i))
            start = i
    return runs


def laid_out(expected: Expected, name_width: int, value_width: int = 0) -> str:
    """The rows a person read, as a PDF's layout text of a table without rules: each
    column padded to its widest cell (display width: a Chinese character is two), the
    三级 names wrapped every ``name_width`` columns and the values every ``value_width``
    (0: not wrapped) onto lines of their own under their cell, 一级/二级 cells written
    on their group's first row only."""
    lines: list[str] = []
    for project in expected.projects:
        lines.append(f"项目名称  {project['name'] or '某项目'}")
        rows, previous = [[*_LEVELS, "指标值"]], ("", "")
        for l1, l2, name, _, annual in project["rows"]:
            rows.append([l1 if l1 != previous[0] else "", l2 if (l1, l2) != previous else ""])
            rows[-1] += [name, annual]
            previous = (l1, l2)
        wraps = [0, 0, name_width, value_width]
        pieces = [[_wrapped(text, wraps[i]) for i, text in enumerate(row)] for row in rows]
        widths = [max(wcswidth(p) for row in pieces for p in row[i]) for i in range(4)]
        for row in pieces:
            for k in range(max(len(cell) for cell in row)):
                texts = [cell[k] if k < len(cell) else "" for cell in row]
                padded = [t + " " * (w - wcswidth(t)) for t, w in zip(texts, widths, strict=True)]
                lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` display columns (0: one line)."""
    if not width:
        return [text]
    out = [""]
    for ch in text:
        if wcswidth(out[-1] + ch) > width:
            out.append("")
        out[-1] += ch
    return out


def centred(expected: Expected, width: int = 4, layout: str = "plain") -> str:
    """The rows a person read, as text copied from a PDF: cells of a row separated by a
    space, and each 一级/二级 cell merged down its rows printed centred on them — on the
    middle row when it fits one line and the rows are odd in number, else on lines of
    its own between the rows, wrapped every ``width`` characters (``生态环境`` / row /
    ``成本指标``); ``layout`` adds columns as in ``restyled``."""
    heading, cells = LAYOUTS[layout]
    lines: list[str] = []
    for project in expected.projects:
        lines += [f"项目名称 {project['name'] or '某项目'}", " ".join([*_LEVELS, *heading])]
        rows = project["rows"]
        gaps: list[list[str]] = [[] for _ in range(len(rows) + 1)]  # lines before row i
        inline: list[list[str]] = [[] for _ in rows]
        for level, keys in ((0, [r[:1] for r in rows]), (1, [r[:2] for r in rows])):
            for start, end in _runs(keys):
                label = rows[start][level]
                if not label:
                    continue
                size = end - start
                pieces = [label[i : i + width] for i in range(0, len(label), width)]
                if len(pieces) == 1 and size % 2:
                    inline[start + size // 2].append(label)
                elif len(pieces) == 1:
                    gaps[start + size // 2].append(label)
                else:
                    first = max(0, (size + 1 - len(pieces)) // 2)
                    for i, piece in enumerate(pieces):
                        gaps[start + min(first + i, size)].append(piece)
        for i, (_, _, name, _, annual) in enumerate(rows):
            lines += [*gaps[i], " ".join([*inline[i], *cells(name, annual)])]
        lines += gaps[len(rows)]
    return "\n".join(lines)
