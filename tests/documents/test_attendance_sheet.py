"""驻村工作队月度考勤表 printed through PrintService: A4 landscape, members × days with marks, the month's totals under
the attendance rules and settings, leave and spot checks, signatures and the township's seal; long teams break
over pages with the header repeated; the QR code verifies and a changed day is named.

June 2018 (working date 2018-11-30, so the month is over), required 20 days, trips count as days in the village:
  王建国 (第一书记) 在村 1–20 + 出差 21–22 → 22 ≥ 20: 达标.
  李红梅 (队员)     事假 1–4 (4 days, approved by the county), 在村 5–19 → 15: 未达标.
  赵志刚 (队员)     缺勤 1 (found by a spot check), 在村 2–20 → 19: 未达标.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.data.test_attendance import add_member, add_team
from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_sizes,
    page_texts,
)
from tests.documents.test_sheet import flat, rows_with, service

from lingqiu_desktop.documents.base import Cancelled
from lingqiu_desktop.printing.service import PrintError
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

MONTH = "2018-06"


def days(person: str, status: str, first: int, last: int) -> list[tuple[str, str, str]]:
    return [(person, f"{MONTH}-{d:02d}", status) for d in range(first, last + 1)]


@pytest.fixture
def team(workbook: Workbook) -> dict[str, Any]:
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    team = add_team(workbook)
    wang, li, zhao = (team["people"][n] for n in ("王建国", "李红梅", "赵志刚"))
    att = workbook.attendance
    att.set_days(team["id"], days(wang, "在村", 1, 20) + days(wang, "出差", 21, 22) + days(li, "在村", 5, 19)
                 + days(zhao, "缺勤", 1, 1) + days(zhao, "在村", 2, 20))
    att.add_leave(team["id"], li, "2018-06-01", "2018-06-04", "事假", "家中有事", "县委组织部李明", "2018-05-31")
    att.add_spot_check(team["id"], zhao, "2018-06-01", "县委组织部督查组", present=False, note="电话不通")
    return {"wb": workbook, **team}


def test_the_month_on_paper(team: dict[str, Any]) -> None:
    printout = service(team["wb"]).document("attendance", team["id"], MONTH)
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert all(w > h for w, h in page_sizes(pdf))                          # landscape
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("下野窝村驻村工作队月度考勤表", "（2018年6月）", "东河南镇", "灵丘县扶贫办", "考勤月份",
                     "图例：√在村", "×缺勤", "／不在驻村期内", "在村天数要求：每月不少于20天",
                     "出差（会议、培训）计入在村天数", "一、请假明细", "二、抽查情况",
                     "工作队队长（签字）", "乡镇分管领导（签字）", "东河南镇人民政府（盖章）"):
        assert expected in words, expected
    assert "1王建国第一书记" + "√" * 20 + "差差" + "2202020达标" in rows_with(pdf, "王建国")
    assert "2李红梅队员" + "假" * 4 + "√" * 15 + "154002 0未达标".replace(" ", "") in rows_with(pdf, "李红梅")
    assert "3赵志刚队员×" + "√" * 19 + "1900120未达标" in rows_with(pdf, "赵志刚")
    assert "1李红梅事假6月1日至6月4日4家中有事县委组织部李明2018年5月31日" in rows_with(pdf, "事假")
    assert "12018年6月1日赵志刚县委组织部督查组无故缺勤电话不通" in rows_with(pdf, "督查组")
    assert printout.printable.filename == "下野窝村驻村工作队_2018-06考勤表.pdf"


def test_days_outside_the_posting_and_a_month_still_running(team: dict[str, Any]) -> None:
    """A member posted from 16 November: days 1–15 are outside the posting, the requirement is pro-rated
    (20 × 15 / 30 = 10) and on the working date 30 November the month is over: nothing recorded → 未达标.
    With the working date on 20 November the month is still running: 未满月."""
    wb = team["wb"]
    add_member(wb, team["id"], "钱新来", "队员", "2018-11-16")
    pdf = service(wb).document("attendance", team["id"], "2018-11").pdf
    assert "4钱新来队员" + "／" * 15 + "0000" + "10未达标" in rows_with(pdf, "钱新来")
    wb.settings.set(REFERENCE_DATE_KEY, "2018-11-20")
    pdf = service(wb).document("attendance", team["id"], "2018-11").pdf
    assert "4钱新来队员" + "／" * 15 + "0000" + "10未满月" in rows_with(pdf, "钱新来")


def test_the_settings_change_the_rule_and_the_signers(team: dict[str, Any]) -> None:
    wb = team["wb"]
    wb.settings.set("attendance.trips_count_in_village", False)
    wb.settings.set("print.attendance_signers", ["村党支部书记", "乡镇组织委员"])
    pdf = service(wb).document("attendance", team["id"], MONTH).pdf
    assert "1王建国第一书记" + "√" * 20 + "差差" + "2002020达标" in rows_with(pdf, "王建国")
    words = flat(pdf)
    assert "出差不计入在村天数" in words and "村党支部书记（签字）" in words and "乡镇组织委员（签字）" in words
    assert "工作队队长（签字）" not in words


def test_forty_members_break_over_pages_with_the_header_on_each(workbook: Workbook) -> None:
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    members = tuple((f"队员{n:02d}", "队员") for n in range(1, 41))
    team = add_team(workbook, members)
    person = team["people"]["队员07"]
    workbook.attendance.add_leave(team["id"], person, "2018-06-11", "2018-06-12", "病假", "到县医院复查。" * 30,
                                  "乡党委王书记")
    pdf = service(workbook).document("attendance", team["id"], MONTH).pdf
    pages = page_texts(pdf)
    grid_pages = [p for p in pages if re.search(r"队员\d\d", p) and "请假明细" not in p]
    assert len(pages) >= 4 and len(grid_pages) >= 3
    for page in grid_pages:
        assert all(h in page for h in ("序", "姓名", "职务", "在村", "要求"))    # the header on every page
    assert "队员40" in flat(pdf)
    assert_inside_text_block(pdf)                                          # the 210-character reason wrapped


def test_the_qr_code_verifies_and_a_changed_day_is_named(team: dict[str, Any]) -> None:
    wb = team["wb"]
    ps = service(wb)
    printout = ps.document("attendance", team["id"], MONTH)
    qr = decode_qr(printout.pdf)
    assert qr == printout.stamp.text and qr.startswith(f"LQFP1|attendance|{team['id']}|2018-06|")
    assert ps.verify(qr).ok
    wb.attendance.set_day(team["id"], team["people"]["王建国"], "2018-06-25", "在村")
    result = ps.verify(qr)
    assert not result.ok
    assert "「队员」 第1行「考勤」「25日」：由 （空） 改为 在村" in result.lines
    assert "「队员」 第1行「在村天数」：由 22 改为 23" in result.lines


@pytest.mark.parametrize(("key", "params", "message"), [
    ("TEAM", "2018-13", "考勤月份“2018-13”无效：13月不存在"),
    ("TEAM", "六月", "考勤月份“六月”无效：格式应为YYYY-MM"),
    ("no-such-team", MONTH, "找不到该驻村工作队（编号 no-such-team），可能已被删除"),
    ("TEAM", "2017-06", "下野窝村驻村工作队2017年6月没有驻村队员，无法生成考勤表"),
])
def test_bad_keys_and_months_are_refused_in_chinese(team: dict[str, Any], key: str, params: str,
                                                    message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service(team["wb"]).prepare("attendance", team["id"] if key == "TEAM" else key, params)
    assert str(caught.value) == message


@pytest.fixture
def two_teams(team: dict[str, Any]) -> dict[str, Any]:
    other = add_team(team["wb"], (("孙立", "队长"),), "2018-06-10", "上野窝村驻村工作队", "202")
    add_team(team["wb"], (("周平", "队长"),), "2018-07-01", "中野窝村驻村工作队", "203")   # not yet posted in June
    return {**team, "other": other}


def test_batches_cover_the_teams_posted_in_the_month(two_teams: dict[str, Any], tmp_path: Path) -> None:
    ps = service(two_teams["wb"])
    assert ps.batch_keys("attendance", MONTH) == [two_teams["id"], two_teams["other"]["id"]]
    one = ps.batch("attendance", MONTH, tmp_path / "六月考勤.pdf", True)
    pages = page_texts(one.files[0].read_bytes())
    assert one.documents == 2 and sum("月度考勤表" in p for p in pages) == 2
    folder = ps.batch("attendance", MONTH, tmp_path / "考勤", False)
    assert sorted(p.name for p in folder.files) == ["上野窝村驻村工作队_2018-06考勤表.pdf",
                                                     "下野窝村驻村工作队_2018-06考勤表.pdf"]


@pytest.mark.parametrize("one_file", [True, False])
def test_a_cancelled_batch_leaves_no_file(two_teams: dict[str, Any], tmp_path: Path, one_file: bool) -> None:
    def progress(done: int, total: int, what: str) -> None:
        if done >= 1:
            raise Cancelled

    out = tmp_path / ("六月考勤.pdf" if one_file else "考勤")
    result = service(two_teams["wb"]).batch("attendance", MONTH, out, one_file, progress=progress)
    assert result.cancelled and result.files == [] and list(tmp_path.rglob("*.pdf*")) == []
