"""Baseline of the bulk check: read and ``tomllib``-parse every .toml file of a folder."""

import sys
import tomllib
from pathlib import Path


def main(folder: str) -> int:
    """Parse every ``*.toml`` under ``folder``; print how many."""
    count = 0
    for path in sorted(Path(folder).rglob("*.toml")):
        tomllib.loads(path.read_bytes().decode("utf-8"))
        count += 1
    print(count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
