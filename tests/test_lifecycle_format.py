"""The lifecycle keys of the format: loading, canonical layout, round trips, one-line diffs.

Every expectation is written by hand from LIFE below (docs/format.md, "The year
after the targets"), never copied from the implementation's output.
"""

from __future__ import annotations

import difflib
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.conftest import DATA_FILES
from tui.editing.session import Session
from tui.errors import JixiaoError
from tui.fields import SECTIONS, field_of
from tui.model import Monitoring
from tui.tomlfile.canonical import dump_table
from tui.tomlfile.document import TableFile
from tui.tomlfile.loader import parse_table

LIFE = """\
# 自评示例（self-evaluation example）

format = 1
year = 2021
framework = "2015"
stage = "evaluation"
profile = "pmkpi"

[project]
name = "项目"
department = ""
department_code = ""
implementer = ""
attribute = ""
period = ""

[funding.medium]

[funding.annual]
total = 90.00
fiscal = 90.00

[goals]
medium_period = ""
medium = ""
annual = "年度目标"

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "资格认证率"
medium = "≥90%"
annual = "≥90%"
weight = 10
actual = "96%"
score = 10.00
deviation = "无偏差"

[indicators.monitoring.3]
progress = "20%"

[indicators.monitoring.6]
progress = "45%"
forecast = "≥90%"
likelihood = "确定能"
cause = "经费"
reason = "资金晚到"
action = "加快拨付"

[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "项目总成本"
medium = "≤294万元"
annual = "≤90万元"
weight = 80
actual = "85.5万元"

[execution]
weight = 10
reason = "按进度支出"

[execution.total]
initial = 90.00
adjusted = 90.00
executed = 85.50

[execution.fiscal]
initial = 90.00
executed = 85.50

[evaluation]
goal_actual = "完成"
conclusion = "良好"
problems = "个别活动推迟"
improvements = "提前安排"
"""

LINES = LIFE.split("\n")


def line_of(text: str) -> int:
    """The 0-based line of LIFE that is exactly ``text`` (the first one)."""
    return LINES.index(text)


@pytest.fixture
def life(tmp_path: Path) -> TableFile:
    path = tmp_path / "life.toml"
    path.write_bytes(LIFE.encode("utf-8"))
    return TableFile.load(path)


def changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.split("\n"), after.split("\n")):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_life_loads_every_value():
    table, _ = parse_table(LIFE)
    assert (table.stage, table.profile) == ("evaluation", "pmkpi")
    first, second = table.indicators
    assert (first.actual, str(first.score), first.deviation) == ("96%", "10.00", "无偏差")
    assert sorted(first.monitoring) == [3, 6]
    assert first.monitoring[3] == Monitoring(progress="20%")
    june = first.monitoring[6]
    assert (june.progress, june.forecast, june.likelihood) == ("45%", "≥90%", "确定能")
    assert (june.cause, june.reason, june.action) == ("经费", "资金晚到", "加快拨付")
    assert second.monitoring == {} and second.score is None
    ex = table.execution
    assert (ex.weight, ex.reason) == (D(10), "按进度支出")
    assert str(ex.line("total").executed) == "85.50"
    assert ex.line("fiscal").adjusted is None and ex.line("other").empty
    ev = table.evaluation
    assert (ev.goal_actual, ev.conclusion, ev.problems, ev.improvements) == (
        "完成",
        "良好",
        "个别活动推迟",
        "提前安排",
    )


def test_life_is_canonical():
    table, locator = parse_table(LIFE)
    assert dump_table(table, locator) == LIFE


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_unchanged_save_is_byte_identical(tmp_path, newline, bom):
    raw = bom + LIFE.replace("\n", newline).encode("utf-8")
    path = tmp_path / "t.toml"
    path.write_bytes(raw)
    tf = TableFile.load(path)
    tf.save()
    assert path.read_bytes() == raw


