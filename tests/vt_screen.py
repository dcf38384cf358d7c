"""A small, strict terminal emulator for the screen-equivalence tests (xterm semantics).

Independent of ``tui.ui.terminal_diff`` on purpose: it parses the escape
sequences itself and raises on any it does not know, so a writer that starts
sending something new is noticed. It keeps every SGR attribute (pyte drops
dim, overline, hyperlinks) and overwrites wide characters as xterm does (a
half overwritten blanks the other half). Erasing (ECH, EL, IL, DL) uses the
current background (``bce``) and keeps the pen, as pyte does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.cells import get_character_cell_size

_SEQ = re.compile(
    r"\x1b\[([0-?]*)([ -/]*)([@-~])|\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)"
    r"|\x1b(.)|([\x00-\x1f])|([^\x00-\x1f]+)",
    re.S,
)
_ON = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 6: "blink", 7: "reverse",
       8: "conceal", 9: "strike", 21: "underline2", 51: "frame", 52: "encircle",
       53: "overline"}  # fmt: skip
_OFF = {22: {"bold", "dim"}, 23: {"italic"}, 24: {"underline", "underline2"}, 25: {"blink"},
        27: {"reverse"}, 28: {"conceal"}, 29: {"strike"}, 54: {"frame", "encircle"},
        55: {"overline"}}  # fmt: skip
_LINES = {"underline", "underline2", "reverse", "strike", "frame", "encircle", "overline"}
_IGNORED_MODES = {"25", "1004", "1000", "1003", "1015", "1006", "1016", "2004", "2026", "2048"}


@dataclass(frozen=True)
class Pen:
    """The graphic rendition of a cell."""

    fg: tuple = ()
    bg: tuple = ()
    attrs: frozenset = frozenset()
    link: str = ""


@dataclass
class VTScreen:
    """A ``columns`` × ``lines`` screen fed with ``feed``."""

    columns: int
    lines: int
    x: int = 0
    y: int = 0
    pen: Pen = field(default_factory=Pen)
    top: int = 0
    bottom: int = -1
    autowrap: bool = True

    def __post_init__(self) -> None:
        self.bottom = self.lines - 1
        self.cells = [self._blank_line() for _ in range(self.lines)]

    def _blank_line(self, pen: Pen | None = None) -> list[tuple[str, Pen]]:
        return [(" ", pen or Pen())] * self.columns

    def _erase_pen(self) -> Pen:
        return self.pen

    # -- feeding ------------------------------------------------------------
    def feed(self, data: str) -> None:
        """Apply terminal output ``data``."""
        for match in _SEQ.finditer(data):
            params, inter, final, osc, esc, control, text = match.groups()
            if text is not None:
                self._text(text)
            elif final is not None:
                self._csi(params, inter, final)
            elif osc is not None:
                if osc.startswith("8;"):
                    self.pen = Pen(
                        self.pen.fg, self.pen.bg, self.pen.attrs, osc[2:].split(";", 1)[1]
                    )
            elif esc is not None:
                if esc == "M":
                    self._reverse_index()
                else:
                    raise ValueError(f"unknown escape ESC {esc!r}")
            else:
                self._control(control)

    def _control(self, char: str) -> None:
        if char == "\r":
            self.x = 0
        elif char == "\n":
            self._index()
        elif char == "\b":
            self.x = max(self.x - 1, 0)
        elif char != "\x07":
            raise ValueError(f"unknown control {char!r}")

    def _index(self) -> None:
        if self.y == self.bottom:
            del self.cells[self.top]
            self.cells.insert(self.bottom, self._blank_line(self._erase_pen()))
        else:
            self.y = min(self.y + 1, self.lines - 1)

    def _reverse_index(self) -> None:
        if self.y == self.top:
            del self.cells[self.bottom]
            self.cells.insert(self.top, self._blank_line(self._erase_pen()))
        else:
            self.y = max(self.y - 1, 0)

    def _csi(self, params: str, inter: str, final: str) -> None:
        if params.startswith("?"):
            self._private_mode(params[1:], inter, final)
            return
        if params.startswith((">", "<", "=")) or inter:
            return  # keyboard protocol, queries
        nums = [int(p) if p else 0 for p in params.split(";")] if params else []
        first = nums[0] if nums else 0
        n = first or 1
        if final in "Hf":
            row = nums[0] if nums and nums[0] else 1
            col = nums[1] if len(nums) > 1 and nums[1] else 1
            self.y, self.x = min(row, self.lines) - 1, min(col, self.columns) - 1
        elif final == "A":
            self.y = max(self.y - n, 0)
        elif final == "B":
            self.y = min(self.y + n, self.lines - 1)
        elif final == "C":
            self.x = min(self.x + n, self.columns - 1)
        elif final == "D":
            self.x = max(self.x - n, 0)
        elif final == "G":
            self.x = min(n, self.columns) - 1
        elif final == "d":
            self.y = min(n, self.lines) - 1
        elif final == "m":
            self._sgr(nums or [0])
        elif final == "r":
            top = (nums[0] if nums and nums[0] else 1) - 1
            bottom = (nums[1] if len(nums) > 1 and nums[1] else self.lines) - 1
            if bottom > top:
                self.top, self.bottom = top, bottom
            self.x = self.y = 0
        elif final in "LM":
            if self.top <= self.y <= self.bottom:
                for _ in range(n):
                    if final == "L":
                        del self.cells[self.bottom]
                        self.cells.insert(self.y, self._blank_line(self._erase_pen()))
                    else:
                        del self.cells[self.y]
                        self.cells.insert(self.bottom, self._blank_line(self._erase_pen()))
                self.x = 0
        elif final == "X":
            self._erase(self.x, min(self.x + n, self.columns))
        elif final == "K" and first == 0:
            self._erase(self.x, self.columns)
        elif final == "J" and first == 2:
            self.cells = [self._blank_line(self._erase_pen()) for _ in range(self.lines)]
        elif final not in "nct":
            raise ValueError(f"unknown CSI {params!r}{inter!r}{final!r}")

    def _private_mode(self, params: str, inter: str, final: str) -> None:
        if inter or final not in "hl":
            return  # a query ($p)
        for mode in params.split(";"):
            if mode == "7":
                self.autowrap = final == "h"
            elif mode == "1049":
                self.cells = [self._blank_line() for _ in range(self.lines)]
            elif mode not in _IGNORED_MODES:
                raise ValueError(f"unknown private mode ?{mode}{final}")

    def _sgr(self, nums: list[int]) -> None:
        fg, bg, attrs, link = self.pen.fg, self.pen.bg, set(self.pen.attrs), self.pen.link
        i = 0
        while i < len(nums):
            code = nums[i]
            i += 1
            if code == 0:
                fg, bg, attrs = (), (), set()
            elif code in _ON:
                attrs.add(_ON[code])
            elif code in _OFF:
                attrs -= _OFF[code]
            elif 30 <= code <= 37 or 90 <= code <= 97:
                fg = (code,)
            elif 40 <= code <= 47 or 100 <= code <= 107:
                bg = (code,)
            elif code == 39:
                fg = ()
            elif code == 49:
                bg = ()
            elif code in (38, 48):
                take = 2 if nums[i] == 5 else 4
                colour = tuple(nums[i : i + take])
                i += take
                fg, bg = (colour, bg) if code == 38 else (fg, colour)
            else:
                raise ValueError(f"unknown SGR {code}")
        self.pen = Pen(fg, bg, frozenset(attrs), link)

    def _erase(self, start: int, end: int) -> None:
        line = self.cells[self.y]
        self._cut(line, start, end)
        for x in range(start, end):
            line[x] = (" ", self._erase_pen())

    @staticmethod
    def _cut(line: list, start: int, end: int) -> None:
        if start > 0 and line[start][0] == "":
            line[start - 1] = (" ", line[start - 1][1])
        if end < len(line) and line[end][0] == "":
            line[end] = (" ", line[end][1])

    def _text(self, text: str) -> None:
        line = self.cells[self.y]
        for char in text:
            size = get_character_cell_size(char)
            if size == 0:
                continue
            if self.x + size > self.columns:
                if self.autowrap:
                    raise ValueError("wrapping is not expected")
                self.x = self.columns - size
            self._cut(line, self.x, self.x + size)
            line[self.x] = (char, self.pen)
            if size == 2:
                line[self.x + 1] = ("", self.pen)
            self.x += size
        self.x = min(self.x, self.columns)

    # -- reading --------------------------------------------------------------
    def visible(self) -> list[list[tuple]]:
        """Every cell as it looks: a blank shows its background (and lines drawn on it)."""
        rows = []
        for line in self.cells:
            row = []
            for char, pen in line:
                if char == " " and not pen.attrs & _LINES:
                    row.append((" ", pen.bg, pen.link))
                else:
                    row.append((char, pen))
            rows.append(row)
        return rows

    def text(self) -> str:
        """The characters, one line per row (for failure messages)."""
        return "\n".join("".join(char for char, _ in line) for line in self.cells)
