"""A small dictionary of these tables' words, for the typo and doubled-word rules.

No network and no model: the words are the frameworks' labels, the common 三级
names, and frequent words of published 绩效目标表 (below). A typo is found three
ways, each giving the correct spelling:

* a known misspelling (``MISSPELLINGS``: 建立建全 → 建立健全, 拔付 → 拨付);
* a rate or degree word with the wrong last character (合格律 → 合格率,
  满意渡 → 满意度), from the stems that take 率 or 度;
* a dictionary word of three or more characters with one character swapped
  for a look-alike or sound-alike (``CONFUSABLE``), as 验收合各 for 验收合格.

``typos(text)`` and ``doubled(text)`` return ``Slip``s (where, what, the
correction); ``corrected(text)`` applies them all. Results are cached per text,
so a re-check after a keystroke scans only the text that changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tui.frameworks import FRAMEWORKS, LABEL_VARIANTS
from tui.parsing.indicator_value import TEXT_CACHE_SIZE


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Misspellings seen in published tables and in the seed (wrong → right).
MISSPELLINGS: dict[str, str] = {
    "代发放": "代发",  # seed: 各项代发放金额准确率
    "建立建全": "建立健全",
    "机制建全": "机制健全",
    "制度建全": "制度健全",
    "拔付": "拨付",
    "拔款": "拨款",
    "部暑": "部署",
    "布署": "部署",
    "贯切": "贯彻",
    "复盖": "覆盖",
    "挡案": "档案",
    "帐户": "账户",
    "帐目": "账目",
    "台帐": "台账",
    "对帐": "对账",
    "记帐": "记账",
    "帐务": "账务",
    "帐簿": "账簿",
    "报消": "报销",
    "峻工": "竣工",
    "采够": "采购",
    "既时": "及时",
    "按装": "安装",
    "坐谈会": "座谈会",
    "积效": "绩效",
    "一如继往": "一如既往",
    "再接再励": "再接再厉",
    "按步就班": "按部就班",
    "综和": "综合",
    "反溃": "反馈",
    "己经": "已经",
    "自已": "自己",
    "绩效目表": "绩效目标",
    "指票": "指标",
}

# Stems written with 率 (a rate) and with 度 (a degree): 合格律 and 满意渡 are slips.
RATE_STEMS = _words(
    "合格 覆盖 准确 完成 及时 达标 知晓 执行 利用 使用 发放 入学 就业 普及 到位 支付 结余 节支 "
    "出勤 参与 回收 处理 检测 转化 治愈 通过 认证 完好 成活 存活 建档 增长 完工 开工 验收 办结 "
    "合规 正确 差错 投诉 响应 兑现 拨付 达成 录入 运行 在线 解决 受理 办理 签约 参保 缴费 征收 "
    "审核 整改 落实 升学 巩固 优良 优秀 及格 损耗 发生 报废 闲置 入住 周转 贡献 满意 上线 出栏 "
    "接通 核查 增"
)
DEGREE_STEMS = _words("满意 进 程 力 年 知名 认可 透明 信任 活跃 熟练 精准 热")

# Look-alike and sound-alike characters (each pair both ways).
CONFUSABLE_PAIRS = _words(
    "率律 度渡 拨拔 账帐 健建 署暑 彻切 覆复 档挡 绩积 既即 及即 销消 竣峻 购够 座坐 馈溃 厉励 "
    "效校 益溢 验险 准淮 障彰 资姿 费废 报抱 稳隐 综棕 合和 格各 标际 确却 规观 范犯 核该 监鉴 "
    "督瞥 审申 训驯 培倍 护扩 辖辑 筹愁 指旨"
)

# Frequent words of these tables (besides the labels and common 三级 names).
FREQUENT_WORDS = _words(
    "绩效目标 绩效指标 项目支出 预算执行 资金拨付 资金发放 专项资金 财政拨款 其他资金 资金总额 "
    "项目总成本 办公成本 劳务成本 设备采购 政府采购 验收合格 验收合格率 合格率 准确率 覆盖率 "
    "完成率 及时率 知晓率 达标率 满意度 服务对象 服务对象满意度 群众满意度 社会效益 经济效益 "
    "生态效益 可持续影响 长效管理机制 长效机制 健全性 规范性 合规性 及时性 有效性 安全性 "
    "完成时间 计划完成时间 完成及时率 资金使用 资金使用率 受益人数 受益群众 培训人次 培训场次 "
    "服务人次 发放人数 退休人员 社会化管理 管理服务 履职 事业发展 业务工作 正常开展 影响程度 "
    "提升程度 改善情况 信息系统 档案管理 档案整理 数据整理 宣传费 劳务费 印刷费 办公耗材 "
    "代发项目 生活补助 补贴发放 资格认证 资格认证率 文体活动 年底之前 工作日 及时足额 足额发放 "
    "按时足额 运行维护 运维服务 维护保养 监督检查 绩效评价 绩效监控 预算绩效管理 实施细则 "
    "管理办法 规章制度 安全生产 安全事故 投诉率 办结率 响应时间 整改落实 工作机制 群众获得感"
)


class Slip(NamedTuple):
    """A slip in a text: ``text[start:end]`` is ``wrong`` and should read ``right``."""

    start: int
    end: int
    wrong: str
    right: str


def _terms() -> set[str]:
    terms = set(FREQUENT_WORDS) | set(LABEL_VARIANTS) | set(LABEL_VARIANTS.values())
    for fw in FRAMEWORKS.values():
        terms.update(fw.level1)
        for level2 in fw.level2.values():
            terms.update(level2)
        for names in fw.common.values():
            terms.update(names)
    terms.update(f"{stem}率" for stem in RATE_STEMS)
    terms.update(f"{stem}度" for stem in DEGREE_STEMS)
    return terms


TERMS: frozenset[str] = frozenset(_terms())


def _confusables() -> dict[str, str]:
    table: dict[str, str] = {}
    for pair in CONFUSABLE_PAIRS:
        a, b = pair[0], pair[1]
        table[a] = table.get(a, "") + b
        table[b] = table.get(b, "") + a
    return table


def _variants() -> dict[str, str]:
    """Misspelling → correct spelling: the curated list, the 率/度 stems, and each term
    of three or more characters with one character swapped for a confusable one."""
    swaps = _confusables()
    found: dict[str, str] = {}
    for term in sorted(TERMS):
        if len(term) < 3:
            continue
        for i, ch in enumerate(term):
            for other in swaps.get(ch, ""):
                found.setdefault(term[:i] + other + term[i + 1 :], term)
    found.update({f"{stem}律": f"{stem}率" for stem in RATE_STEMS})
    found.update({f"{stem}渡": f"{stem}度" for stem in DEGREE_STEMS})
    # A "misspelling" that is itself a word, or part of one, is no slip.
    words = "\n".join(TERMS)
    found = {wrong: right for wrong, right in found.items() if wrong not in words}
    found.update(MISSPELLINGS)
    return found


VARIANTS: dict[str, str] = _variants()


def _trigger(wrong: str, right: str) -> int:
    """Where ``wrong`` first differs from ``right``: its tell-tale character."""
    for k, (x, y) in enumerate(zip(wrong, right)):
        if x != y:
            return k
    return min(len(right), len(wrong) - 1)


# Tell-tale character → (its offset in the misspelling, the misspelling), longest first:
# a text is scanned only where such a character stands.
_BY_TRIGGER: dict[str, list[tuple[int, str]]] = {}
for _wrong, _right in VARIANTS.items():
    _k = _trigger(_wrong, _right)
    _BY_TRIGGER.setdefault(_wrong[_k], []).append((_k, _wrong))
for _found in _BY_TRIGGER.values():
    _found.sort(key=lambda item: -len(item[1]))
_TRIGGERS = re.compile("[" + "".join(sorted(_BY_TRIGGER)) + "]")

_CJK = r"\u4e00-\u9fff"
_DOUBLED = re.compile(rf"([{_CJK}]{{2,6}})\1")
# Doubled single characters that are slips (的的) — 等等, 常常, 人人 are words, and
# 的的确确 (AABB) is one too.
_DOUBLED_CHARS = re.compile(r"([的了和与及或在是对将把为])\1(?!(.)\2)")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def typos(text: str) -> tuple[Slip, ...]:
    """The misspellings in ``text``, left to right (the longest where two overlap)."""
    found: list[Slip] = []
    for match in _TRIGGERS.finditer(text):
        pos = match.start()
        for offset, wrong in _BY_TRIGGER[match.group(0)]:
            start = pos - offset
            if start >= 0 and text.startswith(wrong, start):
                found.append(Slip(start, start + len(wrong), wrong, VARIANTS[wrong]))
    if len(found) < 2:
        return tuple(found)
    found.sort(key=lambda slip: (slip.start, -slip.end))
    kept: list[Slip] = []
    for slip in found:
        if not kept or slip.start >= kept[-1].end:
            kept.append(slip)
    return tuple(kept)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def doubled(text: str) -> tuple[Slip, ...]:
    """Words written twice in a row (文体活动活动 → 文体活动, 的的 → 的)."""
    slips = [Slip(m.start(), m.end(), m.group(0), m.group(1)) for m in _DOUBLED.finditer(text)]
    slips += [
        Slip(m.start(), m.end(), m.group(0), m.group(1)) for m in _DOUBLED_CHARS.finditer(text)
    ]
    return tuple(sorted(slips))


def apply_slips(text: str, slips: tuple[Slip, ...]) -> str:
    """``text`` with each slip replaced by its correction (slips must not overlap)."""
    out, last = [], 0
    for slip in sorted(slips):
        if slip.start < last:
            continue
        out.append(text[last : slip.start])
        out.append(slip.right)
        last = slip.end
    out.append(text[last:])
    return "".join(out)


def corrected(text: str) -> str:
    """``text`` with its doubled words, then its typos, corrected."""
    once = apply_slips(text, doubled(text))
    return apply_slips(once, typos(once))
