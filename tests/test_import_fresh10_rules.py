"""One minimal input per general cause found on the eleventh kept-aside set
(``real_fresh10/``; docs/import.md "Measured on tables kept aside")."""

from __future__ import annotations

import pytest

from tests.realcorpus import imported_rows, unplaced_reasons

_WRAPPED = [
    "项目名称 重大动物疫病防控",
    "一级指标 二级指标 三级指标 指标值",
    "产出指标",
    "数量指标",
    "各种强制免率、屠宰率",
    "100%",
    "及检疫率",
    "质量指标",
    "检疫合格率",
    "≥95%",
]


@pytest.mark.parametrize(
    "lines",
    [_WRAPPED, [*_WRAPPED[:2], "产出指标 数量指标 各种强制免率、屠宰率", *_WRAPPED[5:]]],
    ids=["one cell a line", "rows"],
)
def test_the_rest_of_a_name_wrapped_around_its_value_joins_the_name(lines):
    # Hunan (Yongxing) PDF text: a 三级 cell three lines tall, its value on the middle line.
    _, rows = imported_rows("\n".join(lines))
    assert rows == [
        ("产出指标", "数量指标", "各种强制免率、屠宰率及检疫率", "", "100%"),
        ("产出指标", "质量指标", "检疫合格率", "", "≥95%"),
    ]


def test_a_text_after_a_value_that_could_begin_a_name_is_not_joined():
    text = "\n".join([*_WRAPPED[:6], "与委托运营方结算完成率"])
    result, rows = imported_rows(text)
    assert rows == [("产出指标", "数量指标", "各种强制免率、屠宰率", "", "100%")]
    assert "与委托运营方结算完成率" in {u.text for u in result.report}


def test_the_lines_between_two_projects_of_a_town_are_not_rows():
    # Chongqing (Banan), single spaces: the first project's 上报时间 and 经办人 lines, then
    # the next project's title and its 绩效编制单位 (a department label of its own).
    text = "\n".join(
        [
            "项目名称 党支部书记补贴",
            "主管部门 圣灯山镇人民政府 实施单位 党群办",
            "一级指标 二级指标 三级指标 指标值",
            "满意度指标 服务对象满意度指标 满意度95%以上 ≧95%",
            "经办人及联系电话:王舜",
            "上报时间:  2021 年10  月 26日",
            "项目支出绩效目标表",
            "绩效编制单位: 圣灯山镇人民政府",
            "项目名称 村级组织运转",
            "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 村级组织数 12个",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[2:] for row in rows] == [("满意度95%以上", "", "≧95%"), ("村级组织数", "", "12个")]
    assert [t.header.department for t in result.tables] == ["圣灯山镇人民政府"] * 2


def test_a_short_line_closed_by_a_unit_note_is_the_next_tables_top_line():
    # Tianjin (Hebei district): each project's table opens with its unit and code.
    text = "\n".join(
        [
            "207101天津市河北区人民法院 | 单位:万元",
            "项目名称 | 安全隐患维修",
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 维修面积 | 200平方米",
            "207101天津市河北区人民法院 | 单位:万元",
            "项目名称 | 办案业务费",
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "产出指标 | 数量指标 | 陪审员人数 | 30人",
        ]
    )
    result, rows = imported_rows(text)
    assert [row[2] for row in rows] == ["维修面积", "陪审员人数"]
    assert "207101天津市河北区人民法院" in {u.text for u in result.report}


@pytest.mark.parametrize(
    "widget",
    [
        "qrcode | 手机扫码,畅快体验!",  # Sichuan (Daying): a document site's app banner
        "关注微信 | 下载APP",
        "文件下载 | 政策咨询",  # Anhui (Shucheng): a policy page's buttons and help line
        "如果您对该政策文件有疑问,可以拨打标题上方的电话咨询相关部门。 | 标签:",
    ],
)
def test_a_web_pages_widgets_after_the_table_are_not_rows(widget):
    text = "\n".join(
        [
            "项目名称 | 孤儿助学",
            "一级指标 | 二级指标 | 三级指标 | 指标值",
            "满意度指标 | 服务对象满意度指标 | 受助对象满意度 | ≥95%",
            widget,
        ]
    )
    result, rows = imported_rows(text)
    assert rows == [("满意度指标", "服务对象满意度指标", "受助对象满意度", "", "≥95%")]
    reasons = unplaced_reasons(result)
    assert all(reasons[cell.strip()] == "page text; not imported" for cell in widget.split("|"))


def test_a_heading_wrapped_over_three_lines_one_cell_a_line_is_one_heading():
    # Hunan (Lingling), a self-evaluation one cell per line: 偏差原因 / 分析及 / 改进措施.
    cells = ["项目名称", "造林补助", "一级指标", "二级指标", "三级指标", "年度指标值"]
    cells += ["全年实际值", "偏差原因", "分析及", "改进措施", "产出指标", "数量指标"]
    cells += ["造林面积", "1000亩", "1000亩", "无"]
    result, rows = imported_rows("\n\n".join(cells))
    assert rows == [("产出指标", "数量指标", "造林面积", "", "1000亩")]
    assert "分析及" not in unplaced_reasons(result)
