"""A 计算符号 column may spell its sign in words (不低于 80 人 for ≥ 80 人), as the value
may (不低于90%): found by writing every stored table's ≥ and ≤ as 不低于 and 不高于."""

from __future__ import annotations

import pytest

from tests.realcorpus import scores_changed
from tui.importing import import_text


def test_a_sign_column_in_words_is_the_rows_nature_not_a_name():
    text = "\n".join(
        [
            "项目名称 | 人才补助 |",
            "三级指标 | 计算符号 | 指标值 | 度量单位 |",
            "发放人数 | 不低于 | 80 | 人 |",
            "发放金额 | 不超过 | 9.31 | 万元 |",
        ]
    )
    rows = [(r.name, r.nature, r.annual, r.unit) for r in import_text(text).tables[0].indicators]
    assert rows == [("发放人数", "不低于", "80", "人"), ("发放金额", "不超过", "9.31", "万元")]


@pytest.mark.slow
def test_every_stored_table_reads_the_same_with_its_signs_in_words():
    plain, worded = scores_changed(
        lambda text: text.replace("≥", "不低于").replace("≤", "不高于"),
        back=lambda text: text.replace("不低于", "≥").replace("不高于", "≤"),
        keep=lambda text: "不低于" not in text and "不高于" not in text,
    )
    assert (worded.hits, worded.extra_rows) == (plain.hits, plain.extra_rows)
