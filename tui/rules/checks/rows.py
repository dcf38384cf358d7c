"""D: duplication and consistency between rows and between an indicator's two columns.

Near-duplicate boilerplate under different 二级, one qualitative grade written
several ways, one indicator worded differently in its 中期 and 年度 values.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from tui.rules.checks.consistency import mismatched_rows
from tui.rules.context import Context, Labels, RowInfo, RowLabels, short
from tui.rules.engine import Example, Hit, family, rule
from tui.rules.rowinfo import row_fact

family(
    "D",
    "重复与一致（duplication and consistency across rows and columns）",
    "Exact duplicates under one 二级 are T009; mismatched names and values are C003–C005. "
    "These rules find what is nearly the same, or the same written differently.",
)

# Similarity of two names: the Dice coefficient of their character pairs (bigrams),
# 2·|A∩B| / (|A|+|B|), after dropping punctuation. The seed's boilerplate pair scores 0.74.
SIMILAR = 0.7
MIN_CHARS = 8  # shorter names are too short to compare
MAX_GROUP = 32  # names ending alike that are all compared with each other
MAX_CANDIDATES = 8  # in a larger group, the earlier names each name is compared with
_PUNCT = re.compile(r"[\s、，,。．.；;：:（）()\[\]【】“”\"'‘’·—\-]")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]*$")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# Qualitative grades, longest first: a value is a grade, maybe after a descriptor (影响程度较高).
_GRADE_WORDS = (
    "较高 很高 较好 良好 很好 优良 优秀 显著 明显 较大 较强 稳定 健全 完善 达标 合格 一般 持续 "
    "长期 有效 明确"
)
GRADES = tuple(sorted(_GRADE_WORDS.split(" "), key=len, reverse=True))
MAX_DESCRIPTOR = 8  # characters before a grade that describe it (影响程度)


def _normal(name: str) -> str:
    return _PUNCT.sub("", name)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def near_duplicate_pairs(names: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int], ...]:
    """(row, earlier row) pairs of near-duplicate names under different 二级.

    ``names`` holds (二级, 三级 name) per row. Names are grouped by their last two
    characters (names that end differently measure different things); within a
    group each name is compared with the earlier names of other 二级 — all of them
    in a group of at most ``MAX_GROUP``, else the ``MAX_CANDIDATES`` nearest — so
    the work is linear in the rows and bounded per row. D001 is a rule on labels, so
    re-checking after a value is typed costs nothing here.
    """
    groups: dict[str, list[tuple[int, str, str]]] = {}
    for index, (level2, name) in enumerate(names):
        norm = _normal(name)
        if len(norm) >= MIN_CHARS:
            groups.setdefault(norm[-2:], []).append((index, level2, norm))
    pairs = []
    for members in groups.values():
        if len(members) < 2 or len({level2 for _, level2, _ in members}) < 2:
            continue
        grams = [_bigrams(norm) for _, _, norm in members]
        for k, (index, level2, _) in enumerate(members):
            first = 0 if len(members) <= MAX_GROUP else max(0, k - MAX_CANDIDATES)
            for j in range(k - 1, first - 1, -1):  # the nearest earlier name first
                if members[j][1] != level2 and _dice(grams[k], grams[j]) >= SIMILAR:
                    pairs.append((index, members[j][0]))
                    break
    return tuple(sorted(pairs))


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _duplicate_hit(info: RowLabels, other: RowLabels) -> Hit:
    name, other_name = info.names["medium"], other.names["medium"]
    return Hit(
        info.name_ref("medium"),
        f"第{info.index + 1}行“{short(name)}”（{info.level2}）与第{other.index + 1}行"
        f"“{short(other_name)}”（{other.level2}）几乎相同：疑似套用的模板指标",
        f"row {info.index + 1} is nearly the same as row {other.index + 1} under another "
        "二级: probably boilerplate",
        (other.name_ref("medium"),),
    )


@rule(
    "D001",
    "warning",
    "不同二级下的指标几乎相同",
    "near-duplicate indicators under different 二级",
    why="同一句套话放在两个二级下（种子表社会效益“对单位履职、促进事业发展的影响或提升程度”与"
    "可持续影响“…的持续影响程度”），其中一个多半没有实际内容（boilerplate filed twice, as in "
    "the seed, leaves one of the two without substance）。",
    fires=[
        Example(
            {"长效管理机制健全性.name": "退休人员社会化管理服务持续覆盖率"},
            at="长效管理机制健全性.name",
        )
    ],
    passes=[
        Example(
            {"长效管理机制健全性.name": "退休人员社会化管理服务长效机制"},
            note="名称相近但内容不同（similar wording, another subject）",
        ),
        Example(
            {"长效管理机制健全性.name": "退休人员社会化管理服务覆盖人次"},
            note="同一事项的另一种计量（覆盖率与覆盖人次）（another measure of the same thing）",
        ),
    ],
    on_labels=True,
)
def no_near_duplicates(labels: Labels) -> Iterator[Hit]:
    """Two 三级 names under different 二级 that are nearly the same (≥ 0.7 of their character
    pairs in common, punctuation aside; names of 8 characters or more) and end alike (…授课人次 and
    …授课完成率 measure one thing two ways)."""
    rows = labels.rows
    names = tuple((info.level2, info.names["medium"]) for info in rows)
    for i, j in near_duplicate_pairs(names):
        yield _duplicate_hit(rows[i], rows[j])


def grade_of(value: str) -> tuple[str, str] | None:
    """(descriptor, grade) of a qualitative value such as 影响程度较高 → (影响程度, 较高)."""
    if not value.endswith(GRADES):
        return None  # the usual case, checked at once
    for grade in GRADES:
        if value.endswith(grade):
            descriptor = value[: len(value) - len(grade)]
            if len(descriptor) <= MAX_DESCRIPTOR and _CJK_ONLY.match(descriptor):
                return descriptor, grade
            return None
    return None


Graded = tuple[tuple[int, str, str, str], ...]  # (row, column, value, its grade)


@lru_cache(maxsize=64)
def grade_outliers(graded: Graded) -> tuple[tuple[int, str, str, int], ...]:
    """(row, column, usual spelling, its count) for each qualitative value spelt unusually.

    ``graded`` holds every qualitative value that names a grade, in document order.
    Cached by them: typing a number changes nothing here.
    """
    spellings: dict[str, Counter[str]] = {}
    places: list[tuple[int, str, str, str]] = []
    for index, col, value, grade in graded:
        spellings.setdefault(grade, Counter())[value] += 1
        places.append((index, col, value, grade))
    usual = {
        grade: min(counts, key=lambda s: (-counts[s], len(s), s))
        for grade, counts in spellings.items()
        if len(counts) > 1
    }
    return tuple(
        (index, col, usual[grade], spellings[grade][usual[grade]])
        for index, col, value, grade in places
        if grade in usual and value != usual[grade]
    )


def _qualitative(info: RowInfo, col: str) -> str:
    return "" if info.parsed[col].quantitative else info.values[col]


@row_fact
def grades(info: RowInfo) -> tuple[tuple[str, str, str], ...] | None:
    """D002: (column, value, grade) of each qualitative value of the row that names a
    grade (``None``: none)."""
    found = []
    for col in ("medium", "annual"):
        value = _qualitative(info, col)
        graded = grade_of(value) if value else None
        if graded:
            found.append((col, value, graded[1]))
    return tuple(found) or None


def _grade_spellings(ctx: Context) -> list[Hit]:
    graded = tuple(
        (info.index, *entry) for info, entries in ctx.with_fact(grades) for entry in entries
    )
    hits = []
    for index, col, norm, count in grade_outliers(graded):
        info = ctx.rows[index]
        value = info.values[col]
        hits.append(
            Hit(
                info.value_ref(col),
                f"定性指标值写作“{value}”，另有{count}处写作“{norm}”：同一等级宜统一写法",
                f"grade written '{value}' here and '{norm}' in {count} other places",
            )
        )
    return hits


@rule(
    "D002",
    "hint",
    "同一定性等级写法不一",
    "one qualitative grade written several ways",
    why="同一等级在各行写法不同（种子表“较高”“影响程度 较高”“影响程度较高”），汇总与评分时"
    "难以对应（one grade spelt several ways, as in the seed, is hard to compare and score）。",
    fires=[
        Example(
            {
                "+1.level1": "效益指标",
                "+1.level2": "可持续影响指标",
                "+1.name": "管理制度完善程度",
                "+1.medium": "制度健全",
                "+1.annual": "制度健全",
            },
            at=("+1.medium", "+1.annual"),
            note="基础表另有两处写作“健全”（the base table writes 健全 twice）",
        )
    ],
    passes=[Example({"长效管理机制健全性.annual": "较高"}, note="不同等级（another grade）")],
)
def grades_agree(ctx: Context) -> Iterator[Hit]:
    """A qualitative grade (较高, 良好, 健全…) written with and without a descriptor, or with
    different ones, across the table: the less usual spellings are reported."""
    yield from ctx.memo("D002", _grade_spellings)


def _strip_common(a: str, b: str) -> tuple[str, str]:
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return a[start : len(a) - end], b[start : len(b) - end]


def reworded(info: RowInfo) -> bool:
    """Whether the row's two values state one target in different words."""
    a, b = info.values["medium"], info.values["annual"]
    if not a or not b or a == b or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    left, right = _strip_common(a, b)
    if not (_CJK_ONLY.match(left) and _CJK_ONLY.match(right)):
        return False
    graded = grade_of(a), grade_of(b)
    if graded[0] and graded[1] and graded[0][1] == graded[1][1]:
        return False  # the same grade with another descriptor: D002
    if _DIGITS.search(a) or not left or not right:
        return True
    return len(_bigrams(a) & _bigrams(b)) >= 2


