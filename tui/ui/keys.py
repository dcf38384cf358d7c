"""The key router: every key and paste is applied in the order it arrived, before the next one.

Textual hands a key to the focused widget by posting it to that widget's own
message queue; when keys arrive in one read (a paste, a slow SSH link, an
input method committing a phrase) and one of them moves focus, the keys after
it would already be queued for the old widget. The app therefore routes keys
itself, on its own task (``JixiaoApp.on_event``): the action bound to the key
in the scopes of the focused widget and its ancestors (``tui.ui.actions``), or
the focused widget's own ``apply_key`` (text editing), runs to completion —
model updated, focus moved — before the next key is looked at. What the router
does not handle goes the usual Textual way.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.actions import SCOPES, ActionSpec, lookup


async def route_key(screen: Screen, event: events.Key) -> bool:
    """Handle ``event`` for ``screen``; ``False`` when Textual should handle it."""
    split = split_alt(event)
    if split is not None:  # Esc and the next key arrived together: two keys, in order
        await route_key(screen, events.Key("escape", "\x1b"))
        return await route_key(screen.app.screen, split)
    chain = _chain(screen)
    for index, node in enumerate(chain):
        for scope in getattr(node, "KEY_SCOPES", ()):
            spec = lookup(scope, event.key)
            if spec is None:
                continue
            order = [*chain[index:], *reversed(chain[:index])]
            target = next((n for n in order if hasattr(n, spec.method)), None)
            if target is not None:
                await target.run_action(spec.action)
                return True
        handler = getattr(node, "apply_key", None)
        if handler is not None and handler(event):
            return True
    if isinstance(screen.focused, Input):
        return await _input_key(screen.focused, event)
    return False


async def _input_key(widget: Input, event: events.Key) -> bool:
    """A Textual ``Input`` (the palette's): its editing keys and characters applied now.

    Textual runs an ``Input``'s bound keys (^u, backspace …) only after the key
    has bubbled up, when the characters behind it in a burst are already typed:
    ^u then ``abc`` in one read would leave nothing. Keys it does not bind
    (↑ ↓ Esc) go the usual Textual way.
    """
    for cls in type(widget).__mro__:
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", ())):
            if binding.key == event.key:
                await widget.run_action(binding.action)
                return True
    if not (event.is_printable and event.character):
        return False
    if widget.selection.is_empty:
        widget.insert_text_at_cursor(event.character)
    else:
        widget.replace(event.character, *widget.selection)
    return True


def split_alt(event: events.Key) -> events.Key | None:
    """The key after Esc when ``event`` is Esc and a key read together (``alt+j``).

    A terminal sends Alt+key as Esc followed by the key, so a burst (a slow SSH
    link) makes a real Esc and the next key look like Alt+key. jixiao binds no
    Alt+character, so such a key is always split back into the two keys.
    """
    name, character = event.key, event.character
    if not name.startswith("alt+") or not character or len(character) != 1:
        return None
    if any(lookup(scope, name) for scope in SCOPES):
        return None
    rest = name[4:]
    if rest.startswith("shift+") and len(rest) == 7:
        rest = rest[6:].upper()
    return events.Key(rest, character)


def route_paste(screen: Screen, event: events.Paste) -> bool:
    """Give a bracketed paste to the focused widget's ``apply_paste``, in order."""
    handler = getattr(screen.focused, "apply_paste", None)
    if handler is None:
        return False
    handler(event.text)
    return True


def _chain(screen: Screen) -> list[Widget]:
    """The focused widget and its ancestors up to the screen (the screen alone if none)."""
    focused = screen.focused
    if focused is None:
        return [screen]
    return [node for node in focused.ancestors_with_self if isinstance(node, Widget)]


async def run_anywhere(screen: Screen, spec: ActionSpec) -> None:
    """Run ``spec`` from the palette: on the focused chain, else on any widget that can."""
    target = _target(screen, spec)
    reach = getattr(screen, "reach_scope", None)
    if target is None and reach is not None:  # e.g. a panel not shown (or mounted) yet
        await reach(spec.scope)
        target = _target(screen, spec)
    if target is not None:
        await target.run_action(spec.action)


def _target(screen: Screen, spec: ActionSpec) -> Widget | None:
    candidates = [*_chain(screen), *screen.query(Widget)]
    return next((node for node in candidates if hasattr(node, spec.method)), None)
