"""Driving the editor with keys as a terminal sends them: one event per key, with its character.

Pilot's own ``press`` derives the character from the key name and drops it for
keys such as ``≤``; these helpers build ``events.Key(key, character)`` the way
Textual's driver does, and run a script either key by key or in one burst.
"""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.app import App


@dataclass(frozen=True)
class Rest:
    """A person resting between keys: timers (the row editor following the tree) fire."""

    seconds: float = 0.15


Step = events.Key | events.Paste | Rest  # one step of a script

_NAMES = {" ": "space", "\t": "tab", "\r": "enter", "\x1b": "escape"}
_REPLACED = {  # key names Textual replaces (its KEY_NAME_REPLACEMENTS)
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_CHARACTERS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "space": " "}


def key_name(character: str) -> str:
    """The key name Textual gives a typed character (``=`` → ``equals_sign``)."""
    if character in _NAMES:
        return _NAMES[character]
    if character.isalnum():
        return character
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return _REPLACED.get(name, name)


def typed(text: str) -> list[Step]:
    """The key events of typing ``text``, one per character."""
    return [events.Key(key_name(ch), ch) for ch in text]


def pressed(*keys: str) -> list[Step]:
    """Key events for named keys (``enter``, ``ctrl+s``, ``f3``, ``J``…)."""
    return [events.Key(key, _CHARACTERS.get(key, key if len(key) == 1 else None)) for key in keys]


def describe(steps: Sequence[Step]) -> str:
    """A script as one readable line (for failure messages)."""
    parts = []
    for step in steps:
        if isinstance(step, Rest):
            parts.append("<rest>")
        elif isinstance(step, events.Paste):
            parts.append(f"<paste {step.text!r}>")
        elif step.character and step.is_printable and len(step.key) > 1 and step.key != "space":
            parts.append(step.character)
        else:
            parts.append(step.key if len(step.key) == 1 else f"<{step.key}>")
    return " ".join(parts)


def _fresh(step: events.Key | events.Paste) -> events.Key | events.Paste:
    """A new event with the same content (an event object is handled only once)."""
    if isinstance(step, events.Paste):
        return events.Paste(step.text)
    return events.Key(step.key, step.character)


def _resolve(future: asyncio.Future) -> None:
    future.set_result(None)


async def settle(app: App, rounds: int = 1) -> None:
    """Wait until the app, then every widget of its screen, have handled what was posted to them.

    What ``Pilot.pause`` waits for, without its extra wait for the CPU to go
    idle: a callback is queued behind the pending messages of the app (which
    handles the keys), then of every widget (handling a key posts focus,
    mount and refresh messages to them); ``rounds`` more for what those post.
    """
    await _drained([app])
    for _ in range(rounds):
        await _drained([app, *app.screen.walk_children(with_self=True)])


async def _drained(nodes: list) -> None:
    loop = asyncio.get_running_loop()
    waiting = []
    for node in nodes:
        done = loop.create_future()
        if node.call_later(_resolve, done):
            waiting.append(done)
    if waiting:
        await asyncio.wait(waiting, timeout=10)


async def run_slowly(app: App, steps: Sequence[Step]) -> None:
    """Each key handled completely, by every widget, before the next is sent (a person typing)."""
    for step in steps:
        if isinstance(step, Rest):
            await asyncio.sleep(step.seconds)
            continue
        app.post_message(_fresh(step))
        await settle(app)


def read_together(steps: Sequence[Step]) -> list[events.Key | events.Paste]:
    """The events a terminal's input parser makes of ``steps`` arriving in one read.

    Esc followed by a letter, digit or CJK character in the same read is
    Alt+that key (what Textual's parser reports; the key router splits it back).
    """
    events_: list[events.Key | events.Paste] = []
    for step in steps:
        if isinstance(step, Rest):
            continue
        last = events_[-1] if events_ else None
        if (
            isinstance(step, events.Key)
            and isinstance(last, events.Key)
            and last.key == "escape"
            and step.character is not None
            and len(step.key) == 1
            and step.key.isalnum()
        ):
            name = f"shift+{step.key.lower()}" if step.key.isupper() else step.key
            events_[-1] = events.Key(f"alt+{name}", step.character)
            continue
        events_.append(_fresh(step))
    return events_


async def run_in_one_burst(app: App, steps: Sequence[Step]) -> None:
    """Every key posted before the app handles any (one read from a slow link or a paste)."""
    for event in read_together(steps):
        app.post_message(event)
    await settle(app, rounds=2)
