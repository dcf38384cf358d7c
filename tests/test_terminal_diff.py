"""The cell-diff writer alone: frames written the way Textual writes them, raw and diffed.

Every test feeds the same frames to two emulated terminals, one raw and one
through ``CellDiff``, and compares them cell for cell (character, colours,
attributes, links; a blank cell by what it shows). The emulators are this
suite's own strict ``VTScreen`` and pyte.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.tee_driver import START, Emulators
from tui.ui.terminal_diff import TEXTUAL_MINOR, diff_driver_class, textual_minor
from tui.ui.terminal_diff.writer import CellDiff

W, H = 16, 8
STYLES = [
    "", "1", "2", "1;2", "3", "4;38;5;2", "7", "9", "53", "38;5;1;48;5;4", "48;5;4",
    "1;38;2;10;20;30;48;2;1;2;3", "48;2;1;2;3", "2;48;5;4", "31;42", "97;104",
]  # fmt: skip
CHARS = ["a", "b", "z", " ", " ", "中", "文", "─", "é", "│"]


def span(text: str, sgr: str) -> str:
    """A segment as Textual's ``Strip.render`` writes it."""
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text


def line_at(x: int, y: int, segments: list[tuple[str, str]]) -> str:
    return f"\x1b[{y + 1};{x + 1}H" + "".join(span(t, s) for t, s in segments)


def layout(lines: list[tuple[int, list[tuple[str, str]]]]) -> str:
    """Whole lines from column 0, ``\\n`` between them, as a Textual LayoutUpdate."""
    return "\n".join(line_at(0, y, segments) for y, segments in lines)


class Pair:
    """Two terminals: one fed raw, one through the writer."""

    def __init__(self, width: int = W, height: int = H, *, erase: bool = True) -> None:
        self.raw, self.diffed = Emulators(width, height), Emulators(width, height)
        self.diff = CellDiff(width, height, erase=erase)
        self.sent: list[str] = []
        self.write(START)

    def write(self, data: str) -> str:
        out = self.diff.feed(data)
        self.sent.append(out)
        self.raw.feed(data)
        self.diffed.feed(out)
        return out

    def assert_same(self) -> None:
        assert self.diffed.vt.visible() == self.raw.vt.visible(), (
            f"raw:\n{self.raw.vt.text()}\ndiffed:\n{self.diffed.vt.text()}"
        )
        assert self.diffed.pyte_cells() == self.raw.pyte_cells()


def random_cells(rng: random.Random, width: int) -> list[tuple[str, str]]:
    """Segments of random characters and styles exactly ``width`` cells wide."""
    segments, used = [], 0
    while used < width:
        sgr = rng.choice(STYLES)
        text = ""
        for _ in range(rng.randint(1, 6)):
            char = rng.choice(CHARS)
            size = 2 if char in "中文" else 1
            if used + size > width:
                char, size = " ", 1
            if used + size > width:
                break
            text += char
            used += size
        segments.append((text, sgr))
    return segments


