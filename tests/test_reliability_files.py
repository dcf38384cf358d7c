"""Hostile and odd files: links, FIFOs, directories, read-only and deleted files, for the
table and its recovery file; permissions of new files; stray temporary files; the
recovery verified like a save and tied to the table it was based on.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tui.editing.recovery import recovery_path, write_recovery
from tui.editing.session import Session
from tui.errors import ChangedOnDiskError, JixiaoError
from tui.tomlfile.document import TableFile, save_new

from .conftest import DATA_FILES

SAMPLE = DATA_FILES[0]


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    return path


def _edited(path: Path) -> TableFile:
    file = TableFile.load(path)
    file.table.goals.annual = '恢复我\n"""\nssh-ed25519 AAAA attacker'
    return file


# -- the recovery file --------------------------------------------------------------------


def test_recovery_never_follows_a_symlink(table, tmp_path):
    victim = tmp_path / "authorized_keys"
    victim.write_text("ssh-ed25519 mine\n")
    recovery_path(table).symlink_to(victim)
    with pytest.raises(JixiaoError) as caught:
        write_recovery(_edited(table))
    assert str(recovery_path(table)) in str(caught.value)
    assert victim.read_text() == "ssh-ed25519 mine\n"
    assert recovery_path(table).is_symlink()


def test_recovery_never_writes_through_a_dangling_symlink(table, tmp_path):
    victim = tmp_path / "created_by_attacker"
    recovery_path(table).symlink_to(victim)
    with pytest.raises(JixiaoError):
        write_recovery(_edited(table))
    assert not victim.exists()


@pytest.mark.parametrize("kind", ["fifo", "directory"])
def test_recovery_path_taken_by_a_non_regular_file(table, kind):
    target = recovery_path(table)
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(JixiaoError) as caught:
        write_recovery(_edited(table))
    assert str(target) in str(caught.value)
    assert target.exists() and not target.is_file()


def test_recovery_is_private(table):
    os.umask(0o022)
    write_recovery(_edited(table))
    assert stat.S_IMODE(recovery_path(table).stat().st_mode) == 0o600


def test_a_non_regular_recovery_is_ignored_with_a_warning_never_read(table, tmp_path):
    from tui.editing.recovery import discard_recovery, find_recovery

    secret = tmp_path / "secret.toml"
    secret.write_bytes(SAMPLE.read_bytes().replace(b"format = 1", b"format = 1\n# secret"))
    recovery_path(table).symlink_to(secret)
    with pytest.raises(JixiaoError) as caught:
        find_recovery(TableFile.load(table))
    assert str(recovery_path(table)) in str(caught.value)
    discard_recovery(table)  # never removes what is not ours
    assert recovery_path(table).is_symlink()
    recovery_path(table).unlink()
    os.mkfifo(recovery_path(table))
    with pytest.raises(JixiaoError):  # and never blocks on it
        find_recovery(TableFile.load(table))


def test_recovery_is_verified_like_a_save(table):
    """An unknown [[indicatos]] block between rows was lost by the recovery, then by the save."""
    from tui.editing.recovery import find_recovery, restore_into

    text = table.read_text(encoding="utf-8")
    second = text.index("[[indicators]]", text.index("[[indicators]]") + 1)
    text = text[:second] + '[[indicatos]]\nname = "typo kept"\n\n' + text[second:]
    table.write_text(text, encoding="utf-8")
    file = TableFile.load(table)
    del file.table.indicators[0]
    write_recovery(file)
    assert "typo kept" in recovery_path(table).read_text(encoding="utf-8")
    fresh = TableFile.load(table)
    restore_into(fresh, find_recovery(fresh))
    assert fresh.table.extra["indicatos"] == [{"name": "typo kept"}]
    assert len(fresh.table.indicators) == len(file.table.indicators)


def test_stale_recovery_is_recognised(table):
    from tui.editing.recovery import find_recovery

    file = _edited(table)
    write_recovery(file)
    fresh = find_recovery(TableFile.load(table))
    assert fresh is not None and not fresh.stale
    assert fresh.base is not None and fresh.base.git_blob is not None
    blob = subprocess.run(
        ["git", "hash-object", str(table)], capture_output=True, text=True, check=False
    ).stdout.strip()
    if blob:
        assert fresh.base.git_blob == blob
    # a colleague's change is pulled
    table.write_text(
        table.read_text(encoding="utf-8").replace("市人社局", "市人力资源和社会保障局"),
        encoding="utf-8",
    )
    stale = find_recovery(TableFile.load(table))
    assert stale is not None and stale.stale


def test_recovery_equal_to_the_file_is_not_offered(table):
    from tui.editing.recovery import find_recovery

    file = TableFile.load(table)
    file.table.goals.annual = "临时"
    write_recovery(file)
    file.table.goals.annual = TableFile.load(table).table.goals.annual
    write_recovery(file)
    assert find_recovery(TableFile.load(table)) is None
    assert not recovery_path(table).exists()


