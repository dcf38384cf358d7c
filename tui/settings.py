"""Folder settings (``jixiao.toml``): rules switched off, and defaults for new tables.

``jixiao.toml`` in the table's folder or any parent holds::

    framework = "2021"          # new tables in this folder use 财预〔2021〕101号
    year = 2027                 # and this budget year

    [check]                     # like a file's own [check] table
    ignore = ["V008", "C005"]   # codes or prefixes
    select = ["F", "P"]         # optional: only these

The nearest ``jixiao.toml`` wins; top-level ``select``/``ignore`` keys are read
too when there is no ``[check]`` table. Without settings a new table uses the
default framework and the next budget year (this year + 1). The scoring profile
of the folder's self-evaluations (``docs/lifecycle.md``) is set the same way::

    [scoring]
    profile = "form2020"
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tui.errors import JixiaoError
from tui.escape import printable
from tui.frameworks import DEFAULT_FRAMEWORK, FRAMEWORKS
from tui.model import Table
from tui.paths import CONFIG_NAME
from tui.rules.engine import code_patterns
from tui.scoring.profiles import PROFILES
from tui.tomlfile.loader import parse_toml, read_source


def find_config(path: str | Path) -> Path | None:
    """The nearest ``jixiao.toml`` in the folder of ``path`` (or ``path`` itself) or above."""
    start = Path(path).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_NAME
        if config.is_file():
            return config
    return None


def read_config(config: Path) -> dict[str, Any]:
    """The ``select``/``ignore`` (and ``profile``) settings of one ``jixiao.toml``.

    Raises ``JixiaoError`` if the file is broken.
    """
    source = read_source(config)
    data = parse_toml(source.text, config)
    section = data.get("check", data)
    if not isinstance(section, dict):
        raise JixiaoError("配置文件中 check 应为表", "'check' must be a table", config)
    result: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in section:
            result[key] = list(code_patterns(section[key]))
    framework = data.get("framework")
    if framework is not None:
        if framework not in FRAMEWORKS:
            codes = " / ".join(FRAMEWORKS)
            raise JixiaoError(
                f"配置文件中 framework 应为 {codes}", f"framework must be {codes}", config
            )
        result["framework"] = framework
    year = data.get("year")
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise JixiaoError("配置文件中 year 应为整数年份", "year must be an integer", config)
        result["year"] = year
    scoring = data.get("scoring", {})
    profile = scoring.get("profile") if isinstance(scoring, dict) else None
    if profile is not None:
        if profile not in PROFILES:
            names = ", ".join(PROFILES)
            shown = printable(str(profile))
            raise JixiaoError(
                f"配置文件中未知的评分方案 {shown}，应为 {names}",
                f"unknown scoring profile {shown}, expected one of {names}",
                config,
            )
        result["profile"] = profile
    return result


def new_table_defaults(settings: dict[str, Any]) -> tuple[str, int]:
    """(framework, budget year) for a new table: the folder's settings, else the defaults."""
    year = settings.get("year", dt.date.today().year + 1)
    return settings.get("framework", DEFAULT_FRAMEWORK), year


def folder_config(path: str | Path) -> dict[str, Any]:
    """``{"select": [...], "ignore": [...]}`` from the nearest ``jixiao.toml``, ``{}`` if none."""
    config = find_config(path)
    return {} if config is None else read_config(config)


def effective_ignores(table: Table, config: dict[str, Any]) -> set[str]:
    """The codes switched off for ``table``: its ``[check] ignore`` plus the folder's."""
    own = table.check.get("ignore") if isinstance(table.check, dict) else None
    return set(code_patterns(own)) | set(code_patterns(config.get("ignore")))
