"""The command palette (^p): every action of the current screen, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.actions import ACTIONS

_PALETTE_SCOPES = {"editor", "tree", "row", "funding", "export", "workspace"}


class ActionsProvider(Provider):
    """Offers each action whose scope belongs to the active screen."""

    def _specs(self):
        scopes = getattr(self.screen, "PALETTE_SCOPES", ())
        seen = set()
        for spec in ACTIONS:
            key = (spec.action, spec.keys)
            if spec.scope in scopes and spec.scope in _PALETTE_SCOPES and key not in seen:
                if spec.action in ("cursor_down", "cursor_up"):
                    continue
                seen.add(key)
                yield spec

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action.removeprefix("screen."))

    async def discover(self) -> Hits:
        """All actions, listed when the palette opens."""
        for spec in self._specs():
            yield DiscoveryHit(
                f"{spec.zh}  ({spec.key_display})", partial(self._run, spec.action), help=spec.en
            )

    async def search(self, query: str) -> Hits:
        """Actions matching what was typed (Chinese or English name, or key)."""
        matcher = self.matcher(query)
        for spec in self._specs():
            title = f"{spec.zh}  ({spec.key_display})  {spec.en}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, spec.action), help=spec.en
                )
