"""Full-width letters, digits and signs (``１００％``, ``３，３０９，８４０．００``), as some
PDFs and careless typing give them, read as their ASCII forms do; the text is kept as
written (found by writing every real table's text in full-width forms)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from tests.realcorpus import scores_changed
from tui.importing import import_text


def _rows(text: str):
    result = import_text(text)
    rows = [(r.level1, r.level2, r.name, r.annual) for t in result.tables for r in t.indicators]
    return result, rows


def test_a_project_lists_budget_with_full_width_commas_is_its_budget():
    # Sichuan (Jingyan): the second project's unit cell is merged into the first's.
    text = (
        "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
        "| 马踏镇人民政府 | 村组干部报酬 | 3，309.84 | 按时发放 | 效益指标 | 社会效益指标 "
        "| 维护社会稳定 | ≥95% |\n"
        "| 产出指标 | 数量指标 | 村组干部人数 | 230个 |\n"
        "| 基层组织活动经费 | 1，660.00 | 保障运转 | 满意度指标 | 服务对象满意度指标 "
        "| 辖区内群众满意度 | ≥95% |\n"
        "| 产出指标 | 数量指标 | 行政村数量 | 11个 |\n"
    )
    result, rows = _rows(text)
    assert [(t.header.name, str(t.funding.annual.total)) for t in result.tables] == [
        ("村组干部报酬", "3309.84"),
        ("基层组织活动经费", "1660.00"),
    ]
    assert rows == [
        ("效益指标", "社会效益指标", "维护社会稳定", "≥95%"),
        ("产出指标", "数量指标", "村组干部人数", "230个"),
        ("满意度指标", "服务对象满意度指标", "辖区内群众满意度", "≥95%"),
        ("产出指标", "数量指标", "行政村数量", "11个"),
    ]


def test_a_glued_self_evaluation_in_full_width_reads_as_in_ascii():
    # Sichuan (Daying): a glued self-evaluation, value and 分值 after each name.
    ascii_text = (
        "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5"
    )
    full = ascii_text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    read = [import_text(t).tables[0].indicators for t in (ascii_text, full)]
    assert [(r.name, r.annual, r.weight) for r in read[1]] == [
        ("足额保障率", "＝１００％", Decimal("22.5")),
        ("科目调整次数", "≤１０次", Decimal("22.5")),
        ("按时发放率", "＝１００％", Decimal("22.5")),
    ]
    assert [(r.level1, r.level2, r.name, r.weight) for r in read[0]] == [
        (r.level1, r.level2, r.name, r.weight) for r in read[1]
    ]


_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F) if chr(c) != "|"}


@pytest.mark.slow
def test_every_real_table_in_full_width_forms_reads_as_in_ascii():
    plain, full = scores_changed(
        lambda text: "\n".join(line.translate(_FULL_WIDTH) for line in text.split("\n")),
        back=lambda text: unicodedata.normalize("NFKC", text),
    )
    assert plain.total > 800
    # Before: 723 of 805 against 755 (full-width commas in amounts, digits in glued rows).
    assert full.hits >= plain.hits - 2, sorted(set(full.misses) - set(plain.misses))
