"""Showing file text on screen as data: never markup, never raw control characters."""

from __future__ import annotations

from rich.text import Text

from tui.errors import printable as visible  # the core's escaping: ESC → \x1b, U+2028 → \u2028

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_PICTURES |= {code: "\ufffd" for code in range(0x80, 0xA0)}


def pictures(value: str) -> str:
    """``value`` with each control character replaced by one visible symbol (ESC → ␛).

    Keeps one character per character, so cursor positions in an input stay right.
    """
    return value.translate(_PICTURES)


def plain(value: str, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` literally (``[bold]`` stays ``[bold]``)."""
    return Text(visible(value), style=style, no_wrap=True, overflow="ellipsis")


SEVERITY_MARK = {"error": ("✖", "bold red"), "warning": ("▲", "yellow"), "hint": ("·", "cyan")}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "hint": "提示"}
