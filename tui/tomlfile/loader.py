"""Read a table file into the model, with one clear error for bad input.

Parsing uses the standard library's ``tomllib`` (fast; floats read as
``Decimal`` from their text) and ``tui.tomlfile.locate`` for line numbers. Editing and
saving go through ``tui.tomlfile.document``, which uses ``tomlkit``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from tui.errors import JixiaoError
from tui.fields import (
    COLUMNS,
    MONTHS,
    OPTIONAL_TEXT,
    SECTIONS,
    SOURCES,
    TEXT,
    Field,
    FieldRef,
    keys,
)
from tui.fields import ROW as ROW_FIELDS
from tui.frameworks import DEFAULT_FRAMEWORK, FRAMEWORKS
from tui.model import (
    FORMAT_VERSION,
    Amounts,
    BudgetLine,
    Evaluation,
    Execution,
    Funding,
    Goals,
    Header,
    Indicator,
    Monitoring,
    Table,
)
from tui.parsing.money import MAX_MONEY
from tui.tomlfile.atomic import read_regular
from tui.tomlfile.limits import LimitError, scan_limits
from tui.tomlfile.locate import Locator, locate
from tui.tomlfile.tomltext import render_value

BOM = "\ufeff"
_TOP_FIELDS = {f.key: f for f in SECTIONS[""]}
_TABLES = ("project", "funding", "goals", "indicators", "execution", "evaluation", "check")
_ERR_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = "(at end of document)"


@dataclass
class SourceText:
    """A file's text as read: LF-only ``text`` plus what is needed to write it back."""

    text: str
    raw: bytes
    bom: bool
    newline: str


