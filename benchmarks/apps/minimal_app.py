"""Baseline: the smallest Textual app, one ``Static`` showing the first-paint marker."""

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "jixiao-bench-minimal"


class MinimalApp(App):
    """One ``Static``."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    MinimalApp().run()
