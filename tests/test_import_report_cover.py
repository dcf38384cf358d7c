"""An evaluation report's cover before its table (Haikou's 2016 archives report,
real_fresh16/w_03): a label of ours left blank before a label not ours, and a line of
cells spaced like a form's cover, whose single spaces then cut name/value pairs."""

from __future__ import annotations

from tui.frameworks import canonical_label
from tui.importing import import_text

_COVER = "     评价类型:实施过程评价      完成结果评价\n\n"


def test_a_blank_label_does_not_take_the_next_line_s_unknown_label_as_its_value():
    text = (
        "项目名称:档案征集编研\n"
        "主管部门:\n"
        "评价时间: 2017年9月13日\n"
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t编印公报\t12期\n"
    )
    result = import_text(text)
    assert result.tables[0].header.department == ""
    assert any(u.text.startswith("评价时间") for u in result.report)


def test_a_number_and_the_word_it_counts_are_one_cell_not_a_name_and_its_value():
    body = "\n\n".join(
        ["项目名称:档案征集编研", "指标类型", "指标名称", "指标值", "产出指标"]
        + ["举办建党95 周年图片展", "1次", "编印公报", "12期"]
    )
    rows = [
        (r.name, r.annual) for t in import_text(_COVER + body + "\n").tables for r in t.indicators
    ]
    assert rows == [("举办建党95周年图片展", "1次"), ("编印公报", "12期")]


def test_the_older_form_s_outcome_category_is_the_benefit_category():
    assert canonical_label("成效指标", 1) == "效益指标"
