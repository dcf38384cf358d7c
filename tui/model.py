"""The in-memory model of one 项目支出预算绩效目标表 (one project, one file).

Plain dataclasses, no I/O and no terminal code. Money is ``Decimal`` exactly as
written in the file (``103.00`` stays ``103.00``); a blank cell is ``None``.

The fields, their kinds, labels and order are described once, in ``tui.fields``;
the key tuples below come from there. Rules report problems against field
references (``tui.fields.FieldRef``); the locator turns them into file lines and
the editor into widgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from tui.fields import COLUMNS, FieldRef, keys
from tui.frameworks import DEFAULT_FRAMEWORK

__all__ = ["COLUMNS", "DEFAULT_FRAMEWORK", "FieldRef"]

FORMAT_VERSION = 1
HEADER_KEYS = keys("project")
AMOUNT_KEYS = keys("funding")
GOAL_KEYS = keys("goals")
ROW_KEYS = keys("indicators")

_uids = itertools.count(1)


def new_uid() -> int:
    """A process-unique id for an indicator row (not stored in the file)."""
    return next(_uids)


@dataclass
class Header:
    """项目信息: the header block of the form."""

    name: str = ""  # 项目名称
    department: str = ""  # 主管部门
    department_code: str = ""  # 主管部门代码
    implementer: str = ""  # 实施单位
    attribute: str = ""  # 项目属性
    period: str = ""  # 项目期
    approved: str | None = None  # 批复: when (or by which document) the targets were approved
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Amounts:
    """One column of the funding block, in 万元. ``None`` is a blank cell."""

    total: Decimal | None = None  # 资金总额
    fiscal: Decimal | None = None  # 其中：财政拨款
    other: Decimal | None = None  # 其他资金
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Funding:
    """项目资金: the 中期 (medium-term) and 年度 (annual) columns."""

    medium: Amounts = field(default_factory=Amounts)
    annual: Amounts = field(default_factory=Amounts)
    extra: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> Amounts:
        """The ``Amounts`` of column ``"medium"`` or ``"annual"``."""
        return self.medium if name == "medium" else self.annual


@dataclass
class Goals:
    """总体目标: 中期目标 with its own stated period, and 年度目标."""

    medium_period: str = ""  # the years written in "中期目标(2020-2022)"
    medium: str = ""
    annual: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Indicator:
    """One 三级 row of the indicator block, with its 中期 and 年度 values.

    ``annual_name`` is ``None`` when the 年度 column carries the same 三级 name
    as the 中期 column (the usual case); the seed shows rows where it differs.
    """

    level1: str = ""  # 一级指标
    level2: str = ""  # 二级指标
    name: str = ""  # 三级指标 (中期 column)
    medium: str = ""  # 中期指标值
    annual: str = ""  # 年度指标值
    annual_name: str | None = None  # 三级指标 in the 年度 column, when different
    nature: str | None = None  # 指标性质
    unit: str | None = None  # 度量单位
    weight: Decimal | None = None  # 权重
    basis: str | None = None  # 指标值设定依据
    explanation: str | None = None  # 指标解释 / 指标值说明
    remark: str | None = None  # 备注
    extra: dict[str, Any] = field(default_factory=dict)
    uid: int = field(default_factory=new_uid, compare=False, repr=False)

    @property
    def effective_annual_name(self) -> str:
        """The 三级 name shown in the 年度 column."""
        return self.name if self.annual_name is None else self.annual_name

    def copy(self, *, keep_uid: bool = True) -> Indicator:
        """A copy of this row; a fresh uid unless ``keep_uid``."""
        new = replace(self, extra=dict(self.extra))
        new.uid = self.uid if keep_uid else new_uid()
        return new


@dataclass
class Table:
    """One project: the whole 绩效目标表 as stored in one ``.toml`` file."""

    format: int = FORMAT_VERSION
    year: int | None = None
    framework: str = DEFAULT_FRAMEWORK
    header: Header = field(default_factory=Header)
    funding: Funding = field(default_factory=Funding)
    goals: Goals = field(default_factory=Goals)
    indicators: list[Indicator] = field(default_factory=list)
    check: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def get(self, ref: FieldRef) -> Any:
        """The value a field reference points to (``None`` when absent)."""
        head = ref[0]
        if head in ("format", "year", "framework"):
            return getattr(self, head)
        if head == "project":
            return getattr(self.header, ref[1])
        if head == "funding":
            return getattr(self.funding.column(ref[1]), ref[2])
        if head == "goals":
            return getattr(self.goals, ref[1])
        if head == "indicators":
            return getattr(self.indicators[ref[1]], ref[2])
        raise KeyError(ref)

    def set(self, ref: FieldRef, value: Any) -> None:
        """Set the value a field reference points to."""
        head = ref[0]
        if head in ("format", "year", "framework"):
            setattr(self, head, value)
        elif head == "project":
            setattr(self.header, ref[1], value)
        elif head == "funding":
            setattr(self.funding.column(ref[1]), ref[2], value)
        elif head == "goals":
            setattr(self.goals, ref[1], value)
        elif head == "indicators":
            setattr(self.indicators[ref[1]], ref[2], value)
        else:
            raise KeyError(ref)

    def field_refs(self) -> Iterator[FieldRef]:
        """Every field of the schema outside the rows, in canonical order."""
        for key in keys(""):
            yield (key,)
        for key in HEADER_KEYS:
            yield ("project", key)
        for col in COLUMNS:
            for key in AMOUNT_KEYS:
                yield ("funding", col, key)
        for key in GOAL_KEYS:
            yield ("goals", key)

    def clone(self) -> Table:
        """A deep copy that keeps indicator uids (used for undo snapshots)."""
        return Table(
            format=self.format,
            year=self.year,
            framework=self.framework,
            header=replace(self.header, extra=dict(self.header.extra)),
            funding=Funding(
                medium=replace(self.funding.medium, extra=dict(self.funding.medium.extra)),
                annual=replace(self.funding.annual, extra=dict(self.funding.annual.extra)),
                extra=dict(self.funding.extra),
            ),
            goals=replace(self.goals, extra=dict(self.goals.extra)),
            indicators=[row.copy() for row in self.indicators],
            check=dict(self.check),
            extra=dict(self.extra),
        )


@dataclass
class Level2Node:
    """A 二级 group of the derived tree: its name and the row indexes under it."""

    name: str
    rows: list[int] = field(default_factory=list)


@dataclass
class Level1Node:
    """A 一级 group of the derived tree."""

    name: str
    children: list[Level2Node] = field(default_factory=list)


def indicator_tree(rows: list[Indicator]) -> list[Level1Node]:
    """Group rows into 一级 → 二级 → 三级, each level in first-appearance order."""
    tree: list[Level1Node] = []
    by_l1: dict[str, Level1Node] = {}
    by_l2: dict[tuple[str, str], Level2Node] = {}
    for index, row in enumerate(rows):
        l1 = by_l1.get(row.level1)
        if l1 is None:
            l1 = by_l1[row.level1] = Level1Node(row.level1)
            tree.append(l1)
        l2 = by_l2.get((row.level1, row.level2))
        if l2 is None:
            l2 = by_l2[(row.level1, row.level2)] = Level2Node(row.level2)
            l1.children.append(l2)
        l2.rows.append(index)
    return tree
