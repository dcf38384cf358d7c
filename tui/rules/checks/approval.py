"""A: targets changed after the table was approved (compared with its approved version in git)."""

from __future__ import annotations

from collections.abc import Iterator

from tui.rules.context import Context, short
from tui.rules.engine import Example, Hit, family, rule

family(
    "A",
    "批复后修改（changes after approval）",
    'A table marks its approval with `[project] approved = "…"` (a date or a document\n'
    "number). The version approved is the commit in git where that mark was set\n"
    "(`jixiao diff --approved FILE` shows it whole); these rules compare the targets\n"
    "with it. A file outside git, or whose mark is not committed yet, has no approved\n"
    "version and is not compared. `jixiao check` and the workspace look the version\n"
    "up once per file and repository state, the editor when the file is opened, saved\n"
    "or its mark changes. In the examples, the approved version is the base table with\n"
    "the edits given after “批复版本”.",
)
_MARK = {"project.approved": "2021-03-15"}


@rule(
    "A001",
    "warning",
    "批复后修改了目标",
    "target changed after approval",
    why="批复后的绩效目标不应悄悄改动：调整须走调整程序，并让审核人看到改了什么"
    "（approved targets must not change silently: an adjustment goes through its own "
    "procedure, and reviewers need to see what changed）。",
    fires=[
        Example(
            {**_MARK, "资格认证率.annual": "≥85%"},
            at="资格认证率.annual",
            approved=_MARK,
            note="批复后降低了年度值（lowered after approval）",
        ),
        Example(
            {**_MARK, "goals.annual": "本年度举办3场退休人员文体活动。"},
            at="goals.annual",
            approved=_MARK,
        ),
        Example(
            {**_MARK, "+1.level1": "产出指标", "+1.level2": "数量指标", "+1.name": "培训人次"},
            at="+1.name",
            approved=_MARK,
            note="批复后新增一行（a row added）",
        ),
        Example(
            {**_MARK, "设备采购成本": None},
            at="project.approved",
            approved=_MARK,
            note="批复后删除一行，报告于批复栏（a row removed: reported at the mark）",
        ),
    ],
    passes=[
        Example(
            {**_MARK, "project.implementer": "六安市社保中心", "资格认证率.actual": "96%"},
            approved=_MARK,
            note="改的不是目标（not a target）",
        ),
        Example(
            {**_MARK, "资格认证率.annual": "≥85%"},
            note="批复标记尚未提交，git 中没有批复版本（the mark is not committed yet）",
        ),
    ],
)
def changed_after_approval(ctx: Context) -> Iterator[Hit]:
    """A target — a row's 一级/二级/三级 names, 指标值, nature, unit or weight, the goals, or
    a whole row added or removed — that differs from the table's approved version in git."""
    if ctx.approved is None:
        return
    # Imported here: tui.history.diff reads row kinds from tui.rules.context, so importing
    # it first loads every rule module, this one included.
    from tui.history.diff import diff_tables
    from tui.history.report import field_label, value_text

    diff = diff_tables(ctx.approved, ctx.table)
    en = "target changed after approval"
    for change in diff.cell_changes():
        if change.after_approval:
            lowered = "，目标降低" if change.lowered else ""
            old, new = short(value_text(change.old), 16), short(value_text(change.new), 16)
            zh = f"批复后修改了{field_label(change.ref)}：“{old}”→“{new}”"
            yield Hit(change.ref, zh + lowered, en + ("; target lowered" if lowered else ""))
    for row in diff.rows:
        if not row.after_approval:
            continue
        if row.new_index is not None:
            yield Hit(
                ("indicators", row.new_index, "name"),
                "批复后新增的指标行",
                "row added after approval",
            )
        else:
            name = short(str(row.row.name or ""), 16)
            yield Hit(
                ("project", "approved"),
                f"批复后删除了指标行“{name}”（批复时第{(row.old_index or 0) + 1}行）",
                "row removed after approval",
            )
