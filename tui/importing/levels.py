"""一级/二级 labels as they appear in real tables, and how well a cell reads as one.

Real tables decorate the category names: a score suffix (``成本指标(0-20)分``,
``产出指标(50分)``), an annotation in parentheses (``数量指标(或建筑规模指标)``,
``预算(或投资规模)控制指标``), spaces (``产出 指标``; a PDF's letter-spaced
``产 出 指 标`` is joined). ``clean_level`` takes the
decoration off (the annotation is returned so the caller can report it);
``respell`` reads a form that writes 值 for 指标 throughout (``产出值`` / ``数量值`` /
``经济效益值``) as the 指标 names; ``level_fit`` scores a cell as a 一级 or 二级 of a
framework; a label that is
not in any framework but ends in 指标 (``社会、经济、生态效益指标``) is a weak fit,
so unusual local trees still read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from tui.frameworks import (
    FRAMEWORKS,
    LABEL_VARIANTS,
    canonical_label,
    get_framework,
    without_etc,
)
from tui.importing.columns import column_slot
from tui.importing.labels import header_label
from tui.importing.shapes import is_value, unspaced

_SCORE = re.compile(r"\s*[(（]\s*\d+(?:\s*[-~～—]\s*\d+)?\s*分?\s*[)）]\s*分?\s*$")
_SCORE_HEAD = re.compile(r"\s*[(（]\s*\d+(?:\s*[-~～—]\s*\d+)?\s*分?\s*[)）]\s*分?")
_NOTE = re.compile(r"[(（]([^()（）]*)[)）]")
_SPACE = re.compile(r"[\s:：]+")
_LEVEL1 = {name for fw in FRAMEWORKS.values() for name in fw.level1}
_LEVEL2 = {name for fw in FRAMEWORKS.values() for l2s in fw.level2.values() for name in l2s}
LEVEL_NAMES = frozenset(_LEVEL1 | _LEVEL2 | set(LABEL_VARIANTS))
_WEAK_MAX = 14
_VALUE = "值"  # 产出值 / 数量值: a form's spelling of 产出指标 / 数量指标
_NAME_MAX = 30  # a category name, with a score or an annotation, is never longer
_ETC = "等"  # a longer text ending in 指标 is a sentence, not a category


@cache
def clean_level(text: str) -> tuple[str, str]:
    """``(label, note)``: the label without score suffix or annotation (letter spacing
    undone), and the annotation."""
    label = _SCORE.sub("", text.strip())
    notes = _NOTE.findall(label)
    label = unspaced(_NOTE.sub("", label).strip())
    if without_etc(label) != label:
        label, notes = without_etc(label), [*notes, _ETC]  # 服务对象满意度指标等
    return (label or text.strip()), "；".join(n.strip() for n in notes if n.strip())


@cache
def respell(label: str) -> str:
    """``产出值`` → ``产出指标``: a known 一级/二级 name spelt with 值 for 指标; else ``label``."""
    compact = _SPACE.sub("", unicodedata.normalize("NFKC", label))
    if compact.endswith(_VALUE) and compact[: -len(_VALUE)] + "指标" in LEVEL_NAMES:
        return compact[: -len(_VALUE)] + "指标"
    return label


def _compact(text: str, level: int) -> str:
    label = respell(clean_level(text)[0])
    return canonical_label(_SPACE.sub("", unicodedata.normalize("NFKC", label)), level)


@cache
def level_fit(text: str, level: int, framework: str) -> float:
    """How well ``text`` reads as a 一级 (``level=1``) or 二级 name.

    2 = a name of ``framework`` at that level, 1 = of the other framework,
    0.5 = an unknown label ending in 指标, 0 = not a category name.
    """
    name = _compact(text, level)
    fw = get_framework(framework)
    if level == 1:
        if name in fw.level1:
            return 2
        if name in _LEVEL1:
            return 1
    else:
        if any(name in l2s for l2s in fw.level2.values()):
            return 2
        if name in _LEVEL2:
            return 1
    other = _LEVEL2 if level == 1 else _LEVEL1 - _LEVEL2
    weak = (
        name not in other  # a known 二级 is no unknown 一级 (and the reverse)
        and name.endswith("指标")
        and 3 < len(name) <= _WEAK_MAX
        and column_slot(name) is None
        and header_label(name) is None
        and not any(ch.isdigit() for ch in name)
        and "达成" not in name
    )
    return 0.5 if weak else 0


# The 发改委 form for 中央预算内投资计划 nests the usual 一级 names one level down:
# 实施效果指标 → 产出指标 / 效益指标 / 满意度指标 → 三级. Read in a block that names one of
# these tops, its children are 二级 names.
NESTED_TOPS: dict[str, tuple[str, ...]] = {
    "实施效果指标": ("产出指标", "效益指标", "满意度指标"),
    "过程管理指标": ("计划管理指标", "资金管理指标", "项目管理指标", "监督检查指标"),
    # The evaluation framework (财预〔2020〕10号) some units fill as targets: 决策 → 项目立项…
    "决策": ("项目立项", "绩效目标", "资金投入"),
    "过程": ("资金管理", "组织实施"),
}
_NESTED_CHILDREN = {child for children in NESTED_TOPS.values() for child in children}
_NESTED_NAMES = frozenset((*NESTED_TOPS, *_NESTED_CHILDREN))


def is_nested_name(text: str) -> bool:
    """Whether ``text`` is a name of the nested tree (``实施效果指标``, ``计划管理指标``)."""
    return len(text) <= _NAME_MAX and _compact(text, 1) in _NESTED_NAMES


def is_nested_top(text: str) -> bool:
    """Whether ``text`` is the top of a nested tree (``实施效果指标``)."""
    return _compact(text, 1) in NESTED_TOPS


@cache
def nested_fit(text: str, level: int, framework: str) -> float:
    """``level_fit`` in a block of a nested tree: its tops are 一级, their children 二级."""
    name = _compact(text, 1)
    if level == 1:
        return (
            2
            if name in NESTED_TOPS
            else 0
            if name in _NESTED_CHILDREN
            else level_fit(text, 1, framework)
        )
    return 2 if name in _NESTED_CHILDREN else level_fit(text, 2, framework)


def is_level(text: str, *, strong: bool = False) -> bool:
    """Whether ``text`` reads as a 一级 or 二级 name (of a framework, when ``strong``)."""
    least = 1 if strong else 0.5
    return max(level_fit(text, 1, "2015"), level_fit(text, 2, "2015")) >= least


def is_category(text: str) -> bool:
    """A 一级/二级 name (ending in 指标) standing where a 三级 name would be."""
    return text.rstrip().endswith("指标") and is_level(text, strong=True)


def same_level2(a: str, b: str) -> bool:
    """Whether two 二级 cells name the same group."""
    return _compact(a, 2) == _compact(b, 2)


def same_level1(a: str, b: str) -> bool:
    """Whether two 一级 cells name the same group."""
    return _compact(a, 1) == _compact(b, 1)


def parent_of(level2: str, framework: str) -> str | None:
    """The 一级 a 二级 belongs to: in ``framework`` first, else in any framework."""
    name = _compact(level2, 2)
    found = get_framework(framework).parent_of(name)
    if found:
        return found
    for fw in FRAMEWORKS.values():
        found = fw.parent_of(name)
        if found:
            return found
    return None


def owns(level1: str, level2: str) -> bool:
    """Whether a 二级 belongs under a 一级 in some framework, or in the nested tree."""
    l1, l2 = _compact(level1, 1), _compact(level2, 2)
    nested = _compact(level2, 1) in NESTED_TOPS.get(l1, ())  # 实施效果指标 → 产出指标
    return nested or any(l2 in fw.level2.get(l1, ()) for fw in FRAMEWORKS.values())


def is_known_level1(text: str) -> bool:
    """Whether ``text`` is a 一级 of some framework."""
    return _compact(text, 1) in _LEVEL1


def canonical_level1(text: str) -> str:
    """The canonical 一级 name ``text`` stands for (``成本指标(0-20)分`` → ``成本指标``)."""
    return _compact(text, 1)


_MIN_VARIANT = 4  # 产出数量, 社会效益: shorter spellings (数量, 满意度) begin ordinary names


def _prefix_fits(head: str, rest: str, variant: bool) -> bool:
    if head.endswith("指标"):  # a name of the nested tree's too (实施效果指标产出指标…)
        known = max(level_fit(head, 1, "2015"), level_fit(head, 2, "2015")) >= 1
        return known or head in _NESTED_NAMES
    return (
        variant
        and len(head) >= _MIN_VARIANT
        and head in LABEL_VARIANTS
        and level_fit(head, 2, "2015") >= 1
        and not is_value(rest)  # 服务对象满意度95%: a name and its value
    )


def split_label_prefix(text: str, *, variant: bool = False) -> tuple[str, str] | None:
    """``产出指标数量指标校舍…`` → (``产出指标``, ``数量指标校舍…``), or ``None``.

    Only a known 一级/二级 name ending in 指标 with more text glued after it; with
    ``variant`` (after a 一级, or opening a row of a paste glued throughout) also an
    older 二级 spelling without 指标 (``社会效益``, ``产出数量``) before a name.
    """
    compact = unicodedata.normalize("NFKC", text)
    for size in range(min(len(compact), 16), 1, -1):
        head = compact[:size]
        if _prefix_fits(head, compact[size:], variant):
            rest = text[size:]
            score = _SCORE_HEAD.match(rest)
            if score:
                head, rest = text[: size + score.end()], rest[score.end() :]
            if _NOTE.fullmatch(rest.strip()) or rest.strip() == _ETC:
                return None  # 成本指标(必填硬性指标), 服务对象满意度指标等: one label
            if rest.strip():
                return text[: len(head)], rest
            return None
    return None
