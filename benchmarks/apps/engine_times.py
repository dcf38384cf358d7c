"""The rules engine on one table as the editor runs it: a key typed, then a check.

    python benchmarks/apps/engine_times.py TABLE REPEAT

Loads TABLE, checks it once, then REPEAT times writes a new text into the first
row's 中期值 (as a keystroke there makes: ``1``, ``2`` … never one seen before)
and checks the table (``tui.rules.check_table``, what ``tui.checking.check``
runs). Prints the
milliseconds of each check as a JSON list. Run in its own process, so that the
``tui`` on ``PYTHONPATH`` (another version of the code) can be measured too.
"""

import json
import sys
import time

from tui.rules import check_table
from tui.tomlfile.loader import load_table


def main(path: str, repeat: int) -> int:
    """Print the milliseconds of ``repeat`` checks, each after a new value."""
    table = load_table(path)
    check_table(table)
    row = table.indicators[0]
    typed = row.medium if isinstance(row.medium, str) else ""
    times = []
    for n in range(repeat):
        row.medium = f"{typed}{n + 1}"
        start = time.perf_counter()
        check_table(table)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2])))
