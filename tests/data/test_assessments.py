"""AssessmentRepository: members of a year with their spot-check absences, ratings capped by the settings rule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.data.test_attendance import add_member, add_team, count, set_today

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook


@pytest.fixture
def team(workbook: Workbook) -> dict[str, Any]:
    set_today(workbook, "2018-11-30")
    return add_team(workbook)


def absent(wb: Workbook, team: dict[str, Any], name: str, *days: str, excused: bool = False) -> None:
    for day in days:
        wb.attendance.add_spot_check(team["id"], team["people"][name], day, "县委组织部督查组", False, excused)


def test_members_of_a_year_with_their_absences(workbook: Workbook, team: dict[str, Any]) -> None:
    add_member(workbook, team["id"], "周大海", start="2017-03-01", end="2017-12-31")   # only in 2017
    absent(workbook, team, "赵志刚", "2018-03-02", "2018-06-12")
    absent(workbook, team, "李红梅", "2018-04-02", excused=True)
    rows = workbook.assessments.members(2018)
    assert [(r["name"], r["role"], r["absences"], r["rating"]) for r in rows] == [
        ("王建国", "第一书记", 0, None), ("李红梅", "队员", 0, None), ("赵志刚", "队员", 2, None)]
    assert rows[0]["team"] == "下野窝村驻村工作队" and rows[0]["township"] == "东河南镇"
    assert [r["name"] for r in workbook.assessments.members(2017)] == ["周大海"]
    assert workbook.assessments.members(2018, "140224102") == []
    assert len(workbook.assessments.members(2018, team_id=team["id"])) == 3


def test_set_rating_applies_the_cap_and_keeps_the_reason(workbook: Workbook, team: dict[str, Any]) -> None:
    absent(workbook, team, "赵志刚", "2018-03-02", "2018-06-12")
    zhao = team["people"]["赵志刚"]
    row = workbook.assessments.set_rating(zhao, 2018, "优秀", "93.5", "县委组织部", "工作扎实")
    assert (row["rating"], row["score"], row["capped_by"]) == (
        "基本称职", 93.5, "抽查发现无故缺勤2次，最高评为基本称职（原拟评优秀）")
    # saving again updates the same row
    again = workbook.assessments.set_rating(zhao, "2018", "不称职", None, "县委组织部", "")
    assert again["id"] == row["id"] and (again["rating"], again["capped_by"], again["score"]) == ("不称职", "", None)
    wang = workbook.assessments.set_rating(team["people"]["王建国"], 2018, "优秀", 96, "县委组织部")
    assert (wang["rating"], wang["capped_by"]) == ("优秀", "")
    assert [(r["name"], r["rating"]) for r in workbook.assessments.list(2018)] == [
        ("王建国", "优秀"), ("赵志刚", "不称职")]
    assert count(workbook, "assessment") == 2


def test_the_rule_comes_from_settings(workbook: Workbook, team: dict[str, Any]) -> None:
    workbook.settings.set("assessment.ratings", ["优秀", "称职", "不称职"])
    workbook.settings.set("assessment.absence_caps", {"1": "称职", "2": "不称职"})
    absent(workbook, team, "李红梅", "2018-05-02")
    li = team["people"]["李红梅"]
    assert workbook.assessments.set_rating(li, 2018, "优秀")["rating"] == "称职"
    assert workbook.assessments.preview("优秀", 2) == ("不称职", "抽查发现无故缺勤2次，最高评为不称职（原拟评优秀）")


@pytest.mark.parametrize(("year", "proposed", "score", "message"), [
    (2018, "", None, "拟评等次：应为以下之一：优秀、称职、基本称职、不称职"),
    (2018, "良好", None, "拟评等次：应为以下之一：优秀、称职、基本称职、不称职"),
    (2018, "优秀", "120", "考核得分：不能大于100"),
    (2018, "优秀", "九十", "考核得分：应为数字"),
    ("18", "优秀", None, "年度：应为4位数字年份，如2018"),
    (2016, "优秀", None, "人员：2016年不是驻村工作队员，不能考核"),
])
def test_bad_rating_saves_nothing(workbook: Workbook, team: dict[str, Any], year: Any, proposed: str,
                                  score: str | None, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workbook.assessments.set_rating(team["people"]["王建国"], year, proposed, score)
    assert str(caught.value) == message
    assert count(workbook, "assessment") == 0
