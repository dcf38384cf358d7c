"""Render Python values as TOML text, exactly and predictably.

Used by the canonical writer and by edits, so that every value jixiao writes
has one spelling: basic strings with escapes (control characters always as
``\\uXXXX``), money as the ``Decimal``'s own digits (``103.00``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _escape_char(ch: str, multiline: bool) -> str:
    if multiline and ch == "\n":
        return ch
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code < 0x20 or code == 0x7F:
        return f"\\u{code:04X}"
    return ch


def render_string(text: str) -> str:
    """A TOML basic string; multi-line (``\"\"\"``) when the text holds a newline."""
    multiline = "\n" in text
    body = "".join(_escape_char(ch, multiline) for ch in text)
    if multiline:
        return '"""\n' + body + '"""'
    return '"' + body + '"'


def render_decimal(value: Decimal) -> str:
    """A number as written: ``Decimal('103.00')`` → ``103.00``; never exponent form.

    Non-finite values (from ``inf``/``nan`` floats) use TOML's ``inf``/``nan`` spelling.
    """
    if value.is_nan():
        return "-nan" if value.is_signed() else "nan"
    if value.is_infinite():
        return "-inf" if value.is_signed() else "inf"
    return format(value, "f")


def render_key(key: str) -> str:
    """A bare key when possible, else a quoted one."""
    return key if _BARE_KEY.match(key) else render_string(key)


def render_value(value: Any) -> str:
    """Any value jixiao stores or carries through, as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return render_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return render_decimal(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(render_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = ", ".join(f"{render_key(k)} = {render_value(v)}" for k, v in value.items())
        return "{ " + inner + " }"
    raise TypeError(f"cannot render {type(value).__name__} as TOML")
