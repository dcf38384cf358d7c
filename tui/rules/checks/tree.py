"""T: the indicator tree: labels allowed by the framework, required 一级, names and values."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tui.fields import COLUMN_ZH
from tui.model import COLUMNS
from tui.rules.context import Labels, RowEnv, RowInfo, RowLabels
from tui.rules.engine import Example, Fix, Hit, family, rule

family(
    "T",
    "指标体系（the indicator tree）",
    "The frameworks are data in `tui/frameworks.py`: 财预〔2015〕88号 "
    '(`"2015"`, 成本指标 is a 二级 under 产出指标) and 财预〔2021〕101号 '
    '(`"2021"`, 成本指标 is a 一级), plus label variants '
    "seen in real tables mapped to the canonical names.",
)


Groups = dict[str, list[RowLabels]]


def _first_rows(labels: Labels, level: str) -> Groups:
    """Rows grouped by their label as typed at ``level`` (``level1``/``level2``), in order."""
    groups: Groups = {}
    for info in labels.rows:
        typed = info.typed_level1 if level == "level1" else info.typed_level2
        groups.setdefault(typed, []).append(info)
    return groups


def _refs(rows: list[RowLabels], key: str) -> tuple[tuple, ...]:
    return tuple(("indicators", r.index, key) for r in rows[1:])


def _relabel(rows: list[RowLabels], key: str, label: str) -> Fix:
    """The fix writing ``label`` as the ``key`` label of every row of ``rows``."""
    return Fix(
        tuple((("indicators", r.index, key), label) for r in rows),
        f"改为“{label}”（{len(rows)}行）",
        f"write '{label}' ({len(rows)} rows)",
    )


@rule(
    "T001",
    "hint",
    "一级指标名称为变体写法",
    "level-1 label is a variant spelling",
    why="各地表格常见“产出 指标”之类的变体写法；统一写法便于汇总与比对（variants are common in "
    "local tables; the canonical name keeps tables comparable）。修复：该写法的各行都改为规范名称"
    "（fix: every row with it gets the canonical name）。",
    fires=[
        Example(
            {"举办退休人员文体活动.level1": "产出 指标"},
            at="举办退休人员文体活动.level1",
            fixed={"举办退休人员文体活动.level1": "产出指标"},
        ),
        Example(
            {"举办退休人员文体活动.level1": "产出", "资格认证率.level1": "产出"},
            at="举办退休人员文体活动.level1",
            fixed={"举办退休人员文体活动.level1": "产出指标", "资格认证率.level1": "产出指标"},
        ),
    ],
    passes=[
        Example(
            {"举办退休人员文体活动.level1": "投入指标"},
            note="不是已知的变体：报告 T002（not a known variant: T002）",
        )
    ],
    on_labels=True,
)
def level1_variant(labels: Labels) -> Iterator[Hit]:
    """A 一级 label that is a known variant (e.g. “产出 指标”) of an allowed name."""
    for raw, rows in _first_rows(labels, "level1").items():
        canonical = rows[0].level1
        if raw != canonical and canonical in labels.framework.level2:
            yield Hit(
                ("indicators", rows[0].index, "level1"),
                f"一级指标“{raw}”宜写作“{canonical}”",
                f"level-1 label '{raw}' is usually written '{canonical}'",
                _refs(rows, "level1"),
                _relabel(rows, "level1", canonical),
            )


@rule(
    "T002",
    "error",
    "一级指标不属于所选指标体系",
    "level-1 label not in the framework",
    why="一级指标由指标体系统一规定：88号为产出、效益、满意度，101号另有成本（level-1 labels are "
    "fixed by the framework: 2015 has 产出/效益/满意度, 2021 adds 成本）。",
    fires=[
        Example(
            {"退休人员社会化管理服务覆盖率.level1": "投入指标"},
            at="退休人员社会化管理服务覆盖率.level1",
        ),
        Example(
            {"项目总成本.level1": "成本指标"},
            at="项目总成本.level1",
            note="88号体系中成本指标是二级（in 2015 成本指标 is a 二级）",
        ),
    ],
    passes=[Example({}, base="2021", note="101号体系中成本指标是一级（in 2021 it is a 一级）")],
    on_labels=True,
)
def level1_allowed(labels: Labels) -> Iterator[Hit]:
    """Every 一级 is one of the framework's (after mapping variants)."""
    fw = labels.framework
    for raw, rows in _first_rows(labels, "level1").items():
        if rows[0].level1 not in fw.level2:
            allowed = "、".join(fw.level1)
            yield Hit(
                ("indicators", rows[0].index, "level1"),
                f"一级指标“{raw}”不属于{fw.title}（应为 {allowed}）",
                f"level-1 '{raw}' is not in framework {fw.code}",
                _refs(rows, "level1"),
            )


