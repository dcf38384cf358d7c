"""What the 自评 and 监控 panels share: a heading, a list of entries, the form of the entry.

The list (``StageList``) holds one entry per indicator row, and for the
self-evaluation the budget-execution block and the closing texts too; the form
below shows the entry under the cursor and follows it at once. Enter on the
list goes to the form, Esc back to the list, PgDn/PgUp in the form to the next
or previous entry (the same field where it has one). Every change of a field
goes through ``Editor.apply_edit``; the check result comes back through
``show_result``, with the S rules' problems under the fields and a mark per row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Static

from tui.checking import CheckResult
from tui.fields import FieldRef
from tui.rules import Problem
from tui.rules.engine import worst_severity
from tui.ui.actions import bindings
from tui.ui.editor_api import Editor
from tui.ui.text import SEVERITY_MARK
from tui.ui.widgets.form import Form, Key
from tui.ui.widgets.stage_list import StageList


def mark(severity: str | None) -> Text:
    """The two cells before an entry: its worst problem's mark, or blanks.

    Styles are spans, not the ``Text``'s own style: a line-API widget renders
    the spans only.
    """
    symbol, style = SEVERITY_MARK.get(severity or "", (" ", ""))
    return Text().append(symbol + " ", style)


def dim(text: str) -> Text:
    """A label, muted (as a span, see ``mark``)."""
    return Text().append(text, "dim")


class Banner(Static):
    """A line or two of text above the list, repainted only when the text changes."""

    def __init__(self, *, classes: str) -> None:
        super().__init__("", classes=classes, markup=False)
        self.shown = Text()

    def show(self, text: Text) -> None:
        """Show ``text`` (a change of style counts)."""
        if text != self.shown or text.spans != self.shown.spans:
            self.shown = text
            self.update(text, layout=False)


class StageForm(Form):
    """A form of a stage panel: Esc back to the list, PgDn/PgUp to the next or previous entry."""

    KEY_SCOPES = ("stage", "form")
    BINDINGS = bindings("stage")


class StagePanel(Container):
    """A list of entries above the form of the entry under the cursor (see the module doc)."""

    LIST_SCOPES: tuple[str, ...] = ()  # the panel's own keys on its list

    def __init__(self, editor: Editor, forms: Mapping[str, Form], *, id: str) -> None:
        super().__init__(id=id)
        self.editor = editor
        self.heading = Banner(classes="stage-heading")
        self.columns = Banner(classes="stage-columns")
        self.row_list = StageList(
            self.draw_entry, self.entry_moved, scopes=self.LIST_SCOPES, id=f"{id}-list"
        )
        self.forms = dict(forms)
        for form in self.forms.values():  # leaving a field ends its typing run
            form.on_leave = lambda _key: editor.session.break_coalescing()
        self.kind = next(iter(forms))
        self.uids: dict[int, int] = {}  # row uid → row index

    def compose(self) -> ComposeResult:
        yield self.heading
        yield self.columns
        yield self.row_list
        yield from self.forms.values()

    def on_mount(self) -> None:
        """Only the form of the first kind of entry is shown."""
        for kind, form in self.forms.items():
            form.display = kind == self.kind

    def on_resize(self) -> None:
        """Column titles and aligned texts follow the width."""
        if self.row_list.entries:
            self.show_details(self.editor.result)

    # -- what a panel defines ------------------------------------------------
    def entries(self, result: CheckResult) -> list[tuple[Hashable, tuple]]:
        """The list's entries: ``(key, label)``."""
        raise NotImplementedError

    def draw_entry(self, label: tuple, width: int) -> Text:
        """One entry's line, ``width`` cells wide."""
        raise NotImplementedError

    def kind_of(self, key: Hashable) -> str:
        """Which form shows entry ``key`` (a key of ``forms``)."""
        return "row"

    def ref_of(self, key: Key) -> FieldRef | None:
        """The field reference of form field ``key`` for the entry under the cursor."""
        raise NotImplementedError

    def values(self) -> dict[Key, str]:
        """The current form's values for the entry under the cursor."""
        raise NotImplementedError

    def show_details(self, result: CheckResult) -> None:
        """The heading, the column titles and the form's text lines."""
        raise NotImplementedError

    # -- the model and the checks -------------------------------------------
    @property
    def form(self) -> Form:
        """The form shown now."""
        return self.forms[self.kind]

    def row_index(self) -> int | None:
        """The index of the indicator row under the cursor, if the cursor is on one."""
        key = self.row_list.cursor_key
        if isinstance(key, tuple) and key[:1] == ("row",):
            return self.uids.get(key[1])
        return None

    def sync_entries(self, result: CheckResult) -> None:
        """Rebuild the entries from the model; the form follows a moved or removed entry."""
        self.uids = {row.uid: i for i, row in enumerate(self.editor.session.table.indicators)}
        self.row_list.show(self.entries(result))
        self.switch_form(self.kind_of(self.row_list.cursor_key))

    def switch_form(self, kind: str) -> None:
        """Show the form of ``kind`` (focus moves with it)."""
        if kind == self.kind:
            return
        had_focus = self.screen.focused is self.form  # (has_focus follows a later event)
        self.form.display = False
        self.kind = kind
        self.form.display = True
        if had_focus:
            self.screen.set_focus(self.form)

    def reload(self) -> None:
        """Show the model's values of the entry under the cursor (a rejected input as typed)."""
        self.sync_entries(self.editor.result)
        self.form.disabled = self.row_list.cursor_key is None
        held = self.editor.session.invalid
        values = self.values().items()
        self.form.load({key: held.get(tuple(self.ref_of(key) or ()), v) for key, v in values})

    def show_result(self, result: CheckResult) -> None:
        """Marks in the list, problems under the fields, the heading and the texts.

        A problem is shown under its own field and under the fields it names as
        related (S006 on 执行率偏差原因 is seen while the 执行数 is typed).
        """
        self.sync_entries(result)
        problems: dict[Key, list[Problem]] = {}
        invalid: dict[Key, str] = {}
        fields = {self.ref_of(key): key for key in self.form.order}
        fields.pop(None, None)
        for problem in result.problems:  # under its field, and under the fields it concerns
            keys = {fields.get(tuple(ref)) for ref in (problem.ref, *problem.related)}
            for key in keys - {None}:
                problems.setdefault(key, []).append(problem)
        for ref, text in self.editor.session.invalid.items():
            if tuple(ref) in fields:
                invalid[fields[tuple(ref)]] = text
        self.form.show_problems(problems, invalid)
        self.show_details(result)

    def row_marks(self, result: CheckResult, shows: Callable[[tuple], bool]) -> dict[int, str]:
        """Per row index, the worst severity of the S rules' problems on fields ``shows`` keeps."""
        worst: dict[int, str] = {}
        for problem in result.problems:
            ref = tuple(problem.ref)
            if problem.code.startswith("S") and ref[0] == "indicators" and shows(ref):
                worst[ref[1]] = worst_severity((worst.get(ref[1]), problem.severity)) or ""
        return worst

    def form_edited(self, key: Key, text: str) -> None:
        """A field of the form changed: apply it to the entry under the cursor."""
        ref = self.ref_of(key)
        if ref is not None:
            self.editor.apply_edit(ref, text)

    # -- moving --------------------------------------------------------------
    def entry_moved(self, key: Hashable) -> None:
        """The cursor moved: the form shows the new entry at once."""
        self.switch_form(self.kind_of(key))
        self.form.disabled = False
        self.form.load(self.values())
        self.show_result(self.editor.result)

    def select(self, key: Hashable, field: Key | None = None) -> None:
        """Put the cursor on entry ``key``; with ``field``, edit that field."""
        if self.row_list.cursor_key != key:
            self.row_list.select(key)
        if field is not None and field in self.form.state:
            self.form.focus_field(field)
            self.screen.set_focus(self.form)

    def action_edit_entry(self) -> None:
        """Enter on the list: edit the entry's fields."""
        if self.row_list.cursor_key is not None:
            self.screen.set_focus(self.form)

    def action_back_to_list(self) -> None:
        """Esc in the form: back to the list."""
        self.screen.set_focus(self.row_list)

    def action_next_entry(self, delta: int) -> None:
        """PgDn/PgUp in the form: the next or previous entry, the same field if it has one."""
        field = self.form.current
        self.row_list.move_to(self.row_list.cursor + delta)
        target = field if field in self.form.state else self.form.order[0]
        self.form.focus_field(target)
        self.screen.set_focus(self.form)
