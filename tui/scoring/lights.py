"""Monitoring traffic lights: how far a row is at month N against its annual target.

标准值 = 年度指标值 × 月份/12; the progress (完成情况) over that standard is red
below 60%, yellow below 80%, green below 120% and blue from 120% (山西; the
thresholds are profile data). Reverse rows (≤ <), range targets, rows under
the 二级 listed in the profile (质量, 时效, 成本) and rates (a target in %,
jixiao's addition) are in range (green) or out of it (red) instead.
Qualitative rows and rows without a readable progress get no light.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from tui.escape import printable
from tui.frameworks import canonical_label
from tui.model import Indicator
from tui.parsing.indicator_value import QUALITATIVE
from tui.parsing.money import MONEY
from tui.scoring.formulas import percent
from tui.scoring.profiles import Profile
from tui.scoring.reading import Reading, in_target_unit, read_actual, read_target

LIGHT_ZH = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "blue": "蓝灯"}
_TWELVE = Decimal(12)


@dataclass(frozen=True)
class Light:
    """One row's light at one month; ``color`` is ``""`` when there is none."""

    color: str  # red / yellow / green / blue / ""
    explanation: str
    standard: Decimal | None = None  # 标准值 in the target's unit (prorated rows only)
    ratio: Decimal | None = None  # progress ÷ 标准值

    @property
    def zh(self) -> str:
        """``红灯`` …, or ``""``."""
        return LIGHT_ZH.get(self.color, "")

    @property
    def alarming(self) -> bool:
        """Red or yellow: the row needs a 纠偏措施."""
        return self.color in ("red", "yellow")


def _short(value: Decimal, target: Reading) -> str:
    """A computed amount to two places, trailing zeros dropped, with the target's unit."""
    two = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=MONEY)
    return target.shown(two.normalize(MONEY))


def _in_range(target: Reading, value: Decimal, kind: str) -> Light:
    assert target.number is not None
    if target.op == "range" and target.upper is not None:
        ok = target.number <= value <= target.upper
    elif target.reverse or (target.op == "=" and target.number == 0):
        ok = value <= target.number
    else:
        ok = value >= target.number
    where = "在目标范围内" if ok else "未在目标范围内"
    shown = f"{kind}：完成 {target.shown(value)}，目标 {target.shown()}，{where}"
    return Light("green" if ok else "red", f"{shown}，{LIGHT_ZH['green' if ok else 'red']}")


def light(row: Indicator, month: int, profile: Profile) -> Light:
    """The light of ``row`` at ``month`` (1–12) under ``profile`` (cached by the values)."""
    monitoring = row.monitoring.get(month)
    progress = (monitoring.progress or "").strip() if monitoring else ""
    if not progress:
        return Light("", "未填完成情况")
    return _light(row.level2, row.annual, row.nature, row.unit, progress, month, profile)


@lru_cache(maxsize=8192)
def _light(
    level2: str,
    annual: str,
    nature: str | None,
    unit: str | None,
    progress: str,
    month: int,
    profile: Profile,
) -> Light:
    target = read_target(Indicator(annual=annual, nature=nature, unit=unit))
    if target.op in (QUALITATIVE, "") or target.number is None:
        return Light("", "定性指标，不亮灯")
    actual = read_actual(progress, target)
    value = in_target_unit(actual, target)
    if value is None:
        return Light("", f"完成情况“{printable(progress)}”无法与目标 {target.shown()} 比较，不亮灯")
    level2 = canonical_label(level2, 2)
    if target.reverse:
        return _in_range(target, value, "反向指标")
    if target.op == "range":
        return _in_range(target, value, "区间指标")
    if level2 in profile.lights.in_range_level2:
        return _in_range(target, value, level2)
    if target.unit in profile.lights.in_range_units:
        return _in_range(target, value, "比率指标")
    standard = MONEY.divide(MONEY.multiply(target.number, Decimal(month)), _TWELVE)
    if standard == 0:
        return _in_range(target, value, "目标为 0")
    ratio = MONEY.divide(value, standard)
    lights = profile.lights
    if ratio < lights.red_below:
        color = "red"
    elif ratio < lights.yellow_below:
        color = "yellow"
    elif ratio < lights.blue_from:
        color = "green"
    else:
        color = "blue"
    explanation = (
        f"{month}月标准值 = {target.shown()} × {month}/12 = {_short(standard, target)}，"
        f"完成 {target.shown(value)}，为标准值的 {percent(ratio)}，{LIGHT_ZH[color]}"
    )
    return Light(color, explanation, standard, ratio)
