"""The files the benchmarks open: copies of ``data/``, generated tables and a bulk folder.

Everything is written into a temporary folder, so typing, killed editors and
recovery files never touch the repository. Each generated table sits in its
own folder, because the editor reads its neighbours for name completion.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from bench_rules import make_table

from tui.model import Table
from tui.tomlfile.canonical import dump_table

REPO = Path(__file__).resolve().parent.parent
DATA_TABLE = "养老保险专项业务经费.toml"


def live_table(rows: int) -> Table:
    """A generated table whose first row has an empty 中期值 (one error, T008).

    Typing one digit there clears the error and Backspace brings it back, so
    every keystroke of the live-check benchmark changes the error count.
    """
    table = make_table(rows)
    table.indicators[0].medium = ""
    return table


@dataclass
class Workload:
    """Paths of the benchmark files under one temporary folder."""

    root: Path

    @property
    def data_table(self) -> Path:
        """A copy of the data/ table, in a copy of data/."""
        return self.root / "data" / DATA_TABLE

    def table(self, rows: int) -> Path:
        """The generated ``rows``-indicator table (see ``live_table``)."""
        return self.root / f"t{rows}" / f"bench{rows}.toml"

    @property
    def bulk(self) -> Path:
        """The folder of generated tables for the bulk check."""
        return self.root / "bulk"

    def reset_data(self) -> None:
        """(Re)copy data/ so that each editor run starts from the same files."""
        target = self.root / "data"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(REPO / "data", target)


def prepare(root: Path, sizes: tuple[int, ...], bulk_files: int, bulk_rows: int) -> Workload:
    """Write every benchmark file under ``root``."""
    work = Workload(root)
    work.reset_data()
    for rows in sizes:
        path = work.table(rows)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_table(live_table(rows)), encoding="utf-8")
    work.bulk.mkdir(exist_ok=True)
    for i in range(bulk_files):
        text = dump_table(make_table(bulk_rows, salt=str(i)))
        (work.bulk / f"t{i:04}.toml").write_text(text, encoding="utf-8")
    return work
