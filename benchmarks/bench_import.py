"""The importer on hostile shapes: is its time linear in the input's size?

    python benchmarks/bench_import.py [--size N] [--repeat R]

For each shape, the median time (of ``R`` runs) of ``import_text`` at size ``N``
and at ``2N``, and their ratio: about 2 when the time is linear in the size, about
4 when it is quadratic. The baseline, measured in the same run, is every real text
of ``tests/fixtures/real*/`` imported once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.importing import import_text  # noqa: E402

_HEAD = "项目名称 甲\n一级指标 二级指标 三级指标 指标值\n"
# Each shape: its text at a size n (what n counts is in the name).
SHAPES: dict[str, Callable[[int], str]] = {
    "one line of n words": lambda n: _HEAD + " ".join(["是"] * n) + "\n产 出 指 标\n",
    "n/10 lines of 1,000 spaces": lambda n: "\n".join([" " * 1000] * (n // 10)),
    "n/10 rows with a 1,000-space gap": lambda n: (
        _HEAD + "\n".join(["产出指标 数量指标 户数" + " " * 1000 + "120户"] * (n // 10))
    ),
    "n cells a line after '| '": lambda n: "项目名称\n" + "        | 是\n" * n,
    "a line of 10n bars": lambda n: "|" * (10 * n),
    "one headless line of n/2 names and values": lambda n: (
        "项目名称 甲\n" + " ".join(f"指标{i}:受益户数 {i}户" for i in range(n // 2))
    ),
    "n/2 colons between spaces": lambda n: ": " * (n // 2),
    "n/10 glued labels with a note": lambda n: "项目单位(盖章):" * (n // 10),
    "n/4 rows of a web copy": lambda n: (
        _HEAD + "产出指标\n        | 数量指标\n        | 户数\n        | 120户\n" * (n // 4)
    ),
    "n/10 rows, a page number after each": lambda n: (
        _HEAD + "".join(f"产出指标 数量指标 户数{i} {i}户\n第 {i} 页\n" for i in range(n // 10))
    ),
    "n/4 cells between bar lines, then n/4 lines of text": lambda n: (
        "数量指标\n|\n户数\n|\n120户\n|\n" * (n // 12) + "本部门按要求开展自评。\n" * (n // 4)
    ),
    "n/10 rows of a traditional copy with pinyin": lambda n: (
        "一級指標(biāo)\t二級指標(biāo)\t三級指標(biāo)\t指標(biāo)值\n"
        + "產(chǎn)出指標(biāo)\t數(shù)量指標(biāo)\t戶數(shù)\t120戶\n" * (n // 10)
    ),
    "one line of n/2 traditional words with pinyin": lambda n: " ".join(["國(guó)"] * (n // 2)),
}


def _median(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        import_text(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print the baseline, then one line per shape: time at n, at 2n, and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/fixtures/real*/*.txt"))]
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for text in texts:
            import_text(text)
        times.append(time.perf_counter() - started)
    print(f"baseline: {len(texts)} real texts: median {statistics.median(times):.2f} s")
    for name, make in SHAPES.items():
        one = _median(make(args.size), args.repeat)
        two = _median(make(2 * args.size), args.repeat)
        print(f"{name} (n={args.size}): {one:.2f} s, 2n: {two:.2f} s, ratio {two / one:.1f}")


if __name__ == "__main__":
    main()
