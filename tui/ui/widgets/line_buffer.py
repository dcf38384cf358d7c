"""The text and cursor of one field being edited, and the editing keys that change them.

Pure state, no terminal: a form applies a key to the buffer of its current
field and reads back the text. Each method returns whether the text changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_WORD_BREAK = frozenset(" \t,，、;；。.:：/()（）")


@dataclass
class LineBuffer:
    """One line of text with a cursor (an index into ``text``)."""

    text: str = ""
    cursor: int = 0

    def set(self, text: str) -> None:
        """Replace the text; the cursor goes to its end (where a person expects it)."""
        self.text = text
        self.cursor = len(text)

    def insert(self, chars: str) -> bool:
        """Insert ``chars`` at the cursor, exactly as given."""
        if not chars:
            return False
        self.text = self.text[: self.cursor] + chars + self.text[self.cursor :]
        self.cursor += len(chars)
        return True

    def delete_left(self) -> bool:
        """Backspace."""
        if self.cursor == 0:
            return False
        self.text = self.text[: self.cursor - 1] + self.text[self.cursor :]
        self.cursor -= 1
        return True

    def delete_right(self) -> bool:
        """Delete."""
        if self.cursor >= len(self.text):
            return False
        self.text = self.text[: self.cursor] + self.text[self.cursor + 1 :]
        return True

    def delete_to_start(self) -> bool:
        """ctrl+u: delete from the start of the line to the cursor."""
        if self.cursor == 0:
            return False
        self.text = self.text[self.cursor :]
        self.cursor = 0
        return True

    def delete_to_end(self) -> bool:
        """ctrl+k: delete from the cursor to the end of the line."""
        if self.cursor >= len(self.text):
            return False
        self.text = self.text[: self.cursor]
        return True

    def delete_word_left(self) -> bool:
        """ctrl+w: delete the word before the cursor."""
        start = self._word_start()
        if start == self.cursor:
            return False
        self.text = self.text[:start] + self.text[self.cursor :]
        self.cursor = start
        return True

    def left(self) -> bool:
        """Move one character left."""
        self.cursor = max(self.cursor - 1, 0)
        return False

    def right(self) -> bool:
        """Move one character right."""
        self.cursor = min(self.cursor + 1, len(self.text))
        return False

    def home(self) -> bool:
        """Move to the start."""
        self.cursor = 0
        return False

    def end(self) -> bool:
        """Move to the end."""
        self.cursor = len(self.text)
        return False

    def word_left(self) -> bool:
        """Move to the start of the previous word."""
        self.cursor = self._word_start()
        return False

    def _word_start(self) -> int:
        index = self.cursor
        while index > 0 and self.text[index - 1] in _WORD_BREAK:
            index -= 1
        while index > 0 and self.text[index - 1] not in _WORD_BREAK:
            index -= 1
        return index


# Editing keys, as Textual names them → the buffer operation they run.
EDIT_KEYS: dict[str, Callable[[LineBuffer], bool]] = {
    "backspace": LineBuffer.delete_left,
    "ctrl+h": LineBuffer.delete_left,
    "delete": LineBuffer.delete_right,
    "ctrl+d": LineBuffer.delete_right,
    "ctrl+u": LineBuffer.delete_to_start,
    "ctrl+k": LineBuffer.delete_to_end,
    "ctrl+w": LineBuffer.delete_word_left,
    "left": LineBuffer.left,
    "ctrl+b": LineBuffer.left,
    "right": LineBuffer.right,
    "ctrl+f": LineBuffer.right,
    "home": LineBuffer.home,
    "ctrl+a": LineBuffer.home,
    "end": LineBuffer.end,
    "ctrl+e": LineBuffer.end,
    "ctrl+left": LineBuffer.word_left,
}
