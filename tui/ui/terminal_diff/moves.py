"""The shortest cursor movement between two cells (VT100 sequences every terminal knows).

Line feed alone is never used for movement: with the tty's ``onlcr`` output
flag it also returns the carriage, and Textual leaves that flag as it finds it.
"""

from __future__ import annotations


def _n(count: int) -> str:
    return "" if count == 1 else str(count)


def _horizontal(x: int, to_x: int) -> str:
    if to_x == x:
        return ""
    if to_x > x:
        return f"\x1b[{_n(to_x - x)}C"
    back = x - to_x
    options = [f"\x1b[{_n(back)}D", f"\x1b[{to_x + 1}G"]
    if back <= 3:
        options.append("\b" * back)
    if to_x == 0:
        options.append("\r")
    elif to_x < 4:
        options.append("\r" + f"\x1b[{_n(to_x)}C")
    return min(options, key=len)


def absolute(x: int, y: int) -> str:
    """CUP to column ``x``, row ``y`` (0-based)."""
    if x == 0:
        return f"\x1b[{y + 1}H" if y else "\x1b[H"
    return f"\x1b[{y + 1};{x + 1}H"


def move(
    x: int | None, y: int | None, to_x: int, to_y: int, height: int = 0, newline: str = "\r\n"
) -> str:
    """Bytes that move the cursor from ``(x, y)`` (``None``: unknown) to ``(to_x, to_y)``.

    ``height``: the screen's; ``newline`` starts the next line when it is not
    the last (a line feed there would scroll): CR LF, or LF alone where the tty
    adds the CR (``onlcr``).
    """
    if y is None:
        return absolute(to_x, to_y)
    if to_x == 0 and to_y == y + 1 and to_y < height:
        return newline
    if x is None:  # after the last column, where terminals disagree on the cursor
        return min("\r" + move(0, y, to_x, to_y), absolute(to_x, to_y), key=len)
    if y == to_y:
        horizontal = _horizontal(x, to_x)
        return (
            horizontal if len(horizontal) <= 4 else min(horizontal, absolute(to_x, to_y), key=len)
        )
    vertical = f"\x1b[{_n(to_y - y)}B" if to_y > y else f"\x1b[{_n(y - to_y)}A"
    relative = vertical + _horizontal(x, to_x)
    return min(relative, absolute(to_x, to_y), key=len)
