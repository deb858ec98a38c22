"""Villages and households through the Workbook: the write path, audit rows, ownership, search and paging."""

import json

import pytest

from tests.helpers import add_household, add_village, id_number

from lingqiu_desktop.core.records import clean_household, clean_member
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.households import HouseholdFilter
from lingqiu_desktop.data.listing import next_key
from lingqiu_desktop.data.store import NotOwnedError
from lingqiu_desktop.data.villages import VillageFilter


def _count(wb, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_add_household_creates_head_member_and_audit_rows(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"])
    assert row["owner"] == "140224101" and row["township_code"] == "140224101"
    members = workbook.households.members(row["id"])
    assert [(m["name"], m["relation"]) for m in members] == [("张先云", "户主")]
    audit = workbook.db.execute("SELECT action, table_name, row_id, after_json FROM audit_log "
                                "WHERE table_name IN ('household', 'household_member') ORDER BY id").fetchall()
    assert [(a[0], a[1]) for a in audit] == [("insert", "household"), ("insert", "household_member")]
    assert json.loads(audit[0][3])["head_name"] == "张先云"


def test_update_writes_before_and_after(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"])
    values = clean_household({"head_name": "张先运", "head_id_number": row["head_id_number"], "main_cause": "因学"})
    workbook.households.update(row["id"], values)
    before, after = workbook.db.execute("SELECT before_json, after_json FROM audit_log WHERE table_name='household' "
                                        "AND action='update'").fetchone()
    assert json.loads(before)["main_cause"] == "因病" and json.loads(after)["main_cause"] == "因学"
    head = workbook.households.members(row["id"])[0]
    assert head["name"] == "张先运", "the head member follows the household"


def test_search_by_initials_name_and_id(workbook) -> None:
    village = add_village(workbook)
    target = add_household(workbook, village["id"], "张先云")
    add_household(workbook, village["id"], "李明")
    for text in ("zxy", "ZXY", "张先", target["head_id_number"][-6:]):
        rows = workbook.list_page("household", HouseholdFilter(text=text), None)
        assert [r["head_name"] for r in rows] == ["张先云"], text


def test_search_finds_household_by_member(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"], "王大山")
    workbook.households.add_member(row["id"], clean_member({"name": "王小红", "id_number": id_number(male=False,
                                   birth="20050301"), "relation": "之女"}))
    rows = workbook.list_page("household", HouseholdFilter(text="wxh"), None)
    assert [r["head_name"] for r in rows] == ["王大山"]
    assert workbook.households.get(row["id"])["member_count"] == 2


def test_duplicate_id_number_is_refused_and_nothing_saved(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"])
    before = _count(workbook, "household"), _count(workbook, "household_member"), _count(workbook, "audit_log")
    with pytest.raises(ValidationError, match="户主身份证号"):
        add_household(workbook, village["id"], "另一人", head_id_number=row["head_id_number"])
    after = _count(workbook, "household"), _count(workbook, "household_member"), _count(workbook, "audit_log")
    assert after == before


def test_rows_of_another_office_are_read_only(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"])
    workbook.db.execute("UPDATE household SET owner = '140224' WHERE id = ?", [row["id"]])
    with pytest.raises(NotOwnedError):
        workbook.households.update(row["id"], clean_household({"head_name": "改", "head_id_number":
                                                               row["head_id_number"], "main_cause": "因病"}))


def test_head_cannot_be_deleted_but_household_can(workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"])
    head = workbook.households.members(row["id"])[0]
    with pytest.raises(ValidationError, match="户主不能删除"):
        workbook.households.delete_member(head["id"])
    workbook.households.delete(row["id"])
    assert _count(workbook, "household") == 0 and _count(workbook, "household_member") == 0


def test_village_in_use_cannot_be_deleted(workbook) -> None:
    village = add_village(workbook)
    add_household(workbook, village["id"])
    with pytest.raises(ValidationError, match="不能删除"):
        workbook.villages.delete(village["id"])


def test_paging_by_key_visits_every_row_once_in_order(workbook) -> None:
    village = add_village(workbook)
    names = [f"测试{i:02d}" for i in range(25)]
    for name in names:
        add_household(workbook, village["id"], name)
    for descending in (False, True):
        seen, after = [], None
        while True:
            page = workbook.list_page("household", HouseholdFilter(sort="head_name", descending=descending), after, 7)
            if not page:
                break
            seen += [r["head_name"] for r in page]
            after = next_key(page)
        assert seen == sorted(names, reverse=descending)
    assert workbook.list_count("household", HouseholdFilter(text="测试1")) == 10


def test_village_filter_and_search(workbook) -> None:
    add_village(workbook, "201", "下野窝村")
    add_village(workbook, "202", "曲回寺村")
    assert [r["name"] for r in workbook.list_page("village", VillageFilter(text="qhs"), None)] == ["曲回寺村"]
    assert workbook.list_count("village", VillageFilter(poor_only=True)) == 2
    with pytest.raises(ValidationError, match="已被"):
        add_village(workbook, "201", "重复村")


def test_paging_with_ties_in_the_sort_key_loses_no_row(workbook) -> None:
    village = add_village(workbook)
    ids = {add_household(workbook, village["id"], name)["id"] for name in ["王芳"] * 9 + ["李强"] * 4}
    for sort in ("head_name", "status", "village", ""):
        seen, after = [], None
        while page := workbook.list_page("household", HouseholdFilter(sort=sort), after, 3):
            seen += [r["id"] for r in page]
            after = next_key(page)
        assert sorted(seen) == sorted(ids), sort


def test_search_names_the_member_that_matched(workbook) -> None:
    village = add_village(workbook)
    head = add_household(workbook, village["id"], "翟山富")
    workbook.households.add_member(head["id"], clean_member({"name": "翟晓怡", "id_number": id_number(
        male=False, birth="19920103"), "relation": "之女"}))
    add_household(workbook, village["id"], "张小燕")
    rows = workbook.list_page("household", HouseholdFilter(text="zxy"), None)
    assert {r["head_name"]: r["matched_member"] for r in rows} == {"翟山富": "翟晓怡（之女）", "张小燕": ""}
