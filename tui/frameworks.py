"""The two official indicator frameworks, as data.

财预〔2015〕88号 (``"2015"``): 成本指标 is a 二级 under 产出指标.
财预〔2021〕101号 (``"2021"``): 成本指标 is a 一级 of its own.

Each framework lists its 一级 in order, the 二级 allowed under each, which 一级
are required, and a few common 三级 names per 二级 (used for completion and by
``jixiao new``). ``LABEL_VARIANTS`` maps wordings seen in real tables to the
canonical names, so a variant is a hint rather than an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Framework:
    """One indicator framework: 一级 in order, each with its allowed 二级."""

    code: str
    title: str
    level1: tuple[str, ...]
    level2: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    common: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def parent_of(self, level2: str) -> str | None:
        """The 一级 under which ``level2`` belongs, or ``None``."""
        for l1, l2s in self.level2.items():
            if level2 in l2s:
                return l1
        return None


_COMMON = {
    "数量指标": ("完成项目数", "服务人次", "培训人次", "发放人数", "采购设备数量"),
    "质量指标": ("资金发放准确率", "验收合格率", "资格认证率", "支出合规性"),
    "时效指标": ("完成及时率", "计划完成时间", "资金拨付及时性"),
    "成本指标": ("项目总成本", "办公成本", "设备采购成本"),
    "经济成本指标": ("项目总成本", "设备采购成本", "劳务成本"),
    "社会成本指标": ("对社会发展可能造成的负面影响",),
    "生态环境成本指标": ("对生态环境可能造成的负面影响",),
    "经济效益指标": ("带动经济增长", "节约成本"),
    "社会效益指标": ("对保障业务工作正常开展的影响程度", "受益人数"),
    "生态效益指标": ("对生态环境的改善程度",),
    "可持续影响指标": ("对单位履职、促进事业发展的持续影响程度", "长效管理机制健全性"),
    "服务对象满意度指标": ("服务对象满意度", "群众满意度"),
}

FRAMEWORK_2015 = Framework(
    code="2015",
    title="财预〔2015〕88号",
    level1=("产出指标", "效益指标", "满意度指标"),
    level2={
        "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
        "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
        "满意度指标": ("服务对象满意度指标",),
    },
    required=("产出指标", "效益指标", "满意度指标"),
    common=_COMMON,
)

FRAMEWORK_2021 = Framework(
    code="2021",
    title="财预〔2021〕101号",
    level1=("成本指标", "产出指标", "效益指标", "满意度指标"),
    level2={
        "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
        "产出指标": ("数量指标", "质量指标", "时效指标"),
        "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
        "满意度指标": ("服务对象满意度指标",),
    },
    required=("成本指标", "产出指标", "效益指标", "满意度指标"),
    common=_COMMON,
)

FRAMEWORKS: dict[str, Framework] = {"2015": FRAMEWORK_2015, "2021": FRAMEWORK_2021}
DEFAULT_FRAMEWORK = FRAMEWORK_2015.code  # a file without ``framework`` uses 88号

# Wordings seen in real tables → canonical name. Whitespace is ignored before lookup.
LABEL_VARIANTS: dict[str, str] = {
    "产出": "产出指标",
    "效益": "效益指标",
    "满意度": "满意度指标",
    "成本": "成本指标",
    "预期产出指标": "产出指标",
    "项目完成指标": "产出指标",  # Sichuan's 申报表: 项目完成指标 / 项目效益指标 as 一级
    "项目完成": "产出指标",  # …and Xinjiang's, written short
    "项目效益指标": "效益指标",
    "效果指标": "效益指标",
    "成效指标": "效益指标",  # an older form: 产出指标 / 成效指标
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "服务对象满意度": "服务对象满意度指标",
    "满意度指标": "满意度指标",
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "产出数量": "数量指标",  # older forms: 产出数量 / 产出质量 / 产出时效 / 产出成本 as 二级
    "产出质量": "质量指标",
    "产出时效": "时效指标",
    "产出成本": "成本指标",
    "产出数量指标": "数量指标",
    "产出质量指标": "质量指标",
    "产出时效指标": "时效指标",
    "产出成本指标": "成本指标",
    "数量目标": "数量指标",  # an old form writing 目标 for 指标 (数量目标, 社会效益目标 …)
    "质量目标": "质量指标",
    "时效目标": "时效指标",
    "成本目标": "成本指标",
    "经济效益目标": "经济效益指标",
    "社会效益目标": "社会效益指标",
    "环境效益目标": "生态效益指标",
    "生态效益目标": "生态效益指标",
    "可持续影响目标": "可持续影响指标",
    "服务对象满意度目标": "服务对象满意度指标",
    "进度指标": "时效指标",
    "工期指标": "时效指标",
    "经济效益": "经济效益指标",
    "社会效益": "社会效益指标",
    "生态效益": "生态效益指标",
    "环境效益指标": "生态效益指标",
    "环境效益": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "经济成本": "经济成本指标",
    "社会成本": "社会成本指标",
    "生态环境成本": "生态环境成本指标",
}

# 满意度指标 (or 满意度) is sometimes written as the 二级 under 满意度指标 or 效益指标.
LEVEL2_VARIANTS: dict[str, str] = {"满意度指标": "服务对象满意度指标"}

_SPACE = re.compile(r"\s+")


def get_framework(code: str) -> Framework:
    """The framework for ``code``; unknown codes fall back to the default."""
    return FRAMEWORKS.get(code, FRAMEWORKS[DEFAULT_FRAMEWORK])


def without_etc(label: str) -> str:
    """``服务对象满意度指标等`` → ``服务对象满意度指标``: a template's trailing 等 after a
    category name taken off (any other text comes back as it is)."""
    stripped = label.rstrip()
    if stripped.endswith("等") and stripped[:-1].rstrip().endswith("指标"):
        return stripped[:-1].rstrip()
    return label


def canonical_label(label: str, level: int) -> str:
    """The canonical spelling of a 一级 (``level=1``) or 二级 (``level=2``) label.

    Whitespace is dropped ("产出 指标" → "产出指标"), a template's trailing 等 too
    ("服务对象满意度指标等"), and known variants mapped; an unknown label comes back
    with its whitespace removed.
    """
    compact = without_etc(_SPACE.sub("", label))
    named = LABEL_VARIANTS.get(compact, compact)
    return LEVEL2_VARIANTS.get(named, named) if level == 2 else named
