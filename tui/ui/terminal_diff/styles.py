"""Cell styles as the terminal sees them: parsed from SGR, interned, and SGR deltas between them.

A style is ``(fg, bg, attrs, link)``: ``fg`` and ``bg`` are the SGR parameters
that select the colour (``"38;5;231"``, ``"31"``; ``""`` for the default),
``attrs`` a bit set of attributes (bold, dim, reverse…) and ``link`` the
parameters of an OSC 8 hyperlink (``""`` for none), which SGR does not reset.
Styles are interned as small integers so that cells compare fast.
"""

from __future__ import annotations

from typing import NamedTuple

BOLD, DIM, ITALIC, UNDERLINE, BLINK, RAPID, REVERSE, CONCEAL, STRIKE = (1 << n for n in range(9))
DOUBLE_UNDERLINE, FRAME, ENCIRCLE, OVERLINE = (1 << n for n in range(9, 13))
ATTR_ON = {
    "1": BOLD, "2": DIM, "3": ITALIC, "4": UNDERLINE, "5": BLINK, "6": RAPID, "7": REVERSE,
    "8": CONCEAL, "9": STRIKE, "21": DOUBLE_UNDERLINE, "51": FRAME, "52": ENCIRCLE,
    "53": OVERLINE,
}  # fmt: skip
ATTR_CODE = [(bit, code) for code, bit in ATTR_ON.items()]
ATTR_OFF = {
    "22": BOLD | DIM, "23": ITALIC, "24": UNDERLINE | DOUBLE_UNDERLINE, "25": BLINK | RAPID,
    "27": REVERSE, "28": CONCEAL, "29": STRIKE, "54": FRAME | ENCIRCLE, "55": OVERLINE,
}  # fmt: skip
# On a blank cell only the background shows, unless one of these draws on it (in the fg colour).
SHOWS_ON_BLANK = UNDERLINE | DOUBLE_UNDERLINE | REVERSE | STRIKE | FRAME | ENCIRCLE | OVERLINE


class Style(NamedTuple):
    """What SGR sets (foreground, background, attribute bits), and the hyperlink."""

    fg: str
    bg: str
    attrs: int
    link: str = ""


DEFAULT = Style("", "", 0)
CLOSE_LINK = "\x1b]8;;\x1b\\"


def apply_sgr(style: Style, params: str) -> Style:
    """``style`` after the SGR sequence ``ESC [ params m``."""
    fg, bg, attrs, link = style
    codes = params.replace(":", ";").split(";")
    index, count = 0, len(codes)
    while index < count:
        code = codes[index]
        index += 1
        if code in ("", "0"):
            fg, bg, attrs = "", "", 0
        elif code in ATTR_ON:
            attrs |= ATTR_ON[code]
        elif code in ATTR_OFF:
            attrs &= ~ATTR_OFF[code]
        elif code in ("38", "48", "58"):
            kind = codes[index] if index < count else ""
            take = 2 if kind == "5" else 4 if kind == "2" else 1
            colour = ";".join([code, *codes[index : index + take]])
            index += take
            if code == "38":
                fg = colour
            elif code == "48":
                bg = colour
        elif code == "39":
            fg = ""
        elif code == "49":
            bg = ""
        elif len(code) == 2 and code[0] in "34" and code[1] in "01234567":
            fg, bg = (code, bg) if code[0] == "3" else (fg, code)
        elif len(code) in (2, 3) and code[:-1] in ("9", "10") and code[-1] in "01234567":
            fg, bg = (code, bg) if code[0] == "9" else (fg, code)
    return Style(fg, bg, attrs, link)


def _attr_codes(attrs: int) -> list[str]:
    return [code for bit, code in ATTR_CODE if attrs & bit]


def sgr_delta(pen: Style, target: Style) -> str:
    """The shortest SGR sequence that turns ``pen`` into ``target`` ("" when equal).

    Links are not SGR: see ``StyleTable.delta``.
    """
    if pen[:3] == target[:3]:
        return ""
    fg, bg, attrs, _link = target
    full = ["0", *_attr_codes(attrs)] + ([fg] if fg else []) + ([bg] if bg else [])
    off, on = pen.attrs & ~attrs, attrs & ~pen.attrs
    delta: list[str] = []
    for code, bits in ATTR_OFF.items():
        if off & bits:
            delta.append(code)
            on |= attrs & bits  # 22 also ends the other of bold/dim: set it again
    delta += _attr_codes(on)
    if fg != pen.fg:
        delta.append(fg or "39")
    if bg != pen.bg:
        delta.append(bg or "49")
    best = min(full, delta, key=lambda codes: len(";".join(codes)))
    return "\x1b[m" if best == ["0"] else "\x1b[" + ";".join(best) + "m"


class StyleTable:
    """Styles interned as integers, with the SGR delta between any two cached."""

    def __init__(self) -> None:
        self.styles: list[Style] = []
        self._ids: dict[Style, int] = {}
        self._blank: list[int] = []  # id → id of the style a blank cell of that style shows
        self._delta: dict[tuple[int, int], str] = {}
        self._blank_pen: dict[tuple[int, int], int] = {}
        self.default = self.intern(DEFAULT)

    def intern(self, style: Style) -> int:
        """The id of ``style``."""
        found = self._ids.get(style)
        if found is not None:
            return found
        new = len(self.styles)
        self._ids[style] = new
        self.styles.append(style)
        self._blank.append(new)
        if not style.attrs & SHOWS_ON_BLANK:
            self._blank[new] = self.intern(Style("", style.bg, 0, style.link))
        return new

    def blank(self, sid: int) -> int:
        """The style a blank (space) cell of style ``sid`` shows: its background, bar lines."""
        return self._blank[sid]

    def delta(self, pen: int, target: int) -> str:
        """The SGR (and OSC 8) sequence from ``pen`` to ``target`` (cached)."""
        key = (pen, target)
        found = self._delta.get(key)
        if found is None:
            old, new = self.styles[pen], self.styles[target]
            found = sgr_delta(old, new)
            if old.link != new.link:
                found += f"\x1b]8;{new.link}\x1b\\" if new.link else CLOSE_LINK
            self._delta[key] = found
        return found

    def pen_for_blank(self, pen: int, target: int) -> int:
        """The cheapest pen, from ``pen``, that draws a blank cell the way ``target`` shows.

        ``target`` is a blank cell's style (``blank``): where it has no line
        attributes, keeping the pen's foreground and bold/italic costs nothing.
        """
        if self._blank[pen] == target:
            return pen
        key = (pen, target)
        found = self._blank_pen.get(key)
        if found is None:
            style, current = self.styles[target], self.styles[pen]
            candidates = [target]
            if not style.attrs & SHOWS_ON_BLANK:
                kept = Style(current.fg, style.bg, current.attrs & ~SHOWS_ON_BLANK, style.link)
                candidates.append(self.intern(kept))
            found = min(candidates, key=lambda sid: len(self.delta(pen, sid)))
            self._blank_pen[key] = found
        return found
