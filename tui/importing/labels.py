"""Recognise the labels of a 绩效目标表 by their text, whatever column they are in.

Labels are compared in a normal form: NFKC (full-width to half-width), no
whitespace, no colons, no parenthesised part, no leading "其中". Which label
means what is data (``HEADER_LABELS``); so are the 一级/二级 names (from
``tui.frameworks``) and the page furniture patterns (``FURNITURE``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tui.importing.columns import column_slot

# Normalised label → (kind, argument).
WEAK = "_weak"  # a field label's suffix: its value is used unless a stronger label gives one
HEADER_LABELS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        (
            "项目名称",
            "项目支出名称",
            "二级项目名称",
            "专项资金名称",
            "专项名称",
            "资金名称",
            "转移支付名称",  # 转移支付(项目)名称
            "转移名称",  # 转移(项目)名称
        ),
        ("field", "name"),
    ),
    **dict.fromkeys(
        ("部门编码", "主管部门编码", "部门预算编码", "单位编码", "单位代码"),
        ("field", "department_code"),
    ),
    # The budget unit: the department unless a 主管部门 label names another.
    # …and a higher level's 主管部门 of a transfer form (中央/省级/市级), the local one given too.
    **dict.fromkeys(
        (
            *("预算单位", "预算部门", "编制单位", "绩效编制单位"),
            *("中央主管部门", "省级主管部门", "市级主管部门"),
        ),
        ("field", "department" + WEAK),
    ),
    # Header labels of local forms that the format has no field for: their values are reported.
    **dict.fromkeys(
        (
            *("项目类别", "项目分类", "项目类型", "项目审批", "项目总体概况", "项目概况"),
            *("项目负责人", "项目负责人及电话", "负责人及电话", "项目负责人及联系电话"),
            *("立项依据", "政策依据", "财政资金预算分类", "财政资金科目代码", "年度预算执行率"),
            *("主管部门审核意见", "项目基本情况", "资金用途", "资金性质", "一级项目名称"),
            # a transfer form's finance departments, level by level
            *("省级财政部门", "市级财政部门", "县级财政部门", "区级财政部门"),
            *("监督管理单位", "组织实施单位"),  # above the implementer: not it
            *("单位职能概述", "部门职能概述", "部门职责", "部门相应职能职责概述"),
            *("项目立项情况", "项目立项的依据", "项目申报的可行性", "项目申报的必要性"),
            *("项目实施进度计划", "专项立项依据", "专项实施进度计划"),
            *("功能科目编码", "功能科目名称", "是否新增", "以前年度项目绩效情况"),
            "项目支出内容及明细预算",
        ),
        ("unmapped", ""),
    ),
    **dict.fromkeys(
        (
            "主管部门及代码",
            "主管部门",
            "主管部门代码",
            "主管部门名称及代码",
            "主管部门及编码",
            *("项目主管部门", "项目主管单位", "主管单位"),
            "业务主管部门",
            "部门",
            "部门名称",
            "部门单位名称",
            "主管部门及其编码",
            "主管部门名称",
            "一级主管部门名称",
            "地方主管部门",
            "县级主管部门",
            "区级主管部门",
            "主管预算部门",
        ),
        ("field", "department"),
    ),
    **dict.fromkeys(
        (
            "实施单位",
            "项目实施单位",
            "项目执行单位",
            "具体实施单位",
            "申报单位",
            "项目单位",
            "资金使用单位",
            "项目申报单位名称",
            "项目实施单位名称",
        ),
        ("field", "implementer"),
    ),
    # The unit a table is the budget of: its implementer unless a 实施单位 label names one.
    **dict.fromkeys(("单位名称",), ("field", "implementer" + WEAK)),
    **dict.fromkeys(("项目属性", "项目性质", "项目来源", "专项属性"), ("field", "attribute")),
    **dict.fromkeys(
        (
            "项目期",
            "项目日期",
            "项目起止时间",
            "项目周期",
            "建设周期",
            "项目支出实施期",
            "项目实施期",
            "项目期限",
            "实施期限",
            "项目计划实施时间",
            "项目实施时间",
            *("专项起止时间", "专项实施期", "专项期限"),
        ),
        ("field", "period"),
    ),
    # The period in two fields (Shanghai's and Gansu's forms): joined as 开始至完成.
    **dict.fromkeys(("计划开始日期", "项目开始日期", "项目开始时间"), ("field", "period_start")),
    **dict.fromkeys(
        ("计划完成日期", "项目完成日期", "项目结束日期", "项目结束时间"), ("field", "period_end")
    ),
    **dict.fromkeys(("项目资金", "项目资金情况", "资金情况", "项目资金申请"), ("funding", "")),
    **dict.fromkeys(
        (
            "中期资金总额",
            "实施期资金总额",
            "中期资金",
            "项目资金总额",
            "中期市财政预算",
            "项目总预算",
        ),
        ("total", "medium"),
    ),
    **dict.fromkeys(
        (
            "年度资金总额",
            "本年度资金总额",
            "当年资金总额",
            "年度资金",
            "项目金额",
            "当年年度预算",
            "本年度申请市财政预算资金",
            "年度资金申请总额",
        ),
        ("total", "annual"),
    ),
    # 资金总额 is the 中期 total when a 当年/年度 total stands beside it, else the 年度 one.
    **dict.fromkeys(("资金总额",), ("total", "either")),
    **dict.fromkeys(
        ("财政拨款", "财政资金", "财政拨款资金", "市财政资金", "上级资金"), ("fiscal", "")
    ),
    # 当年/本年 names the 年度 column whatever order the labels come in.
    **dict.fromkeys(("当年财政拨款", "本年财政拨款", "当年市级财政资金"), ("fiscal", "annual")),
    **dict.fromkeys(("其他资金", "其它资金"), ("other", "")),
    **dict.fromkeys(("当年其他资金",), ("other", "annual")),
    **dict.fromkeys(
        (
            "总体目标",
            "总体",
            "绩效目标",
            "总体绩效目标",
            "年度总体目标完成情况",
            "总体目标完成情况",
        ),
        ("goals", ""),
    ),
    **dict.fromkeys(
        (
            "中期目标",
            "实施期目标",
            "长期目标",
            "中期绩效目标",
            "实施期绩效目标",
            "中期滚动目标",
            "项目总目标",
            "项目期目标",
            "总目标",
        ),
        ("goal", "medium"),
    ),
    **dict.fromkeys(
        (
            "年度目标",
            "本年度目标",
            "年度绩效目标",
            "本年度绩效目标",
            "年度总体目标",
            "当年目标",
            "年度主要目标和成果",
            "年度主要目标",
            "预期目标",  # a self-evaluation form's 预期目标 | 实际完成情况
            "年初设定目标",
            "年度总体绩效目标",
            "项目年度目标",
            "项目年度绩效目标",
        ),
        ("goal", "annual"),
    ),
    **dict.fromkeys(
        (
            "绩效指标",
            *("项目绩效指标", "专项绩效指标", "专项年度绩效指标", "整体绩效指标"),
            "中期指标",
            "年度指标",
            "实施期指标",
            "绩效项目指标表",
            "长期绩效指标",
            "年度绩效指标",
            "年度绩效指标完成情况",
            "绩效指标完成情况",
        ),
        ("columns", ""),
    ),
    **dict.fromkeys(("中期", "实施期"), ("fundcol", "medium")),
    **dict.fromkeys(("年度", "本年度"), ("fundcol", "annual")),
}

# The form's sections after the indicator table (other matters, deviations, improvements).
_CLOSING = re.compile(
    r"^(其他(需要?)?说明的?(事项|问题|情况)|偏差(较?大)?或?目标未完成的?原因(分析)?|"
    r"改进措施及结果应用(方案)?|最近年度绩效评价情况|说明(?=无$|[:：]|$)|(预算)?绩效评价结果$)"
)

# The title of an indicator block that holds the medium-term targets only.
_MEDIUM_TERM = re.compile(r"^(中长期|中期|实施期)绩效指标$")

PAGE_TITLE = ("页面标题", "page title")  # the furniture kind of a form's title
PAGE_NUMBER = ("页码", "page number")  # the furniture kind of a page's number
UNIT_NOTE = "单位说明"  # the furniture kind of a unit note (金额单位:元, （元）)
# Page furniture: a line whose first cell matches is reported as a whole.
FURNITURE: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(
            r"绩效目标(申报|批复|审批|审核)?表|目标表$|绩效自评表$|自评表[|\s]*$|"
            r"(运行|执行)?监控表\s*([(（][^()（）]*[)）])?[|\s]*$"
        ),
        *PAGE_TITLE,
    ),
    (re.compile(r"^[(（]?\s*(19|2[0-2])\d{2}\s*年度?\s*[)）]?$"), *PAGE_TITLE),
    (
        re.compile(
            r"^(填表人|填报人|审核人|联系人|联系电话|制表人|单位负责人|财务负责人|项目负责人[:：]|"
            r"项目责任人|填报日期|填表日期|制表日期|(单位)?[(（]?盖章[)）]?|经办人|"
            r"(上报|报送)(时间|日期))|盖章[)）]|"
            r"^\S{0,12}(审核|审批|初审|复核)意见"
        ),
        "签章栏",
        "signature line",
    ),
    (re.compile(r"https?://|www\.", re.IGNORECASE), "网址", "URL"),
    (re.compile(r"^((金额)?单位[:：]\s*万?元)$|^[(（]\s*万?元\s*[)）]$"), UNIT_NOTE, "unit note"),
    (
        re.compile(r"^(第\s*\d+\s*页|共\s*\d+\s*页|[-－—–·]\s*\d+\s*[-－—–·]$|\d+\s*/\s*\d+$)"),
        *PAGE_NUMBER,
    ),
    (
        re.compile(
            r"^(扫一扫|\[下载\]|\[打印\]|附件(下载)?[:：]|注[:：]|\d+\.各单位|索\s*引\s*号|"
            r"发布(日期|时间|机构)|当前位置|字号|日期[:：]|报表编号|文号|来源[:：]|主题分类|"
            r"相关(解读|链接|文章)$|全部留言$|评论$|有用\(\)$|【?(打印|关闭)(本页|窗口)?】?$|"
            r"内容保障|网站(监督电话|标识码|地图)|政府网站标识码|\S*(ICP备|公网安备)|"
            r"(联系)?(地址|(电子)?邮箱)[:：]|公示期[:：]|\S*(人民政府|办公室)\S*(主办|承办)$|"
            r"qrcode$|手机扫码|关注微信|下载\s*APP$|文件下载$|政策咨询$|标签[:：]|如果您对)"
        ),
        "网页文字",
        "page text",
    ),
    (re.compile(r"^(合计|总计|总分)\s*\d*$"), "合计行", "total row"),
    (
        # 表3, 附件2, and a table going on over a page: 续表, （续表）, 续表1
        re.compile(r"^(附?表|附件)\s*[一二三四五六七八九十\d]{1,4}[|\s]*$|^[(（]?续表\d*[)）]?$"),
        "表格编号",
        "table number",
    ),
    (
        re.compile(r"^([(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*\S"),
        "章节标题",
        "section heading",
    ),
    (_CLOSING, "表后说明栏", "notes section after the table"),
)

_MEMO = 8192  # texts remembered by header_label
_BULLET = re.compile(r"^[-•·*]\s+")
_UNIT_NOTE = re.compile(r"[(（]\s*(?:金额)?(?:单位[:：]?)?\s*(万?元)\s*[)）]")
_TITLE_YEAR = re.compile(r"((?:19|2[0-2])\d{2})\s*年")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_DROP = re.compile(r"[\s:：【】*＊]+")  # …and a template's * marking a required field
_PERIOD = re.compile(r"[(（]\s*([^()（）]*?)\s*[)）]")
_DEPT_PATTERNS = (
    re.compile(r"^[\[【(（]\s*(?P<code>\d+)\s*[\]】)）]\s*(?P<name>.+)$"),
    re.compile(r"^(?P<code>\d+)\s*[-－—_ ]\s*(?P<name>\D.*)$"),
    re.compile(r"^(?P<name>.*\D)\s*[\[【(（]\s*(?P<code>\d+)\s*[\]】)）]$"),
    re.compile(r"^(?P<name>.*\D)\s+(?P<code>\d+)$"),
)


def normalise(text: str) -> str:
    """The form labels are compared in: NFKC, no spaces, colons, 【】 or (…), no "其中"."""
    text = unicodedata.normalize("NFKC", text)
    text = _PAREN.sub("", text)
    text = _DROP.sub("", text)
    return text.removeprefix("其中")


@dataclass(frozen=True)
class Label:
    """A recognised label: its kind, argument, and a value written in the same cell."""

    kind: str
    arg: str
    inline: str | None = None


@lru_cache(maxsize=_MEMO)
def header_label(text: str) -> Label | None:
    """The label ``text`` is, or ``None``; "项目名称：X" gives an inline value ``X``
    (memoised: every cell is asked, often more than once)."""
    found = HEADER_LABELS.get(normalise(text))
    if found:
        return Label(*found)
    unit = _UNIT_NOTE.fullmatch(text.strip())
    if unit:
        return Label("unit", unit.group(1))
    slot = column_slot(text)
    if slot is not None:
        return Label("column", slot)
    for match in re.finditer(r"[:：]", text):
        head, tail = text[: match.start()], text[match.end() :].strip()
        found = HEADER_LABELS.get(normalise(head))
        if found and tail and found[0] not in ("column", "columns", "funding", "goals"):
            return Label(found[0], found[1], tail)
    return None


def says_yuan(text: str) -> bool:
    """Whether a label says its amounts are in 元: ``项目资金（元）``, ``（元）`` (not 万元)."""
    unit = _UNIT_NOTE.search(text)
    return unit is not None and unit.group(1) == "元"


def awaits_value(text: str) -> bool:
    """Whether ``text`` is a header field's label, whose value follows it."""
    label = header_label(text)
    return label is not None and label.kind == "field"


