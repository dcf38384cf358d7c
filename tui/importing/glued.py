"""Cut text that arrived without separators into cells, by labels and value shapes.

Web pages flattened to text and Word files pasted as plain text lose their
cell borders: ``产出指标数量指标农村义务教育学校改造覆盖率100%``,
``项目主管部门青山区教育局项目执行单位化工区学校``. Known labels (header labels,
column headings, 一级/二级 names) and value shapes (``100%``, ``≥90%``,
``稳步提高``) are enough to cut them: a text is cut only where it *starts*
with a known label followed by more text, and then at every further known label
inside it; the value at the end of what remains is cut off.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from tui.importing.columns import COLUMN_LABELS
from tui.importing.labels import HEADER_LABELS, furniture
from tui.importing.levels import LEVEL_NAMES, is_known_level1, is_nested_name, split_label_prefix
from tui.importing.shapes import (
    HAN,
    STANDARDS,
    WHOLE_VALUES,
    is_quantity,
    split_inner_values,
    split_lead_number,
    split_value_tail,
)

_MIN_LABEL = 4  # shorter labels (中期, 年度, 总体) occur inside ordinary words
_MIN_INNER = 4
_SHORT = 3  # a header label this long is cut out of a glued text only before a number or colon
_LONG_TEXT = 100  # a text this long with this many different labels in it is a glued table
_MANY_LABELS = 4
_MIN_REST = 3  # a label + fewer characters (no colon) is one word: 财政资金补助
_GLUED_REST = 4  # a label + this many characters glued straight on is a sign of a glued paste
_LIKELY_SIGNS = 2
_LABEL_NOTE = re.compile(r"[(（][^()（）]{1,6}[)）](?=[:：])")  # a label's (盖章): before its value
_SEPARATORS = ("", " ", "(", "（", ":", "：", "\u3000")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_EXPLAIN = re.compile(r"(?<=.{2})(?=反映)")
# The table's last row: 合计, 总分, 得分合计 (a self-evaluation's total), a note.
_CLOSE = re.compile(r"(?<=.)(?=得分合计|总分|(?<!得分)合计|注[:：])|(?<=总分|合计)(?=.)")
_MAX_TAILS = 4
_FUNDING = ("total", "fiscal", "other")  # label kinds that also begin indicator names
_MIN_REPEAT = 2  # a value repeated (target, then actual) is at least this long
_MIN_TWICE = 4  # a name written twice in a row (三级, then 指标解释) is at least this long
# The words a 三级 name ends with, and how long a name and an explanation glued to it are.
_NAME_END = re.compile(
    "(?:数量|人数|次数|个数|户数|面积|金额|时间|标准|成本|情况|率|数|度|性|量)(?![量率数])"
)
_MIN_NAME, _MIN_EXPLANATION = 3, 4
# …and where a short value (有效, 提升, or a word of the name again) may close it.
_CLOSING_WORDS = "水平|能力|程度|效果|环境|资源|意识|机制|指数|力"
_NAME_CLOSE = re.compile(f"(?:{_NAME_END.pattern}|{_CLOSING_WORDS})$")
_SHORT_VALUE = re.compile(r"[\u4e00-\u9fff]{1,4}$")
_TITLE_MAX = 30
_MIN_HEADING, _MIN_HEADINGS = 2, 2  # 权重得分: a run of column headings, each this long
_HEADING_WORDS = sorted((w for w in COLUMN_LABELS if len(w) >= _MIN_HEADING), key=len, reverse=True)
_STANDARD_END = re.compile("(?:" + "|".join(sorted(STANDARDS)) + ")$")
_WEIGHT = re.compile(r"[1-9]\d{0,2}")
_SHORT_FIELDS = sorted(
    w for w, (kind, _) in HEADER_LABELS.items() if kind == "field" and len(w) == _SHORT
)
_SHORT_LABEL = re.compile("(?:" + "|".join(_SHORT_FIELDS) + r")(?=[\d:：])")
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# In a name, a space between Chinese characters or a digit and one: a PDF or web line wrap.
_NAME_WRAP = re.compile(r"(?<=[\u4e00-\u9fff\d]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")


@cache
def _label_pattern(least: int = _MIN_LABEL, levels: bool = False) -> re.Pattern[str]:
    words = {w for w in (*HEADER_LABELS, *COLUMN_LABELS) if len(w) >= least}
    if levels:  # 一级/二级 names too, with an optional score suffix
        words |= {w for w in LEVEL_NAMES if w.endswith("指标")}
    pattern = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(f"(?:{pattern})" + (r"(?:[(（]\d+分[)）])?" if levels else ""))


def _label_rest(text: str) -> str | None:
    """What follows a known label ``text`` starts with (``None`` when it starts with none)."""
    match = _label_pattern().match(unicodedata.normalize("NFKC", text))
    return None if match is None else text[match.end() :]


def starts_with_label(text: str) -> bool:
    """Whether ``text`` starts with a known label and has more text after it.

    A short word after the label without a colon (``财政资金补助``, ``年度目标任务``)
    makes a longer word, not a label and its value.
    """
    if split_label_prefix(text):
        return True
    rest = _label_rest(text)
    if rest is None:
        return False
    tail = _PAREN.sub("", rest).strip()
    value = tail.strip(" :：")
    return bool(value) and (tail[0] in ":：" or len(value) >= _MIN_REST or is_quantity(value))


def looks_glued(text: str) -> bool:
    """A long text holding several known labels: a table that lost its separators."""
    if len(text) < _LONG_TEXT:
        return False
    found = _label_pattern().findall(unicodedata.normalize("NFKC", text))
    return len(set(found)) >= _MANY_LABELS


def glue_evidence(text: str) -> int:
    """How surely a cell's ``text`` lost its separators.

    2: a long run of labels, a 一级/二级 name with more text glued straight after
    it (``产出指标数量指标…``), or a label with text glued straight after it and
    another label further on; 1: a label with a text glued straight after it
    (``项目名称农村义务教育…``); 0: none — a label followed by a space, a colon or a
    parenthesised part is an ordinary cell.
    """
    if looks_glued(text):
        return 2
    prefix = split_label_prefix(text)
    if prefix is not None and prefix[1][:1] not in _SEPARATORS:
        return 2
    rest = _label_rest(text)
    if rest is None or rest[:1] in _SEPARATORS:
        return 0
    if len(set(_label_pattern().findall(unicodedata.normalize("NFKC", text)))) >= 2:
        return 2  # 项目主管部门青山区教育局项目执行单位…: two labels in one run of text
    return 1 if len(_PAREN.sub("", rest).strip()) >= _GLUED_REST else 0


def paste_is_glued(texts: list[str]) -> bool:
    """Whether a paste lost its separators: one sure sign, or several likely ones."""
    evidence = [glue_evidence(t) for t in texts]
    return max(evidence, default=0) >= 2 or evidence.count(1) >= _LIKELY_SIGNS


def _at_labels(
    text: str, levels: bool = False, opening: bool = False, inside: bool = False
) -> list[str]:
    """Cut ``text`` before and after every known label in it (and 一级/二级 prefixes).

    ``opening``: ``text`` opens a row of a paste glued throughout, where an older
    二级 spelling (社会效益, 产出数量) may start it, as it may follow a 一级.
    ``inside``: the text stands after an indicator heading, where a funding label
    glued to more words begins a name (``财政资金到位及时支付率``).
    """
    parts: list[str] = []
    rest = text
    kept = ""  # a funding label and the text before it, part of the next cut
    while rest:
        variant = is_known_level1(parts[-1]) if parts else opening
        prefix = split_label_prefix(rest, variant=variant)
        if prefix:
            parts += [kept, prefix[0]] if kept else [prefix[0]]
            kept = ""
            rest = prefix[1]
            continue
        match = _longest_label(unicodedata.normalize("NFKC", rest), levels)
        if match is None or is_nested_name(rest):  # 实施效果指标, not 实施 + 效果指标
            parts.append(kept + rest)
            break
        if inside and _begins_name(rest, *match):
            kept += rest[: match[1]]
            rest = rest[match[1] :]
            continue
        if kept or match[0]:
            parts.append(kept + rest[: match[0]])
            kept = ""
        end = match[1]
        noted = _LABEL_NOTE.match(rest, end)  # 项目单位(盖章):黄石市图书馆
        end = noted.end() if noted else end
        while end < len(rest) and rest[end] in ":：":
            end += 1
        parts.append(rest[match[0] : end])
        rest = rest[end:]
    return [p for p in parts if p.strip()]


def _begins_name(text: str, start: int, end: int) -> bool:
    """Whether the label at ``text[start:end]`` is a funding label with more Chinese glued
    straight after it: the start of an indicator name, not a label and its value."""
    label = HEADER_LABELS.get(text[start:end])
    return label is not None and label[0] in _FUNDING and bool(HAN.match(text, end))


def _longest_label(text: str, levels: bool) -> tuple[int, int] | None:
    """Where the first label in ``text`` starts and ends; a longer label overlapping it
    wins (``…建设项目主管部门名称及代码…``: 主管部门名称及代码, not 项目主管部门), and
    a three-character header label counts when a number or a colon follows it
    (项目期202001; not 目标值 in 达到目标值95%, a column heading's word in a sentence)."""
    pattern = _label_pattern(_MIN_INNER, levels)
    found = pattern.search(text)
    short = _SHORT_LABEL.search(text)
    if short and (found is None or short.start() < found.start()):
        return short.start(), short.end()
    if found is None:
        return None
    start, end = found.span()
    for at in range(start + 1, end):
        longer = pattern.match(text, at)
        if longer and longer.end() > end:
            return at, longer.end()
    return start, end


def unwrap_spaces(line: str) -> tuple[str, list[int]]:
    """A glued line without the single spaces between two Chinese characters, and where
    each of its characters stood in ``line``.

    A document pasted as plain text keeps its line wraps as spaces inside a cell
    (``县级储备粮管理制 度严格执行率``, ``绩 效 指 标``); in a paste that lost its
    separators they separate nothing, and the labels and values cut the text anyway.
    """
    origin = [i for i in range(len(line)) if not _WRAP_SPACE.match(line, i)]
    return "".join(line[i] for i in origin), origin


def split_explanation(text: str) -> tuple[str, str] | None:
    """``党建任务完成率上级党组织要求完成党建工作任务完成率`` → (``党建任务完成率``, the rest):
    a 三级 name glued to its 指标解释, cut after the first word a name ends with (率,
    数量, 标准 …) that leaves a text of its own; ``None`` when none does."""
    for match in _NAME_END.finditer(text):
        if match.end() >= _MIN_NAME and len(text) - match.end() >= _MIN_EXPLANATION:
            return text[: match.end()], text[match.end() :]
    return None


def unwrap_name(text: str) -> str:
    """An indicator name without the line-wrap spaces of a PDF or a web page:
    ``7 岁以下儿童健康管理率`` → ``7岁以下儿童健康管理率``, ``绩 效`` → ``绩效``."""
    return _NAME_WRAP.sub("", text)


def _headings(text: str) -> list[str]:
    """``指标值完成值权重得分`` → its column headings, when it is made of nothing else (short
    headings such as 权重, 得分 are cut only where they fill a run of headings)."""
    out: list[str] = []
    rest = text
    while rest:
        word = next((w for w in _HEADING_WORDS if rest.startswith(w)), None)
        if word is None:
            return [text]
        out.append(word)
        rest = rest[len(word) :]
    return out if len(out) >= _MIN_HEADINGS else [text]


def _title(text: str) -> bool:
    """A title on a line of its own (2022年区级一般性项目绩效目标表): not cut at 绩效目标."""
    return len(text) <= _TITLE_MAX and furniture(text) is not None


def split_glued(text: str, *, inner: bool, block: bool = False) -> list[str]:
    """The cells of a glued text; ``[text]`` when it does not start with a label.

    ``inner`` (a paste glued throughout) also cuts texts that do not start with
    a label, after values in the middle of a text and before 反映… explanations.
    ``block``: the text stands after an indicator heading (``_at_labels``' ``inside``).
    """
    if not (inner or starts_with_label(text)) or _title(text):
        return [text]
    out: list[str] = []
    for part in _at_labels(text, levels=inner, opening=inner, inside=block):
        headings = _headings(part)
        if len(headings) > 1:
            out += headings
            continue
        pieces = split_inner_values(part) if inner else [part]
        for piece in pieces:
            for bit in _at_labels(piece, levels=True, inside=block) if inner else [piece]:
                out += split_value(bit, inner=inner)
    return _weights_before_repeats(out) if inner else out


def _weights_before_repeats(parts: list[str]) -> list[str]:
    """``20100%`` followed by ``100%`` → ``20`` + ``100%``: a 分值 glued to a value repeated.

    A self-evaluation row gives 分值, 年度指标值 and 全年实际值 in a row; glued, a
    分值 runs into a value that starts with a digit, and the same value follows.
    """
    out: list[str] = []
    for n, part in enumerate(parts):
        after = parts[n + 1] if n + 1 < len(parts) else ""
        lead = part[: len(part) - len(after)]
        if after and part.endswith(after) and _WEIGHT.fullmatch(lead) and after[0] in "123456789":
            out += [lead, after]
        else:
            out.append(part)
    return out


def _before_explanation(text: str) -> list[str]:
    """``补助学生数量168`` (cut before ``反映…``) → [``补助学生数量``, ``168``]."""
    tail = None if text.startswith("反映") else split_value_tail(text)
    return [text] if tail is None else list(tail)


def _repeated_value(text: str) -> list[str]:
    """``成本控制不超过预算不超过预算`` → [``成本控制``, ``不超过预算``, ``不超过预算``]: a
    self-evaluation's target and actual value, alike, glued after the name; and
    ``机关事务正常运转率机关事务正常运转率`` → the name twice: a 三级 and its
    指标解释 (or a name and a target) written alike."""
    half = len(text) // 2
    if half >= _MIN_TWICE and text[:half] == text[half:]:
        return [text[:half], text[half:]]
    for size in range((len(text) - 1) // 2, _MIN_REPEAT - 1, -1):
        value = text[-size:]
        if text[-2 * size : -size] == value and not any(ch.isdigit() for ch in value):
            return [text[: -2 * size], value, value]
    return [text]


def _short_value(text: str) -> list[str]:
    """``长效管理制度健全性健全`` → [``长效管理制度健全性``, ``健全``]: a short value after a
    name's usual ending, when it is a whole-cell value (``有效``, ``减少``) or a word of the
    name written again; ``[text]`` otherwise."""
    found = _SHORT_VALUE.search(text)
    tail = found.group() if found else ""
    for size in range(len(tail), 0, -1):
        value, rest = text[-size:], text[:-size]
        known = value in WHOLE_VALUES or (size > 1 and value in rest)
        if known and len(rest) >= _MIN_NAME and _NAME_CLOSE.search(rest):
            return [rest, value]
    return [text]


def split_value(text: str, *, inner: bool = False) -> list[str]:
    """``校舍合格率100%`` → [``校舍合格率``, ``100%``]; labels are left whole."""
    if _label_pattern().fullmatch(unicodedata.normalize("NFKC", text).rstrip(":：")):
        return [text]
    standard = _STANDARD_END.search(text) if inner else None
    if standard is not None and standard.start() > 0:  # …情况2计划标准: a 绩效标准 column
        return [*split_value(text[: standard.start()], inner=True), standard.group()]
    tail = split_value_tail(text)
    parts = [text] if tail is None else list(tail)
    if inner and tail is None:
        parts = _short_value(text)
    while inner and tail is not None and len(parts) <= _MAX_TAILS:
        # a self-evaluation row glued whole: 名称 分值 目标值 实际值 (… 10 显著提升 显著提升)
        tail = split_value_tail(parts[0])
        if tail is not None:
            parts = [*tail, *parts[1:]]
    if inner:
        parts = [bit for part in parts for bit in _repeated_value(part)]
        parts = [bit for part in parts for bit in _CLOSE.split(part)]
        parts = [bit for part in parts for bit in _EXPLAIN.split(part)]
        parts = [bit for part in parts for bit in _before_explanation(part)]
        parts = [bit for part in parts for bit in split_lead_number(part)]
    return [p for p in parts if p]


# Full-width ASCII forms (！ to ～) as their ASCII letters, digits and signs.
_HALF_WIDTH = str.maketrans({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


def _cut(start: int, text: str, cutter: Callable[[str], list[str]]) -> list[tuple[int, str]]:
    """``text`` cut into its cells by ``cutter``, with their offsets: cut where it would be
    with its full-width letters, digits and signs (``＝１００％``) read as ASCII ones."""
    folded = text.translate(_HALF_WIDTH)  # one character for one: offsets stay
    out, at = [], 0
    for part in cutter(folded):
        found = folded.find(part, at)
        # A part the cutter rewrote is kept as it gave it.
        out.append(
            (start + found, text[found : found + len(part)]) if found >= 0 else (start + at, part)
        )
        at = (at if found < 0 else found) + len(part)
    return out


def glued_cells(start: int, text: str, *, inner: bool, block: bool) -> list[tuple[int, str]]:
    """A glued field starting at offset ``start`` cut into its cells (``split_glued``),
    with their offsets."""
    return _cut(start, text, lambda folded: split_glued(folded, inner=inner, block=block))


def value_cells(start: int, text: str) -> list[tuple[int, str]]:
    """A glued value cut from what follows it (``100%22.5``, ``split_value``), with the
    offsets."""
    return _cut(start, text, split_value)
