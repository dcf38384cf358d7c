"""Text in terminal cells: fitting, cutting and scrolling by display width (CJK is two cells)."""

from __future__ import annotations

from rich.cells import cell_len


def scroll_for(cursor: int, scroll: int, width: int) -> int:
    """The first cell to show so that the cursor is visible; jumps by half the width."""
    if cursor < scroll:
        return max(cursor - width // 2, 0)
    if cursor >= scroll + width:
        return cursor - width // 2
    return scroll


def fit(text: str, width: int) -> str:
    """The longest start of ``text`` that fits in ``width`` cells."""
    out = ""
    for char in text:
        if cell_len(out + char) > width:
            break
        out += char
    return out


def cells(shown: str, start: int, width: int) -> str:
    """Exactly ``width`` cells of ``shown`` from cell ``start``; a wide character cut by an
    edge becomes spaces."""
    out = []
    position = 0
    for char in shown:
        size = cell_len(char)
        end = position + size
        if end <= start:
            position = end
            continue
        if position >= start + width:
            break
        if position < start or end > start + width:
            out.append(" " * (min(end, start + width) - max(position, start)))
        else:
            out.append(char)
        position = end
    text = "".join(out)
    return text + " " * (width - cell_len(text))


def char_index(text: str, cell: int) -> int:
    """The index of the character at display cell ``cell`` of ``text``."""
    position = 0
    for index, char in enumerate(text):
        if position >= cell:
            return index
        position += cell_len(char)
    return len(text)
