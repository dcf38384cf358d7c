"""Saving: atomic (a crash leaves the old file, no temp file), external changes refused."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.editing.session import Session
from tui.errors import ChangedOnDiskError, JixiaoError
from tui.skeleton import new_table_file
from tui.tomlfile.document import TableFile, save_new

SAMPLE = DATA / "企业退休人员社会化管理服务.toml"


@pytest.fixture
def loaded(tmp_path: Path) -> TableFile:
    """A copy of a sample table, loaded and with one value changed."""
    path = tmp_path / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    tf = TableFile.load(path)
    tf.table.header.name = "已修改"
    return tf


def test_crash_in_replace_keeps_original_and_no_temp(loaded, monkeypatch):
    def crash(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    monkeypatch.setattr("tui.tomlfile.atomic.exchange", crash)
    with pytest.raises(JixiaoError) as info:
        loaded.save()
    assert str(info.value) == f"{loaded.path}: 无法写入文件（cannot write: Input/output error）"
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()
    assert list(loaded.path.parent.iterdir()) == [loaded.path]
    assert loaded.modified


def test_crash_during_write_keeps_original_and_no_temp(loaded, monkeypatch):
    def crash(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(JixiaoError, match="No space left"):
        loaded.save()
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()
    assert list(loaded.path.parent.iterdir()) == [loaded.path]


def test_interrupt_during_replace_leaves_no_temp(loaded, monkeypatch):
    def interrupt(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    monkeypatch.setattr("tui.tomlfile.atomic.exchange", interrupt)
    with pytest.raises(KeyboardInterrupt):
        loaded.save()
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()
    assert list(loaded.path.parent.iterdir()) == [loaded.path]


def test_save_writes_and_keeps_permissions(loaded):
    loaded.path.chmod(0o640)
    loaded.save()
    assert stat.S_IMODE(loaded.path.stat().st_mode) == 0o640
    assert TableFile.load(loaded.path).table.header.name == "已修改"
    assert not loaded.modified


def test_changed_on_disk_is_refused_then_forced(loaded):
    outside = loaded.path.read_text("utf-8").replace("2021至2023", "2021至2024")
    loaded.path.write_text(outside, "utf-8")
    assert loaded.changed_on_disk()
    with pytest.raises(ChangedOnDiskError) as info:
        loaded.save()
    message = str(info.value)
    assert message.startswith(f"{loaded.path}: 文件在磁盘上已被修改")
    assert "changed on disk" in message and "\n" not in message
    assert loaded.path.read_text("utf-8") == outside
    loaded.save(force=True)
    table = TableFile.load(loaded.path).table
    assert table.header.name == "已修改"
    assert table.header.period == "2021至2023"


def test_deleted_on_disk_is_refused(loaded):
    loaded.path.unlink()
    with pytest.raises(ChangedOnDiskError):
        loaded.save()
    assert not loaded.path.exists()


def test_second_save_after_own_save_is_allowed(loaded):
    loaded.save()
    loaded.table.header.period = "1年"
    loaded.save()
    assert TableFile.load(loaded.path).table.header.period == "1年"


def test_reload_discards_edits(loaded):
    loaded.reload()
    assert not loaded.modified
    assert loaded.table.header.name == "企业退休人员社会化管理服务"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_folder_gives_clear_error(loaded):
    folder = loaded.path.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(JixiaoError) as info:
            loaded.save()
    finally:
        folder.chmod(0o755)
    assert str(info.value) == f"{loaded.path}: 没有写入权限（permission denied）"


def test_permission_denied_on_write_gives_clear_error(loaded, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(JixiaoError) as info:
        loaded.save()
    assert str(info.value) == f"{loaded.path}: 没有写入权限（permission denied）"
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()


def test_from_text_then_save(tmp_path):
    path = tmp_path / "new.toml"
    tf = TableFile.from_text(path, 'format = 1\n[project]\nname = "新"\n')
    tf.save()
    assert path.read_text("utf-8") == 'format = 1\n[project]\nname = "新"\n'
    path.write_text('format = 1\n[project]\nname = "别人"\n', "utf-8")
    tf.table.header.name = "我"
    with pytest.raises(ChangedOnDiskError):
        tf.save()


def test_a_new_table_is_modified_until_it_is_saved(tmp_path):
    """Never saved: quitting must ask, although nothing was typed yet (``jixiao NEW.toml``)."""
    path = tmp_path / "新表.toml"
    tf = new_table_file(path)
    assert tf.modified and not tf.edited and not tf.on_disk
    assert Session(tf).modified
    tf.table.header.name = "甲"
    tf.table.header.name = path.stem  # typed and taken back: still never saved
    assert tf.modified and not tf.edited
    tf.save()
    assert not tf.modified and tf.on_disk
    again = TableFile.load(path)  # a loaded file: modified only when edited
    assert not again.modified
    again.table.header.name = "乙"
    assert again.modified and again.edited
    again.table.header.name = path.stem
    assert not again.modified


def test_a_new_table_saved_as_another_name_is_no_longer_modified(tmp_path):
    tf = TableFile.from_text(tmp_path / "a.toml", 'format = 1\n[project]\nname = "新"\n')
    assert tf.modified
    tf.save_as(tmp_path / "b.toml")
    assert not tf.modified and not tf.changed_on_disk()


def test_from_text_refuses_to_clobber_existing_file(tmp_path):
    path = tmp_path / "new.toml"
    path.write_text("keep", "utf-8")
    tf = TableFile.from_text(path, 'format = 1\n[project]\nname = "新"\n')
    with pytest.raises(ChangedOnDiskError):
        tf.save()
    assert path.read_text("utf-8") == "keep"


def test_save_new_refuses_existing_file(tmp_path):
    path = tmp_path / "x.toml"
    save_new(path, "a = 1\n")
    with pytest.raises(JixiaoError) as info:
        save_new(path, "b = 2\n")
    assert str(info.value) == f"{path}: 文件已存在，未覆盖（file exists; not overwritten）"
    save_new(path, "b = 2\n", force=True)
    assert path.read_text("utf-8") == "b = 2\n"


def test_save_refuses_text_that_does_not_hold_the_edits(loaded, monkeypatch):
    monkeypatch.setattr(
        TableFile, "render_bytes", lambda self: b'format = 1\n[project]\nname = "x"\n'
    )
    with pytest.raises(JixiaoError) as info:
        loaded.save()
    assert str(info.value).startswith(f"{loaded.path}: 内部错误：保存结果与编辑内容不一致")
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()
    assert loaded.modified


def test_save_accepts_negative_zero_and_nan_extras(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('format = 1\nodd = nan\n[project]\nname = "n"\n', "utf-8")
    tf = TableFile.load(path)
    tf.table.funding.annual.other = Decimal("-0")
    tf.save()
    assert path.read_text("utf-8").endswith("[funding.annual]\nother = -0\n")
    assert TableFile.load(path).table.funding.annual.other == 0


def test_save_through_a_symlink_keeps_the_link(loaded, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(loaded.path.name)
    tf = TableFile.load(link)
    tf.table.header.period = "1年"
    tf.save()
    assert link.is_symlink()
    assert TableFile.load(loaded.path).table.header.period == "1年"


def test_read_only_file_is_refused(loaded):
    loaded.path.chmod(0o444)
    with pytest.raises(JixiaoError) as info:
        loaded.save()
    message = "文件是只读的，未写入（file is read-only; not written）"
    assert str(info.value) == f"{loaded.path}: {message}"
    assert loaded.path.read_bytes() == SAMPLE.read_bytes()
    assert list(loaded.path.parent.iterdir()) == [loaded.path]


def test_a_new_key_goes_to_its_canonical_place_not_below_the_next_rows_comment(tmp_path):
    """Issue: a key added by a save landed after the next row's comment; fmt then refused it."""
    from tui.tomlfile.canonical import dump_table
    from tui.tomlfile.loader import parse_table

    source = (DATA / "养老保险专项业务经费.toml").read_text(encoding="utf-8")
    second = source.index("[[indicators]]", source.index("[[indicators]]") + 1)
    text = source[:second] + "# 下一行的注释（a comment on the next row）\n" + source[second:]
    assert dump_table(*parse_table(text)) == text  # canonical, comment included
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    file = TableFile.load(path)
    first = file.table.indicators[0]
    first.annual_name, first.unit, first.remark = "年度名", "人", "备注"
    file.save()
    saved = path.read_text(encoding="utf-8")
    assert dump_table(*parse_table(saved)) == saved  # jixiao fmt --check passes
    added = [line for line in saved.splitlines() if line not in text.splitlines()]
    assert added == ['annual_name = "年度名"', 'unit = "人"', 'remark = "备注"']


def test_a_number_respelled_is_a_change_that_saves(tmp_path):
    """1.00 → 1 is equal as a Decimal but a different text: it must save, not be refused."""
    path = tmp_path / "t.toml"
    path.write_bytes((DATA / "养老保险专项业务经费.toml").read_bytes())
    file = TableFile.load(path)
    file.table.funding.medium.fiscal = Decimal("103")
    assert file.modified
    file.save()
    assert "fiscal = 103\n" in path.read_text(encoding="utf-8")
