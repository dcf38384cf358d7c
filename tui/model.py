"""The in-memory model of one 项目支出预算绩效目标表 (one project, one file).

Plain dataclasses, no I/O and no terminal code. Money is ``Decimal`` exactly as
written in the file (``103.00`` stays ``103.00``); a blank cell is ``None``.

The fields, their kinds, labels and order are described once, in ``tui.fields``;
the key tuples below come from there. Rules report problems against field
references (``tui.fields.FieldRef``); the locator turns them into file lines and
the editor into widgets.

The year after the targets lives in the same table (``docs/lifecycle.md``):
``Table.stage`` and ``Table.profile``; per row the self-evaluation
(``actual``, ``score``, ``deviation``) and ``monitoring`` (month → ``Monitoring``);
``Table.execution`` (预算执行情况) and ``Table.evaluation`` (评价结论 …). A table
without them is exactly a target table.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from tui.fields import COLUMNS, SOURCES, FieldRef, keys
from tui.frameworks import DEFAULT_FRAMEWORK

__all__ = ["COLUMNS", "DEFAULT_FRAMEWORK", "FieldRef"]

FORMAT_VERSION = 1
HEADER_KEYS = keys("project")
AMOUNT_KEYS = keys("funding")
GOAL_KEYS = keys("goals")
ROW_KEYS = keys("indicators")
RESULT_KEYS = keys("result")
MONITOR_KEYS = keys("monitoring")
EXECUTION_KEYS = keys("execution")
BUDGET_KEYS = keys("budget")
EVALUATION_KEYS = keys("evaluation")
TOP_KEYS = keys("")

_uids = itertools.count(1)


def _copied(values: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of unknown keys (nested tables such as merge conflict records included)."""
    return copy.deepcopy(values) if values else {}


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
class Monitoring:
    """运行监控 of one row at one month: what is done so far and what is expected."""

    progress: str | None = None  # 截至当月完成情况
    forecast: str | None = None  # 全年预计完成情况
    likelihood: str | None = None  # 完成目标可能性: 确定能 / 有可能 / 完全不可能
    cause: str | None = None  # 偏差原因类别: 经费 / 制度 / 人员 / 硬件保障 / 其他
    reason: str | None = None  # 偏差原因分析
    action: str | None = None  # 纠偏措施
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether nothing is filled in (such a month is not written)."""
        return not self.extra and all(getattr(self, key) is None for key in MONITOR_KEYS)


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
    actual: str | None = None  # 实际完成值, as typed
    score: Decimal | None = None  # 得分 given by the evaluator (else computed)
    deviation: str | None = None  # 偏差原因分析及改进措施
    monitoring: dict[int, Monitoring] = field(default_factory=dict)  # month → 监控
    extra: dict[str, Any] = field(default_factory=dict)
    uid: int = field(default_factory=new_uid, compare=False, repr=False)

    @property
    def effective_annual_name(self) -> str:
        """The 三级 name shown in the 年度 column."""
        return self.name if self.annual_name is None else self.annual_name

    def copy(self, *, keep_uid: bool = True) -> Indicator:
        """A copy of this row; a fresh uid unless ``keep_uid``."""
        new = copy.copy(self)  # every field is an immutable value but these two dicts
        new.extra = _copied(self.extra)
        new.monitoring = {m: replace(v, extra=_copied(v.extra)) for m, v in self.monitoring.items()}
        if not keep_uid:
            new.uid = new_uid()
        return new

    def month(self, month: int) -> Monitoring:
        """The monitoring of ``month`` (an empty one when there is none)."""
        return self.monitoring.get(month) or Monitoring()


@dataclass
class BudgetLine:
    """One funding source of the budget-execution block, in 万元 (``None`` = blank)."""

    initial: Decimal | None = None  # 年初预算数
    adjusted: Decimal | None = None  # 全年预算数 / 调整后预算数
    executed: Decimal | None = None  # 全年执行数
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """Whether nothing is filled in (such a source is not written)."""
        return not self.extra and all(getattr(self, key) is None for key in BUDGET_KEYS)


def _lines() -> dict[str, BudgetLine]:
    return {source: BudgetLine() for source in SOURCES}


@dataclass
class Execution:
    """预算执行情况: 分值, the reason for a low rate, and one ``BudgetLine`` per source."""

    weight: Decimal | None = None  # 分值 (the scoring profile's when blank)
    reason: str | None = None  # why the rate is low
    lines: dict[str, BudgetLine] = field(default_factory=_lines)  # SOURCES, in order
    extra: dict[str, Any] = field(default_factory=dict)

    def line(self, source: str) -> BudgetLine:
        """The ``BudgetLine`` of ``source`` (one of ``tui.fields.SOURCES``)."""
        return self.lines[source]

    @property
    def empty(self) -> bool:
        """Whether the block holds nothing."""
        own = self.weight is None and self.reason is None and not self.extra
        return own and all(line.empty for line in self.lines.values())

    def clone(self) -> Execution:
        """A deep copy."""
        lines = {k: replace(v, extra=_copied(v.extra)) for k, v in self.lines.items()}
        return replace(self, lines=lines, extra=_copied(self.extra))


@dataclass
class Evaluation:
    """The closing texts of the self-evaluation form."""

    goal_actual: str | None = None  # 年度总体目标 实际完成情况
    conclusion: str | None = None  # 评价结论
    problems: str | None = None  # 存在问题
    improvements: str | None = None  # 改进措施
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Table:
    """One project: the whole 绩效目标表 as stored in one ``.toml`` file."""

    format: int = FORMAT_VERSION
    year: int | None = None
    framework: str = DEFAULT_FRAMEWORK
    stage: str | None = None  # target / monitoring / evaluation; None = target
    profile: str | None = None  # scoring profile; None = the folder's or the default
    header: Header = field(default_factory=Header)
    funding: Funding = field(default_factory=Funding)
    goals: Goals = field(default_factory=Goals)
    indicators: list[Indicator] = field(default_factory=list)
    execution: Execution = field(default_factory=Execution)
    evaluation: Evaluation = field(default_factory=Evaluation)
    check: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def _holder(self, ref: FieldRef) -> Any:
        """The object holding the field ``ref`` names (``KeyError`` for an unknown ref)."""
        head = ref[0]
        if len(ref) == 1 and head in TOP_KEYS:
            return self
        if head == "project":
            return self.header
        if head == "funding":
            return self.funding.column(ref[1])
        if head == "goals":
            return self.goals
        if head == "evaluation":
            return self.evaluation
        if head == "execution":
            return self.execution if len(ref) == 2 else self.execution.line(ref[1])
        if head == "indicators":
            return self.indicators[ref[1]]
        raise KeyError(ref)

    def get(self, ref: FieldRef) -> Any:
        """The value a field reference points to (``None`` when absent)."""
        if ref[0] == "indicators" and len(ref) == 5:
            return getattr(self.indicators[ref[1]].month(ref[3]), ref[4])
        return getattr(self._holder(ref), ref[-1])

    def set(self, ref: FieldRef, value: Any) -> None:
        """Set the value a field reference points to.

        A monitoring month is created by its first value and dropped with its last.
        """
        if ref[0] == "indicators" and len(ref) == 5:
            months = self.indicators[ref[1]].monitoring
            month = months.setdefault(ref[3], Monitoring())
            setattr(month, ref[4], value)
            if month.empty:
                del months[ref[3]]
            return
        setattr(self._holder(ref), ref[-1], value)

    def field_refs(self) -> Iterator[FieldRef]:
        """Every field of the schema outside the rows, in canonical order."""
        for key in TOP_KEYS:
            yield (key,)
        for key in HEADER_KEYS:
            yield ("project", key)
        for col in COLUMNS:
            for key in AMOUNT_KEYS:
                yield ("funding", col, key)
        for key in GOAL_KEYS:
            yield ("goals", key)
        for key in EXECUTION_KEYS:
            yield ("execution", key)
        for source in SOURCES:
            for key in BUDGET_KEYS:
                yield ("execution", source, key)
        for key in EVALUATION_KEYS:
            yield ("evaluation", key)

    def row_refs(self, index: int) -> Iterator[FieldRef]:
        """Every field of row ``index``: its own, then each monitoring month's, in month order."""
        for key in ROW_KEYS + RESULT_KEYS:
            yield ("indicators", index, key)
        for month in sorted(self.indicators[index].monitoring):
            for key in MONITOR_KEYS:
                yield ("indicators", index, "monitoring", month, key)

    def clone(self) -> Table:
        """A deep copy that keeps indicator uids (used for undo snapshots)."""
        return Table(
            format=self.format,
            year=self.year,
            framework=self.framework,
            stage=self.stage,
            profile=self.profile,
            header=replace(self.header, extra=_copied(self.header.extra)),
            funding=Funding(
                medium=replace(self.funding.medium, extra=_copied(self.funding.medium.extra)),
                annual=replace(self.funding.annual, extra=_copied(self.funding.annual.extra)),
                extra=_copied(self.funding.extra),
            ),
            goals=replace(self.goals, extra=_copied(self.goals.extra)),
            indicators=[row.copy() for row in self.indicators],
            execution=self.execution.clone(),
            evaluation=replace(self.evaluation, extra=_copied(self.evaluation.extra)),
            check=_copied(self.check),
            extra=_copied(self.extra),
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