@row_fact
def reworded_values(info: RowInfo) -> bool | None:
    """D003: ``True`` for a row whose two values state one target in different words."""
    return True if reworded(info) else None


@rule(
    "D003",
    "hint",
    "中期与年度指标值措辞不同",
    "medium and annual values worded differently",
    why="同一指标的中期与年度指标值应同样表述，只是目标数不同（种子表“每月10日前”与"
    "“计划完成时间每月10日前”，“按照…细则规定内容支出”与“支出内容合规”）（one indicator "
    "keeps one wording in both columns; only the target changes）。",
    fires=[
        Example(
            {"培训完成时间.medium": "每月10日前", "培训完成时间.annual": "计划完成时间每月10日前"},
            at="培训完成时间.annual",
        )
    ],
    passes=[
        Example({}, note="“每年12月31日前”与“2021年12月31日前”目标不同（different targets）"),
        Example({"长效管理机制健全性.medium": "逐步完善", "长效管理机制健全性.annual": "初步建立"}),
    ],
)
def values_worded_alike(ctx: Context) -> Iterator[Hit]:
    """A row whose 中期 and 年度 values differ only in words around the same numbers
    (每月10日前 / 计划完成时间每月10日前), or are qualitative texts sharing words
    (…规定内容支出 / 支出内容合规)."""
    skip = mismatched_rows(ctx)
    for info, _ in ctx.with_fact(reworded_values):
        if info.index not in skip:
            yield Hit(
                info.value_ref("annual"),
                f"年度指标值“{short(info.values['annual'])}”与中期“{short(info.values['medium'])}”"
                "措辞不同",
                "the annual value is worded differently from the medium-term one",
                (info.value_ref("medium"),),
            )
