"""Baseline: a default Textual ``Input`` (blinking cursor and all), focused at start."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

MARKER = "jixiao-bench-input"


class InputApp(App):
    """A marker line and one default ``Input``."""

    def compose(self) -> ComposeResult:
        yield Static(MARKER)
        yield Input()

    def on_mount(self) -> None:
        """Focus the input, as the editor focuses its value field."""
        self.query_one(Input).focus()


if __name__ == "__main__":
    InputApp().run()
