"""Text in terminal cells: fitting, cutting and scrolling by display width (CJK is two cells)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text


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


def share_width(labels: Sequence[int], width: int) -> list[int]:
    """The widths of the boxes of a form line whose labels take ``labels`` cells (one space
    between the fields): the rest of ``width``, shared equally."""
    count = len(labels)
    room = max(width - sum(labels) - (count - 1), count)
    share = room // count
    return [share] * (count - 1) + [room - share * (count - 1)]


def columns_line(label: str, texts: Sequence[Text], label_width: int, width: int) -> Text:
    """``label`` (dim), then each of ``texts`` under the box it belongs to on a form line
    of as many fields whose first field alone is labelled (``label_width`` cells)."""
    label = fit(label, label_width - 1)
    line = Text(label + " " * (label_width - cell_len(label)), "dim", no_wrap=True)
    boxes = share_width([label_width] + [0] * (len(texts) - 1), width)
    for place, (text, box) in enumerate(zip(texts, boxes)):
        shown = text.copy()
        last = place == len(boxes) - 1
        shown.truncate(box, overflow="ellipsis", pad=not last)
        line.append_text(shown)
        if not last:
            line.append(" ")
    return line
