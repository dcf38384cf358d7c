"""The export layout: tables → titled groups of grids of plain cell text.

Format-independent: every format (txt, Markdown, TSV) renders the same grids.
Each project gives four grids, in the order of the official form:

1. 项目信息: ``项目名称 | <name>`` as the heading row, then 主管部门及代码,
   实施单位, 项目属性, 项目期;
2. 项目资金（万元）: rows 资金总额 / 其中：财政拨款 / 其他资金, columns 中期 / 年度;
3. 总体目标: one row, columns ``中期目标（<period>）`` and 年度目标;
4. 绩效指标: 一级指标 | 二级指标 | 三级指标 | 中期指标值 | [年度三级指标] | 年度指标值,
   then any optional row field some row fills (指标性质, 度量单位, 权重, 指标值设定依据, 备注).

``columns="medium"`` / ``"annual"`` keep only that half in grids 2–4. The
年度三级指标 column appears only when some row's 年度 三级 name differs from its
中期 one, and is filled only on those rows (blank = same as 中期). A repeated
一级/二级 name is left blank after its first row. Cell text is raw: renderers
escape it. ``extra`` keys of the model are not exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from tui.model import Amounts, Indicator, Table

COLUMN_CHOICES = ("both", "medium", "annual")
TITLE = "项目支出预算绩效目标表"
_CENT = Decimal("0.01")
_HALVES = {"both": ("medium", "annual"), "medium": ("medium",), "annual": ("annual",)}
_HALF_NAMES = {"medium": "中期", "annual": "年度"}
_AMOUNT_ROWS = (("total", "资金总额"), ("fiscal", "其中：财政拨款"), ("other", "其他资金"))
_OPTIONAL_COLUMNS = (
    ("nature", "指标性质"),
    ("unit", "度量单位"),
    ("weight", "权重"),
    ("basis", "指标值设定依据"),
    ("remark", "备注"),
)


@dataclass
class Grid:
    """One rendered table: a heading row, body rows, and each column's alignment."""

    headers: list[str]
    rows: list[list[str]]
    align: tuple[str, ...]


@dataclass
class Section:
    """A document title and the projects under it, each a list of grids."""

    title: str
    projects: list[list[Grid]]


def money(value: Decimal | None) -> str:
    """An amount in 万元 for display: two decimals, blank for ``None``.

    ``103`` and ``103.0`` show as ``103.00``; a value written with more than two
    decimals (``9.995``) is shown in full, not rounded, so nothing is hidden.
    """
    if value is None:
        return ""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        try:
            return f"{value.quantize(_CENT):f}"
        except InvalidOperation:
            pass
    return f"{value:f}"


def title_of(year: int | None) -> str:
    """The document title line: ``2021年项目支出预算绩效目标表``, or without a year."""
    return TITLE if year is None else f"{year}年{TITLE}"


def _header_grid(table: Table) -> Grid:
    head = table.header
    department = " ".join(part for part in (head.department, head.department_code) if part)
    rows = [
        ["主管部门及代码", department],
        ["实施单位", head.implementer],
        ["项目属性", head.attribute],
        ["项目期", head.period],
    ]
    return Grid(["项目名称", head.name], rows, ("left", "left"))


def _funding_grid(table: Table, halves: tuple[str, ...]) -> Grid:
    columns: list[Amounts] = [table.funding.column(half) for half in halves]
    rows = [[label] + [money(getattr(col, key)) for col in columns] for key, label in _AMOUNT_ROWS]
    headers = ["项目资金（万元）"] + [_HALF_NAMES[half] for half in halves]
    return Grid(headers, rows, ("left",) + ("right",) * len(halves))


def _goals_grid(table: Table, halves: tuple[str, ...]) -> Grid:
    goals = table.goals
    medium = f"中期目标（{goals.medium_period}）" if goals.medium_period else "中期目标"
    names = {"medium": medium, "annual": "年度目标"}
    return Grid(
        [names[half] for half in halves],
        [[getattr(goals, half) for half in halves]],
        ("left",) * len(halves),
    )


def _differs(row: Indicator) -> bool:
    return row.annual_name is not None and row.annual_name != row.name


def _optional_text(value: object) -> str:
    """An optional row field as text; a ``Decimal`` (权重) as written, never in E-notation."""
    if value is None:
        return ""
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def _indicator_grid(table: Table, columns: str) -> Grid:
    rows_in = table.indicators
    headers = ["一级指标", "二级指标", "三级指标"]
    if columns == "medium":
        headers.append("中期指标值")
    elif columns == "annual":
        headers.append("年度指标值")
    else:
        headers.append("中期指标值")
        show_annual_name = any(_differs(row) for row in rows_in)
        if show_annual_name:
            headers.append("年度三级指标")
        headers.append("年度指标值")
    optional = [
        (key, label)
        for key, label in _OPTIONAL_COLUMNS
        if any(getattr(row, key) not in (None, "") for row in rows_in)
    ]
    headers.extend(label for _, label in optional)
    body = []
    previous: Indicator | None = None
    for row in rows_in:
        new_l1 = previous is None or row.level1 != previous.level1
        new_l2 = previous is None or new_l1 or row.level2 != previous.level2
        cells = [row.level1 if new_l1 else "", row.level2 if new_l2 else ""]
        if columns == "medium":
            cells += [row.name, row.medium]
        elif columns == "annual":
            cells += [row.effective_annual_name, row.annual]
        else:
            cells += [row.name, row.medium]
            if show_annual_name:
                cells.append(row.annual_name or "" if _differs(row) else "")
            cells.append(row.annual)
        cells += [_optional_text(getattr(row, key)) for key, _ in optional]
        body.append(cells)
        previous = row
    return Grid(headers, body, ("left",) * len(headers))


def project_grids(table: Table, columns: str = "both") -> list[Grid]:
    """The four grids of one project (see the module doc)."""
    if columns not in COLUMN_CHOICES:
        raise ValueError(f"columns must be one of {COLUMN_CHOICES}, not {columns!r}")
    halves = _HALVES[columns]
    return [
        _header_grid(table),
        _funding_grid(table, halves),
        _goals_grid(table, halves),
        _indicator_grid(table, columns),
    ]


def document_layout(tables: list[Table], columns: str = "both") -> list[Section]:
    """Tables grouped by year under one title each, in order of first appearance.

    All tables of one year give a single section (the usual case); tables
    without a year share a section titled ``项目支出预算绩效目标表``.
    """
    sections: dict[int | None, Section] = {}
    for table in tables:
        section = sections.get(table.year)
        if section is None:
            section = sections[table.year] = Section(title_of(table.year), [])
        section.projects.append(project_grids(table, columns))
    return list(sections.values())
