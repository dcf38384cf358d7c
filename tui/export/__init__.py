"""Export tables to plain text, Markdown or TSV (``jixiao export``, the editor's preview).

One document holds one or several projects: a title line with the year
(``2021年项目支出预算绩效目标表``), then each project's four grids (see
``tui.export.layout``). ``txt`` draws boxed tables that fit ``width`` display
columns, ``md`` writes pipe tables, ``tsv`` writes cells to paste into
Excel/WPS. All text from the tables is escaped on the way out (``escape``).
``xlsx`` (``export_file``) writes the official form as an Excel workbook
(``tui.export.xlsx``; needs the ``office`` extra).

``export_lifecycle`` and ``export_lifecycle_file`` write the forms of the later
stages — the self-evaluation (自评表) and the monitoring table (运行监控表) — in
the Anhui or the Sichuan layout (``tui.export.lifecycle``), scored under each
table's profile.
"""

from __future__ import annotations

from tui.export.layout import COLUMN_CHOICES, document_layout
from tui.export.lifecycle import FORMS, LAYOUTS, lifecycle_layout
from tui.export.markdown import render_markdown
from tui.export.text import DEFAULT_STYLE, TEXT_STYLES, render_text
from tui.export.tsv import render_tsv
from tui.model import Table
from tui.scoring import Profile

FORMATS = ("txt", "md", "tsv")
FILE_FORMATS = ("xlsx",)  # written as bytes, to a file only

__all__ = [
    "COLUMN_CHOICES",
    "DEFAULT_STYLE",
    "FILE_FORMATS",
    "FORMATS",
    "FORMS",
    "LAYOUTS",
    "TEXT_STYLES",
    "export_file",
    "export_lifecycle",
    "export_lifecycle_file",
    "export_table",
    "export_tables",
]


def export_tables(
    tables: list[Table],
    fmt: str = "txt",
    *,
    width: int | None = 100,
    columns: str = "both",
    style: str | None = None,
) -> str:
    """The export of ``tables`` as one document in format ``fmt`` (``FORMATS``).

    ``width`` (display columns) and ``style`` (one of ``TEXT_STYLES``, default
    ``"grid"``) apply to ``txt`` only; ``width=None`` means no wrapping.
    ``columns`` is ``"both"``, ``"medium"`` (中期 half only) or ``"annual"``.
    Raises ``ValueError`` for an unknown format, style or columns value.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if style is not None and fmt != "txt":
        raise ValueError("style applies to the txt format only")
    sections = document_layout(tables, columns)
    if fmt == "md":
        return render_markdown(sections)
    if fmt == "tsv":
        return render_tsv(sections)
    return render_text(sections, width, style)


def export_table(table: Table, fmt: str = "txt", **kw) -> str:
    """The export of one project, with its title line: ``export_tables([table], fmt, **kw)``."""
    return export_tables([table], fmt, **kw)


def export_file(tables: list[Table], fmt: str = "xlsx") -> bytes:
    """The export of ``tables`` in a file format (``FILE_FORMATS``) as bytes."""
    if fmt not in FILE_FORMATS:
        raise ValueError(f"fmt must be one of {FILE_FORMATS}, not {fmt!r}")
    from tui.export.xlsx import export_xlsx  # openpyxl is loaded only when needed

    return export_xlsx(tables)


def export_lifecycle(
    scored: list[tuple[Table, Profile]],
    fmt: str = "txt",
    *,
    form: str = "evaluation",
    layout: str = "anhui",
    month: int | None = None,
    width: int | None = 100,
    style: str | None = None,
) -> str:
    """The ``form`` (``FORMS``: evaluation, monitoring) of each ``(table, profile)`` in
    ``layout`` (``LAYOUTS``) as one document in ``fmt`` (``FORMATS``); ``month`` is the
    monitoring month (default: each table's latest). ``ValueError`` for a bad choice."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if style is not None and fmt != "txt":
        raise ValueError("style applies to the txt format only")
    sections = lifecycle_layout(scored, form, layout, month)
    if fmt == "md":
        return render_markdown(sections)
    if fmt == "tsv":
        return render_tsv(sections)
    return render_text(sections, width, style)


def export_lifecycle_file(
    scored: list[tuple[Table, Profile]],
    fmt: str = "xlsx",
    *,
    form: str = "evaluation",
    layout: str = "anhui",
    month: int | None = None,
) -> bytes:
    """The later-stage forms as a file (``FILE_FORMATS``), one sheet per project."""
    if fmt not in FILE_FORMATS:
        raise ValueError(f"fmt must be one of {FILE_FORMATS}, not {fmt!r}")
    from tui.export.grids_xlsx import export_grids_xlsx  # openpyxl only when needed

    return export_grids_xlsx(lifecycle_layout(scored, form, layout, month))
