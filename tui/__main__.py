"""``python -m tui``: the same as the ``jixiao`` command."""

from tui.cli import main

raise SystemExit(main())
