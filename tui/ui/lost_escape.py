"""An Esc that Textual's input parser turned into ``^`` is an Esc again.

When Esc and more keys arrive in one read (a fast typist over a slow SSH
link), Textual's parser keeps reading after the Esc for an escape sequence;
finding none, it reissues the characters as keys and reports the Esc itself as
the character ``^`` (key ``circumflex_accent``). The keys it reissues come in
the same instant; a ``^`` typed by a person is followed by the next key much
later. So a ``^`` is held back for a moment: if another key comes first it was
the lost Esc, and both are applied in order; if not, it is a typed ``^``.
Order is kept either way: the held ``^`` is settled before any later key.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events

HOLD = 0.03  # seconds: reissued keys follow at once, a typist's next key does not
CARET = "circumflex_accent"


class LostEscape:
    """Holds a ``^`` back until the next key (or a pause) tells what it was."""

    def __init__(self, deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        self.deliver = deliver
        self.held: events.Key | None = None

    async def key(self, event: events.Key) -> bool:
        """Take ``event``; ``True`` when it is held (the caller does nothing more now)."""
        held, self.held = self.held, None
        if held is not None:  # another key at once: the ^ was the Esc
            await self.deliver(events.Key("escape", "\x1b"))
        if event.key == CARET and event.character == "^":
            self.held = event
            return True
        return False

    async def pause(self) -> None:
        """No key came: a held ``^`` was typed."""
        held, self.held = self.held, None
        if held is not None:
            await self.deliver(held)
