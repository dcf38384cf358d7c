"""Figures of one benchmark run: median, min, max, baseline, ratio, target; as text or Markdown."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from wcwidth import wcswidth


@dataclass
class Figure:
    """One measured figure and, optionally, its baseline and target.

    ``limit`` is checked against the median (``on="value"``) or against the
    ratio median / baseline median (``on="ratio"``); ``extra`` are further
    checks ``(label, passed)`` that the target also needs.
    """

    name: str
    unit: str
    values: list[float]
    baseline: str = ""
    base_values: list[float] = field(default_factory=list)
    target: str = ""
    limit: float | None = None
    on: str = "value"
    extra: list[tuple[str, Callable[[Figure], bool]]] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        """Median of the runs."""
        return statistics.median(self.values)

    @property
    def base_median(self) -> float | None:
        """Median of the baseline runs, if any."""
        return statistics.median(self.base_values) if self.base_values else None

    @property
    def ratio(self) -> float | None:
        """Median over baseline median (None without a baseline; inf over a zero baseline)."""
        base = self.base_median
        if base is None:
            return None
        if base == 0:
            return 1.0 if self.median == 0 else float("inf")
        return self.median / base

    @property
    def met(self) -> bool | None:
        """Whether the target is met (None when there is no target)."""
        if self.limit is None:
            return None
        subject = self.ratio if self.on == "ratio" else self.median
        return (
            subject is not None
            and subject <= self.limit
            and all(check(self) for _, check in self.extra)
        )


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if value == float("inf"):
        return "∞"
    if value == 0:
        text = "0"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:#.3g}".rstrip(".")
    return f"{text} {unit}".rstrip()


def _cells(fig: Figure) -> list[str]:
    met = {None: "—", True: "yes", False: "NO"}[fig.met]
    base = f"{fig.baseline} {_num(fig.base_median, fig.unit)}" if fig.baseline else "—"
    ratio = "—" if fig.ratio is None else f"{_num(fig.ratio)}×"
    return [
        fig.name,
        _num(fig.median, fig.unit),
        _num(min(fig.values), fig.unit),
        _num(max(fig.values), fig.unit),
        base,
        ratio,
        fig.target or "—",
        met,
    ]


HEAD = ["figure", "median", "min", "max", "baseline (median)", "ratio", "target", "met?"]


def text_table(figures: list[Figure]) -> str:
    """The figures as an aligned plain-text table."""
    rows = [HEAD, *(_cells(f) for f in figures)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(HEAD))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + (["", "notes:", *notes] if notes else []))


def markdown_table(figures: list[Figure]) -> str:
    """The figures as a Markdown table (for benchmarks/RESULTS.md)."""
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    for fig in figures:
        cells = [c.replace("|", "\\|") for c in _cells(fig)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)
