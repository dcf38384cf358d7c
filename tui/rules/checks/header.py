"""H: the header block — the fields the official form asks of every project."""

from __future__ import annotations

from collections.abc import Iterator

from tui.fields import field_of
from tui.rules.context import Context
from tui.rules.engine import Example, Hit, family, rule

family("H", "表头（header）")

# The header fields every form has a box for (项目期 is P001's, with its own reasons).
FORM_FIELDS = ("name", "department", "implementer", "attribute")


@rule(
    "H001",
    "warning",
    "表头必填项空白",
    "header field is blank",
    why="项目名称、主管部门、实施单位、项目属性是绩效目标表表头的必填栏；空着的表无法归档，"
    "导入后没有名称的表还会以“未命名项目”保存（the form asks every project for its name, "
    "department, implementing unit and attribute; a table without them cannot be filed, and an "
    "imported table without a name is saved as 未命名项目）。",
    fires=[
        Example({"project.name": ""}, at="project.name"),
        Example({"project.implementer": " "}, at="project.implementer"),
    ],
    passes=[Example({"project.attribute": "经常性项目"})],
)
def header_filled(ctx: Context) -> Iterator[Hit]:
    """项目名称, 主管部门, 实施单位 and 项目属性 are filled in."""
    for key in FORM_FIELDS:
        value = getattr(ctx.table.header, key)
        if not (isinstance(value, str) and value.strip()):
            field = field_of(("project", key))
            yield Hit(("project", key), f"{field.zh}空白", f"{field.en} is blank")
