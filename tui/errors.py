"""The project's own error type: one line naming file, line and the problem."""

from __future__ import annotations

import unicodedata
from pathlib import Path

_HIDDEN = ("Cc", "Cf", "Cs", "Zl", "Zp")


def printable(text: str) -> str:
    """``text`` with control, format, surrogate and line-separator characters escaped.

    Used for file names and file text in messages, so that a terminal escape or a
    newline in a path cannot break the one-line error format.
    """
    if text.isprintable():  # fast path: nothing to escape (checked in C)
        return text
    out = []
    for ch in text:
        if unicodedata.category(ch) in _HIDDEN:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class JixiaoError(Exception):
    """A user-facing error: Chinese message with an English gloss, and where it is.

    ``str(error)`` is the one line the CLI prints, e.g.
    ``data/a.toml:12:9: 金额必须是数字（amount must be a number）``.
    """

    def __init__(
        self,
        zh: str,
        en: str,
        path: str | Path | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        self.zh = zh
        self.en = en
        self.path = str(path) if path is not None else None
        self.line = line
        self.col = col
        super().__init__(self.__str__())

    def where(self) -> str:
        """``path:line:col`` with the parts that are known."""
        parts = [printable(self.path) if self.path is not None else "<输入>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {printable(self.zh)}（{printable(self.en)}）"


class ChangedOnDiskError(JixiaoError):
    """Raised by a save when the file changed on disk since it was loaded."""
