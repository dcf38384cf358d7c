"""Keys handled in the order they were typed, even across a focus change.

Textual resolves a widget's ordinary key bindings only after the key has
bubbled up to the app, against whatever has focus by then. When keys arrive
in a burst (a paste, a slow SSH link) and one of them moves focus, the others
would act on the wrong field. Widgets with this mixin run their own bindings
when the key reaches them, in order; focus-changing actions are priority
bindings (see ``tui.ui.actions``), which the app runs before forwarding the
next key.
"""

from __future__ import annotations

from textual import events


class InOrderKeys:
    """Mixin for a widget: run its own non-priority bindings on arrival."""

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority:
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)