@rule(
    "T003",
    "hint",
    "二级指标名称为变体写法",
    "level-2 label is a variant spelling",
    why="二级指标也有变体写法（如把“满意度指标”用作二级），统一写法便于汇总（level-2 variants "
    "such as 满意度指标 used as a 二级 are normalised to keep tables comparable）。修复：改为"
    "规范名称（fix: the canonical name）。",
    fires=[
        Example(
            {"服务对象满意度.level2": "满意度指标"},
            at="服务对象满意度.level2",
            fixed={"服务对象满意度.level2": "服务对象满意度指标"},
        )
    ],
    passes=[
        Example(
            {"服务对象满意度.level2": "成本指标"},
            note="不是变体而是放错位置：报告 T004（misplaced, not a variant: T004）",
        )
    ],
    on_labels=True,
)
def level2_variant(labels: Labels) -> Iterator[Hit]:
    """A 二级 label that is a known variant (e.g. “满意度指标” as 二级) of an allowed name."""
    fw = labels.framework
    for raw, rows in _first_rows(labels, "level2").items():
        canonical = rows[0].level2
        if raw != canonical and fw.parent_of(canonical) is not None:
            yield Hit(
                ("indicators", rows[0].index, "level2"),
                f"二级指标“{raw}”宜写作“{canonical}”",
                f"level-2 label '{raw}' is usually written '{canonical}'",
                _refs(rows, "level2"),
                _relabel(rows, "level2", canonical),
            )


@rule(
    "T004",
    "error",
    "二级指标不在所属一级指标下",
    "level-2 label not allowed under its level 1",
    why="每个二级指标只能放在指标体系规定的一级指标下（each 二级 belongs under one 一级 of the "
    "framework）：88号的成本指标在产出指标下，101号的成本指标本身是一级。",
    fires=[
        Example({"资格认证率.level2": "社会效益指标"}, at="资格认证率.level2"),
        Example(
            {"项目总成本.level1": "产出指标", "项目总成本.level2": "成本指标"},
            at="项目总成本.level2",
            base="2021",
        ),
    ],
    passes=[Example({"资格认证率.level1": "效益指标", "资格认证率.level2": "社会效益指标"})],
    on_labels=True,
)
def level2_allowed(labels: Labels) -> Iterator[Hit]:
    """Every 二级 is allowed under its 一级 in the chosen framework."""
    fw = labels.framework
    seen: dict[tuple[str, str], list[RowLabels]] = {}
    for info in labels.rows:
        if info.level1 in fw.level2 and info.level2 not in fw.level2[info.level1]:
            seen.setdefault((info.level1, info.level2), []).append(info)
    for (level1, level2), rows in seen.items():
        parent = fw.parent_of(level2)
        if parent is not None:
            zh = f"二级指标“{level2}”应在一级指标“{parent}”下，不在“{level1}”下"
            en = f"level-2 '{level2}' belongs under '{parent}', not '{level1}'"
        elif level2 in fw.level2:
            zh = f"“{level2}”在{fw.title}中是一级指标，不是二级指标"
            en = f"'{level2}' is a level-1 label in framework {fw.code}"
        else:
            allowed = "、".join(fw.level2[level1])
            zh = f"二级指标“{level2 or '（空）'}”不能放在“{level1}”下（应为 {allowed}）"
            en = f"level-2 '{level2}' is not allowed under '{level1}'"
        yield Hit(("indicators", rows[0].index, "level2"), zh, en, _refs(rows, "level2"))


@rule(
    "T005",
    "error",
    "必需的一级指标没有三级指标",
    "required level-1 has no indicator",
    why="绩效指标“应当包括产出指标、效益指标和满意度指标”，每类细分到三级指标（every table has "
    "产出, 效益 and 满意度 indicators, each down to a 三级; 2021 also 成本）。",
    fires=[
        Example(
            {"服务对象满意度": None},
            at="framework",
            note="一级整个缺失时报告在指标体系上（on framework when the 一级 is missing）",
        ),
        Example(
            {"服务对象满意度.name": "", "服务对象满意度.medium": "", "服务对象满意度.annual": ""},
            at="服务对象满意度.name",
        ),
        Example(
            {"项目总成本": None, "设备采购成本": None, "对社会发展可能造成的负面影响": None},
            at="framework",
            base="2021",
        ),
    ],
    passes=[
        Example(
            {"长效管理机制健全性": None},
            note="二级指标可按项目增减（not every 二级 is required）",
        )
    ],
    on_labels=True,
)
def required_level1(labels: Labels) -> Iterator[Hit]:
    """Each required 一级 of the framework has at least one named 三级."""
    named: set[str] = set()
    first: dict[str, int] = {}
    for info in labels.rows:
        first.setdefault(info.level1, info.index)
        if info.names["medium"] or info.names["annual"]:
            named.add(info.level1)
    for level1 in labels.framework.required:
        if level1 not in named:
            ref = ("indicators", first[level1], "name") if level1 in first else ("framework",)
            yield Hit(ref, f"一级指标“{level1}”下没有三级指标", f"no indicator under '{level1}'")


