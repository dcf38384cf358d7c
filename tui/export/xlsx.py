"""The official form as an Excel workbook (``jixiao export --format xlsx -o FILE``).

One sheet per project, laid out like the seed's form: the title and year over
eight columns; 项目名称, 主管部门及代码 / 实施单位, 项目属性 / 项目期; the funding
block (项目资金（万元） over three rows, 中期 and 年度 side by side); 总体目标
(中期目标 with its years, 年度目标); and the indicator block — 绩效指标 down the
first column, 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 二级指标 | 三级指标 |
年度指标值, with 一级 and 二级 merged vertically over their rows, then any
optional row field some row fills (性质, 单位, 权重, 依据, 解释, 备注).

Values stay text (a 指标值 such as ``100%`` or ``=100`` is never turned into a
number or a formula); money cells are numbers shown with two decimals. Text is
escaped like every export (``tui.escape.visible``). Cells wrap, columns are as
wide as their Chinese text needs (up to a limit), thin borders all round, A4
landscape fitted to the page width. ``jixiao import`` reads the file back into
the same tables. Needs openpyxl (the ``office`` extra).
"""

from __future__ import annotations

import importlib
import io
import re
from decimal import Decimal

from wcwidth import wcswidth

from tui.errors import JixiaoError
from tui.escape import visible
from tui.export.layout import title_of
from tui.fields import field_of
from tui.model import Indicator, Table

INSTALL = "pip install 'jixiao[office]'"
WIDTH = 8  # the form's columns: 绩效指标, 一级, 二级, 三级, 中期值, 二级, 三级, 年度值
_OPTIONAL = ("nature", "unit", "weight", "basis", "explanation", "remark")
_AMOUNTS = (("total", "资金总额"), ("fiscal", "其中：财政拨款"), ("other", "其他资金"))
_HALF = {"medium": "中期", "annual": "年度"}
_MAX_WIDTH = 40  # characters of the widest column (Chinese counts two)
_MIN_WIDTH = 8
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _openpyxl():
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise JixiaoError(
            f"导出 .xlsx 需要 openpyxl：{INSTALL}", f"xlsx export needs openpyxl: {INSTALL}"
        ) from None


