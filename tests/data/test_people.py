"""People through the Workbook: the write path, unique ID numbers, search for pickers, the list and its filters."""

from __future__ import annotations

import pytest

from tests.helpers import add_village, id_number

from lingqiu_desktop.core.people import clean_membership, clean_person, clean_team
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.people import NO_TOWNSHIP, PERSON_KINDS, UNIT_LEVELS, PersonFilter

from lingqiu_desktop.workbook import Workbook


def add(wb: Workbook, name: str, **fields: str) -> dict:
    return wb.people.add(clean_person({"name": name, "kind": "干部", **fields}))


def names(wb: Workbook, **kw: str) -> list[str]:
    return [r["name"] for r in wb.list_page("person", PersonFilter(**kw), None)]


def test_vocabularies_are_the_cores() -> None:
    assert "第一书记" in PERSON_KINDS and UNIT_LEVELS[2] == "县直"


def test_add_belongs_to_the_township_and_is_audited(workbook: Workbook) -> None:
    row = add(workbook, "张先云", phone="13912345678")
    assert (row["owner"], row["township_code"]) == ("140224101", "140224101")
    actions = workbook.db.execute("SELECT action FROM audit_log WHERE table_name = 'person'").fetchall()
    assert actions == [("insert",)]


def test_id_number_is_unique_but_optional(workbook: Workbook) -> None:
    number = id_number()
    first = add(workbook, "张先云", id_number=number)
    add(workbook, "李明")
    add(workbook, "王芳")  # two people without an ID number are fine
    with pytest.raises(ValidationError, match="身份证号：已登记为人员张先云"):
        add(workbook, "张仙云", id_number=number)
    workbook.people.update(first["id"], clean_person({"name": "张先运", "kind": "干部", "id_number": number}))
    assert workbook.people.get(first["id"])["name"] == "张先运"
    assert workbook.db.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 3


def test_search_by_name_initials_id_and_phone(workbook: Workbook) -> None:
    number = id_number()
    add(workbook, "张先云", id_number=number, phone="13912345678")
    add(workbook, "张先")
    add(workbook, "李明", kind="工作队员")
    assert [r["name"] for r in workbook.people.search("张先")] == ["张先", "张先云"], "exact name first"
    assert [r["name"] for r in workbook.people.search("zxy")] == ["张先云"]
    assert [r["name"] for r in workbook.people.search(number[-6:])] == ["张先云"]
    assert [r["name"] for r in workbook.people.search("1391234")] == ["张先云"]
    assert [r["name"] for r in workbook.people.search("", kind="工作队员")] == ["李明"]


def test_list_filters(workbook: Workbook) -> None:
    add(workbook, "张先云", kind="工作队员,帮扶责任人")
    add(workbook, "李明", kind="村干部")
    workbook.db.execute("UPDATE person SET township_code = NULL WHERE name = '李明'")
    assert names(workbook, kind="帮扶责任人") == ["张先云"]
    assert names(workbook, kind="干部") == [], "kinds match whole words"
    assert names(workbook, township_code=NO_TOWNSHIP) == ["李明"]
    assert names(workbook, township_code="140224101") == ["张先云"]
    assert workbook.list_count("person", PersonFilter(text="lm")) == 1
    sorted_rows = workbook.list_page("person", PersonFilter(sort="township"), None)
    assert [r["name"] for r in sorted_rows] == ["李明", "张先云"], "no township sorts first, NULL-safe"


def test_list_shows_the_current_team_and_delete_is_refused_once_posted(workbook: Workbook) -> None:
    village = add_village(workbook)
    person = add(workbook, "张先云")
    team = workbook.teams.add(clean_team({"village_id": village["id"], "sending_unit": "县财政局",
                                          "start_date": "2018-03-01"}, village_name="下野窝村"))
    workbook.teams.add_member(team["id"], clean_membership({"person_id": person["id"], "start_date": "2018-03-01"}))
    assert workbook.list_page("person", PersonFilter(), None)[0]["team"] == "下野窝村驻村工作队"
    with pytest.raises(ValidationError, match="不能删除"):
        workbook.people.delete(person["id"])
    other = add(workbook, "李明")
    workbook.people.delete(other["id"])
    assert names(workbook) == ["张先云"]


def test_units_most_used_first(workbook: Workbook) -> None:
    for name, unit in (("甲", "县财政局"), ("乙", "县教育局"), ("丙", "县教育局")):
        add(workbook, name, unit=unit)
    assert workbook.people.units() == ["县教育局", "县财政局"]
    assert workbook.people.units("县财") == ["县财政局"]
