"""Showing file text on screen as data: never markup, never raw control characters."""

from __future__ import annotations

from rich.text import Text

from tui.escape import printable
from tui.tomlfile.limits import MAX_STRING_CHARS


def plain(value: str, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` literally (``[bold]`` stays ``[bold]``)."""
    return Text(printable(value), style=style, no_wrap=True, overflow="ellipsis")


SEVERITY_MARK = {"error": ("✖", "bold red"), "warning": ("▲", "yellow"), "hint": ("·", "cyan")}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "hint": "提示"}


_QUOTED = 12  # characters of a rejected input quoted in its message


def invalid_message(label: str, text: str) -> str:
    """What a rejected input held by the session is told: ``资金总额“12..5”不是有效值…``
    (a long input quoted by its first characters and its length, so the reason shows)."""
    shown = printable(text)
    if len(text) > _QUOTED:
        shown = f"{printable(text[:_QUOTED])}…（{len(text)} 字）"
    if len(text) > MAX_STRING_CHARS:
        return f"{label}“{shown}”超过 {MAX_STRING_CHARS} 字（too long），未写入"
    return f"{label}“{shown}”不是有效值（invalid value），未写入"


def paste_lines(text: str) -> str:
    """Pasted text with its line breaks as LF and without the one that ends it.

    Terminals send a pasted line break as CR (tmux, xterm), spreadsheets as CRLF; a
    copied cell ends with one, which no field wants.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text
