"""The README's ``jixiao.toml`` example is read by the real settings loader, every key of it
takes effect, and the README's word on blank cells is what the writer writes."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES, ROOT
from tui.checking import check_path
from tui.model import Indicator, Table
from tui.rules.engine import RULES, matches
from tui.settings import read_config
from tui.skeleton import new_table_file
from tui.tomlfile.canonical import dump_table

README = (ROOT / "README.md").read_text("utf-8")


def readme_example() -> str:
    """The first ``toml`` block of the README's section on folder settings."""
    section = README.split("## Folder settings (`jixiao.toml`)", 1)[1].split("\n## ", 1)[0]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "jixiao.toml").write_text(readme_example(), "utf-8")
    return tmp_path


def _leaves(data: dict, prefix: str = "") -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_leaves(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_every_key_of_the_readme_example_is_read(folder):
    written = _leaves(tomllib.loads(readme_example()))
    settings = read_config(folder / "jixiao.toml")
    # Each key the README shows is one the loader reads (none silently ignored).
    read = {key: settings.get(key.rsplit(".", 1)[-1]) for key in written}
    assert read == {k: sorted(v) if isinstance(v, list) else v for k, v in written.items()}
    assert set(settings) == {key.rsplit(".", 1)[-1] for key in written}


def test_the_rule_codes_in_the_example_name_rules(folder):
    settings = read_config(folder / "jixiao.toml")
    for pattern in settings["select"] + settings["ignore"]:
        assert any(matches(r.code, [pattern]) for r in RULES), pattern


def test_the_example_takes_effect(folder):
    settings = read_config(folder / "jixiao.toml")
    new = new_table_file(folder / "新表.toml").table
    assert (new.framework, new.year) == (settings["framework"], settings["year"])
    table = folder / DATA_FILES[0].name
    shutil.copy(DATA_FILES[0], table)
    result = check_path(table).result
    assert result is not None and result.problems
    codes = {p.code for p in result.problems}
    assert all(matches(c, settings["select"]) for c in codes)
    assert not any(matches(c, settings["ignore"]) for c in codes)


def test_blank_texts_are_written_empty_and_blank_amounts_and_optional_keys_left_out():
    """The README: a blank text is ``""``, a blank amount or optional key is no key at all."""
    table = Table(year=2024, framework="2015")
    table.indicators = [Indicator("产出指标", "数量指标", "培训人次", "", "≥100人")]
    data = tomllib.loads(dump_table(table))
    written = {"project": data["project"], "goals": data["goals"], "row": data["indicators"][0]}
    assert written["project"] == dict.fromkeys(written["project"], "")
    assert set(written["project"]) == {
        "name",
        "department",
        "department_code",
        "implementer",
        "attribute",
        "period",
    }  # no approved = ""
    assert written["goals"] == {"medium_period": "", "medium": "", "annual": ""}
    assert written["row"]["medium"] == ""
    assert set(written["row"]) == {"level1", "level2", "name", "medium", "annual"}
    assert data["funding"] == {"medium": {}, "annual": {}}  # blank amounts: no keys
