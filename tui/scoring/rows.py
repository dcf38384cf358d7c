"""Scoring one indicator row under a profile, with a one-line explanation.

``score_row(index, row, profile)`` gives a ``RowScore``. The score counted is
the evaluator's own ``score`` when the row has one, else the profile's
(``auto``). A row is not scored when it has no weight or no actual, and is
flagged (``problem`` set, ``score`` ``None``) when the profile cannot score it:
a blank target, an actual that is not a number on a quantitative row, units
that do not agree, an actual that names no grade on a qualitative row, or a
grade whose band leaves the score to the evaluator.

Rules of the two documented rule sets (``tui.scoring.formulas``), plus what
jixiao decides where they are silent (``docs/lifecycle.md``): a target of 0
scores ``w`` when the actual is ≤ 0 (=, ≤, <) or ≥ 0 (≥, >) and 0 otherwise; a
range target scores ``w`` inside it, the 正向 formula below its lower end and
the 反向 formula above its upper end; an actual equal to a qualitative target
counts as 达成.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from tui.escape import printable
from tui.model import Indicator
from tui.parsing.indicator_value import QUALITATIVE
from tui.parsing.money import MONEY, finite
from tui.scoring.formulas import FORMULAS, percent
from tui.scoring.profiles import Band, Profile
from tui.scoring.reading import Reading, in_target_unit, plain, read_actual, read_target

STATUSES = ("scored", "given", "flagged", "pending", "unweighted")
_ZERO = Decimal(0)


@dataclass(frozen=True)
class RowScore:
    """The score of one row and why (see the module doc for ``status`` and ``problem``)."""

    index: int
    target: Reading
    actual: Reading | None
    weight: Decimal | None
    score: Decimal | None  # what counts: the evaluator's score, else ``auto``
    auto: Decimal | None  # the profile's score, rounded; ``None`` when it cannot be computed
    status: str  # one of STATUSES
    explanation: str  # one line, Chinese
    problem: str = ""  # no_target / not_number / unit / op / grade / needs_score
    ratio: Decimal | None = None  # actual ÷ target for a 正向 target above 0
    band: Band | None = None  # the qualitative grade read from the actual

    @property
    def lost(self) -> bool:
        """Whether the row scored below its weight."""
        return self.score is not None and self.weight is not None and self.score < self.weight


@dataclass(frozen=True)
class _Auto:
    score: Decimal | None
    sentence: str
    problem: str = ""
    ratio: Decimal | None = None
    band: Band | None = None


def rounded(value: Decimal, profile: Profile) -> Decimal:
    """``value`` rounded to the profile's places with its rounding mode."""
    return value.quantize(profile.quantum, rounding=profile.rounding, context=MONEY)


def _full(weight: Decimal) -> str:
    return f"得满分 {plain(weight)}"


def _got(score: Decimal, weight: Decimal, profile: Profile) -> str:
    return _full(weight) if score == weight else f"得 {plain(rounded(score, profile))}"


def _actual_text(actual: Reading, value: Decimal, target: Reading) -> str:
    """``95 万元`` or, when converted, ``95 万元（950000 元）``."""
    if actual.unit == target.unit:
        return target.shown(value)
    if not target.unit:
        return actual.shown()
    return f"{target.shown(value.normalize(MONEY))}（{actual.shown()}）"


def _zero_target(a: str, target: Reading, value: Decimal, w: Decimal) -> _Auto:
    ok = value >= 0 if target.op in ("≥", ">") else value <= 0
    tail = "得满分 " + plain(w) if ok else "得 0"
    return _Auto(w if ok else _ZERO, f"目标为 0：实际 {a}，{tail}")


def _positive(a: str, t: str, value: Decimal, target_number: Decimal, w: Decimal, p: Profile):
    raw, _ = FORMULAS[p.positive](value, target_number, w)
    ratio = MONEY.divide(value, target_number)
    if value >= target_number:
        sign = "=" if value == target_number else "≥"
        return _Auto(raw, f"实际 {a} {sign} {t}，{_got(raw, w, p)}", ratio=ratio)
    sentence = f"实际 {a} 未达{t}（完成 {percent(ratio)}），{_got(raw, w, p)}"
    return _Auto(raw, sentence, ratio=ratio)


def _reverse(a: str, t: str, value: Decimal, target_number: Decimal, w: Decimal, p: Profile):
    raw, extra = FORMULAS[p.reverse](value, target_number, w)
    kind = "区间指标" if t.startswith("目标上限") else "反向指标"
    if value <= target_number:
        sign = "=" if value == target_number else "≤"
        return _Auto(raw, f"{kind}：实际 {a} {sign} {t}，{_got(raw, w, p)}")
    over = percent(MONEY.divide(MONEY.subtract(value, target_number), target_number))
    return _Auto(raw, f"{kind}：实际 {a}超出{t} {over}{extra}，{_got(raw, w, p)}")


