"""One minimal input per general cause found on the fifteenth and sixteenth kept-aside
sets (``real_fresh15/``, ``real_fresh16/``; docs/import.md "Measured on tables kept
aside")."""

from __future__ import annotations

from tui.importing import import_text
from tui.importing.cells import split_cells

_HUANGSHI = [
    "附表2",
    "2022年度共享工程项目自评表",
    "项目单位(盖章):黄石市图书馆 主要领导签字:",
    "填报日期:2023.6.28",
    "项目名称 | 共享工程 | ||||||||",
    "主管部门 | 黄石市文化和旅游局 | 项目实施单位 | 黄石市图书馆 | ||||||",
    "年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||",
    "产出指标(40分) | 数量指标 | 一个存储备份器 | 25TB | 25TB | 10 | ||||",
    "| WIFI布点全覆盖 | 100%覆盖 | 100%覆盖 | |||||||",
]


def test_a_labels_parenthesised_note_before_its_colon_stays_with_the_label():
    rows = split_cells("项目单位(盖章):黄石市图书馆 主要领导签字:\n").rows
    assert [c.text for c in rows[0]] == ["项目单位(盖章):", "黄石市图书馆", "主要领导签字:"]


def test_a_signature_line_is_no_half_of_a_cell_wrapped_before_a_bar():
    result = import_text("\n".join(_HUANGSHI))
    (table,) = result.tables
    assert (table.header.name, table.header.department, table.header.implementer) == (
        "共享工程",
        "黄石市文化和旅游局",
        "黄石市图书馆",
    )
    assert [(r.name, r.annual) for r in table.indicators] == [
        ("一个存储备份器", "25TB"),
        ("WIFI布点全覆盖", "100%覆盖"),
    ]
    reasons = {u.text: u.reason_en for u in result.report}
    assert reasons["填报日期:2023.6.28"] == "signature line; not imported"


def test_a_total_row_with_its_score_in_parentheses_ends_the_rows():
    # Yunnan (Baoshan): 总分(100分) | 100, then 自评等级 | 优, after the last indicator row.
    text = "\n".join(
        [
            "项目名称 | 春节走访慰问 |",
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "满意度指标 | 服务对象满意度指标 | 优抚对象满意率 | 100% | 100% | 10 | 10 |",
            "总分(100分) | 100 |",
            "自评等级 | 优 |",
        ]
    )
    result = import_text(text)
    assert [r.name for r in result.tables[0].indicators] == ["优抚对象满意率"]
    reasons = {u.text: u.reason_en for u in result.report}
    assert reasons["自评等级"] == reasons["优"] == "text after the total row"


def test_a_wrapped_heading_pairs_its_pieces_with_the_run_of_unknown_words_they_finish():
    # Fujian (Ningde): 绩效 + 目标值, 实际 + 完成值; 自评得分 and 未完成原因 are headings too.
    text = "\n".join(
        [
            "项目名称 防震减灾",
            "一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因",
            "目标值 完成值",
            "产出目标 数量目标 开展科普宣传活动场数 10场 11场 少一场扣1分 6 6 已完成",
        ]
    )
    result = import_text(text)
    (row,) = result.tables[0].indicators
    assert (row.name, row.annual, row.actual, row.remark, row.weight) == (
        "开展科普宣传活动场数",
        "10场",
        "11场",
        "少一场扣1分",
        6,
    )
    assert row.deviation == "已完成"
