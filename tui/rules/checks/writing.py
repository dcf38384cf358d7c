"""W: slips of writing — doubled words, typos, stray spaces, full-width forms, bounds in words.

Every rule here carries a quick fix: the repair is mechanical and changes nothing
but the slip (``jixiao check --fix``, or the editor's fix key).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from tui.fields import describe
from tui.model import COLUMNS, FieldRef
from tui.parsing.indicator_value import TEXT_CACHE_SIZE, fold_width, symbolic
from tui.rules.context import Context, Labels, RowEnv, RowInfo, short
from tui.rules.engine import Example, Fix, Hit, RowFunc, family, rule, set_to
from tui.rules.lexicon import Slip, apply_slips, doubled, typos

family(
    "W",
    "书写（writing slips）",
    "Slips of typing and pasting in names, values and goals. Each rule's fix changes only "
    "the slip: `jixiao check --fix` applies them (`--diff` shows them first), and the editor "
    "applies the fix of the problem under the cursor as one undo step. Typos are found with a "
    "small dictionary in `tui/rules/lexicon.py` (the frameworks' labels, common 三级 names, "
    "frequent words of these tables, known misspellings): no network, no model.",
)

_ROW_TEXT = ("name", "annual_name", "medium", "annual")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_STRAY = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])|^[ \t\u3000]+|[ \t\u3000]+$")


class TextSlips(NamedTuple):
    """The writing slips of one text (``None`` fields: that slip is absent)."""

    doubled: tuple[Slip, ...]
    typos: tuple[Slip, ...]
    unspaced: str | None  # the text without its stray spaces
    folded: str | None  # the text with full-width digits and signs made plain
    signed: str | None  # the bound it states in words, in signs (达到90%以上 → ≥90%)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def slips_of(text: str) -> TextSlips | None:
    """Every writing slip of ``text``, or ``None`` when it has none (cached per text)."""
    spaced = " " in text or "\t" in text or "\u3000" in text  # before the regex, in C
    folded = fold_width(text)
    found = TextSlips(
        doubled(text),
        typos(text),
        _STRAY.sub("", text) if spaced and _STRAY.search(text) else None,
        None if folded == text else folded,
        symbolic(text),
    )
    return found if any(found) else None


Flagged = list[tuple[FieldRef, str, TextSlips]]


def _flagged(fields: Iterable[tuple[FieldRef, object]]) -> Flagged:
    found = []
    for ref, text in fields:
        if isinstance(text, str) and text:
            slips = slips_of(text)
            if slips is not None:
                found.append((ref, text, slips))
    return found


def _goal_texts(ctx: Context) -> Flagged:
    goals = ctx.table.goals
    fields = (("goals", "medium"), goals.medium), (("goals", "annual"), goals.annual)
    return _flagged(((("project", "name"), ctx.table.header.name), *fields))


def table_texts(ctx: Context) -> Flagged:
    """The project name and the goals that have a slip, each with its field and its
    slips; once per check."""
    return ctx.memo("W", _goal_texts)


def _own_texts(info: RowInfo) -> Flagged:
    return _flagged((("indicators", info.index, key), getattr(info.row, key)) for key in _ROW_TEXT)


def row_texts(info: RowInfo) -> Flagged:
    """The row's names and values that have a slip, each with its field and its slips;
    once per row content."""
    return info.memo("W", _own_texts)


def text_fix(ref: FieldRef, fixed: str, row_name: object = None) -> Fix:
    """The fix writing ``fixed`` into the text field ``ref`` (of a row whose 三级 name is
    ``row_name``); a 年度三级名称 that becomes the row's 三级 name is blanked instead (the
    年度 column then shows the 三级 name)."""
    if ref[-1] == "annual_name" and isinstance(row_name, str) and fixed.strip() == row_name.strip():
        return Fix(((ref, None),), "与中期名称相同（same as the 中期 name）", "same as 中期")
    return Fix(((ref, fixed),), f"改为“{short(fixed, 30)}”", f"write '{fixed}'")


def _slip_hits(
    flagged: Flagged,
    pick: Callable[[TextSlips], tuple[Slip, ...]],
    row_name: object,
    zh: str,
    en: str,
) -> Iterator[Hit]:
    for ref, text, slips in flagged:
        found = pick(slips)
        if found:
            wrong = "、".join(f"“{s.wrong}”→“{s.right}”" for s in found)
            yield Hit(
                ref,
                f"{describe(ref)}{zh}：{wrong}",
                f"{en}: " + ", ".join(f"{s.wrong} → {s.right}" for s in found),
                fix=text_fix(ref, apply_slips(text, found), row_name),
            )


def _doubled_words(flagged: Flagged, row_name: object = None) -> Iterator[Hit]:
    return _slip_hits(flagged, attrgetter("doubled"), row_name, "词语重复", "doubled word")


def _typos(flagged: Flagged, row_name: object = None) -> Iterator[Hit]:
    return _slip_hits(flagged, attrgetter("typos"), row_name, "疑似错别字", "probable typo")


def _stray_spaces(flagged: Flagged, row_name: object = None) -> Iterator[Hit]:
    for ref, text, slips in flagged:
        if slips.unspaced is not None:
            yield Hit(
                ref,
                f"{describe(ref)}“{short(text.strip())}”中有多余的空格",
                "stray spaces next to Chinese text",
                fix=text_fix(ref, slips.unspaced, row_name),
            )


def _in_rows(check: Callable[[Flagged, object], Iterator[Hit]]) -> RowFunc:
    """The part of a rule on texts that runs on each row's names and values."""

    def on_rows(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
        for info in rows:
            yield from check(row_texts(info), info.row.name)

    return on_rows


@rule(
    "W001",
    "warning",
    "词语重复",
    "doubled word",
    why="连写两遍的词多是录入时的误操作（种子表“退休人员文体活动活动完成时间”）（a word typed "
    "twice is a slip, as the seed's 文体活动活动）。修复：删去重复的一遍（fix: drop the repeat）。",
    fires=[
        Example(
            {"培训完成时间.name": "培训培训完成时间"},
            at="培训完成时间.name",
            fixed={"培训完成时间.name": "培训完成时间"},
        ),
        Example(
            {"goals.annual": "本年度举办5场的的文体活动。"},
            at="goals.annual",
            fixed={"goals.annual": "本年度举办5场的文体活动。"},
        ),
    ],
    passes=[
        Example({"goals.annual": "本年度常常举办文体活动，人人参与。"}, note="常常、人人是词"),
        Example({"goals.annual": "本年度的确举办文体活动，的的确确。"}, note="AABB 叠词"),
    ],
    rows=_in_rows(_doubled_words),
)
def no_doubled_words(ctx: Context) -> Iterator[Hit]:
    """A word of two to six characters written twice in a row (活动活动), or a doubled 的/和/与…"""
    return _doubled_words(table_texts(ctx))


def _label_typos(labels: Labels) -> list[Hit]:
    """Labels one character away from exactly one label of the framework."""
    fw = labels.framework
    allowed = {1: tuple(fw.level1), 2: tuple(l2 for l2s in fw.level2.values() for l2 in l2s)}
    groups: dict[tuple[str, str], list[int]] = {}
    hits = []
    for info in labels.rows:
        for level, key, canonical in ((1, "level1", info.level1), (2, "level2", info.level2)):
            if canonical and canonical not in allowed[level]:
                groups.setdefault((key, canonical), []).append(info.index)
    for (key, label), rows in groups.items():
        near = [a for a in allowed[1 if key == "level1" else 2] if _one_apart(label, a)]
        if len(near) != 1:
            continue
        right = near[0]
        refs = tuple(("indicators", i, key) for i in rows)
        hits.append(
            Hit(
                refs[0],
                f"{describe(refs[0])}疑似错别字：“{label}”应为“{right}”",
                f"probable typo: {label} → {right}",
                refs[1:],
                Fix(tuple((ref, right) for ref in refs), f"改为“{right}”", f"write '{right}'"),
            )
        )
    return hits


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


@rule(
    "W002",
    "warning",
    "疑似错别字",
    "probable typo",
    why="错别字常见于公开发布的绩效目标表（“建立建全”“拔付”；种子表“代发放金额”）（typos are "
    "common in published tables）。词典见 tui/rules/lexicon.py；修复：改为词典中的写法（fix: "
    "the dictionary's spelling）。",
    fires=[
        Example(
            {"资格认证率.name": "资格认证合格律"},
            at="资格认证率.name",
            fixed={"资格认证率.name": "资格认证合格率"},
        ),
        Example(
            {"长效管理机制健全性.annual": "建立建全"},
            at="长效管理机制健全性.annual",
            fixed={"长效管理机制健全性.annual": "建立健全"},
        ),
        Example(
            {"服务对象满意度.level2": "服务对象满意渡指标"},
            at="服务对象满意度.level2",
            fixed={"服务对象满意度.level2": "服务对象满意度指标"},
            note="标签与指标体系中的一个名称只差一个字（a label one character off）",
        ),
    ],
    passes=[
        Example({"goals.annual": "本年度以经济效益为主，举办工作会议，节约资金。"}),
        Example({"资格认证率.name": "法律援助覆盖率"}),
    ],
    rows=_in_rows(_typos),
)
def no_typos(ctx: Context) -> Iterator[Hit]:
    """Known misspellings, 率/度 words with the wrong last character (合格律, 满意渡), dictionary
    words with one look-alike character (验收合各率), labels one character off the framework's."""
    yield from _typos(table_texts(ctx))
    yield from ctx.by_labels("W002", _label_typos)


@rule(
    "W003",
    "hint",
    "多余的空格",
    "stray spaces",
    why="中文之间的空格多是从 Excel、PDF 粘贴带来的（种子表“影响程度 较高”），使同样的写法看起来"
    "不同（spaces between Chinese characters come from pasting and make equal texts differ）。"
    "修复：删去这些空格（fix: remove them）。",
    fires=[
        Example(
            {"长效管理机制健全性.annual": "机制 健全 "},
            at="长效管理机制健全性.annual",
            fixed={"长效管理机制健全性.annual": "机制健全"},
        )
    ],
    passes=[Example({"采购资格认证设备数量.annual": "10套 ISO 9001 设备"})],
    rows=_in_rows(_stray_spaces),
)
def no_stray_spaces(ctx: Context) -> Iterator[Hit]:
    """Spaces between two Chinese characters, or at either end of a name, value or goal
    (spaces next to Latin words and numbers stay)."""
    return _stray_spaces(table_texts(ctx))


@rule(
    "W004",
    "hint",
    "全角数字或符号",
    "full-width digits or signs",
    why="全角数字和符号（９０％、＞＝）无法被一体化系统和本程序当作数字读取（full-width digits "
    "and signs are not read as numbers）。修复：改为半角，>= 写作 ≥（fix: plain digits, ≥）。",
    fires=[
        Example(
            {"资格认证率.annual": "≥９０％"},
            at="资格认证率.annual",
            fixed={"资格认证率.annual": "≥90%"},
        ),
        Example(
            {"资格认证率.medium": ">=90%"},
            at="资格认证率.medium",
            fixed={"资格认证率.medium": "≥90%"},
        ),
    ],
    passes=[Example({"长效管理机制健全性.annual": "健全（按规定）：是"}, note="中文标点不变")],
    per_row=True,
)
def plain_digits(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """Names and values with full-width digits, ％, ．, ＞＝ and the like, or ``>=``/``<=``."""
    for info in rows:
        for ref, _, slips in row_texts(info):
            if slips.folded is not None:
                fix = text_fix(ref, slips.folded, info.row.name)
                yield Hit(ref, f"{describe(ref)}含全角数字或符号", fix=fix)


@rule(
    "W005",
    "hint",
    "界限写成了文字",
    "bound written in words",
    why="指标值用符号写界限（≥90%），与一体化系统的计算符号一致，也便于核对与评分（种子表"
    "“达到90%以上”）（a bound is written with its sign, as the budget system's 计算符号）。修复："
    "改为符号写法（fix: write the sign）。",
    fires=[
        Example(
            {"资格认证率.medium": "达到90%以上"},
            at="资格认证率.medium",
            fixed={"资格认证率.medium": "≥90%"},
        ),
        Example(
            {"设备采购成本.annual": "不超过5万元"},
            at="设备采购成本.annual",
            fixed={"设备采购成本.annual": "≤5万元"},
        ),
    ],
    passes=[
        Example({"资格认证率.medium": "≥90%"}),
        Example({"培训完成时间.annual": "3个工作日内"}, note="时限不改写（deadlines stay）"),
    ],
    per_row=True,
)
def bound_in_signs(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A value that is one bound in words (达到90%以上, 不少于10场, 不超过5万元)."""
    for info in rows:
        for ref, text, slips in row_texts(info):
            signed = slips.signed
            if signed is not None and ref[2] in COLUMNS:
                yield Hit(
                    ref,
                    f"{describe(ref)}“{short(text.strip())}”宜写作“{signed}”",
                    f"write '{signed}'",
                    fix=set_to(ref, signed),
                )
