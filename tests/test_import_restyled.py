"""Differential: the rows read by eye in every real table, pasted again in each separator
style, import to the same rows (``tests.realcorpus.restyled``).

Real names and values (``保障退休职工人数(人) 81``, ``财政资金到位及时支付率 100``,
``2025年年底前``) reach corners random text does not. Cells separated by tabs, ``|``,
line breaks, one or two spaces must all read alike; a row glued into one run of text
is cut by labels and value shapes only, so a qualitative value (``有效``, ``否``) at
the end of a name cannot always be told from it, nor a long OCR name from a text
value: that style has a lower floor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.realcorpus import (
    LAYOUTS,
    STYLES,
    Expected,
    Score,
    centred,
    laid_out,
    load,
    restyled,
    score_tables,
    with_halves,
)
from tui.importing import import_text
from tui.importing.levels import is_level, is_nested_top

_FIXTURES = Path(__file__).parent / "fixtures"
# Rows made of nothing a person read (glued: values cut off names, or names cut in two).
_EXTRA_ROWS = {
    "tab": 0.02,
    "pipe": 0.02,
    "stream": 0.02,
    "space": 0.02,
    "spaces": 0.02,
    "glued": 0.085,
    "piped": 0.02,
}
_FLOOR = {
    **{"tab": 0.99, "pipe": 0.99, "stream": 0.985, "space": 0.98, "spaces": 0.99},
    # Glued, a text name and a text value are one run of words: 704/835 (Lu'an's 指标1:修缮建筑
    # 数量 + 完成六安市…, Huangshi's 数字图书馆环境优良无污染 + 良好: rows no reader could cut).
    **{"glued": 0.84, "piped": 0.99},
}


def _one_value_tables() -> list[Expected]:
    tables = [load(p) for p in sorted(_FIXTURES.glob("real*/*.expected"))]
    return [
        Expected(e.name, e.causes, [dict(p, fields={}) for p in e.projects if p["rows"]])
        for e in tables
        if not any(
            row[3] or not row[2] or (row[0] and not row[1]) or (row[0] and not _known(row[0]))
            for p in e.projects
            for row in p["rows"]
        )
    ]  # one value column, a 三级 on every row (a form without 三级, without 二级 under its
    # 一级, or with a 一级 of its own — an old form's 投入, a county's 项目决策 — is a layout
    # of its own)


def _known(level1: str) -> bool:
    """A 一级 of either framework, a variant of one, or the top of the nested tree."""
    return is_level(level1, strong=True) or is_nested_top(level1)


def _scored(
    write: Callable[[Expected], str], tables: Iterable[Expected] | None = None, *, halves=False
) -> Score:
    """The import of every one-value table (or ``tables``) written by ``write``, scored
    against what was read in it (each value as both halves when ``halves``)."""
    total = Score()
    for expected in _one_value_tables() if tables is None else tables:
        want = with_halves(expected) if halves else expected
        total.add(score_tables(import_text(write(expected)).tables, want))
    return total


def _assert_as_plain(total: Score, style: str, slack: float = 0.0) -> None:
    """``total`` is as good as plain rows pasted in ``style`` (less ``slack``)."""
    assert total.hits >= (_FLOOR[style] - slack) * total.total, total.misses[:10]
    assert total.extra_rows <= _EXTRA_ROWS[style] * total.total


@pytest.mark.parametrize("style", STYLES)
def test_real_rows_pasted_in_each_style_import_alike(style, capsys):
    total = _scored(lambda e: restyled(e, style))
    with capsys.disabled():
        print(f"\n{style}: {total.hits}/{total.total}, extra rows {total.extra_rows}")
    assert total.total > 300
    assert total.hits >= _FLOOR[style] * total.total, total.misses[:10]
    assert total.extra_rows <= _EXTRA_ROWS[style] * total.total


def _markdown(text: str) -> str:
    lines = text.split("\n")
    return "\n".join([*lines[:2], "|---|---|---|---|", *lines[2:]])


# A PDF spreads a category over its merged cell: 产 出 指 标 on a line of its own.
_LABEL_LINE = re.compile(r"^(?:产出|效益|满意度|成本|数量|质量|时效|社会效益)指标$", re.MULTILINE)
_VARIANTS = {
    "no-break spaces": ("space", lambda t: t.replace(" ", "\u00a0")),
    "two no-break spaces": ("spaces", lambda t: t.replace("  ", "\u00a0\u00a0")),
    "ideographic spaces": ("space", lambda t: t.replace(" ", "\u3000")),
    "CRLF line ends": ("tab", lambda t: t.replace("\n", "\r\n")),
    "full-width bars": ("pipe", lambda t: t.replace("|", "｜")),
    "padded tabs": ("tab", lambda t: t.replace("\t", " \t ")),
    "Markdown table": ("pipe", _markdown),
    "zero-width spaces": ("tab", lambda t: t.replace("指标", "指\u200b标")),
    "letter-spaced labels": ("stream", lambda t: _LABEL_LINE.sub(lambda m: " ".join(m[0]), t)),
    # A web table's heading wrapped, each line's pieces in order (before: 18/785).
    "interleaved heading": (
        "space",
        lambda t: t.replace(" 指标值\n", " 年度 实际\n指标值 完成值\n", 1),
    ),
}


@pytest.mark.parametrize("variant", _VARIANTS)
def test_web_page_spaces_bars_and_line_ends_read_like_plain_ones(variant):
    style, change = _VARIANTS[variant]
    _assert_as_plain(_scored(lambda e: change(restyled(e, style))), style)


_AROUND = (
    ["扫一扫在手机打开当前页", "2023年项目支出绩效目标表", "单位:万元"],
    ["填表人:张三 联系电话:12345678", "注:各地请根据实际情况填写。", "打印本页 关闭窗口"],
)


@pytest.mark.parametrize("style", [s for s in STYLES if s != "glued"])
@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "plain"])
def test_real_rows_with_extra_columns_or_two_halves_import_alike(layout, style):
    total = _scored(lambda e: restyled(e, style, layout), halves=layout == "two halves")
    _assert_as_plain(total, style, _SLACK.get((layout, style), 0.0))


# One cell per line beside a text column, a name that reads as a value (20万元, 2022年底之前)
# is taken for one: 680/688.
_SLACK = {("explained", "stream"): 0.005}


@pytest.mark.parametrize("style", [s for s in STYLES if s != "glued"])
def test_real_rows_with_a_row_number_column_import_alike(style):
    _assert_as_plain(_scored(lambda e: restyled(e, style, numbered=True)), style)


# (三级 width, 指标值 width) in display columns (0: not wrapped) → (pairs, junk rows) as
# shares of 760. Before cells wrapped under themselves were joined: 479, 320, 527 and 136
# pairs (281–723 junk rows); now 754, 751, 746, 742 and 719 (6–61 junk rows). Left: a
# row without 一级/二级 whose name and value both wrap (as many pieces as cells above
# read as a row of their own), and six characters a line in the narrowest case.
_LAID_OUT = {
    (0, 0): (0.99, 0.01),
    (20, 0): (0.985, 0.02),
    (16, 16): (0.975, 0.03),  # 818/835: values that read as names (补助资金及时到位100%)
    (24, 12): (0.97, 0.03),
    (12, 8): (0.94, 0.09),
}


@pytest.mark.parametrize(("name_width", "value_width"), _LAID_OUT)
def test_a_pdfs_layout_text_with_cells_wrapped_under_themselves(name_width, value_width):
    total = _scored(lambda e: laid_out(e, name_width, value_width))
    pairs, junk = _LAID_OUT[name_width, value_width]
    assert total.hits >= pairs * total.total, total.misses[:10]
    assert total.extra_rows <= junk * total.total


_PAGE_BREAKS = ["- 1 -", "－ 2 －", "第1页 共2页", "续表", "2023年项目支出绩效目标表（续）"]


@pytest.mark.parametrize("style", ["tab", "stream", "space", "spaces"])
@pytest.mark.parametrize("page_break", _PAGE_BREAKS)
def test_a_page_break_inside_a_table_leaves_no_row_behind(page_break, style):
    # A PDF's page number (- 1 -) and the heading printed again on the next page.
    _assert_as_plain(_scored(lambda e: restyled(e, style, page_break=page_break)), style)


@pytest.mark.parametrize("style", ["tab", "stream", "space"])
def test_real_rows_with_repeated_levels_and_page_text_around_import_alike(style):
    _assert_as_plain(_scored(lambda e: restyled(e, style, repeated=True, around=_AROUND)), style)


# A value cut by a space as some web tables render it: its 计算符号 and number (``≥ 90%``),
# its number and unit (``100 %``).
_SPACED_VALUES = {
    "sign": (r"^([≥≤><=＝]+)(?=\d)", r"\1 "),
    "unit": (r"(\d)(%|人|个|万元|次)$", r"\1 \2"),
}


def _values_spaced(expected: Expected, cut: str) -> Expected:
    """``expected`` with each value cut by a space (``_SPACED_VALUES``)."""
    pattern, spaced = _SPACED_VALUES[cut]
    projects = [
        dict(p, rows=[(*row[:4], re.sub(pattern, spaced, row[4])) for row in p["rows"]])
        for p in expected.projects
    ]
    return Expected(expected.name, expected.causes, projects)


@pytest.mark.parametrize("cut", _SPACED_VALUES)
@pytest.mark.parametrize("style", ["space", "spaces", "tab"])
def test_a_value_cut_by_a_space_stays_whole(style, cut):
    # In a block without a 指标性质 (单位) column, ``≥ 90%`` (``100 %``) is one value.
    tables = [_values_spaced(e, cut) for e in _one_value_tables()]
    _assert_as_plain(_scored(lambda e: restyled(e, style), tables), style)


def test_real_rows_copied_from_a_pdf_with_names_centred_on_their_rows():
    # 生态环境 / 文明施工情况 可控 / 成本指标: a merged 二级 printed around its row, wrapped.
    total = _scored(centred)
    # 768/863 with 95 junk rows (439/688 with 232 before); a 2021 tree opened by 成本指标
    # with each 二级 inline (Nanxian, fresh17) loses its 二级 names, as it always did.
    assert total.hits >= 0.885 * total.total, total.misses[:10]
    assert total.extra_rows <= 0.115 * total.total


@pytest.mark.slow
@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "plain"])
def test_real_rows_from_a_pdf_with_extra_columns_import_as_the_plain_ones(layout):
    # The centred PDF text with each layout's columns: 768–770 of 863 rows in each, as plain.
    total = _scored(lambda e: centred(e, layout=layout), halves=layout == "two halves")
    assert total.hits >= 0.885 * total.total, total.misses[:10]
    assert total.extra_rows <= 0.115 * total.total


def test_real_rows_glued_with_an_explanation_and_a_standard_column():
    # 补助人数实际发放解困工资人数250人计划标准: the name is cut after its last word, the
    # standard off the end; an explanation glued to a text value cannot always be cut.
    total = _scored(lambda e: restyled(e, "glued", "explained"))
    assert total.hits >= 0.78 * total.total, total.misses[:10]  # 550/688 (369 before)
    assert total.extra_rows <= 0.3 * total.total  # 182 (357 before)
