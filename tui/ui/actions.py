"""Every action with its keys, as data: the key router, footer, F1 help and palette read it.

A *scope* names where keys apply; a widget declares the scopes it answers to
in ``KEY_SCOPES`` (innermost first). When a key arrives, ``tui.ui.keys`` walks
from the focused widget up to the screen and runs the first action bound to
that key in one of their scopes, on the nearest widget that has the action's
method. Keys terminals do not send reliably (ctrl+enter, ctrl+shift+…) are not
used.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it applies, its keys, and its name in Chinese and English."""

    scope: str
    keys: str  # comma-separated Textual key names
    action: str  # the action, e.g. "move_row(-1)"; runs ``action_move_row(-1)``
    zh: str
    en: str
    show: bool = True  # shown in the footer (always in help and palette)
    palette: bool = True  # offered in the command palette
    bar: str = ""  # the key bar's entry when it stands for a pair: "j/k 上下" (else key + zh)

    @property
    def key_list(self) -> tuple[str, ...]:
        """The keys, as Textual names them."""
        return tuple(k.strip() for k in self.keys.split(","))

    @property
    def key_display(self) -> str:
        """The first key as shown to a person (``ctrl+s`` → ``^s``)."""
        return key_label(self.key_list[0])

    @property
    def bar_entry(self) -> tuple[str, str]:
        """The keys and the name the key bar shows: ``("j/k", "上下")`` or ``("^s", "保存")``."""
        keys, _space, name = self.bar.partition(" ")
        return (keys, name) if self.bar else (self.key_display, self.zh)

    @property
    def method(self) -> str:
        """The name of the method that runs the action."""
        return "action_" + self.action.split("(", 1)[0]


_KEY_CAPS = {
    "equals_sign": "=",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "delete": "Del",
    "space": "空格",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "alt+up": "Alt+↑",
    "alt+down": "Alt+↓",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "minus": "-",
    "plus": "+",
}


def key_label(key: str) -> str:
    """A key as a person reads it: ``ctrl+s`` → ``^s``, ``escape`` → ``Esc``, ``f1`` → ``F1``."""
    if key in _KEY_CAPS:
        return _KEY_CAPS[key]
    if key.startswith("ctrl+"):
        return "^" + key[5:]
    if len(key) >= 2 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    return key


