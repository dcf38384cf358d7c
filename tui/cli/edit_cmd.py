"""``jixiao [PATH]``: open the editor (until it lands: a clear message, exit 2)."""

from __future__ import annotations

import sys


def run(args) -> int:
    """Open ``args.path`` in the editor."""
    print(
        "jixiao: 编辑器尚未完成，请先用 fmt/new/check/export/import 子命令"
        "（the editor is not available yet; use a subcommand）",
        file=sys.stderr,
    )
    return 2
