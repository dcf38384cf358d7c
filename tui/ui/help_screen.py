"""F1 help: every action with its key, grouped by where it applies."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.actions import ACTIONS, SCOPES, key_label

_TIPS = (
    "快速录入：在二级节点按 a 新增三级，Enter 依次进入 中期值 → 年度值 → 下一行；Esc 返回指标树。",
    "三级名称输入时按 → 接受补全建议（来自指标体系和同目录其他表格）。",
    "金额只接受数字（万元）；非数字会标红显示，绝不会被当作 0。",
)


def help_text() -> Text:
    """The help page as plain Rich text (no markup is parsed)."""
    text = Text()
    text.append("jixiao 帮助（Help）   Esc/F1/q 关闭\n\n", "bold")
    for scope, title in SCOPES.items():
        specs = [s for s in ACTIONS if s.scope == scope]
        if not specs:
            continue
        text.append(title + "\n", "bold underline")
        for spec in specs:
            keys = " / ".join(key_label(k) for k in spec.keys.split(","))
            text.append(f"  {keys:<14}", "bold cyan")
            text.append(f"{spec.zh}（{spec.en}）\n")
        text.append("\n")
    text.append("F2–F7 切换面板：项目信息 资金 目标 指标 问题 导出；^p 命令面板\n\n", "bold")
    for tip in _TIPS:
        text.append("• " + tip + "\n")
    return text


class HelpScreen(ModalScreen[None]):
    """The help page."""

    BINDINGS = [Binding("escape,f1,q", "dismiss_help", "关闭", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="help"):
            yield Static(help_text())

    def action_dismiss_help(self) -> None:
        """Close the help page."""
        self.dismiss(None)