@rule(
    "T006",
    "error",
    "三级指标名称空白",
    "indicator name is blank",
    why="没有名称的指标值无法理解，也无法录入一体化系统（a value without its indicator name "
    "means nothing and cannot be entered in the budget system）。",
    fires=[Example({"资格认证率.name": ""}, at="资格认证率.name")],
    passes=[
        Example(
            {"资格认证率.name": "", "资格认证率.medium": "", "资格认证率.annual": ""},
            note="整行空白时报告 T007（a wholly blank row is T007）",
        )
    ],
    per_row=True,
)
def name_present(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A row that has a value also has a 三级 name, in each column."""
    for info in rows:
        for col in COLUMNS:
            if info.values[col] and not info.names[col]:
                yield Hit(
                    info.name_ref(col),
                    f"{COLUMN_ZH[col]}三级指标名称空白",
                    f"{col} indicator name is blank",
                    (info.value_ref(col),),
                )


@rule(
    "T007",
    "warning",
    "空白指标行",
    "empty indicator row",
    why="空行是模板骨架的残留，提交前应填写或删除（blank rows are template skeleton left over: "
    "fill them in or delete them）。",
    fires=[Example({"+1.level1": "效益指标", "+1.level2": "生态效益指标"}, at="+1.name")],
    passes=[
        Example(
            {"+1.level1": "效益指标", "+1.level2": "生态效益指标", "+1.name": "节能减排"},
            note="有名称而无值时报告 T008（a name without values is T008）",
        )
    ],
    per_row=True,
)
def no_blank_rows(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A row with neither name nor values (fill it in or delete it)."""
    for info in rows:
        if info.blank:
            yield Hit(("indicators", info.index, "name"))


@rule(
    "T008",
    "error",
    "指标值空白",
    "indicator value is blank",
    why="每个三级指标在中期与年度两列都要设定指标值（every indicator sets a target in both "
    "columns）；只填年度一列的表（没有中期资金和中期指标值）不要求中期值（a table that fills "
    "only the annual column, with no medium-term amount or value, is not asked for them）。",
    fires=[Example({"资格认证率.annual": " "}, at="资格认证率.annual")],
    passes=[Example({"资格认证率.annual": "达到90%以上"})],
    per_row=True,
)
def value_present(rows: Sequence[RowInfo], env: RowEnv) -> Iterator[Hit]:
    """A named 三级 has a value in each column the table fills (年度 always)."""
    for info in rows:
        for col in COLUMNS:
            used = col == "annual" or env.medium_used
            if used and info.names[col] and not info.values[col]:
                yield Hit(
                    info.value_ref(col),
                    f"“{info.names[col]}”的{COLUMN_ZH[col]}指标值空白",
                    f"{col} value of '{info.names[col]}' is blank",
                )


def _duplicates(labels: Labels, col: str) -> Iterator[Hit]:
    groups: dict[tuple[str, str, str], list[RowLabels]] = {}
    for info in labels.rows:
        if info.names[col]:
            groups.setdefault((info.level1, info.level2, info.names[col]), []).append(info)
    for (_, level2, name), rows in groups.items():
        if len(rows) < 2:
            continue
        if col == "annual":
            explicit = [r for r in rows if r.annual_named]
            if not explicit:
                continue  # the same names stand in the 中期 column and are reported there
            blamed = explicit[1:] if len(explicit) == len(rows) else explicit
        else:
            blamed = rows[1:]
        for info in blamed:
            # One pointer to the group's first other row: listing every other row
            # for every row made a group of n rows cost n² (10,000 rows: 7 GB).
            first = rows[0] if rows[0] is not info else rows[1]
            others = (first.name_ref(col),)
            yield Hit(
                info.name_ref(col),
                f"{COLUMN_ZH[col]}列“{level2}”下三级指标“{name}”重复",
                f"duplicate {col} indicator name '{name}' under '{level2}'",
                others,
            )


@rule(
    "T009",
    "error",
    "同一二级指标下三级指标名称重复",
    "duplicate indicator name",
    why="同一二级指标下重名的三级指标多为复制错误；种子表年度列“采购硬件设备数量”出现两次"
    "（duplicates are usually copy errors: the seed's 年度 column lists 采购硬件设备数量 twice）。",
    fires=[
        Example(
            {"采购资格认证设备数量.name": "举办退休人员文体活动"}, at="采购资格认证设备数量.name"
        ),
        Example(
            {"举办退休人员文体活动.annual_name": "采购资格认证设备数量"},
            at="举办退休人员文体活动.annual_name",
            note="年度列中改了名称的那一行被报告（the row renamed in the 年度 column is blamed）",
        ),
    ],
    passes=[
        Example(
            {"资格认证率.name": "举办退休人员文体活动"},
            note="同名但在不同二级下（same name under another 二级）",
        )
    ],
    on_labels=True,
)
def unique_names(labels: Labels) -> Iterator[Hit]:
    """No two 三级 under one 二级 share a name, in the 中期 and in the 年度 column."""
    for col in COLUMNS:
        yield from _duplicates(labels, col)
