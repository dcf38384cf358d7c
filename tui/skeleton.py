"""A blank table with a framework's 一级/二级 skeleton (``jixiao new``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui.frameworks import DEFAULT_FRAMEWORK, get_framework
from tui.model import Indicator, Table
from tui.settings import folder_config, new_table_defaults
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile


def blank_table(framework: str = DEFAULT_FRAMEWORK, year: int | None = None) -> Table:
    """A new table: empty header, one empty 三级 row under every 二级 of ``framework``."""
    fw = get_framework(framework)
    table = Table(year=year if year is not None else dt.date.today().year, framework=fw.code)
    for level1 in fw.level1:
        for level2 in fw.level2[level1]:
            table.indicators.append(Indicator(level1=level1, level2=level2))
    return table


def new_table_file(path: Path) -> TableFile:
    """A blank table to be saved at ``path``, with its folder's framework and year."""
    framework, year = new_table_defaults(folder_config(path.parent))
    table = blank_table(framework, year)
    table.header.name = path.stem
    return TableFile.from_text(path, dump_table(table))