# One edited value of every new field: (field reference, new value, old line, new line).
ONE_LINE = [
    (("stage",), "monitoring", 'stage = "evaluation"', 'stage = "monitoring"'),
    (("profile",), "form2020", 'profile = "pmkpi"', 'profile = "form2020"'),
    (("indicators", 0, "actual"), "97%", 'actual = "96%"', 'actual = "97%"'),
    (("indicators", 0, "score"), D("9.5"), "score = 10.00", "score = 9.5"),
    (("indicators", 0, "deviation"), "已说明", 'deviation = "无偏差"', 'deviation = "已说明"'),
    *[
        (("indicators", 0, "monitoring", 6, key), "新", f'{key} = "{old}"', f'{key} = "新"')
        for key, old in [
            ("progress", "45%"),
            ("forecast", "≥90%"),
            ("likelihood", "确定能"),
            ("cause", "经费"),
            ("reason", "资金晚到"),
            ("action", "加快拨付"),
        ]
    ],
    (("execution", "weight"), D(20), "weight = 10", "weight = 20"),
    (("execution", "reason"), "改", 'reason = "按进度支出"', 'reason = "改"'),
    (("execution", "total", "initial"), D("91.00"), "initial = 90.00", "initial = 91.00"),
    (("execution", "total", "adjusted"), D("88"), "adjusted = 90.00", "adjusted = 88"),
    (("execution", "total", "executed"), D("80.10"), "executed = 85.50", "executed = 80.10"),
    (("evaluation", "goal_actual"), "改", 'goal_actual = "完成"', 'goal_actual = "改"'),
    (("evaluation", "conclusion"), "改", 'conclusion = "良好"', 'conclusion = "改"'),
    (("evaluation", "problems"), "改", 'problems = "个别活动推迟"', 'problems = "改"'),
    (("evaluation", "improvements"), "改", 'improvements = "提前安排"', 'improvements = "改"'),
]


@pytest.mark.parametrize(
    ("ref", "value", "old", "new"), ONE_LINE, ids=[str(c[0]) for c in ONE_LINE]
)
def test_one_edit_changes_one_line(life, ref, value, old, new):
    life.table.set(ref, value)
    assert changed(LIFE, life.render_text()) == ([old], [new])


def test_every_new_field_has_a_one_line_case():
    covered = {field_of(ref).key for ref, *_ in ONE_LINE}
    new = {"stage", "profile", "actual", "score", "deviation"}
    for section in ("monitoring", "execution", "budget", "evaluation"):
        new |= {f.key for f in SECTIONS[section]}
    # initial/adjusted/executed stand for every source: the key path is the same
    assert new <= covered


def test_set_where_absent_adds_one_line(life):
    life.table.set(("indicators", 1, "deviation"), "节约")
    life.table.set(("execution", "fiscal", "adjusted"), D("90.00"))
    expected = LIFE.replace(
        'actual = "85.5万元"\n', 'actual = "85.5万元"\ndeviation = "节约"\n'
    ).replace(  # a new key goes to its canonical place in its table
        "initial = 90.00\nexecuted = 85.50\n",
        "initial = 90.00\nadjusted = 90.00\nexecuted = 85.50\n",
    )
    assert life.render_text() == expected


def test_clearing_a_value_removes_one_line(life):
    life.table.set(("indicators", 0, "monitoring", 6, "cause"), None)
    life.table.set(("evaluation", "problems"), None)
    assert changed(LIFE, life.render_text()) == (
        ['cause = "经费"', 'problems = "个别活动推迟"'],
        [],
    )


def test_a_new_month_goes_into_its_row_in_month_order(life):
    life.table.set(("indicators", 0, "monitoring", 4, "progress"), "30%")
    life.table.set(("indicators", 0, "monitoring", 9, "progress"), "70%")
    life.table.set(("indicators", 1, "monitoring", 6, "action"), "压缩")
    text = life.render_text()
    expected = (
        LIFE.replace(
            "[indicators.monitoring.6]\n",
            '[indicators.monitoring.4]\nprogress = "30%"\n\n[indicators.monitoring.6]\n',
        )
        .replace(
            'action = "加快拨付"\n',
            'action = "加快拨付"\n\n[indicators.monitoring.9]\nprogress = "70%"\n',
        )
        .replace(
            'actual = "85.5万元"\n',
            'actual = "85.5万元"\n\n[indicators.monitoring.6]\naction = "压缩"\n',
        )
    )
    assert text == expected
    reloaded, locator = parse_table(text)
    assert reloaded == life.table
    assert dump_table(reloaded, locator) == text


def test_clearing_a_whole_month_removes_its_table(life):
    life.table.set(("indicators", 0, "monitoring", 3, "progress"), None)
    assert 3 not in life.table.indicators[0].monitoring
    assert changed(LIFE, life.render_text()) == (
        ["[indicators.monitoring.3]", 'progress = "20%"', ""],
        [],
    )


