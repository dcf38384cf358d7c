"""Scoring profiles: how a province (or a form) turns actuals into points, as data.

A ``Profile`` names the formula of each kind of row, the qualitative bands, the
split between indicators and budget execution, the rounding, the thresholds of
the self-evaluation checks and the monitoring traffic lights. The formulas are
looked up by name in ``tui.scoring.formulas``; nothing else in the package
knows a province.

Sources (``docs/lifecycle.md`` has the details and what is unverified):

* ``pmkpi`` — the auto-scoring SQL of the 一体化 performance module
  (``gov.mof.fasp2.pmkpi``), the Sichuan 一体化 自评表 "510000_0013zp"
  (预算执行情况 10 分, 绩效指标 90 分), the save-time checks of its self-evaluation
  screen (≥120% of target flagged) and the 山西 monitoring traffic lights.
* ``form2020`` — the notes printed on a 2020 自评表 (长江禁捕 table, same layout
  as a 黄冈 2020 table): 正向 权重×B/A, 反向 权重×A/B, never above the weight;
  qualitative bands 100–80 / 80–50 / 50–0; 预算执行率 20 分 × 执行率.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Band:
    """A qualitative grade and the share of the weight it earns: ``[low, high]``.

    ``high_inclusive`` is false for a band such as ``[60%, 80%)``. The first
    keyword found in an actual value picks the band (``keywords`` are tried
    band by band in ``Profile.bands`` order, so 未达成 is tried before 达成).
    """

    grade: str  # 达成年度指标
    keywords: tuple[str, ...]
    low: Decimal
    high: Decimal
    high_inclusive: bool = True


@dataclass(frozen=True)
class Lights:
    """Monitoring traffic lights: 标准值 = 年度指标值 × 月份/12, then the progress ratio.

    Below ``red_below`` red, below ``yellow_below`` yellow, below ``blue_from``
    green, from it blue. Reverse rows, range targets, rows under the 二级 in
    ``in_range_level2`` and targets in ``in_range_units`` (a rate is not
    prorated) are green when within the target and red otherwise.
    """

    red_below: Decimal
    yellow_below: Decimal
    blue_from: Decimal
    in_range_level2: tuple[str, ...]
    in_range_units: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    """One scoring rule set (see the module doc)."""

    name: str
    title: str  # Chinese, one line
    source: str  # where the rules come from
    positive: str  # formula name for ≥ > = rows
    reverse: str  # formula name for ≤ < rows
    bands: tuple[Band, ...]
    execution_weight: Decimal  # 预算执行率 分值 when the file does not state one
    total: Decimal  # 总分: indicators + execution
    places: int  # decimals of a score
    rounding: str  # a decimal rounding mode
    over_ratio: Decimal  # actual ≥ this × target needs a note
    rate_needs_reason_below: Decimal  # 执行率 below this needs a reason
    lights: Lights

    @property
    def quantum(self) -> Decimal:
        """The smallest step of a score: ``0.01`` for two places."""
        return Decimal(1).scaleb(-self.places)


_SHANXI_LIGHTS = Lights(
    red_below=Decimal("0.6"),
    yellow_below=Decimal("0.8"),
    blue_from=Decimal("1.2"),
    in_range_level2=("质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标"),
    in_range_units=("%", "‰"),  # jixiao's addition: rates such as 满意度 are not prorated
)
_ACHIEVED = ("达成", "达到", "完成")
_PARTLY = ("部分达成", "部分达到", "基本达成", "部分完成", "基本完成")
_NOT = ("未达成", "未达到", "未完成", "没有达成", "没有完成", "未按时", "未按期", "逾期", "延期")

PMKPI = Profile(
    name="pmkpi",
    title="一体化系统自动评分（正向 a/t×w，反向 (1−(a−t)/t)×w，定性 80/60）",
    source="一体化绩效模块 pmkpi 自动评分 SQL；四川 510000_0013zp 自评表；山西监控预警",
    positive="ratio",
    reverse="linear_to_double",
    bands=(
        Band("未达成年度指标且效果较差", _NOT, Decimal(0), Decimal("0.6"), False),
        Band("部分达成年度指标并具有一定效果", _PARTLY, Decimal("0.6"), Decimal("0.8"), False),
        Band("达成年度指标", _ACHIEVED, Decimal("0.8"), Decimal(1)),
    ),
    execution_weight=Decimal(10),
    total=Decimal(100),
    places=2,
    rounding=ROUND_HALF_UP,
    over_ratio=Decimal("1.2"),
    rate_needs_reason_below=Decimal("0.9"),
    lights=_SHANXI_LIGHTS,
)

FORM2020 = Profile(
    name="form2020",
    title="2020年自评表说明（正向 w×B/A，反向 w×A/B，定性 80/50，执行率 20 分）",
    source="2020年项目支出绩效自评表填表说明（长江禁捕表，与黄冈 2020 表同式）",
    positive="ratio",
    reverse="inverse",
    bands=(
        Band("未达成年度指标且效果较差", _NOT, Decimal(0), Decimal("0.5"), False),
        Band("部分达成年度指标并具有一定效果", _PARTLY, Decimal("0.5"), Decimal("0.8"), False),
        Band("达成年度指标", _ACHIEVED, Decimal("0.8"), Decimal(1)),
    ),
    execution_weight=Decimal(20),
    total=Decimal(100),
    places=2,
    rounding=ROUND_HALF_UP,
    over_ratio=Decimal("1.2"),
    rate_needs_reason_below=Decimal("0.9"),
    lights=_SHANXI_LIGHTS,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (PMKPI, FORM2020)}
DEFAULT_PROFILE = PMKPI.name