def names_project(text: str) -> bool:
    """Whether ``text`` is a 项目名称 label (with or without its value in the same cell)."""
    label = header_label(text)
    return label is not None and (label.kind, label.arg) == ("field", "name")


def furniture(text: str) -> tuple[str, str] | None:
    """``(zh, en)`` naming the kind of page furniture ``text`` is, or ``None``."""
    if header_label(text) is not None or medium_term_title(text):
        return None  # a label, or the title that says which half the block holds
    item = _BULLET.sub("", text)  # a web page's list item: "- 扫一扫在手机打开当前页"
    for pattern, zh, en in FURNITURE:
        if pattern.search(item) or (item != text and pattern.search(text)):  # "- 1 -": a page
            return zh, en
    return None


def closing_section(text: str) -> bool:
    """Whether ``text`` labels a section of the form that follows the indicator table."""
    return bool(_CLOSING.match(text.strip()))


def medium_term_title(text: str) -> bool:
    """Whether ``text`` titles a block of medium-term targets: ``(二)中长期绩效指标``."""
    return bool(_MEDIUM_TERM.search(normalise(text)))


def title_year(text: str) -> int | None:
    """The budget year a title such as "2021年项目支出预算绩效目标表" names."""
    match = _TITLE_YEAR.search(unicodedata.normalize("NFKC", text))
    return int(match.group(1)) if match else None


def goal_period(text: str) -> str:
    """The years in "中期目标(2020-2022)" → ``"2020-2022"`` (empty when none)."""
    match = _PERIOD.search(text)
    return match.group(1) if match else ""


def split_department(text: str) -> tuple[str, str]:
    """ "市人社局 111" → ("市人社局", "111"); also "[015001]名称", "219-名称"."""
    text = text.strip()
    for pattern in _DEPT_PATTERNS:
        match = pattern.match(text)
        if match:
            return match.group("name").strip(), match.group("code")
    return text, ""
