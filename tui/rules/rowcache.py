"""What the rules keep between checks, so that a keystroke costs what it changed.

The editor checks the whole table on every keystroke, and a keystroke changes
one value of one row. Two caches make that cheap, both keyed by content (never
by object identity or by the edit that was made), so that a check gives exactly
what a check from scratch gives:

* **rows**: a row's ``RowInfo`` (with the problems the per-row rules found in
  it) is kept under the row's index and *content key* — everything the row
  holds, exactly (``content_key``). A row holding the same content at the same
  index reuses it; any other row gets a new one.
* **labels**: what the rules on labels compute (``Context.by_labels``) is kept
  under the framework and the labels and names of every row, in order; typing
  a value leaves them, and those results, unchanged. Oldest first out.

Both are bounded: the rows cache keeps two generations of twice the rows of the
table checked, the labels cache a few tables. A table checked once (``jixiao
check``, the workspace) is checked with ``keep=False``: nothing is kept for it
(keeping would only slow such a check down: the garbage collector walks what is
kept). Values are replaced whole, never changed in place, so a check in another
thread (the workspace) sees either entry, both correct. ``clear_caches`` empties
them (tests and benchmarks).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Generic, TypeVar

from tui.model import Indicator
from tui.rules.rowinfo import RowInfo, content_key, row_info

K = TypeVar("K")
V = TypeVar("V")

ROWS_KEPT = 256  # rows per generation at least; twice the rows of the table checked, if more
LABELS_KEPT = 8  # tables (or states of one table's labels) whose label results are kept


class Generations(Generic[K, V]):
    """A dict that forgets its older half: entries found are carried into the new one."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.new: dict[K, V] = {}
        self.old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """The entry of ``key``, or ``None``."""
        found = self.new.get(key)
        if found is None:
            found = self.old.get(key)
            if found is not None:
                self.put(key, found)
        return found

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` under ``key``; the older generation goes when the new one is full."""
        if len(self.new) >= self.size:
            self.old, self.new = self.new, {}
        self.new[key] = value

    def clear(self) -> None:
        """Forget everything."""
        self.old, self.new = {}, {}


_ROWS: Generations[tuple, RowInfo] = Generations(ROWS_KEPT)
_LABELS: OrderedDict[tuple, dict[str, Any]] = OrderedDict()


def row_infos(rows: list[Indicator], keep: bool = True) -> list[RowInfo]:
    """The ``RowInfo`` of each row: kept from an earlier check when the row holds the
    same content at the same index, else made now (and kept, unless not ``keep``)."""
    if not keep:
        return [row_info(index, row, content_key(row)) for index, row in enumerate(rows)]
    cache = _ROWS
    cache.size = max(ROWS_KEPT, 2 * len(rows))
    infos = []
    for index, row in enumerate(rows):
        key = content_key(row)
        if key is None:
            infos.append(row_info(index, row, None))
            continue
        place = (index, key)
        info = cache.get(place)
        if info is None:
            info = row_info(index, row, key)
            cache.put(place, info)
        elif info.row is not row:
            info = info.moved(row)
            cache.put(place, info)
        infos.append(info)
    return infos


def labels_slot(key: tuple) -> dict[str, Any]:
    """The results kept for the labels ``key`` (name → result), new and empty when none."""
    slot = _LABELS.get(key)
    if slot is None:
        slot = {}
        _LABELS[key] = slot
        while len(_LABELS) > LABELS_KEPT:
            try:
                _LABELS.popitem(last=False)  # the oldest
            except KeyError:  # emptied meanwhile by another thread
                break
    return slot


def clear_caches() -> None:
    """Forget every row and label result kept between checks (the caches of single texts,
    such as ``parse_value``, are plain functions of their text and stay)."""
    _ROWS.clear()
    _LABELS.clear()