SCOPES = {
    "editor": "全局",
    "form": "输入栏",
    "header": "项目信息",
    "tree": "指标树",
    "row": "指标编辑",
    "funding": "资金",
    "goals": "目标",
    "problems": "问题列表",
    "export": "导出",
    "conflict": "合并冲突",
    "history": "历史",
    "stagelist": "自评与监控：列表",
    "stage": "自评与监控：输入栏",
    "monitoring": "监控",
    "workspace": "工作区",
}

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("editor", "ctrl+s", "save", "保存", "Save"),
    ActionSpec("editor", "f12", "save_as", "另存为", "Save as", show=False),
    ActionSpec("editor", "ctrl+z", "undo", "撤销", "Undo"),
    ActionSpec("editor", "ctrl+y", "redo", "重做", "Redo", show=False),
    ActionSpec("editor", "f1", "help", "帮助", "Help"),
    ActionSpec("editor", "f2", "panel('header')", "项目信息", "Header", show=False),
    ActionSpec("editor", "f3", "panel('funding')", "资金", "Funding", show=False),
    ActionSpec("editor", "f4", "panel('goals')", "目标", "Goals", show=False),
    ActionSpec("editor", "f5", "panel('indicators')", "指标", "Indicators", show=False),
    ActionSpec("editor", "f6", "panel('problems')", "问题", "Problems", show=False),
    ActionSpec("editor", "f7", "panel('export')", "导出", "Export", show=False),
    ActionSpec("editor", "f10", "panel('evaluation')", "自评", "Self-evaluation", show=False),
    ActionSpec("editor", "f11", "panel('monitoring')", "监控", "Monitoring", show=False),
    ActionSpec("editor", "f8", "next_problem", "下个问题", "Next problem"),
    ActionSpec("editor", "f9", "previous_problem", "上个问题", "Previous problem", show=False),
    ActionSpec("editor", "ctrl+o", "workspace", "表格列表", "Table list", show=False),
    ActionSpec(
        "editor", "ctrl+r", "resolve_conflicts", "解决冲突", "Resolve conflicts", show=False
    ),
    ActionSpec("editor", "ctrl+l", "history", "历史", "History (git)", show=False),
    ActionSpec("editor", "ctrl+p", "palette", "命令", "Commands", show=False, palette=False),
    ActionSpec("editor", "ctrl+x", "apply_fix", "自动修正", "Apply the quick fix"),
    ActionSpec("editor", "ctrl+q", "quit_editor", "退出", "Quit"),
    ActionSpec(
        "header", "space", "switch_framework", "切换指标体系", "Switch framework", show=False
    ),  # on 指标体系 (typed elsewhere, a space is a space: the form reads it first)
    ActionSpec("form", "tab", "next_field", "下一栏", "Next field", show=False),
    ActionSpec("form", "shift+tab", "previous_field", "上一栏", "Previous field", show=False),
    ActionSpec("form", "enter", "next_field", "下一栏", "Next field", show=False),
    ActionSpec("tree", "a,ctrl+n", "add_row", "新增", "Add row"),
    ActionSpec("tree", "enter", "edit_row", "编辑", "Edit row"),
    ActionSpec("tree", "r", "rename_group", "改名", "Rename group", show=False),
    ActionSpec("tree", "d", "duplicate_row", "复制行", "Duplicate row", show=False),
    ActionSpec("tree", "x,delete", "delete_row", "删除", "Delete row"),
    ActionSpec("tree", "K,alt+up", "move_row(-1)", "上移", "Move up", show=False),
    ActionSpec("tree", "J,alt+down", "move_row(1)", "下移", "Move down", show=False),
    ActionSpec("tree", "equals_sign", "copy_to_annual", "中期→年度", "Copy to annual", show=False),
    ActionSpec("tree", "j,down", "cursor_down", "下一行", "Down", show=False, palette=False),
    ActionSpec("tree", "k,up", "cursor_up", "上一行", "Up", show=False, palette=False),
    ActionSpec("tree", "pagedown", "page_down", "下半页", "Half page down", show=False),
    ActionSpec("tree", "pageup", "page_up", "上半页", "Half page up", show=False),
    ActionSpec("tree", "home,g", "cursor_first", "第一行", "First", show=False, palette=False),
    ActionSpec("tree", "end,G", "cursor_last", "最后一行", "Last", show=False, palette=False),
    ActionSpec("tree", "space", "toggle_group", "折叠/展开", "Fold group", show=False),
    ActionSpec(
        "tree", "tab,shift+tab", "to_form", "编辑栏", "To the row editor", show=False, palette=False
    ),
    ActionSpec("row", "enter", "quick_next", "下一栏", "Next field (quick entry)", show=False),
    ActionSpec("row", "ctrl+n", "add_row", "新增下一行", "Next row"),
    ActionSpec("row", "ctrl+t", "copy_to_annual", "中期→年度", "Copy to annual"),
    ActionSpec("row", "escape", "back_to_tree", "返回指标树", "Back to tree"),
    ActionSpec("funding", "ctrl+g", "total_to_sum", "总额=合计", "Total = sum"),
    ActionSpec(
        "goals", "tab,enter", "next_widget", "下一栏", "Next field", show=False, palette=False
    ),
    ActionSpec(
        "goals",
        "shift+tab",
        "previous_widget",
        "上一栏",
        "Previous field",
        show=False,
        palette=False,
    ),
    ActionSpec("problems", "enter", "jump_to_problem", "跳转", "Go to field"),
    ActionSpec(
        "problems", "j,down", "cursor_down", "下一行", "Down", palette=False, bar="j/k 上下"
    ),
    ActionSpec("problems", "k,up", "cursor_up", "上一行", "Up", show=False, palette=False),
    ActionSpec("problems", "pagedown", "page_down", "下一页", "Page down", show=False),
    ActionSpec("problems", "pageup", "page_up", "上一页", "Page up", show=False),
    ActionSpec("problems", "home,g", "first", "第一行", "First", palette=False, bar="g/G 首尾"),
    ActionSpec("problems", "end,G", "last", "最后一行", "Last", show=False, palette=False),
    ActionSpec("export", "f", "toggle_format", "切换格式", "Toggle txt/md"),
    ActionSpec("export", "w", "write_export", "写入文件", "Write to file"),
    ActionSpec("export", "c", "copy_export", "复制", "Copy (OSC 52)"),
    # The preview scrolls whichever widget has the focus (at 80 columns it is wider); the
    # key bar keeps F8 at 80 columns, F1 lists these.
    ActionSpec(
        "export", "j,down", "scroll_preview(0,1)", "下移", "Scroll down", show=False, palette=False
    ),
    ActionSpec(
        "export", "k,up", "scroll_preview(0,-1)", "上移", "Scroll up", show=False, palette=False
    ),
    ActionSpec(
        "export",
        "l,right",
        "scroll_preview(8,0)",
        "右移",
        "Scroll right",
        show=False,
        palette=False,
    ),
    ActionSpec(
        "export", "h,left", "scroll_preview(-8,0)", "左移", "Scroll left", show=False, palette=False
    ),
    ActionSpec(
        "export",
        "pagedown",
        "scroll_preview(0,10)",
        "下一页",
        "Page down",
        show=False,
        palette=False,
    ),
    ActionSpec(
        "export", "pageup", "scroll_preview(0,-10)", "上一页", "Page up", show=False, palette=False
    ),
    ActionSpec("conflict", "m", "take('mine')", "用我的", "Take mine"),
    ActionSpec("conflict", "t", "take('theirs')", "用对方的", "Take theirs"),
    ActionSpec("conflict", "b", "take('base')", "用原值", "Take base"),
    ActionSpec("conflict", "escape", "leave", "其余留作冲突记录", "Leave the rest as records"),
    ActionSpec("history", "j,down", "move(1)", "下一提交", "Next commit"),
    ActionSpec("history", "k,up", "move(-1)", "上一提交", "Previous commit"),
    ActionSpec("history", "pagedown,space", "scroll_diff(1)", "下翻", "Scroll down"),
    ActionSpec("history", "pageup", "scroll_diff(-1)", "上翻", "Scroll up", show=False),
    ActionSpec("history", "h", "compare_head", "当前与HEAD比较", "Buffer vs HEAD"),
    ActionSpec("history", "f1", "help", "帮助", "Help"),
    ActionSpec("history", "escape,q", "close", "返回", "Back"),
    ActionSpec("stagelist", "enter,tab,shift+tab", "edit_entry", "编辑", "Edit"),
    ActionSpec("stagelist", "j,down", "cursor_down", "下一行", "Down", show=False, palette=False),
    ActionSpec("stagelist", "k,up", "cursor_up", "上一行", "Up", show=False, palette=False),
    ActionSpec("stagelist", "pagedown", "page_down", "下半页", "Half page down", show=False),
    ActionSpec("stagelist", "pageup", "page_up", "上半页", "Half page up", show=False),
    ActionSpec("stagelist", "home,g", "cursor_first", "第一行", "First", show=False, palette=False),
    ActionSpec("stagelist", "end,G", "cursor_last", "最后一行", "Last", show=False, palette=False),
    ActionSpec("stage", "escape", "back_to_list", "返回列表", "Back to list", palette=False),
    ActionSpec("stage", "pagedown", "next_entry(1)", "下一行", "Next row", palette=False),
    ActionSpec("stage", "pageup", "next_entry(-1)", "上一行", "Previous row", palette=False),
    ActionSpec("monitoring", "left_square_bracket,minus", "month(-1)", "上月", "Previous month"),
    ActionSpec("monitoring", "right_square_bracket,plus", "month(1)", "下月", "Next month"),
    ActionSpec("workspace", "enter", "open_table", "打开", "Open"),
    ActionSpec("workspace", "j,down", "cursor_down", "下一行", "Down", show=False, palette=False),
    ActionSpec("workspace", "k,up", "cursor_up", "上一行", "Up", show=False, palette=False),
    ActionSpec("workspace", "n", "new_table", "新建表格", "New table"),
    ActionSpec("workspace", "f1", "help", "帮助", "Help"),
    ActionSpec("workspace", "ctrl+p", "palette", "命令", "Commands", show=False, palette=False),
    ActionSpec("workspace", "ctrl+q", "quit_workspace", "退出", "Quit"),
)

_BY_SCOPE: dict[str, dict[str, ActionSpec]] = {}
for _spec in ACTIONS:
    for _key in _spec.key_list:
        _BY_SCOPE.setdefault(_spec.scope, {}).setdefault(_key, _spec)


def lookup(scope: str, key: str) -> ActionSpec | None:
    """The action bound to ``key`` in ``scope``, if any."""
    return _BY_SCOPE.get(scope, {}).get(key)


def bindings(scope: str) -> list[BindingType]:
    """Textual bindings of one scope, for the footer (keys are routed by ``tui.ui.keys``)."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.zh,
            show=spec.show,
            key_display=spec.key_display,
            tooltip=spec.en,
        )
        for spec in ACTIONS
        if spec.scope == scope
    ]
