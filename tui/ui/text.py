"""Showing file text on screen as data: never markup, never raw control characters."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """``value`` with control characters (ESC, CR, …) replaced by visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", value)


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
