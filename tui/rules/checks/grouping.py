"""T010: the rows of one 一级 and of one 二级 stand together, as the printed form needs them.

The editor's tree and every export group rows by their labels, but the form
prints rows in file order, merging the 一级/二级 cells of neighbouring rows: a
row of 产出指标 › 数量指标 standing after the 效益 rows would print 产出 twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.rules.context import Labels
from tui.rules.engine import Example, Hit, rule


@rule(
    "T010",
    "warning",
    "同一分组的指标行不相邻",
    "rows of one group are not together",
    why="表格按文件中的顺序打印，一级、二级单元格合并相邻的行；同一分组的行若被其他分组隔开，"
    "打印出来同一个一级或二级会出现两次（the form prints rows in file order and merges the "
    "level cells of neighbouring rows; a group split by another prints twice）。",
    fires=[
        Example(
            {
                "+1.level1": "产出指标",
                "+1.level2": "数量指标",
                "+1.name": "培训人次",
                "+1.medium": "≥200人",
                "+1.annual": "≥100人",
            },
            at="+1.level2",
        )
    ],
    passes=[
        Example(
            {
                "+1.level1": "满意度指标",
                "+1.level2": "服务对象满意度指标",
                "+1.name": "受训人员满意度",
                "+1.medium": "≥90%",
                "+1.annual": "≥90%",
            }
        )
    ],
    on_labels=True,
)
def groups_together(labels: Labels) -> Iterator[Hit]:
    """Each 一级 and each 二级 (within its 一级) occupies one run of consecutive rows."""
    first_l1: dict[str, int] = {}
    first_l2: dict[tuple[str, str], int] = {}
    previous: tuple[str, str] | None = None
    for info in labels.rows:
        group = (info.level1, info.level2)
        split_l2 = group != previous and group in first_l2
        split_l1 = previous is not None and info.level1 != previous[0] and info.level1 in first_l1
        if split_l2 or split_l1:
            key = "level2" if split_l2 else "level1"
            first = first_l2[group] if split_l2 else first_l1[info.level1]
            where = f"{info.level1} › {info.level2}"
            yield Hit(
                ("indicators", info.index, key),
                f"“{where}”的行被其他分组隔开（应与第{first + 1}行相邻）",
                f"this row's group is split by another (keep it next to row {first + 1})",
                (("indicators", first, key),),
            )
        first_l1.setdefault(info.level1, info.index)
        first_l2.setdefault(group, info.index)
        previous = group
