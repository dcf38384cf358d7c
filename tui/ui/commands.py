"""The command palette (^p): the actions of the current screen, in Chinese, with their keys."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.actions import ACTIONS, ActionSpec
from tui.ui.keys import run_anywhere


class ActionsProvider(Provider):
    """Offers each action whose scope belongs to the active screen (no Textual built-ins)."""

    def _specs(self) -> list[ActionSpec]:
        scopes = getattr(self.screen, "PALETTE_SCOPES", ())
        seen: set[str] = set()
        specs = []
        for spec in ACTIONS:
            if spec.scope in scopes and spec.palette and spec.action not in seen:
                seen.add(spec.action)
                specs.append(spec)
        return specs

    def _run(self, spec: ActionSpec) -> None:
        self.app.call_later(run_anywhere, self.screen, spec)

    async def discover(self) -> Hits:
        """All actions, listed when the palette opens."""
        for spec in self._specs():
            yield DiscoveryHit(f"{spec.zh}  {spec.key_display}", partial(self._run, spec))

    async def search(self, query: str) -> Hits:
        """Actions matching what was typed (Chinese or English name, or key)."""
        matcher = self.matcher(query)
        for spec in self._specs():
            title = f"{spec.zh}  {spec.key_display}"
            score = max(matcher.match(title), matcher.match(spec.en))
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, spec))
