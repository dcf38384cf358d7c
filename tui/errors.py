"""The project's own error type: one line naming file, line and the problem."""

from __future__ import annotations

from pathlib import Path

from tui.escape import printable


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
