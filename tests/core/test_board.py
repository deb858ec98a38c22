"""The weekly board's and the meeting records' form checks: weeks become Mondays, bad input gives a Chinese message."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from lingqiu_desktop.core.board import (
    DEFAULT_COUNTY_GROUPS,
    clean_board_item,
    clean_decision,
    clean_group,
    clean_meeting,
    is_overdue,
    monday,
    week_label,
    week_start,
)
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors

TODAY = date(2018, 11, 30)


def demo_words():
    """The demo generator's word list, loaded on its own (plain data; the demo package pulls in the generator)."""
    import lingqiu_desktop

    path = Path(lingqiu_desktop.__file__).parent / "data" / "demo" / "words.py"
    spec = importlib.util.spec_from_file_location("demo_words", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_county_groups_are_the_articles_eleven_and_the_demo_datas() -> None:
    assert len(DEFAULT_COUNTY_GROUPS) == 11 == len(set(DEFAULT_COUNTY_GROUPS))
    assert DEFAULT_COUNTY_GROUPS[:5] == ("产业扶贫组", "政策研究组", "易地搬迁组", "金融扶贫组", "宣传报道组")
    assert tuple(demo_words().COUNTY_WORK_GROUPS) == DEFAULT_COUNTY_GROUPS


@pytest.mark.parametrize("typed, expected", [
    ("2018-11-26", "2018-11-26"),      # a Monday stays
    ("2018-11-28", "2018-11-26"),      # Wednesday
    ("20181202", "2018-11-26"),        # Sunday ends the week
    ("2018年12月3日", "2018-12-03"),
    ("2019/1/2", "2018-12-31"),        # across the year
])
def test_any_day_means_its_weeks_monday(typed: str, expected: str) -> None:
    assert week_start(typed).isoformat() == expected
    assert monday(date.fromisoformat(expected)).isoformat() == expected


def test_week_label() -> None:
    assert week_label(date(2018, 11, 26)) == "2018年11月26日（周一）至12月2日"
    assert week_label(date(2018, 12, 31)) == "2018年12月31日（周一）至2019年1月6日"


def item(**changes: str) -> dict[str, str]:
    return {"group_id": "g1", "week_start": "2018-11-28", "section": "本周计划", "content": "核对建档立卡数据",
            "responsible": "王光刚", "status": "进行中", **changes}


def test_a_board_item_is_cleaned() -> None:
    values = clean_board_item(item(content="  核对建档立卡数据 "))
    assert values == {"group_id": "g1", "week_start": "2018-11-26", "section": "本周计划",
                      "content": "核对建档立卡数据", "responsible": "王光刚", "status": "进行中"}
    assert clean_board_item(item(status="", section=""))["status"] == "未开始"
    assert clean_board_item(item(section=""))["section"] == "本周计划"


@pytest.mark.parametrize("changes, message", [
    ({"content": "  "}, "事项内容：不能为空"),
    ({"content": "字" * 201}, "事项内容：不能超过200个字"),
    ({"group_id": ""}, "工作组：不能为空"),
    ({"week_start": ""}, "周次：不能为空"),
    ({"week_start": "2018-13-01"}, "周次：2018-13-01不是有效日期"),
    ({"week_start": "下周一"}, "周次：日期格式应为YYYY-MM-DD"),
    ({"section": "下周计划"}, "类别：应为以下之一：上月完成、本周计划"),
    ({"status": "暂停"}, "进展状态：应为以下之一：未开始、进行中、已完成、滞后"),
])
def test_bad_board_items_are_refused(changes: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_board_item(item(**changes))
    assert str(caught.value) == message


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as caught:
        clean_board_item(item(content="", group_id=""))
    assert [e.field for e in caught.value.errors] == ["工作组", "事项内容"]


@pytest.mark.parametrize("raw, message", [
    ({"name": ""}, "工作组名称：不能为空"),
    ({"name": "组" * 21}, "工作组名称：不能超过20个字"),
])
def test_bad_group_names(raw: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        clean_group(raw)
    assert clean_group({"name": " 产业发展组 ", "leader": "李源泉"}) == {"name": "产业发展组", "leader": "李源泉"}


def test_a_meeting_gets_a_title_when_none_is_typed() -> None:
    values = clean_meeting({"kind": "联席会", "meeting_date": "2018/9/18", "attendees": "县委书记、县长",
                            "minutes": " 研究部署 \n"}, TODAY)
    assert values == {"kind": "联席会", "meeting_date": "2018-09-18", "title": "2018年9月18日脱贫攻坚联席会议",
                      "attendees": "县委书记、县长", "minutes": "研究部署"}
    assert clean_meeting({"kind": "例会", "meeting_date": "2018-11-26", "title": "第10次例会"}, TODAY)["title"] \
        == "第10次例会"


@pytest.mark.parametrize("raw, message", [
    ({"kind": "", "meeting_date": "2018-11-26"}, "会议类型：不能为空"),
    ({"kind": "座谈会", "meeting_date": "2018-11-26"}, "会议类型：应为以下之一：联席会、例会"),
    ({"kind": "例会", "meeting_date": ""}, "会议日期：不能为空"),
    ({"kind": "例会", "meeting_date": "2018-12-03"}, "会议日期：不能晚于今天"),
])
def test_bad_meetings(raw: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_meeting(raw, TODAY)
    assert str(caught.value) == message


def test_a_decision_is_due_on_or_after_its_meeting() -> None:
    raw = {"decision": "月底前完成旧房拆除统计", "responsible": "易地搬迁组", "due_date": "2018-11-26"}
    assert clean_decision(raw, "2018-11-26") == {**raw, "done": 0}
    assert clean_decision({**raw, "due_date": "", "done": True}, "2018-11-26")["due_date"] is None
    with pytest.raises(ValidationError) as caught:
        clean_decision({**raw, "due_date": "2018-11-25"}, "2018-11-26")
    assert str(caught.value) == "完成时限：不能早于会议日期2018-11-26"
    with pytest.raises(ValidationErrors) as many:
        clean_decision({"decision": "", "responsible": "", "due_date": "2018-11-01"}, date(2018, 11, 26), row=2)
    assert str(many.value) == ("第2条决定的决定事项：不能为空；第2条决定的责任人：不能为空；"
                               "第2条决定的完成时限：不能早于会议日期2018-11-26")


@pytest.mark.parametrize("decision, overdue", [
    ({"done": 0, "due_date": "2018-11-29"}, True),
    ({"done": 0, "due_date": "2018-11-30"}, False),   # due today is still in time
    ({"done": 1, "due_date": "2018-11-01"}, False),
    ({"done": 0, "due_date": None}, False),
])
def test_overdue(decision: dict, overdue: bool) -> None:
    assert is_overdue(decision, TODAY) is overdue