def test_journal_writes_soon_and_removes_after_undo(table):
    from tui.ui.recovery_journal import DEBOUNCE, MAX_DELAY, RecoveryJournal

    warnings: list[str] = []
    journal = RecoveryJournal(warnings.append)
    session = Session(TableFile.load(table))
    journal.track(session)
    session.set_text(("goals", "annual"), "第一次")
    journal.poll(now=100.0)
    journal.poll(now=100.0 + DEBOUNCE / 2)
    assert not recovery_path(table).exists()  # still typing
    journal.poll(now=100.0 + DEBOUNCE + 0.01)
    _wait_for(lambda: recovery_path(table).exists())
    assert "第一次" in recovery_path(table).read_text(encoding="utf-8")
    # typing that never pauses is still written after MAX_DELAY
    t = 200.0
    while t < 200.0 + MAX_DELAY + 0.5:
        session.set_text(("goals", "annual"), f"第二次 {t}")
        journal.poll(now=t)
        t += 0.25
    _wait_for(lambda: "第二次" in recovery_path(table).read_text(encoding="utf-8"))
    while session.can_undo:
        session.undo()
    journal.poll(now=300.0)
    journal.poll(now=300.0 + DEBOUNCE + 0.01)
    _wait_for(lambda: not recovery_path(table).exists())
    assert warnings == []


def test_journal_reports_a_refused_recovery_once(table, tmp_path):
    from tui.ui.recovery_journal import RecoveryJournal

    recovery_path(table).symlink_to(tmp_path / "elsewhere")
    warnings: list[str] = []
    journal = RecoveryJournal(warnings.append)
    session = Session(TableFile.load(table))
    journal.track(session)
    for n in range(3):
        session.set_text(("goals", "annual"), f"x{n}")
        journal.flush()
    assert len(warnings) == 1 and str(recovery_path(table)) in warnings[0]
    assert not (tmp_path / "elsewhere").exists()


def _wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


# -- the table ---------------------------------------------------------------------------


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "t.toml"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(fifo)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 2 and "FIFO" in run.stderr


def test_table_replaced_by_a_fifo_is_not_saved_and_does_not_block(table):
    file = _edited(table)
    table.unlink()
    os.mkfifo(table)
    done: list[BaseException | None] = []

    def save() -> None:
        try:
            file.save()
            done.append(None)
        except BaseException as exc:
            done.append(exc)

    worker = threading.Thread(target=save, daemon=True)
    worker.start()
    worker.join(10)
    assert done, "the save blocked on the FIFO"
    assert isinstance(done[0], JixiaoError)
    with pytest.raises(JixiaoError) as caught:
        file.save(force=True)
    assert "FIFO" in str(caught.value)
    assert stat.S_ISFIFO(table.stat().st_mode)


def test_directory_and_device_are_refused(tmp_path):
    folder = tmp_path / "d.toml"
    folder.mkdir()
    with pytest.raises(JixiaoError, match="目录"):
        save_new(folder, "x", force=True)
    link = tmp_path / "null.toml"
    link.symlink_to("/dev/null")
    with pytest.raises(JixiaoError, match="设备"):
        save_new(link, "x", force=True)
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")  # endless: reading it would never end
    with pytest.raises(JixiaoError, match="设备"):
        TableFile.load(zero)


def test_symlinked_table_is_saved_through_the_link(table, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(table)
    file = _edited(link)
    file.save()
    assert link.is_symlink()
    assert "恢复我" in table.read_text(encoding="utf-8")


def test_read_only_table_is_refused(table):
    table.chmod(0o444)
    file = _edited(table)
    with pytest.raises(JixiaoError, match="只读"):
        file.save()
    assert table.read_bytes() == SAMPLE.read_bytes()


def test_deleted_table_is_refused_then_recreated_by_overwrite(table):
    file = _edited(table)
    table.unlink()
    with pytest.raises(ChangedOnDiskError):
        file.save()
    session = Session(TableFile.from_text(table, SAMPLE.read_text(encoding="utf-8")))
    with pytest.raises(JixiaoError):
        Session(file).reload()  # a JixiaoError the editor shows, not a traceback
    file.save(force=True)
    assert "恢复我" in table.read_text(encoding="utf-8")
    assert session.file.path == table


def test_new_files_honour_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        save_new(tmp_path / "new.toml", "format = 1\n")
        assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o644
        os.umask(0o077)
        save_new(tmp_path / "private.toml", "format = 1\n")
        assert stat.S_IMODE((tmp_path / "private.toml").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_replaced_file_keeps_its_mode(table):
    table.chmod(0o640)
    _edited(table).save()
    assert stat.S_IMODE(table.stat().st_mode) == 0o640


def test_stray_temporary_files_are_cleaned_on_the_next_save(tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    path = folder / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    old_style = folder / f".{path.name}.ab12cd34.tmp"
    new_style = folder / f".{path.name}.jixiao-ab12cd_4.tmp"
    someone_elses = folder / ".notes.txt.tmp"
    for stray in (old_style, new_style, someone_elses):
        stray.write_bytes(b"half a table")
        os.utime(stray, (time.time() - 3600, time.time() - 3600))
    young = folder / f".{path.name}.zz12cd34.tmp"
    young.write_bytes(b"another process is saving right now")
    os.utime(young, (time.time() + 3600, time.time() + 3600))
    _edited(path).save()
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([path.name, someone_elses.name, young.name])


def test_save_that_loses_the_race_keeps_the_other_version(table, monkeypatch):
    """Another program writes between the check and the replace: its version is kept."""
    from tui.tomlfile import atomic

    file = _edited(table)
    real_exchange = atomic.exchange

    def racing(a, b):
        Path(b).write_text("# written by a colleague\n", encoding="utf-8")
        return real_exchange(a, b)

    monkeypatch.setattr(atomic, "exchange", racing)
    kept = file.save()
    assert kept is not None and kept.read_text(encoding="utf-8") == "# written by a colleague\n"
    assert "恢复我" in table.read_text(encoding="utf-8")
