"""F1 help: every action of the screen with its key, grouped by where it applies, in Chinese."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.ui.actions import ACTIONS, SCOPES, key_label

FIELD_KEYS = (
    "←/→ 移动光标  Home/End（^a/^e）行首/行尾  ^u 删到行首  ^k 删到行尾  ^w 删前一词  → 接受补全"
)
TIPS = {
    "editor": (
        "快速录入：在二级上按 a 新增三级，Enter 依次进入 中期值 → 年度值 → 下一行；"
        "Esc 返回指标树。",
        "金额只接受数字（万元）；非数字会标红显示，绝不会被当作 0，也不能保存。",
        "指标体系在“项目信息”中按空格切换，成本指标随之移动，一步可撤销。",
        "F10 自评、F11 监控：终端占用这两个键时（菜单栏、全屏），按 ^p 输入“自评”或“监控”。",
    ),
    "workspace": ("Enter 打开表格，n 新建表格，F1 关闭帮助。",),
}


def help_text(scopes: tuple[str, ...]) -> Text:
    """The help page for ``scopes`` as plain Rich text (no markup is parsed)."""
    text = Text()
    text.append("jixiao 帮助   Esc / F1 / q 关闭   j / k / ↑ / ↓ 滚动\n\n", "bold")
    for scope in scopes:
        specs = [s for s in ACTIONS if s.scope == scope]
        if not specs:
            continue
        text.append(SCOPES[scope] + "\n", "bold underline")
        seen = set()
        for spec in specs:
            if spec.action in seen:
                continue
            seen.add(spec.action)
            keys = " / ".join(key_label(k) for k in spec.key_list)
            text.append("  " + keys + " " * max(16 - cell_len(keys), 1), "bold cyan")
            text.append(spec.zh + "\n")
        if scope == "form":
            text.append(f"  {FIELD_KEYS}\n")
        text.append("\n")
    for tip in TIPS.get(scopes[0], ()):
        text.append("• " + tip + "\n")
    return text


class HelpScreen(ModalScreen[None]):
    """The help page of the screen it was opened from."""

    def __init__(self, scopes: tuple[str, ...]) -> None:
        super().__init__()
        self.scopes = scopes

    @classmethod
    def focused_first(cls, screen: Screen, scopes: tuple[str, ...]) -> HelpScreen:
        """Help for ``scopes``, the keys of the focused widget (and its panel) first."""
        chain = screen.focused.ancestors_with_self if screen.focused else []
        focused = [s for node in chain for s in getattr(node, "KEY_SCOPES", ())]
        return cls(tuple(dict.fromkeys([*focused, *scopes])))

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help"):
            yield Static(help_text(self.scopes))

    def apply_key(self, event: events.Key) -> bool:
        """Esc, F1 or q closes; j and k scroll like the arrows (as in every list)."""
        if event.key in ("escape", "f1", "q"):
            self.dismiss(None)
            return True
        if event.key in ("j", "k"):
            page = self.query_one(VerticalScroll)
            scroll = page.scroll_down if event.key == "j" else page.scroll_up
            scroll(animate=False, immediate=True)  # now: keys in one burst each count
            return True
        return False