def decode(raw: bytes, path: str | Path | None = None) -> SourceText:
    """Decode file bytes as UTF-8 (BOM allowed), or raise ``JixiaoError``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8")) + 1  # in characters
        raise JixiaoError(
            "文件不是 UTF-8 编码", "file is not UTF-8 encoded", path, line, col
        ) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline == "\r\n":
        text = text.replace("\r\n", "\n")
    return SourceText(text=text, raw=raw, bom=bom, newline=newline)


def read_source(path: str | Path) -> SourceText:
    """Read and decode a file, turning OS errors into ``JixiaoError``.

    A FIFO, a device or a directory is refused without blocking on it.
    """
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise JixiaoError("文件不存在", "no such file", path) from None
    except IsADirectoryError:
        raise JixiaoError("这是一个目录，不是文件", "is a directory", path) from None
    except PermissionError:
        raise JixiaoError("没有读取权限", "permission denied", path) from None
    except OSError as exc:
        raise JixiaoError("无法读取文件", f"cannot read: {exc.strerror}", path) from None
    return decode(raw, path)


class _Builder:
    """Turns parsed TOML data into a ``Table``, checking each field's type from the schema."""

    def __init__(self, text: str, path: str | Path | None, locator: Locator | None = None) -> None:
        self.text = text
        self.path = path
        self._locator = locator

    @property
    def loc(self) -> Locator:
        """The positions of the text, found only when an error needs one."""
        if self._locator is None:
            self._locator = locate(self.text)
        return self._locator

    def fail(self, ref: FieldRef, zh: str, en: str) -> JixiaoError:
        pos = self.loc.line_of(ref)
        line, col = pos if pos else (None, None)
        return JixiaoError(zh, en, self.path, line, col)

    def value(self, data: dict, spec: Field, ref: FieldRef) -> Any:
        """The value of ``spec`` in ``data`` (its default when absent), type-checked."""
        key = spec.key
        if key not in data:
            return "" if spec.kind == TEXT else None
        value = data[key]
        if spec.kind in (TEXT, OPTIONAL_TEXT):
            if not isinstance(value, str):
                raise self.fail(ref, f"“{key}”应为文本", f"'{key}' must be a string")
            return value
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            raise self.fail(ref, f"金额“{key}”应为数字（万元）", f"amount '{key}' must be a number")
        if isinstance(value, Decimal) and not value.is_finite():
            raise self.fail(ref, f"金额“{key}”不是有限数", f"amount '{key}' is not finite")
        if abs(Decimal(value)) >= MAX_MONEY:
            raise self.fail(
                ref, f"金额“{key}”超过 10^16 万元", f"amount '{key}' is beyond 10^16 万元"
            )
        return Decimal(value)

    def fields(self, data: dict, section: str, base: FieldRef) -> dict[str, Any]:
        """Every schema field of ``section`` read from ``data``."""
        return {f.key: self.value(data, f, base + (f.key,)) for f in SECTIONS[section]}

    def table(self, data: dict, key: str, ref: FieldRef) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(ref, f"“{key}”应为表", f"'{key}' must be a table")
        return value

    def build(self, data: dict) -> Table:
        if "format" not in data:
            raise JixiaoError(
                "缺少必需的键 format", "missing required key 'format'", self.path, 1, 1
            )
        fmt = data["format"]
        if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt != FORMAT_VERSION:
            raise self.fail(
                ("format",),
                f"不支持的格式版本 {render_value(fmt)}，应为 {FORMAT_VERSION}",
                f"unsupported format {render_value(fmt)}, expected {FORMAT_VERSION}",
            )
        year = data.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise self.fail(("year",), "“year”应为整数年份", "'year' must be an integer")
        framework = data.get("framework", DEFAULT_FRAMEWORK)
        if framework not in FRAMEWORKS:
            codes = [f'"{code}"' for code in FRAMEWORKS]
            shown = render_value(framework)
            raise self.fail(
                ("framework",),
                f"未知的指标体系 {shown}，应为 {' 或 '.join(codes)}",
                f"unknown framework {shown}, expected {' or '.join(codes)}",
            )
        table = Table(format=fmt, year=year, framework=framework)
        for key in ("stage", "profile"):
            setattr(table, key, self.value(data, _TOP_FIELDS[key], (key,)))
        table.header = self.header(data)
        table.funding = self.funding(data)
        table.goals = Goals(**self.goals(data))
        table.indicators = self.indicators(data)
        table.execution = self.execution(data)
        table.evaluation = Evaluation(**self.section(data, "evaluation"))
        table.check = self.table(data, "check", ("check",))
        known = {*keys(""), *_TABLES}
        table.extra = {k: v for k, v in data.items() if k not in known}
        return table

    def section(self, data: dict, name: str) -> dict[str, Any]:
        """The schema fields of the top-level table ``name`` plus its other keys as ``extra``."""
        section = self.table(data, name, (name,))
        values = self.fields(section, name, (name,))
        values["extra"] = {k: v for k, v in section.items() if k not in values}
        return values

    def execution(self, data: dict) -> Execution:
        """``[execution]`` and its ``[execution.SOURCE]`` tables."""
        block = self.table(data, "execution", ("execution",))
        values = self.fields(block, "execution", ("execution",))
        lines = {}
        for source in SOURCES:
            line = self.table(block, source, ("execution", source))
            amounts = self.fields(line, "budget", ("execution", source))
            extra = {k: v for k, v in line.items() if k not in amounts}
            lines[source] = BudgetLine(**amounts, extra=extra)
        extra = {k: v for k, v in block.items() if k not in values and k not in SOURCES}
        return Execution(**values, lines=lines, extra=extra)

    def monitoring(self, index: int, row: dict) -> dict[int, Monitoring]:
        """A row's ``[indicators.monitoring.MONTH]`` tables, month → ``Monitoring``."""
        base: FieldRef = ("indicators", index, "monitoring")
        months = self.table(row, "monitoring", base)
        result = {}
        for key, month in months.items():
            if not (key.isascii() and key.isdigit() and int(key) in MONTHS and key[0] != "0"):
                raise self.fail(
                    base,
                    f"第 {index + 1} 个指标的监控月份“{key}”应为 1–12",
                    f"indicator {index + 1}: monitoring month '{key}' must be 1-12",
                )
            ref = (*base, int(key))
            if not isinstance(month, dict):
                raise self.fail(ref, f"监控月份“{key}”应为表", f"month '{key}' must be a table")
            values = self.fields(month, "monitoring", ref)
            extra = {k: v for k, v in month.items() if k not in values}
            result[int(key)] = Monitoring(**values, extra=extra)
        return dict(sorted(result.items()))

    def header(self, data: dict) -> Header:
        project = self.table(data, "project", ("project",))
        if "project" not in data or "name" not in project:
            pos = self.loc.line_of(("project",))
            line = pos[0] if pos else None
            raise JixiaoError(
                "缺少必需的键 project.name（项目名称）",
                "missing required key 'project.name'",
                self.path,
                line,
            )
        values = self.fields(project, "project", ("project",))
        extra = {k: v for k, v in project.items() if k not in values}
        return Header(**values, extra=extra)

    def funding(self, data: dict) -> Funding:
        funding = self.table(data, "funding", ("funding",))
        columns = {}
        for col in COLUMNS:
            amounts = self.table(funding, col, ("funding", col))
            values = self.fields(amounts, "funding", ("funding", col))
            extra = {k: v for k, v in amounts.items() if k not in values}
            columns[col] = Amounts(**values, extra=extra)
        extra = {k: v for k, v in funding.items() if k not in COLUMNS}
        return Funding(medium=columns["medium"], annual=columns["annual"], extra=extra)

    def goals(self, data: dict) -> dict[str, Any]:
        goals = self.table(data, "goals", ("goals",))
        values = self.fields(goals, "goals", ("goals",))
        values["extra"] = {k: v for k, v in goals.items() if k not in values}
        return values

    def indicators(self, data: dict) -> list[Indicator]:
        rows = data.get("indicators", [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise self.fail(
                ("indicators",),
                "indicators 应为表数组 [[indicators]]",
                "'indicators' must be an array of tables",
            )
        return [self.indicator(i, row) for i, row in enumerate(rows)]

    def indicator(self, index: int, row: dict) -> Indicator:
        ref = ("indicators", index)
        for spec in ROW_FIELDS:
            if spec.required and spec.key not in row:
                raise self.fail(
                    ref,
                    f"第 {index + 1} 个指标缺少必需的键 {spec.key}",
                    f"indicator {index + 1} is missing required key '{spec.key}'",
                )
        values = self.fields(row, "indicators", ref) | self.fields(row, "result", ref)
        months = self.monitoring(index, row)
        extra = {k: v for k, v in row.items() if k not in values and k != "monitoring"}
        return Indicator(**values, monitoring=months, extra=extra)


def parse_table(text: str, path: str | Path | None = None) -> tuple[Table, Locator]:
    """Parse LF text into a ``Table`` and its ``Locator``; raise ``JixiaoError``."""
    data = parse_toml(text, path)
    locator = locate(text)
    return _Builder(text, path, locator).build(data), locator


def build_table(text: str, path: str | Path | None = None) -> Table:
    """Parse LF text into a ``Table`` without locating positions (unless to report an error).

    For callers that need positions only when something is wrong (``jixiao
    check`` of files without problems): ``locate(text)`` finds them later.
    """
    return _Builder(text, path).build(parse_toml(text, path))


def parse_toml(text: str, path: str | Path | None = None) -> dict[str, Any]:
    """Parse TOML text within the limits of ``tui.tomlfile.limits``; raise ``JixiaoError``.

    Floats are read as ``Decimal``; syntax errors come with their position. Every
    TOML file jixiao reads goes through here.
    """
    try:
        scan_limits(text)
    except LimitError as exc:
        raise JixiaoError(exc.zh, exc.en, path, exc.line, exc.col) from None
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _ERR_POS.search(message)
        line, col = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        if _AT_END in message:
            lines = text.split("\n")
            line, col = len(lines), len(lines[-1]) + 1
        reason = _ERR_POS.sub("", message).replace(_AT_END, "").strip()
        raise JixiaoError("TOML 语法错误", reason, path, line, col) from None
    except ValueError as exc:  # e.g. a null character the parser refuses
        raise JixiaoError("TOML 语法错误", str(exc), path) from None
    except (RecursionError, MemoryError):  # a backstop: the limits should prevent these
        raise JixiaoError(
            "文件结构过于复杂", "file is too deeply nested or too large", path
        ) from None


def load_table(path: str | Path) -> Table:
    """Read, decode and parse one table file (positions located only for an error)."""
    source = read_source(path)
    return build_table(source.text, path)
