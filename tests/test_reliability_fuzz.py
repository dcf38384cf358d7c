"""A fuzzer that reaches deep structure: every command and the editor's load/save/recovery
path on hostile table files. 0 tracebacks and 0 hangs are allowed: each example either
works or gives exit status 2 with one ``file:line:col: …`` line.

Strategies build on a real table: nesting (arrays, inline tables, dotted keys, table
headers) up to 1,000 levels, huge exponents and long numbers, NUL, invalid UTF-8,
mixed CRLF and lone CR, strings up to 1 MB. ``EXAMPLES`` per target here (2,000 in all);
``python benchmarks/reliability.py --only fuzz`` runs a longer campaign (20,000) with
the same strategies.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.editing.recovery import find_recovery, restore_into, write_recovery
from tui.errors import JixiaoError
from tui.tomlfile.document import TableFile

from .conftest import DATA_FILES, FIXTURES

EXAMPLES = {"check": 500, "fmt": 450, "export": 400, "import": 250, "editor": 400}  # 2,000
BASES = [p.read_bytes() for p in (*DATA_FILES, *sorted(FIXTURES.glob("clean_*.toml")))]
ONE_LINE = re.compile(r"^.+:\d+(:\d+)?: .+（.+）$|^.+: .+（.+）$")


def fuzz_settings(target: str) -> settings:
    """Hypothesis settings for one target: its share of the examples, a 10 s deadline."""
    return settings(
        max_examples=EXAMPLES[target],
        deadline=10_000,  # ms: a hang is a failure
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=True,
    )


_DEPTHS = st.one_of(
    st.sampled_from([1, 16, 17, 31, 32, 33, 101, 331, 497, 1000]), st.integers(0, 1000)
)
_HIDDEN = st.sampled_from(
    ["\x00", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\u2028", "\x9b", "\r"]
)


@st.composite
def _nested(draw) -> str:
    depth = draw(_DEPTHS)
    kind = draw(st.sampled_from(["array", "inline", "dotted", "header", "aot", "mixed"]))
    if kind == "array":
        return "deep = " + "[" * depth + "1" + "]" * depth
    if kind == "inline":
        return "deep = " + "{a = " * depth + "1" + "}" * depth
    if kind == "dotted":
        return ".".join(["k"] * max(depth, 1)) + " = 1"
    if kind in ("header", "aot"):
        name = ".".join(["t"] * max(depth, 1))
        return (f"[{name}]" if kind == "header" else f"[[{name}]]") + "\nx = 1"
    parts = draw(st.lists(st.sampled_from(["[", "{a = "]), min_size=depth, max_size=depth))
    closing = "".join("]" if p == "[" else "}" for p in reversed(parts))
    return "deep = " + "".join(parts) + "1" + closing


@st.composite
def _number(draw) -> str:
    mantissa = draw(st.sampled_from(["1", "9.99", "103.00", "-0", "0." + "0" * 30 + "1"]))
    exponent = draw(
        st.one_of(
            st.sampled_from([15, 16, 39, 40, 41, 400, 10**8, 10**9, 10**18, 10**20]),
            st.integers(-(10**20), 10**20),
        )
    )
    long_int = draw(st.sampled_from(["", "9" * 50, "1" + "0" * 4400]))
    return long_int or f"{mantissa}e{exponent}"


_SIZES = (0, 1, 2, 60, 61, 1000)
_BIG = (1_000_000, 100_001, 99_999)  # rarer: beyond and at the string limit


@st.composite
def _string(draw) -> str:
    size = draw(st.integers(0, 99).map(lambda i: _SIZES[i % len(_SIZES)] if i >= 3 else _BIG[i]))
    unit = draw(st.sampled_from(["长", "a", "1", "ab ", "1.", "≥9", "\\n", "，"]))
    text = (unit * (size // len(unit) + 1))[:size] if size else ""
    return (
        '"'
        + text
        + draw(st.text(max_size=5).map(lambda t: t.replace('"', "").replace("\\", "")))
        + '"'
    )


@st.composite
def documents(draw) -> bytes:
    """A table file's bytes: a real table with hostile changes."""
    text = draw(st.sampled_from(BASES)).decode("utf-8")
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        move = draw(st.sampled_from(["nest", "number", "string", "hidden", "junk"]))
        at = draw(st.integers(0, len(lines)))
        if move == "nest":
            lines.insert(draw(st.sampled_from([0, at])), draw(_nested()))
        elif move == "number":
            key = draw(st.sampled_from(["total", "fiscal", "other", "extra_number"]))
            index = next((i for i, line in enumerate(lines) if line.startswith(key)), None)
            value = draw(_number())
            if index is None:
                lines.insert(0, f"{key} = {value}")
            else:
                lines[index] = f"{key} = {value}"
        elif move == "string":
            key = draw(st.sampled_from(["name", "medium", "annual", "period"]))
            index = next((i for i, line in enumerate(lines) if line.startswith(key + " =")), None)
            if index is not None:
                lines[index] = f"{key} = {draw(_string())}"
        elif move == "hidden":
            line = lines[min(at, len(lines) - 1)]
            cut = draw(st.integers(0, len(line)))
            lines[min(at, len(lines) - 1)] = line[:cut] + draw(_HIDDEN) + line[cut:]
        else:
            lines.insert(at, draw(st.text(max_size=40)))
    newline = draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    if newline == "mixed":
        body = "".join(line + draw(st.sampled_from(["\n", "\r\n", "\r"])) for line in lines)
    else:
        body = newline.join(lines)
    data = body.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = (
            data[:cut]
            + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00"]))
            + data[cut:]
        )
    return data


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def _one_line_errors(status: int, err: str) -> None:
    assert status in (0, 1, 2), status
    if status == 2:
        lines = err.strip().splitlines()
        assert lines and ONE_LINE.match(lines[0]), err[-500:]  # a summary line may follow
    assert "Traceback" not in err


