"""The cell-diff writer: turns what Textual writes into only the cells that changed.

``CellDiff.feed(data)`` reads the terminal output Textual produced for one
``Driver.write`` (cursor positions, SGR colours, text, line feeds, modes),
applies it to a copy of the frame the terminal shows (per cell: character and
style; the right half of a wide character is ``""``), and returns bytes that
bring the terminal to the same screen: only the cells that differ, SGR as
deltas from the terminal's current pen, the shortest cursor moves, and a
scroll region where a list scrolled. Sequences that do not draw (modes,
queries, clipboard, bell) pass through in place. Anything whose effect on the
screen is not modelled passes through too, with the cursor and pen Textual
expects, and the copy forgets what it covered (its cells become unknown, and
the next frame writes them in full).

A blank cell shows only its background (plus underline, strike, reverse…):
its foreground and bold/italic/dim are invisible, so they neither count as a
change nor cost an SGR change.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

from tui.ui.terminal_diff.moves import absolute, move
from tui.ui.terminal_diff.scroll import Row, Scroll, find_scroll
from tui.ui.terminal_diff.styles import DEFAULT, SHOWS_ON_BLANK, Style, StyleTable, apply_sgr

UNKNOWN = "\x00"  # a cell the terminal may show otherwise than the copy says
_TOKEN = re.compile(
    r"\x1b\[([0-?]*)([ -/]*)([@-~])"  # CSI: parameters, intermediates, final
    r"|\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)"  # OSC ... BEL/ST
    r"|([^\x00-\x1f\x7f-\x9f]+)"  # printable text
    r"|(\x1b[^\[\]]|[\x00-\x1f\x7f-\x9f])",  # other escapes, C0/C1 controls
)
_ALT_SCREEN = {"1049", "1047", "47"}
_HARMLESS_CSI = {"h", "l", "p", "u", "n", "c", "t", "q"}  # modes, queries, keyboard, cursor shape
_ERASE_MIN = 9  # blank cells below this are written as spaces rather than erased


class CellDiff:
    """A copy of the terminal's screen and the diff of each write against it.

    ``erase``: the terminal erases with the current background (terminfo
    ``bce``), so runs of blank cells may be erased (ECH/EL) instead of written.
    ``newline``: what starts the next line: LF alone when the tty turns it into
    CR LF (``onlcr``), else CR LF.
    """

    def __init__(
        self, width: int, height: int, *, erase: bool = False, newline: str = "\r\n"
    ) -> None:
        self.erase = erase
        self.newline = newline
        self.table = StyleTable()
        self.width, self.height = width, height
        self.chars: list[list[str]] = []
        self.styles: list[list[int]] = []
        self.resize(width, height)

    # -- state -----------------------------------------------------------------
    def resize(self, width: int, height: int) -> None:
        """A new screen size: every cell unknown."""
        self.width, self.height = width, height
        self.chars = [[UNKNOWN] * width for _ in range(height)]
        self.styles = [[-1] * width for _ in range(height)]
        self.forget()

    def forget(self) -> None:
        """Forget what the terminal shows (resize, resume, a redraw): the next frame is whole."""
        for row in self.chars:
            row[:] = [UNKNOWN] * self.width
        self.cursor: tuple[int | None, int | None] = (None, None)  # the terminal's cursor
        self.pen: int | None = None  # the terminal's style, None: unknown
        self.at: tuple[int | None, int | None] = (None, None)  # Textual's cursor
        self.drawing = DEFAULT  # Textual's style
        self.pending: dict[int, Row] = {}  # rows Textual drew, not yet diffed

    # -- reading Textual's output ------------------------------------------------
    def feed(self, data: str) -> str:
        """The bytes to send instead of ``data`` (may be empty)."""
        out: list[str] = []
        for match in _TOKEN.finditer(data):
            params, inter, final, osc, text, other = match.groups()
            if text is not None:
                self._draw(text, out)
            elif final is not None:
                self._csi(params, inter, final, match.group(), out)
            elif osc is not None:
                if osc.startswith("8;"):
                    fg, bg, attrs, _ = self.drawing
                    self.drawing = Style(fg, bg, attrs, "" if osc == "8;;" else osc[2:])
                else:
                    self._flush(out)
                    out.append(match.group())
            else:
                self._control(other, out)
        self._flush(out)
        self._sync_cursor(out)
        return "".join(out)

    def _csi(self, params: str, inter: str, final: str, raw: str, out: list[str]) -> None:
        x, y = self.at
        if final == "m" and not inter:
            self.drawing = apply_sgr(self.drawing, params)
            return
        if final in "Hf" and not inter and not params.startswith("?"):
            row, _, col = params.partition(";")
            self.at = (int(col or 1) - 1, int(row or 1) - 1)
            return
        if final in "ABCDGd" and not inter and x is not None and y is not None:
            n = int(params or 1)
            moves = {"A": (x, y - n), "B": (x, y + n), "C": (x + n, y), "D": (x - n, y)}
            moves |= {"G": (n - 1, y), "d": (x, n - 1)}
            new_x, new_y = moves[final]
            self.at = (min(max(new_x, 0), self.width - 1), min(max(new_y, 0), self.height - 1))
            return
        if final in "hl" and params.startswith("?") and _ALT_SCREEN & set(params[1:].split(";")):
            self._flush(out)
            if final == "l":  # leave the shell's pen clean
                self._set_pen(self.table.default, out)
            out.append(raw)
            self.forget()
            return
        if final in _HARMLESS_CSI and not (final in "hl" and not params.startswith("?")):
            self._flush(out)
            if final == "n":  # a cursor report must see Textual's cursor
                self._sync_cursor(out)
            out.append(raw)
            return
        self._unmodelled(raw, out)

    def _control(self, char: str, out: list[str]) -> None:
        x, y = self.at
        if char == "\n" and y is not None:
            # Textual ends each line with \n and positions the next; the column
            # depends on the tty's onlcr flag, so it is unknown until then.
            self.at = (None, y + 1) if y + 1 < self.height else (None, None)
            if y + 1 >= self.height:
                self._unmodelled(char, out)
        elif char == "\r":
            self.at = (0, y)
        elif char == "\b" and x is not None:
            self.at = (max(x - 1, 0), y)
        elif char == "\x07":
            self._flush(out)
            out.append(char)
        else:
            self._unmodelled(char, out)

    def _unmodelled(self, raw: str, out: list[str]) -> None:
        """Send ``raw`` as Textual would have, and forget what it may have changed."""
        self._flush(out)
        x, y = self.at
        if x is not None and y is not None:
            out.append(move(*self.cursor, x, y, self.height, self.newline))
        style = self.table.intern(self.drawing)
        self._set_pen(style, out)
        out.append(raw)
        at, drawing = self.at, self.drawing
        self.forget()
        self.at, self.drawing, self.pen = at, drawing, style

    def _set_pen(self, style: int, out: list[str]) -> None:
        """Make ``style`` the terminal's pen."""
        if self.pen is None:
            out.append("\x1b[m\x1b]8;;\x1b\\" + self.table.delta(self.table.default, style))
        elif self.pen != style:
            out.append(self.table.delta(self.pen, style))
        self.pen = style

    def _row(self, y: int) -> Row:
        row = self.pending.get(y)
        if row is None:
            row = self.pending[y] = (self.chars[y][:], self.styles[y][:])
        return row

    def _draw(self, text: str, out: list[str]) -> None:
        x, y = self.at
        if (
            x is None
            or y is None
            or not 0 <= y < self.height
            or "\u200d" in text
            or "\ufe0f" in text
        ):
            self._unmodelled(text, out)  # graphemes whose width terminals disagree on
            if x is not None and y is not None and 0 <= y < self.height:
                self.at = (min(x + cell_len(text), self.width), y)
            return
        chars, styles = self._row(y)
        width = self.width
        style = self.table.intern(self.drawing)
        if text.isascii():
            end = min(x + len(text), width)
            if x < end:
                _cut_wide(chars, x, end)
                chars[x:end] = text[: end - x]
                styles[x:end] = [style] * (end - x)
            self.at = (x + len(text), y)
            return
        for char in text:
            size = get_character_cell_size(char)
            if size == 0:  # a combining mark joins the character before it
                base = x - 1 if x > 0 and chars[x - 1] != "" else x - 2
                if 0 <= base < width and chars[base] != UNKNOWN:
                    chars[base] += char
                continue
            if x + size <= width:
                _cut_wide(chars, x, x + size)
                chars[x] = char
                styles[x] = style
                if size == 2:
                    chars[x + 1] = ""
                    styles[x + 1] = style
            x += size
        self.at = (x, y)

    # -- writing the difference ------------------------------------------------
    def _flush(self, out: list[str]) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, {}
        changed = sorted(
            y for y, (c, s) in pending.items() if c != self.chars[y] or s != self.styles[y]
        )
        if len(changed) >= 3:
            new = [pending.get(y) or (self.chars[y], self.styles[y]) for y in range(self.height)]
            old = list(zip(self.chars, self.styles))
            blank = ([" "] * self.width, [self.table.default] * self.width)
            scroll = find_scroll(old, new, set(changed), blank)
            if scroll is not None:
                for y in range(scroll.top, scroll.bottom + 1):
                    pending.setdefault(y, (self.chars[y][:], self.styles[y][:]))
                self._scroll(scroll, out)
                changed = sorted(
                    y for y, (c, s) in pending.items() if c != self.chars[y] or s != self.styles[y]
                )
        for y in changed:
            self._write_row(y, *pending[y], out)

    def _scroll(self, scroll: Scroll, out: list[str]) -> None:
        top, bottom, shift = scroll
        self._set_pen(self.table.default, out)  # new lines take the pen's background (bce)
        edit = f"\x1b[{abs(shift)}M" if shift > 0 else f"\x1b[{-shift}L"
        out.append(f"\x1b[{top + 1};{bottom + 1}r{absolute(0, top)}{edit}\x1b[r")
        self.cursor = (None, None)  # DECSTBM homes the cursor; some emulators skip that on reset
        rows = list(zip(self.chars, self.styles))[top : bottom + 1]
        blank = ([" "] * self.width, [self.table.default] * self.width)
        size = abs(shift)
        rows = rows[size:] + [blank] * size if shift > 0 else [blank] * size + rows[:-size]
        for y, (chars, styles) in enumerate(rows, top):
            self.chars[y], self.styles[y] = chars[:], styles[:]

    def _write_row(self, y: int, chars: list[str], styles: list[int], out: list[str]) -> None:
        old_chars, old_styles = self.chars[y], self.styles[y]
        width, blank = self.width, self.table.blank
        todo = [
            x
            for x in range(width)
            if chars[x] != old_chars[x]
            or (
                styles[x] != old_styles[x]
                and (chars[x] != " " or blank(styles[x]) != blank(old_styles[x]))
            )
        ]
        marked = set(todo)
        while todo:  # a wide character is written whole: pull in both halves, old and new
            x = todo.pop()
            for near in (x - 1, x + 1):
                half = near if near > x else x
                if (
                    0 <= near < width
                    and near not in marked
                    and "" in (chars[half], old_chars[half])
                ):
                    marked.add(near)
                    todo.append(near)
        cells = sorted(x for x in marked if chars[x] != "" and chars[x] != UNKNOWN)
        index = 0
        while index < len(cells):
            x = cells[index]
            self._reach(x, y, chars, styles, out)
            run = self._blank_run(cells, index, chars, styles, out)
            if run:
                index += run
                continue
            self._put(chars[x], styles[x], out)
            width_of = 2 if x + 1 < width and chars[x + 1] == "" else 1
            self.cursor = (x + width_of if x + width_of < width else None, y)
            index += 1
        old_chars[:], old_styles[:] = chars, styles

    def _put(self, char: str, style: int, out: list[str]) -> None:
        table = self.table
        if char == " " and self.pen is not None:
            style = table.pen_for_blank(self.pen, table.blank(style))
        self._set_pen(style, out)
        out.append(char)

    def _reach(self, x: int, y: int, chars: list[str], styles: list[int], out: list[str]) -> None:
        """Move the terminal's cursor to ``(x, y)``, or rewrite a short gap if cheaper."""
        at_x, at_y = self.cursor
        if (at_x, at_y) == (x, y):
            return
        jump = move(at_x, at_y, x, y, self.height, self.newline)
        # rewriting the gap needs it to start on a whole character (the cursor may
        # rest inside a wide one, where Textual put it)
        if at_y == y and at_x is not None and 0 < x - at_x <= len(jump) and chars[at_x]:
            pen, gap = self.pen, []
            for cell in range(at_x, x):
                if chars[cell] == UNKNOWN or pen is None:
                    break
                if chars[cell]:
                    gap.append(self._cell_bytes(chars[cell], styles[cell], pen))
                    pen = self._pen_after(chars[cell], styles[cell], pen)
            else:
                if len("".join(gap)) <= len(jump):
                    out.extend(gap)
                    self.pen, self.cursor = pen, (x, y)
                    return
        out.append(jump)
        self.cursor = (x, y)

    def _pen_after(self, char: str, style: int, pen: int) -> int:
        return self.table.pen_for_blank(pen, self.table.blank(style)) if char == " " else style

    def _cell_bytes(self, char: str, style: int, pen: int) -> str:
        return self.table.delta(pen, self._pen_after(char, style, pen)) + char

    def _blank_run(
        self, cells: list[int], index: int, chars: list[str], styles: list[int], out: list[str]
    ) -> int:
        """Erase a long run of blank cells (ECH, or EL to the line's end); how many cells."""
        if not self.erase or self.pen is None:
            return 0
        x = cells[index]
        if chars[x] != " ":
            return 0
        table = self.table
        shown = table.blank(styles[x])
        look = table.styles[shown]
        if look.attrs & SHOWS_ON_BLANK or look.link:
            return 0
        count = 0
        while (
            index + count < len(cells)
            and cells[index + count] == x + count
            and chars[x + count] == " "
            and table.blank(styles[x + count]) == shown
        ):
            count += 1
        to_end = all(c == " " and table.blank(s) == shown for c, s in zip(chars[x:], styles[x:]))
        if count < _ERASE_MIN and not (to_end and count >= 4):
            return 0
        self._set_pen(table.pen_for_blank(self.pen, shown), out)
        out.append("\x1b[K" if to_end else f"\x1b[{count}X")
        return len(cells) - index if to_end else count

    def _sync_cursor(self, out: list[str]) -> None:
        x, y = self.at
        if x is not None and y is not None and (x, y) != self.cursor and x < self.width:
            out.append(move(*self.cursor, x, y, self.height, self.newline))
            self.cursor = (x, y)


def _cut_wide(chars: list[str], start: int, end: int) -> None:
    """Before cells ``start``..``end`` are overwritten: blank the outer halves of wide chars."""
    if chars[start] == "" and start > 0:
        chars[start - 1] = " "
    if end < len(chars) and chars[end] == "":
        chars[end] = " "
