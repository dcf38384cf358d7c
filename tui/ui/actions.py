"""Every editor action with its key, as data: bindings, footer, F1 help and palette read it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it applies, its keys, and its name in Chinese and English."""

    scope: str
    keys: str
    action: str
    zh: str
    en: str
    show: bool = True
    priority: bool = True  # run before later keys of a burst are delivered

    @property
    def key_display(self) -> str:
        """The first key, as shown to a person (``ctrl+s`` → ``^s``)."""
        return key_label(self.keys.split(",")[0])


def key_label(key: str) -> str:
    """A key as a person reads it: ``ctrl+s`` → ``^s``, ``equals_sign`` → ``=``."""
    return {"equals_sign": "="}.get(key, key.replace("ctrl+", "^"))


SCOPES = {
    "editor": "全局（Global）",
    "field": "输入栏（Fields）",
    "tree": "指标树（Indicator tree）",
    "row": "指标编辑（Row editor）",
    "funding": "资金（Funding）",
    "problems": "问题（Problems）",
    "export": "导出（Export）",
    "workspace": "工作区（Workspace）",
}

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("editor", "ctrl+s", "save", "保存", "Save"),
    ActionSpec("editor", "ctrl+z", "undo", "撤销", "Undo"),
    ActionSpec("editor", "ctrl+y", "redo", "重做", "Redo", show=False),
    ActionSpec("editor", "f1", "help", "帮助", "Help"),
    ActionSpec("editor", "f2", "panel('header')", "项目信息", "Header", show=False),
    ActionSpec("editor", "f3", "panel('funding')", "资金", "Funding", show=False),
    ActionSpec("editor", "f4", "panel('goals')", "目标", "Goals", show=False),
    ActionSpec("editor", "f5", "panel('indicators')", "指标", "Indicators", show=False),
    ActionSpec("editor", "f6", "panel('problems')", "问题", "Problems", show=False),
    ActionSpec("editor", "f7", "panel('export')", "导出", "Export", show=False),
    ActionSpec("editor", "f8", "next_problem", "下个问题", "Next problem"),
    ActionSpec("editor", "f9", "prev_problem", "上一问题", "Previous problem", show=False),
    ActionSpec("editor", "ctrl+o", "workspace", "工作区", "Workspace", show=False),
    ActionSpec("editor", "ctrl+q", "quit_editor", "退出", "Quit"),
    ActionSpec("field", "enter", "screen.submit_field", "下一栏", "Next field", show=False),
    ActionSpec("field", "tab", "screen.next_field", "下一栏", "Next field", show=False),
    ActionSpec("field", "shift+tab", "screen.previous_field", "上一栏", "Prev. field", show=False),
    ActionSpec("tree", "a,ctrl+n", "screen.add_row", "新增", "Add row"),
    ActionSpec("tree", "enter", "screen.edit_row", "编辑", "Edit", show=False),
    ActionSpec("tree", "d", "screen.duplicate_row", "复制行", "Duplicate", show=False),
    ActionSpec("tree", "x,delete", "screen.delete_row", "删除", "Delete"),
    ActionSpec("tree", "K,alt+up", "screen.move_row(-1)", "上移", "Move up", show=False),
    ActionSpec("tree", "J,alt+down", "screen.move_row(1)", "下移", "Move down", show=False),
    ActionSpec(
        "tree", "equals_sign", "screen.copy_to_annual", "中期→年度", "Copy to annual", show=False
    ),
    ActionSpec("tree", "j", "cursor_down", "下", "Down", show=False, priority=False),
    ActionSpec("tree", "k", "cursor_up", "上", "Up", show=False, priority=False),
    ActionSpec("row", "ctrl+n", "screen.add_row", "新增下一行", "Next row"),
    ActionSpec("row", "ctrl+t", "screen.copy_to_annual", "中期→年度", "Copy to annual"),
    ActionSpec("row", "escape", "screen.back_to_tree", "返回指标树", "Back to tree"),
    ActionSpec("funding", "ctrl+g", "screen.total_to_sum", "总额=合计", "Total = sum"),
    ActionSpec("problems", "enter", "screen.jump_to_problem", "跳转", "Jump", show=False),
    ActionSpec("export", "f", "screen.toggle_format", "切换格式", "Toggle txt/md"),
    ActionSpec("export", "w", "screen.write_export", "写入文件", "Write file"),
    ActionSpec("export", "c", "screen.copy_export", "复制", "Copy (OSC 52)"),
    ActionSpec("workspace", "enter", "open_table", "打开", "Open"),
    ActionSpec("workspace", "ctrl+q", "quit_workspace", "退出", "Quit"),
    ActionSpec("workspace", "f1", "help", "帮助", "Help"),
)


def bindings(scope: str) -> list[Binding]:
    """The Textual bindings of one scope, built from ``ACTIONS``."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.zh,
            show=spec.show,
            priority=spec.priority,
            key_display=spec.key_display,
            tooltip=spec.en,
        )
        for spec in ACTIONS
        if spec.scope == scope
    ]
