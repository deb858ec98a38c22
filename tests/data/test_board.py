"""The weekly board: work groups (the county's defaults, a township's own), items per week, carrying unfinished plans
over, and the groups named at the meeting as lagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from lingqiu_desktop.core.board import DEFAULT_COUNTY_GROUPS
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.board import BoardRepository
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

WEEK = "2018-11-19"
NEXT = "2018-11-26"


@pytest.fixture
def board(workbook: Workbook) -> BoardRepository:
    return BoardRepository(workbook.store)


def count(wb: Workbook, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def add(board: BoardRepository, group: dict, content: str, section: str = "本周计划", status: str = "未开始",
        week: str = WEEK) -> dict:
    return board.add_item({"group_id": group["id"], "week_start": week, "section": section, "content": content,
                           "responsible": group["leader"], "status": status})


def test_the_county_gets_the_eleven_groups_on_first_use(tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as county:
        board = BoardRepository(county.store)
        assert [g["name"] for g in board.groups()] == list(DEFAULT_COUNTY_GROUPS)
        assert len(board.groups()) == 11  # not made twice
        audit = county.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'work_group'").fetchone()[0]
        assert audit == 11
        board.deactivate_group(board.groups()[0]["id"])
        assert len(board.groups()) == 10 and board.ensure_default_groups() == 0


def test_a_township_starts_empty_and_manages_its_own_groups(workbook: Workbook, board: BoardRepository) -> None:
    assert board.groups() == []
    a = board.add_group({"name": "综合协调组", "leader": "李源泉"})
    b = board.add_group({"name": "产业发展组"})
    c = board.add_group({"name": "档案资料组"})
    board.rename_group(b["id"], "产业扶贫组")
    board.move_group(c["id"], -2)
    assert [(g["name"], g["sort_order"]) for g in board.groups()] == [("档案资料组", 0), ("综合协调组", 1),
                                                                      ("产业扶贫组", 2)]
    board.move_group(c["id"], -1)  # already first: stays
    assert board.groups()[0]["id"] == c["id"]
    board.deactivate_group(a["id"])
    assert [g["name"] for g in board.groups()] == ["档案资料组", "产业扶贫组"]
    assert len(board.groups(include_inactive=True)) == 3


@pytest.mark.parametrize("name, message", [
    ("综合协调组", "工作组名称：已有同名工作组“综合协调组”"),
    ("档案资料组", "工作组名称：已有同名工作组“档案资料组”（已停用，可重新启用）"),
    ("", "工作组名称：不能为空"),
])
def test_a_group_name_twice_is_refused(workbook: Workbook, board: BoardRepository, name: str, message: str) -> None:
    board.add_group({"name": "综合协调组"})
    board.deactivate_group(board.add_group({"name": "档案资料组"})["id"])
    other = board.add_group({"name": "产业发展组"})
    before = count(workbook, "work_group"), count(workbook, "audit_log")
    for attempt in (lambda: board.add_group({"name": name}), lambda: board.rename_group(other["id"], name)):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert str(caught.value) == message
    assert (count(workbook, "work_group"), count(workbook, "audit_log")) == before
    assert board.group(other["id"])["name"] == "产业发展组"


def test_the_week_shows_each_groups_done_and_planned_items(board: BoardRepository) -> None:
    g1, g2 = board.add_group({"name": "综合协调组", "leader": "李源泉"}), board.add_group({"name": "产业发展组"})
    add(board, g1, "完成10月份贫困户收入核算", "上月完成", "已完成")
    p1 = add(board, g1, "核对建档立卡数据", week="2018-11-21")  # a Wednesday: the item goes on that week's Monday
    add(board, g1, "开展脱贫退出预验收")
    add(board, g2, "别的周的事项", week=NEXT)
    assert p1["week_start"] == WEEK
    cards = board.week("2018-11-25")  # the Sunday of the same week
    assert [c.group["name"] for c in cards] == ["综合协调组", "产业发展组"]
    assert [i["content"] for i in cards[0].done] == ["完成10月份贫困户收入核算"]
    assert [i["content"] for i in cards[0].plans] == ["核对建档立卡数据", "开展脱贫退出预验收"]
    assert cards[0].plans[0]["responsible"] == "李源泉"
    assert cards[1].items == [] and not cards[1].laggard


def test_status_edit_and_delete(workbook: Workbook, board: BoardRepository) -> None:
    group = board.add_group({"name": "综合协调组"})
    item = add(board, group, "核对建档立卡数据")
    board.set_status(item["id"], "进行中")
    assert board.item(item["id"])["status"] == "进行中"
    with pytest.raises(ValidationError, match="进展状态：应为以下之一"):
        board.set_status(item["id"], "完成了")
    moved = board.update_item(item["id"], {**board.item(item["id"]), "section": "上月完成", "content": "核对数据"})
    assert (moved["section"], moved["content"]) == ("上月完成", "核对数据")
    before = count(workbook, "board_item")
    with pytest.raises(ValidationError, match="事项内容：不能为空"):
        board.update_item(item["id"], {**moved, "content": " "})
    with pytest.raises(ValidationError, match="事项内容：不能为空"):
        add(board, group, "")
    assert count(workbook, "board_item") == before and board.item(item["id"])["content"] == "核对数据"
    board.delete_item(item["id"])
    assert count(workbook, "board_item") == before - 1


def test_a_deactivated_group_takes_no_new_items_but_keeps_its_past(board: BoardRepository) -> None:
    group = board.add_group({"name": "档案资料组"})
    add(board, group, "整理县级退出档案资料")
    board.deactivate_group(group["id"])
    with pytest.raises(ValidationError, match="工作组：“档案资料组”已停用"):
        add(board, group, "新的事项", week=NEXT)
    assert [c.group["name"] for c in board.week(WEEK)] == ["档案资料组"]
    assert board.week(NEXT) == []


def test_carry_over_copies_unfinished_plans_once_and_marks_them(workbook: Workbook, board: BoardRepository) -> None:
    g1, g2 = board.add_group({"name": "综合协调组"}), board.add_group({"name": "产业发展组"})
    add(board, g1, "上月的事", "上月完成", "已完成")
    done = add(board, g1, "核对建档立卡数据", status="已完成")
    doing = add(board, g1, "开展脱贫退出预验收", status="进行中")
    late = add(board, g2, "推进安置点旧房拆除复垦", status="滞后")
    waiting = add(board, g2, "培训村级信息员")
    add(board, g2, "下周已有的计划", week=NEXT)
    assert len(board.unfinished(WEEK, NEXT)) == 3
    made = board.carry_over(WEEK, "2018-11-28")
    assert [(m["content"], m["status"], m["carried_from"]) for m in made] == [
        ("开展脱贫退出预验收", "进行中", doing["id"]), ("推进安置点旧房拆除复垦", "滞后", late["id"]),
        ("培训村级信息员", "未开始", waiting["id"])]
    assert all(m["week_start"] == NEXT and m["section"] == "本周计划" for m in made)
    assert board.carry_over(WEEK, NEXT) == [] and board.unfinished(WEEK, NEXT) == []  # nothing twice
    cards = board.week(NEXT)
    assert [(i["content"], i["carries"]) for i in cards[1].plans] == [
        ("下周已有的计划", 0), ("推进安置点旧房拆除复垦", 1), ("培训村级信息员", 1)]
    assert done["id"] not in {m["carried_from"] for m in made}
    with pytest.raises(ValidationError, match="已结转到2018-11-26那一周，请先删除结转后的事项"):
        board.delete_item(waiting["id"])


def test_carry_over_goes_forward_only(workbook: Workbook, board: BoardRepository) -> None:
    add(board, board.add_group({"name": "综合协调组"}), "核对建档立卡数据")
    before = count(workbook, "board_item")
    for target in (WEEK, "2018-11-12"):
        with pytest.raises(ValidationError) as caught:
            board.carry_over(WEEK, target)
        assert str(caught.value) == "结转到：应晚于被结转的一周（2018-11-19）"
    assert count(workbook, "board_item") == before


def test_laggards_have_a_late_item_or_one_carried_twice(board: BoardRepository) -> None:
    g1, g2, g3 = (board.add_group({"name": n}) for n in ("综合协调组", "产业发展组", "项目建设组"))
    add(board, g1, "落实冬季取暖补助", status="滞后", week="2018-11-05")
    slow = add(board, g2, "整理县级退出档案资料", status="进行中", week="2018-11-05")
    add(board, g3, "报送本周工作动态", status="已完成", week="2018-11-05")
    board.carry_over("2018-11-05", "2018-11-12")
    assert [c.group["name"] for c in board.laggards("2018-11-12")] == ["综合协调组"]
    board.carry_over("2018-11-12", WEEK)
    cards = {c.group["name"]: c for c in board.week(WEEK)}
    assert cards["产业发展组"].plans[0]["carries"] == 2
    assert cards["产业发展组"].lag_reasons == ["1项连续结转2次以上"]
    assert cards["综合协调组"].lag_reasons == ["1项滞后", "1项连续结转2次以上"]
    assert not cards["项目建设组"].laggard
    assert [c.group["name"] for c in board.laggards(WEEK)] == ["综合协调组", "产业发展组"]
    assert slow["id"] != cards["产业发展组"].plans[0]["carried_from"]  # it points to the week before


def test_the_county_reads_a_townships_board_but_cannot_change_it(workbook: Workbook,
                                                                 board: BoardRepository) -> None:
    group = board.add_group({"name": "综合协调组"})
    item = add(board, group, "核对建档立卡数据")
    county = BoardRepository(Workbook(workbook.db, workbook.path, "140224").store)
    assert [c.group["name"] for c in county.week(WEEK, owner=workbook.office_code)] == ["综合协调组"]
    before = count(workbook, "board_item")
    for attempt in (lambda: county.add_item({**item, "content": "县里加的"}),
                    lambda: county.set_status(item["id"], "已完成"), lambda: county.delete_item(item["id"]),
                    lambda: county.rename_group(group["id"], "改名")):
        with pytest.raises(NotOwnedError):
            attempt()
    assert count(workbook, "board_item") == before and board.item(item["id"])["status"] == "未开始"