class _Sheet:
    """Writes one project's form into a worksheet, row by row."""

    def __init__(self, sheet, table: Table) -> None:
        self.sheet = sheet
        self.table = table
        self.row = 0
        self.optional = [
            key
            for key in _OPTIONAL
            if any(getattr(r, key) not in (None, "") for r in table.indicators)
        ]
        self.width = WIDTH + len(self.optional)

    def put(
        self, column: int, text: object, *, span: int = 1, down: int = 1, places: int = 2
    ) -> None:
        """Write a cell at (current row, ``column``), merged ``span`` wide and ``down`` tall;
        a number shows at least ``places`` decimals (money two, a weight as it is)."""
        cell = self.sheet.cell(row=self.row, column=column)
        if isinstance(text, Decimal):
            cell.value = text
            places = max(places, -_exponent(text))  # …or all the value has
            cell.number_format = "0." + "0" * places if places else "0"
        elif text not in (None, ""):
            cell.value = visible(str(text))
            cell.data_type = "s"  # never a formula or a number
        if span > 1 or down > 1:
            self.sheet.merge_cells(
                start_row=self.row,
                start_column=column,
                end_row=self.row + down - 1,
                end_column=column + span - 1,
            )

    def line(self) -> None:
        self.row += 1

    def write(self) -> None:
        table, head = self.table, self.table.header
        self.line()
        self.put(1, title_of(table.year), span=self.width)
        self.line()
        self.put(1, "项目名称")
        self.put(2, head.name, span=self.width - 1)
        department = " ".join(p for p in (head.department, head.department_code) if p)
        for left, right in (
            (("主管部门及代码", department), ("实施单位", head.implementer)),
            (("项目属性", head.attribute), ("项目期", head.period)),
        ):
            self.line()
            self.put(1, left[0])
            self.put(2, left[1], span=3)
            self.put(5, right[0])
            self.put(6, right[1], span=self.width - 5)
        self._funding()
        self._goals()
        self._indicators()

    def _funding(self) -> None:
        first = self.row + 1
        for key, label in _AMOUNTS:
            self.line()
            for column, half in ((2, "medium"), (5, "annual")):
                name = f"{_HALF[half]}{label}：" if key == "total" else label
                self.put(column, name, span=2)
                amount = getattr(self.table.funding.column(half), key)
                span = 1 if half == "medium" else self.width - 6
                self.put(column + 2, amount, span=span)
        self.sheet.cell(row=first, column=1).value = "项目资金（万元）"
        self.sheet.merge_cells(start_row=first, start_column=1, end_row=self.row, end_column=1)

    def _goals(self) -> None:
        goals = self.table.goals
        self.line()
        self.put(1, "总体目标", down=2)
        medium = f"中期目标（{goals.medium_period}）" if goals.medium_period else "中期目标"
        self.put(2, medium, span=4)
        self.put(6, "年度目标", span=self.width - 5)
        self.line()
        self.put(2, goals.medium, span=4)
        self.put(6, goals.annual, span=self.width - 5)

    def _indicators(self) -> None:
        rows = self.table.indicators
        self.line()
        start = self.row
        headings = ["一级指标", "二级指标", "三级指标", "中期指标值", "二级指标", "三级指标"]
        headings += ["年度指标值"] + [field_of(("indicators", 0, k)).zh for k in self.optional]
        for column, text in enumerate(headings, start=2):
            self.put(column, text)
        for i, row in enumerate(rows):
            self.line()
            l1 = _run(rows, i, lambda r: r.level1)
            l2 = _run(rows, i, lambda r: (r.level1, r.level2))
            if l1:
                self.put(2, row.level1, down=l1)
            if l2:
                self.put(3, row.level2, down=l2)
                self.put(6, row.level2, down=l2)
            self.put(4, row.name)
            self.put(5, row.medium)
            self.put(7, row.effective_annual_name)
            self.put(8, row.annual)
            for column, key in enumerate(self.optional, start=WIDTH + 1):
                self.put(column, getattr(row, key), places=0)  # a weight is a number
        self.sheet.cell(row=start, column=1).value = "绩效指标"
        self.sheet.merge_cells(start_row=start, start_column=1, end_row=self.row, end_column=1)


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _run(rows: list[Indicator], i: int, key) -> int:
    """How many rows from ``i`` share its group, or 0 when ``i`` continues a group."""
    if i and key(rows[i - 1]) == key(rows[i]):
        return 0
    n = 1
    while i + n < len(rows) and key(rows[i + n]) == key(rows[i]):
        n += 1
    return n


def _style(openpyxl, sheet, width: int) -> None:
    styles = importlib.import_module("openpyxl.styles")
    thin = styles.Side(style="thin")
    border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = styles.Alignment(wrap_text=True, vertical="center")
    widths = [_MIN_WIDTH] * width
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width):
        for cell in row:
            cell.border = border
            cell.alignment = wrap
            if cell.row > 1 and isinstance(cell.value, str):
                longest = max((wcswidth(part) for part in cell.value.split("\n")), default=0)
                widths[cell.column - 1] = max(widths[cell.column - 1], min(longest, _MAX_WIDTH))
    sheet.cell(row=1, column=1).font = styles.Font(bold=True, size=14)
    sheet.cell(row=1, column=1).alignment = styles.Alignment(horizontal="center")
    utils = importlib.import_module("openpyxl.utils")
    for index, chars in enumerate(widths, start=1):
        sheet.column_dimensions[utils.get_column_letter(index)].width = chars + 2
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


def _sheet_title(name: str, used: set[str]) -> str:
    base = _SHEET_NAME.sub("_", visible(name)).strip("'")[:28] or "项目"
    title, n = base, 1
    while title in used:
        n += 1
        title = f"{base}-{n}"
    used.add(title)
    return title


def export_xlsx(tables: list[Table]) -> bytes:
    """The workbook (one sheet per project) as .xlsx bytes."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.header.name, used))
        writer = _Sheet(sheet, table)
        writer.write()
        _style(openpyxl, sheet, writer.width)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