# Files in memory where there is such a file system: fsync on a disk costs more than a check.
_TMP = "/dev/shm" if Path("/dev/shm").is_dir() else None


def _with_file(data: bytes, check) -> None:
    with tempfile.TemporaryDirectory(dir=_TMP) as folder:
        path = Path(folder) / "表.toml"
        path.write_bytes(data)
        check(path)


def fuzz_check(data: bytes, form: str = "text") -> None:
    """``jixiao check`` (``form``: text or json)."""

    def check(path: Path) -> None:
        _one_line_errors(*_run(["check", "--format", form, str(path)])[::2])

    _with_file(data, check)


def fuzz_fmt(data: bytes) -> None:
    """``jixiao fmt --check`` and ``jixiao fmt``; formatting reaches a fixed point.

    (Within two runs, not one: ``-0e16`` is written ``-0``, which reads back as the
    integer 0.)
    """

    def check(path: Path) -> None:
        _one_line_errors(*_run(["fmt", "--check", str(path)])[::2])
        status, _, err = _run(["fmt", str(path)])
        _one_line_errors(status, err)
        if status == 0:
            _run(["fmt", str(path)])
            assert _run(["fmt", "--check", str(path)])[0] == 0

    _with_file(data, check)


def fuzz_export(data: bytes, form: str = "txt") -> None:
    """``jixiao export`` (``form``: txt, md or tsv)."""

    def check(path: Path) -> None:
        _one_line_errors(*_run(["export", "--format", form, "--width", "80", str(path)])[::2])

    _with_file(data, check)


def fuzz_import(data: bytes) -> None:
    """``jixiao import`` of the bytes as a paste (``=`` read as a cell break half the time)."""

    def check(path: Path) -> None:
        if len(data) % 2:
            path.write_bytes(data.replace(b"=", b"\t"))
        out = path.parent / "out"
        _one_line_errors(*_run(["import", str(path), "-o", str(out)])[::2])

    _with_file(data, check)


def fuzz_editor_files(data: bytes) -> None:
    """The editor's load, edit, save, recovery write, find and restore."""

    def check(path: Path) -> None:
        try:
            file = TableFile.load(path)
        except JixiaoError:
            return
        file.table.goals.annual = "改\u202e"
        if file.table.indicators:
            file.table.indicators.pop(0)
        try:
            write_recovery(file)
            fresh = TableFile.load(path)
            found = find_recovery(fresh)
            if found is not None:
                restore_into(fresh, found)
                assert fresh.table.goals.annual == "改\u202e"
            file.save()
            TableFile.load(path)
        except JixiaoError:
            pass

    _with_file(data, check)


TARGETS = (fuzz_check, fuzz_fmt, fuzz_export, fuzz_import, fuzz_editor_files)


@pytest.mark.slow
@fuzz_settings("check")
@given(documents(), st.sampled_from(["text", "json"]))
def test_fuzz_check(data, form):
    fuzz_check(data, form)


@pytest.mark.slow
@fuzz_settings("fmt")
@given(documents())
def test_fuzz_fmt(data):
    fuzz_fmt(data)


@pytest.mark.slow
@fuzz_settings("export")
@given(documents(), st.sampled_from(["txt", "md", "tsv"]))
def test_fuzz_export(data, form):
    fuzz_export(data, form)


@pytest.mark.slow
@fuzz_settings("import")
@given(documents())
def test_fuzz_import(data):
    fuzz_import(data)


@pytest.mark.slow
@fuzz_settings("editor")
@given(documents())
def test_fuzz_editor_files(data):
    fuzz_editor_files(data)