class Intended:
    """The screen the frames mean, to derive scrolls and recolourings from."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows = [random_cells(rng, W) for _ in range(H)]

    def full(self) -> str:
        return layout(list(enumerate(self.rows)))

    def step(self, kind: str) -> str:
        rng = self.rng
        if kind == "lines":
            ys = sorted(rng.sample(range(H), rng.randint(1, 3)))
            for y in ys:
                self.rows[y] = random_cells(rng, W)
            return layout([(y, self.rows[y]) for y in ys])
        if kind == "scroll":
            top = rng.randint(0, H - 3)
            bottom = rng.randint(top + 2, H - 1)
            shift = rng.choice([-2, -1, 1, 2])
            region = self.rows[top : bottom + 1]
            fresh = [random_cells(rng, W) for _ in range(abs(shift))]
            region = region[shift:] + fresh if shift > 0 else fresh + region[:shift]
            self.rows[top : bottom + 1] = region
            return layout([(y, self.rows[y]) for y in range(top, bottom + 1)])
        if kind == "recolour":
            y = rng.randrange(H)
            self.rows[y] = [(text, rng.choice(STYLES)) for text, _ in self.rows[y]]
            return layout([(y, self.rows[y])])
        # a chop: one segment of a line rewritten in place (whole cells)
        y = rng.randrange(H)
        segments = self.rows[y]
        index = rng.randrange(len(segments))
        text, _ = segments[index]
        x = sum(_width(t) for t, _ in segments[:index])
        new = random_cells(rng, _width(text))
        self.rows[y] = segments[:index] + new + segments[index + 1 :]
        return line_at(x, y, new)


def _width(text: str) -> int:
    return sum(2 if c in "中文" else 1 for c in text)


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    kinds=st.lists(st.sampled_from(["lines", "scroll", "recolour", "chop"]), max_size=12),
    erase=st.booleans(),
)
def test_random_frames_look_the_same(seed: int, kinds: list[str], erase: bool):
    rng = random.Random(seed)
    screen = Intended(rng)
    pair = Pair(erase=erase)
    pair.write(screen.full())
    pair.assert_same()
    for kind in kinds:
        pair.write(screen.step(kind) + f"\x1b[{rng.randint(1, H)};{rng.randint(1, W)}H")
        pair.assert_same()
        assert (pair.diffed.vt.y, pair.diffed.vt.x) == (pair.raw.vt.y, pair.raw.vt.x)


def test_an_unchanged_frame_writes_nothing():
    pair = Pair()
    frame = layout([(y, [("ab中 " * 3 + "x", "1;38;5;3")]) for y in range(H)])
    pair.write(frame)
    assert pair.write(frame) == ""
    pair.assert_same()


def test_cjk_over_ascii_and_back():
    pair = Pair()
    pair.write(layout([(0, [("abcdefgh        ", "38;5;7;48;5;0")])]))
    for text in ("中文ef中        ", "a中文fgh        ", "ab cdefgh       ", "文文文文文文文文"):
        pair.write(layout([(0, [(text, "38;5;7;48;5;0")])]))
        pair.assert_same()
    pair.write(layout([(0, [("abcdefgh        ", "38;5;7;48;5;0")])]))
    pair.assert_same()


def test_wide_character_shifted_by_one_cell():
    pair = Pair()
    pair.write(line_at(0, 0, [("中文中文中文中文", "")]))
    pair.write(line_at(0, 0, [(" 中文中文中文中 ", "")]))
    pair.assert_same()
    assert "中" in pair.sent[-1]


def test_half_of_a_wide_character_overwritten():
    """Textual never does this; if it did, the copy follows what xterm shows."""
    pair = Pair()
    pair.write(line_at(0, 0, [("中文中文", "")]))
    pair.write(line_at(1, 0, [("x", "1")]))  # the right half of 中
    pair.write(line_at(4, 0, [("y", "")]))  # the left half of the second 中
    assert pair.diffed.vt.visible() == pair.raw.vt.visible()


def test_colour_only_changes():
    pair = Pair()
    text = "jixiao 绩效 ab  "
    pair.write(layout([(y, [(text, "38;5;1;48;5;4")]) for y in range(3)]))
    pair.write(layout([(1, [(text, "1;38;5;1;48;5;4")])]))  # bold
    pair.assert_same()
    out = pair.write(layout([(1, [(text, "38;5;2;48;5;4")])]))  # another foreground
    pair.assert_same()
    assert "jixiao" in out and out.endswith("ab")  # the blanks after it look the same
    pair.write(layout([(2, [(text, "2;48;5;4")])]))  # dim, default foreground
    pair.assert_same()


def test_invisible_changes_on_blanks_write_nothing():
    pair = Pair()
    pair.write(line_at(0, 0, [("    ", "38;5;1;48;5;4")]))
    assert pair.write(line_at(0, 0, [("    ", "1;38;5;2;48;5;4")])) == ""
    assert pair.write(line_at(0, 0, [("    ", "4;48;5;4")])) != ""  # an underline shows
    pair.assert_same()


def test_scroll_uses_a_scroll_region_and_is_smaller():
    rng = random.Random(7)
    screen = Intended(rng)
    pair = Pair()
    pair.write(screen.full())
    full = len(screen.full())
    top, bottom = 1, H - 2
    region = screen.rows[top : bottom + 1]
    screen.rows[top : bottom + 1] = region[1:] + [random_cells(rng, W)]
    out = pair.write(layout([(y, screen.rows[y]) for y in range(top, bottom + 1)]))
    pair.assert_same()
    assert f"\x1b[{top + 1};{bottom + 1}r" in out and out.count("\x1b[r") == 1
    assert len(out) < full / 2


def test_blank_runs_are_erased_only_where_the_background_is_kept():
    frame = line_at(0, 0, [("x" + " " * (W - 1), "48;5;4")])
    erasing, writing = Pair(erase=True), Pair(erase=False)
    for pair in (erasing, writing):
        pair.write(line_at(0, 0, [("y" * W, "")]))
        pair.write(frame)
        pair.assert_same()
    assert "\x1b[K" in erasing.sent[-1] and "\x1b[K" not in writing.sent[-1]


def test_modes_queries_and_bell_pass_through_in_order():
    pair = Pair()
    data = "\x1b[?2026h" + line_at(0, 0, [("ab", "1")]) + "\x07\x1b[?2026l\x1b]52;c;eA==\x07"
    out = pair.write(data)
    assert out.index("\x1b[?2026h") < out.index("ab") < out.index("\x07") < out.index("\x1b]52")
    pair.assert_same()


def test_unknown_sequences_pass_through_and_the_copy_forgets():
    pair = Pair()
    frame = layout([(y, [("abcdefgh" * 2, "38;5;3")]) for y in range(H)])
    pair.write(frame)
    pair.raw.feed("\x1b[2J")  # e.g. a clear from elsewhere: Textual's frame repaints all
    pair.write("\x1b[2J")
    pair.write(frame)
    pair.assert_same()


def test_resize_forgets_the_screen():
    pair = Pair()
    frame = layout([(y, [("abcdefgh" * 2, "38;5;3")]) for y in range(H)])
    pair.write(frame)
    pair.raw.resize(W, H)  # the terminal lost its content
    pair.diffed.resize(W, H)
    pair.diff.resize(W, H)
    out = pair.write(frame)
    assert out.count("abcdefgh") == H * 2
    pair.assert_same()


def test_leaving_the_alternate_screen_resets_the_pen():
    pair = Pair()
    pair.write(line_at(0, 0, [("ab", "1;38;5;3")]).replace("\x1b[0m", ""))
    out = pair.write("\x1b[?1049l")
    assert out.startswith("\x1b[m") and out.endswith("\x1b[?1049l")


def test_written_for_this_textual_minor():
    assert textual_minor() == TEXTUAL_MINOR, (
        f"tui.ui.terminal_diff was written for Textual {TEXTUAL_MINOR}, this is "
        f"{textual_minor()}: check the sequences its compositor and driver write and the "
        "Driver.write hook, run the screen-equivalence tests, then update TEXTUAL_MINOR"
    )


@pytest.mark.parametrize(
    ("enabled", "env", "on"),
    [(True, {}, True), (False, {}, False), (True, {"JIXIAO_NO_DIFF": "1"}, False)],
)
def test_turned_off_by_flag_or_environment(monkeypatch, enabled, env, on):
    monkeypatch.delenv("JIXIAO_NO_DIFF", raising=False)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    driver = diff_driver_class(enabled)
    assert (driver is not None) == on
    if on:
        assert driver.__name__ == "DiffDriver"


def test_hyperlinks_are_kept_and_closed():
    pair = Pair()
    link = "\x1b]8;id=1;https://example.org\x1b\\"
    close = "\x1b]8;;\x1b\\"
    pair.write(f"\x1b[1;1H{link}\x1b[4mdocs\x1b[0m{close}  plain")
    pair.assert_same()
    pair.write(f"\x1b[1;1H{link}\x1b[4mdocs\x1b[0m{close}  plain!")
    pair.assert_same()
    assert pair.diffed.vt.cells[0][0][1].link == "https://example.org"
    assert pair.diffed.vt.cells[0][5][1].link == ""


def test_cursor_left_inside_a_wide_character():
    """Textual may leave the cursor on the right half of a wide character (found by hypothesis)."""
    pair = Pair(erase=False)
    pair.write(line_at(0, 0, [("z文zz", "")]))
    pair.write("\x1b[1;3H")  # Textual's cursor: the right half of 文
    pair.write(line_at(3, 0, [("中", "31")]))
    pair.assert_same()


@pytest.mark.parametrize(("argv", "env", "diffed"), [
    (["t.toml"], {}, True),
    (["t.toml", "--no-diff"], {}, False),
    (["t.toml"], {"JIXIAO_NO_DIFF": "1"}, False),
])  # fmt: skip
def test_the_editor_command_installs_the_writer_or_not(monkeypatch, tmp_path, argv, env, diffed):
    """``jixiao --no-diff`` and JIXIAO_NO_DIFF give the app Textual's own driver."""
    from tui import cli
    from tui.ui.app import JixiaoApp

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JIXIAO_NO_DIFF", raising=False)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    seen = []
    monkeypatch.setattr(JixiaoApp, "run", lambda app: seen.append(app.driver_class) or 0)
    assert cli.main(argv) == 0
    assert (seen[0].__name__ == "DiffDriver") == diffed
    if not diffed:
        from textual.drivers.linux_driver import LinuxDriver

        assert seen[0] is LinuxDriver
