"""The key router: every key and paste is applied in the order it arrived, before the next one.

Textual hands a key to the focused widget by posting it to that widget's own
message queue; when keys arrive in one read (a paste, a slow SSH link, an
input method committing a phrase) and one of them moves focus, the keys after
it would already be queued for the old widget. The app therefore routes keys
itself, on its own task (``JixiaoApp.on_event``): the action bound to the key
in the scopes of the focused widget and its ancestors (``tui.ui.actions``), or
the focused widget's own ``handle_key`` (text editing), runs to completion —
model updated, focus moved — before the next key is looked at. What the router
does not handle goes the usual Textual way.
"""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen

from tui.ui.actions import ActionSpec, lookup


async def route_key(screen: Screen, event: events.Key) -> bool:
    """Handle ``event`` for ``screen``; ``False`` when Textual should handle it."""
    focused = screen.focused
    chain: list[DOMNode] = list(focused.ancestors_with_self) if focused else [screen]
    for index, node in enumerate(chain):
        for scope in getattr(node, "KEY_SCOPES", ()):
            spec = lookup(scope, event.key)
            if spec is None:
                continue
            target = next((n for n in chain[index:] if hasattr(n, spec.method)), None)
            if target is not None:
                await target.run_action(spec.action)
                return True
        handler = getattr(node, "handle_key", None)
        if handler is not None and handler(event):
            return True
        if node is screen:
            break
    return False


def route_paste(screen: Screen, event: events.Paste) -> bool:
    """Give a bracketed paste to the focused widget's ``handle_paste``, in order."""
    handler = getattr(screen.focused, "handle_paste", None)
    if handler is None:
        return False
    handler(event.text)
    return True


async def run_anywhere(screen: Screen, spec: ActionSpec) -> None:
    """Run ``spec`` from the palette: on the focused chain, else on any widget that can."""
    focused = screen.focused
    chain = list(focused.ancestors_with_self) if focused else []
    candidates = [*chain, *screen.query("*"), screen]
    target = next((node for node in candidates if hasattr(node, spec.method)), None)
    if target is not None:
        await target.run_action(spec.action)
