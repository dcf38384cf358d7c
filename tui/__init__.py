"""jixiao (绩效): a keyboard-driven editor for 项目支出预算绩效目标表 kept as TOML.

The package root and its core modules (model, loader, document, rules, export,
importing) never import ``textual``; the terminal UI lives in ``tui.ui``.
"""

__version__ = "0.1.0"