def _quantitative(target: Reading, actual: Reading, w: Decimal, profile: Profile) -> _Auto:
    if not actual.quantitative:
        text, goal = printable(actual.text.strip()), printable(target.text.strip())
        sentence = f"实际完成值“{text}”不是数字（目标 {goal}），未评分"
        return _Auto(None, sentence, "not_number")
    value = in_target_unit(actual, target)
    if value is None:
        sentence = f"单位不一致：实际 {actual.shown()}，目标 {target.shown()}，未评分"
        return _Auto(None, sentence, "unit")
    assert target.number is not None
    a = _actual_text(actual, value, target)
    if target.op == "range" and target.upper is not None:
        low, high = target.number, target.upper
        if low <= value <= high:
            return _Auto(w, f"实际 {a} 在目标 {target.shown()} 之内，{_full(w)}")
        if value < low:
            return _positive(a, f"目标下限 {target.shown(low)}", value, low, w, profile)
        if high == 0:
            return _zero_target(a, Reading("", "≤"), value, w)
        return _reverse(a, f"目标上限 {target.shown(high)}", value, high, w, profile)
    if target.op not in ("≥", ">", "=", "≤", "<"):
        return _Auto(None, f"指标性质“{target.op}”无法评分", "op")
    if target.number == 0:
        return _zero_target(a, target, value, w)
    if target.reverse:
        return _reverse(a, f"目标 {target.shown()}", value, target.number, w, profile)
    return _positive(a, f"目标 {target.shown()}", value, target.number, w, profile)


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def grade_of(actual: str, target: str, profile: Profile) -> Band | None:
    """The qualitative band an actual names; an actual equal to the target is the top band."""
    text = _compact(actual)
    if text and text == _compact(target):
        return profile.bands[-1]
    for band in profile.bands:
        if any(word in text for word in band.keywords):
            return band
    return None


def band_range(band: Band, weight: Decimal, profile: Profile) -> tuple[Decimal, Decimal]:
    """The lowest and highest score of ``band`` for ``weight``, rounded."""
    low = rounded(MONEY.multiply(weight, band.low), profile)
    return low, rounded(MONEY.multiply(weight, band.high), profile)


def in_band(score: Decimal, band: Band, weight: Decimal, profile: Profile) -> bool:
    """Whether ``score`` lies in ``band`` for ``weight``."""
    low, high = band_range(band, weight, profile)
    return low <= score <= high if band.high_inclusive else low <= score < high


def _qualitative(target: Reading, actual: Reading, w: Decimal, profile: Profile) -> _Auto:
    band = grade_of(actual.text, target.text, profile)
    if band is None:
        grades = " / ".join(b.grade for b in reversed(profile.bands))
        shown = printable(actual.text.strip())
        sentence = f"定性指标：实际完成值“{shown}”不是等级（{grades}），未评分"
        return _Auto(None, sentence, "grade")
    low, high = band_range(band, w, profile)
    if band.high_inclusive and band.high == 1:
        return _Auto(w, f"定性：{band.grade}，{_full(w)}", band=band)
    bound = f"{plain(low)}–{plain(high)}" + ("" if band.high_inclusive else "（不含上限）")
    sentence = f"定性：{band.grade}，得分应在 {bound}，请填写得分"
    return _Auto(None, sentence, "needs_score", band=band)


def _spelled(value: Decimal | None) -> str | None:
    """A number's exact digits (``10`` and ``10.0`` score alike but read differently)."""
    return None if value is None else str(value)


def score_row(index: int, row: Indicator, profile: Profile) -> RowScore:
    """The score of ``row`` under ``profile`` (see the module doc).

    Results are cached by the row's values, so scoring on every keystroke
    re-scores only the rows that changed.
    """
    key = (row.annual, row.nature, row.unit, row.actual, _spelled(row.weight))
    result = _score(*key, _spelled(row.score), profile)
    return result if result.index == index else replace(result, index=index)


@lru_cache(maxsize=8192)
def _score(
    annual: str,
    nature: str | None,
    unit: str | None,
    text: str | None,
    weight_text: str | None,
    score_text: str | None,
    profile: Profile,
) -> RowScore:
    index = 0
    target = read_target(Indicator(annual=annual, nature=nature, unit=unit))
    text = text if text and text.strip() else None
    actual = read_actual(text, target) if text is not None else None
    weight = finite(Decimal(weight_text)) if weight_text is not None else None
    given = finite(Decimal(score_text)) if score_text is not None else None
    if weight is None:
        status = "unweighted" if actual is not None or given is not None else "pending"
        return RowScore(index, target, actual, None, None, None, status, "未设分值，不计分")
    auto = _Auto(None, "未填实际完成值")
    if actual is not None:
        if not target.op:
            auto = _Auto(None, "年度指标值为空，未评分", "no_target")
        elif target.op == QUALITATIVE:
            auto = _qualitative(target, actual, weight, profile)
        else:
            auto = _quantitative(target, actual, weight, profile)
    auto_score = None if auto.score is None else rounded(auto.score, profile)
    if given is not None:
        sentence = f"评分人给分 {plain(given)}"
        if not _ZERO <= given <= weight:  # S009 flags it; the totals count it within 0…w
            given = min(max(given, _ZERO), weight)
            sentence += f"（超出 0–{plain(weight)}，按 {plain(given)} 计）"
        if auto.problem == "needs_score" and auto.band is not None:
            low, high = band_range(auto.band, weight, profile)
            sentence = f"定性：{auto.band.grade}（{plain(low)}–{plain(high)}），{sentence}"
        elif actual is not None:
            sentence += f"；按评分方案：{auto.sentence}"
        return RowScore(
            index, target, actual, weight, given, auto_score, "given", sentence,
            auto.problem if auto.problem != "needs_score" else "", auto.ratio, auto.band,
        )  # fmt: skip
    if actual is None:
        return RowScore(index, target, None, weight, None, None, "pending", auto.sentence)
    status = "flagged" if auto_score is None else "scored"
    return RowScore(
        index, target, actual, weight, auto_score, auto_score, status, auto.sentence,
        auto.problem, auto.ratio, auto.band,
    )  # fmt: skip
