"""``jixiao [PATH]``: open a table file, or a folder as a workspace, in the editor."""

from __future__ import annotations

from pathlib import Path

from tui.errors import JixiaoError
from tui.paths import holds_tables
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile

NEW_NAME = "新项目"


def _new_path(folder: Path) -> Path:
    candidate = folder / f"{NEW_NAME}.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{NEW_NAME}{number}.toml"
        number += 1
    return candidate


def resolve(path: str | None) -> tuple[Path | None, TableFile | None]:
    """What to open: ``(folder, None)`` for a workspace or ``(None, file)`` for a table.

    No path: the current folder when it holds tables, else a new blank table.
    A path that does not exist yet becomes a new blank table saved there.
    """
    if path is None:
        here = Path.cwd()
        if holds_tables(here):
            return here, None
        return None, new_table_file(_new_path(here))
    target = Path(path)
    if target.is_dir():
        return target, None
    if not target.exists():
        if not target.parent.is_dir():
            raise JixiaoError("目录不存在", "no such folder", target.parent)
        return None, new_table_file(target)
    return None, TableFile.load(target)


def run(args) -> int:
    """Start the editor; bad input is reported before the screen opens."""
    folder, file = resolve(args.path)
    from tui.ui.app import JixiaoApp
    from tui.ui.terminal_diff import diff_driver_class

    driver = diff_driver_class(enabled=not getattr(args, "no_diff", False))
    app = JixiaoApp(folder=folder, file=file, driver_class=driver)
    app.install_signal_handlers()
    try:
        code = app.run()
    finally:
        app.write_recoveries()  # after a crash too: edits still open are kept
    return code if isinstance(code, int) else (app.return_code or 0)