def test_first_lifecycle_values_in_a_target_table(tmp_path):
    source = next(p for p in DATA_FILES if p.name == "企业退休人员社会化管理服务.toml")
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    tf = TableFile.load(path)
    before = tf.source.text
    tf.table.set(("stage",), "evaluation")
    tf.table.set(("indicators", 6, "actual"), "92%")
    tf.table.set(("indicators", 6, "monitoring", 6, "progress"), "50%")
    tf.table.set(("execution", "total", "executed"), D("85.50"))
    tf.table.set(("evaluation", "conclusion"), "良好")
    tf.save()
    after = path.read_text("utf-8")
    expected = (
        before.replace('framework = "2015"\n', 'framework = "2015"\nstage = "evaluation"\n')
        .replace(
            'annual = "资格认证率达90%以上"\n',
            'annual = "资格认证率达90%以上"\nactual = "92%"\n\n'
            '[indicators.monitoring.6]\nprogress = "50%"\n',
        )
        .removesuffix("\n")
        + "\n\n[execution]\n\n[execution.total]\nexecuted = 85.50\n"
        + '\n[evaluation]\nconclusion = "良好"\n'
    )
    assert after == expected
    table, locator = parse_table(after)
    assert dump_table(table, locator) == after  # the save wrote the canonical layout
    # and clearing everything again gives the target table back, byte for byte
    tf.table.set(("stage",), None)
    tf.table.set(("indicators", 6, "actual"), None)
    tf.table.set(("indicators", 6, "monitoring", 6, "progress"), None)
    tf.table.set(("execution", "total", "executed"), None)
    tf.table.set(("evaluation", "conclusion"), None)
    tf.save()
    assert path.read_text("utf-8") == before


def test_rows_with_months_move_and_delete_as_blocks(life):
    rows = life.table.indicators
    rows[0], rows[1] = rows[1], rows[0]
    text = life.render_text()
    reloaded, _ = parse_table(text)
    assert reloaded == life.table
    assert reloaded.indicators[1].monitoring[6].action == "加快拨付"
    del life.table.indicators[1]
    reloaded, _ = parse_table(life.render_text())
    assert reloaded == life.table and "[indicators.monitoring" not in life.render_text()


def test_session_edits_monitoring_through_the_schema(life):
    session = Session(life)
    ref = ("indicators", 1, "monitoring", 8, "likelihood")
    assert session.edit(ref, "有可能") is None
    assert life.table.indicators[1].monitoring[8].likelihood == "有可能"
    assert session.edit(("execution", "total", "executed"), "八十") is not None  # not a number
    assert session.edit(("stage",), "monitoring") is None
    session.undo()
    session.undo()
    assert 8 not in life.table.indicators[1].monitoring
    assert life.render_text() == LIFE


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[indicators.monitoring.13]\nprogress = "1"\n', "监控月份“13”"),
        ('[indicators.monitoring.06]\nprogress = "1"\n', "监控月份“06”"),
        ("[indicators.monitoring.x]\n", "监控月份“x”"),
        ("[indicators]\nmonitoring = 3\n", "“monitoring”应为表"),
        ("actual = 96\n", "“actual”应为文本"),
        ('score = "十"\n', "“score”应为数字"),
    ],
)
def test_bad_lifecycle_values_give_one_line(text, where):
    head = 'format = 1\n[project]\nname = "x"\n'
    head += '[[indicators]]\nlevel1 = "a"\nlevel2 = "b"\nname = "c"\n'
    if text.startswith("[indicators]"):
        text = text.replace("[indicators]\n", "")
    with pytest.raises(JixiaoError) as caught:
        parse_table(head + text, "t.toml")
    message = str(caught.value)
    assert where in message and "\n" not in message and message.startswith("t.toml:")


@pytest.mark.parametrize(
    "text",
    [
        'format = 1\nstage = 3\n[project]\nname = "x"\n',
        'format = 1\n[project]\nname = "x"\n[execution]\nweight = "十"\n',
        'format = 1\n[project]\nname = "x"\n[execution.total]\nexecuted = "1"\n',
        'format = 1\n[project]\nname = "x"\n[execution]\ntotal = 1\n',
        'format = 1\n[project]\nname = "x"\n[evaluation]\nconclusion = 1\n',
    ],
)
def test_bad_blocks_are_refused(text):
    with pytest.raises(JixiaoError):
        parse_table(text, "t.toml")


def test_target_tables_have_no_lifecycle_data():
    for path in DATA_FILES:
        table, _ = parse_table(path.read_text("utf-8"))
        if table.stage is None:
            assert table.execution.empty and table.evaluation.conclusion is None
            assert all(not row.monitoring and row.actual is None for row in table.indicators)
