"""入户走访记录表 (visit), 民情日记 (a village log) and one household's visits over a period (visits), printed through
PrintService from small township databases: one page per ordinary visit, blank parts leaving room to write, long text
wrapping inside and running on, the header repeated, the head's confirmation at the end, QR codes that verify, edits
named by `verify`, and bad keys and date ranges refused in Chinese."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_count,
    page_texts,
    text,
    words,
)
from tests.helpers import add_household, add_village, id_number

from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.visits import clean_visit

from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.printing.visits import PARAMS_FORMAT
from lingqiu_desktop.workbook import Workbook

TODAY = date(2018, 11, 30)


def person(wb: Workbook, name: str, unit: str) -> str:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": "工作队员", "unit": unit})["id"]


def add_visit(wb: Workbook, visitors: list[str], **raw: Any) -> dict[str, Any]:
    values = clean_visit({"visit_date": "2018-06-05", "kind": "入户走访", "visitor_ids": visitors, **raw}, TODAY,
                         wb.settings.get("visit.kinds"))
    return wb.visits.add(values, values.pop("visitor_ids"))


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", text(pdf))


@pytest.fixture
def service(workbook: Workbook) -> PrintService:
    return PrintService(workbook)


@pytest.fixture
def place(workbook: Workbook) -> dict[str, Any]:
    village = add_village(workbook)
    number = id_number("19620304")
    household = add_household(workbook, village["id"], "张先云", head_id_number=number, group_name="二组",
                              phone="13912345678")
    workbook.store.insert("work_team", {"township_code": workbook.office_code, "village_id": village["id"],
                                        "name": "下野窝村驻村工作队", "start_date": "2016-01-01", "status": "在岗"})
    return {"village": village["id"], "household": household["id"], "id_number": number,
            "a": person(workbook, "李明", "县农业局"), "b": person(workbook, "王芳", "东河南镇人民政府")}


def full_visit(wb: Workbook, place: dict, **raw: Any) -> dict[str, Any]:
    fields = {"household_id": place["household"], "weather": "晴", "situation": "家中种植土豆6亩，老伴患慢性病",
              "problems": "院墙因雨水冲刷倒塌", "actions": "拍照上报村委会，申请危房改造补助",
              "promise": "一个月内答复", "follow_up_due": "2018-07-05", "signed": "手印",
              "photo_ref": "IMG_20180605_0001.jpg", **raw}
    return add_visit(wb, [place["a"], place["b"]], **fields)


# -- one visit ------------------------------------------------------------------------------------------------------
def test_a_visit_prints_on_one_a4_page_with_the_household_and_both_signature_boxes(
        workbook: Workbook, service: PrintService, place: dict) -> None:
    visit = full_visit(workbook, place)
    printout = service.document("visit", visit["id"])
    pdf = printout.pdf
    assert page_count(pdf) == 1
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    whole = flat(pdf)
    for expected in ("入户走访记录表", "张先云", place["id_number"], "东河南镇下野窝村二组", "13912345678",
                     "2018年6月5日", "晴", "入户走访", "下野窝村驻村工作队",
                     "李明（县农业局）、王芳（东河南镇人民政府）",
                     "家中种植土豆6亩，老伴患慢性病", "院墙因雨水冲刷倒塌", "拍照上报村委会，申请危房改造补助",
                     "一个月内答复", "2018年7月5日前", "尚未回访", "户主已按手印", "IMG_20180605_0001.jpg",
                     "走访人（签字）：", "户主（签字）：", "户主手印："):
        assert expected in whole, expected
    assert decode_qr(pdf) == printout.stamp.text
    assert service.verify(printout.stamp.text).ok


def test_blank_parts_still_leave_room_to_write(workbook: Workbook, service: PrintService, place: dict) -> None:
    visit = add_visit(workbook, [place["a"]], household_id=place["household"])
    pdf = service.document("visit", visit["id"]).pdf
    assert page_count(pdf) == 1
    top = {w.text: w.y0 for w in words(pdf) if w.text in ("了解情况", "反映问题", "帮扶措施", "承诺事项", "回访时限")}
    mm = 72 / 25.4
    # at least four, three, three and two writing lines of 8 mm
    assert top["反映问题"] - top["了解情况"] >= 31 * mm
    assert top["帮扶措施"] - top["反映问题"] >= 23 * mm
    assert top["承诺事项"] - top["帮扶措施"] >= 23 * mm
    assert top["回访时限"] - top["承诺事项"] >= 15 * mm
    assert "无需回访" in flat(pdf) and "未记录签字或手印" in flat(pdf)


def test_a_long_text_wraps_inside_its_box_and_runs_on_to_a_second_page(
        workbook: Workbook, service: PrintService, place: dict) -> None:
    long_text = "户主患风湿性关节炎多年，长期服药；" * 40 + "情况记录完毕"
    problems = "询问小额信贷额度和贴息办法" * 15 + "问题结束"          # 200 characters
    visit = full_visit(workbook, place, situation=long_text, problems=problems)
    pdf = service.document("visit", visit["id"]).pdf
    assert page_count(pdf) == 2
    assert_inside_text_block(pdf)
    whole = flat(pdf)
    assert whole.count("风湿性关节炎") == 40 and "情况记录完毕" in whole
    assert problems in whole
    last = page_texts(pdf)[-1]
    assert "户主手印：" in last and "承诺事项" in last


def test_a_village_log_prints_as_a_people_diary_without_the_household(
        workbook: Workbook, service: PrintService, place: dict) -> None:
    log = add_visit(workbook, [place["a"]], village_log=True, village_id=place["village"], kind="其他",
                    situation="检查饮水安全工程")
    printout = service.document("visit", log["id"])
    whole = flat(printout.pdf)
    assert "民情日记" in whole and "入户走访记录表" not in whole
    assert "所属村东河南镇下野窝村" in whole and "检查饮水安全工程" in whole and "记录人（签字）：" in whole
    assert "户主" not in whole and "身份证号码" not in whole
    assert_inside_text_block(printout.pdf)
    assert service.verify(decode_qr(printout.pdf)).ok


def test_editing_a_visit_after_printing_is_named_by_verify(workbook: Workbook, service: PrintService,
                                                           place: dict) -> None:
    visit = full_visit(workbook, place)
    stamp = decode_qr(service.document("visit", visit["id"]).pdf)
    values = clean_visit({"household_id": place["household"], "visit_date": "2018-06-05", "kind": "入户走访",
                          "situation": "家中种植土豆6亩，老伴患慢性病", "problems": "院墙已修好", "signed": "签字",
                          "visitor_ids": [place["a"]]}, TODAY, workbook.settings.get("visit.kinds"))
    workbook.visits.update(visit["id"], values, values.pop("visitor_ids"))
    result = service.verify(stamp)
    assert not result.ok
    assert "「反映问题」：由 院墙因雨水冲刷倒塌 改为 院墙已修好" in result.lines
    assert "「户主确认」：由 户主已按手印 改为 户主已签字" in result.lines
    assert "「走访人」：由 李明（县农业局）、王芳（东河南镇人民政府） 改为 李明（县农业局）" in result.lines


# -- one household's visits -----------------------------------------------------------------------------------------
def many_visits(wb: Workbook, place: dict, count: int) -> list[dict[str, Any]]:
    start = date(2018, 1, 3)
    return [add_visit(wb, [place["a"]], household_id=place["household"],
                      visit_date=(start + timedelta(days=7 * i)).isoformat(), situation=f"第{i + 1}次走访了解情况",
                      problems="反映饮水管道冻裂，吃水要到邻居家挑", actions="协调乡水利站派人维修",
                      signed="签字" if i % 2 else "手印")
            for i in range(count)]


def test_a_households_visits_break_over_pages_with_the_header_and_end_with_the_heads_confirmation(
        workbook: Workbook, service: PrintService, place: dict) -> None:
    many_visits(workbook, place, 36)                     # 2018-01-03 … 2018-09-05, weekly
    printout = service.document("visits", place["household"], "2018-02-01:2018-08-31")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for page in pages:
        assert "走访日期" in page and "了解情况、反映问题、帮扶措施" in page
    listed = printout.printable.content["走访记录"]
    assert len(listed) == 30 and listed[0]["走访日期"] == "2018-02-07" and listed[-1]["走访日期"] == "2018-08-29"
    whole = flat(pdf)
    assert "入户走访记录汇总表" in whole and place["id_number"] in whole
    assert "2018年2月1日至2018年8月31日，共走访30次" in whole
    assert "第6次走访了解情况" in whole and "第36次" not in whole and "第5次走访" not in whole
    assert "以上30次入户走访情况属实。" in pages[-1] and "户主手印：" in pages[-1]
    assert "2018-08-29" in pages[-1]                     # the confirmation keeps the last visits with it
    assert decode_qr(pdf) == printout.stamp.text == (
        f"LQFP1|visits|{place['household']}|2018-02-01:2018-08-31|{printout.stamp.digest}")
    assert service.verify(printout.stamp.text).ok


def test_the_head_id_number_is_accepted_and_normalised_to_the_household(
        workbook: Workbook, service: PrintService, place: dict) -> None:
    many_visits(workbook, place, 3)
    printout = service.document("visits", place["id_number"].lower(), "")
    assert (printout.printable.key, printout.printable.params) == (place["household"], ":")
    assert f"|{place['household']}|:|" in printout.stamp.text
    assert "全部（2018年1月3日至2018年1月17日），共走访3次" in flat(printout.pdf)
    assert service.prepare("visits", place["household"], "2018/1/10:").params == "2018-01-10:"


def test_a_period_without_visits_still_prints_the_confirmation(workbook: Workbook, service: PrintService,
                                                               place: dict) -> None:
    many_visits(workbook, place, 2)
    pdf = service.document("visits", place["household"], "2017-01-01:2017-12-31").pdf
    whole = flat(pdf)
    assert "（此期间没有走访记录）" in whole and "以上0次入户走访情况属实。" in whole
    assert_inside_text_block(pdf)


def test_editing_one_of_the_visits_is_named_by_verify(workbook: Workbook, service: PrintService,
                                                      place: dict) -> None:
    visits = many_visits(workbook, place, 4)
    stamp = decode_qr(service.document("visits", place["household"], ":").pdf)
    workbook.store.update("visit", visits[1]["id"], {"problems": "问题已解决"})
    result = service.verify(stamp)
    assert not result.ok
    assert "「走访记录」 第2行「反映问题」：由 反映饮水管道冻裂，吃水要到邻居家挑 改为 问题已解决" in result.lines


# -- bad keys and params --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("params", "message"), [
    ("2018-13-01:", "日期范围的开始日期“2018-13-01”不是有效日期，应写作如 2018-06-05"),
    (":2018-02-30", "日期范围的结束日期“2018-02-30”不是有效日期，应写作如 2018-06-05"),
    ("x", PARAMS_FORMAT),
    ("2018-01-01", PARAMS_FORMAT),
    ("2018-01-01:2018-02-01:2018-03-01", PARAMS_FORMAT),
    ("abc:", "日期范围的开始日期“abc”不是有效日期，应写作如 2018-06-05"),
    ("2018-06-30:2018-01-01", "日期范围的开始日期2018-06-30晚于结束日期2018-01-01"),
])
def test_bad_date_ranges_are_refused_in_chinese(service: PrintService, place: dict, params: str,
                                                message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service.prepare("visits", place["household"], params)
    assert str(caught.value) == message


@pytest.mark.parametrize(("kind", "key", "params", "message"), [
    ("visit", "no-such-visit", "", "没有找到这条走访记录（编号 no-such-visit），可能已被删除"),
    ("visit", "", "", "没有找到这条走访记录（编号 空），可能已被删除"),
    ("visits", "no-such-household", ":", "没有找到这户贫困户（编号 no-such-household），可能已被删除"),
    ("visits", "11010519491231002X", ":", "没有找到户主身份证号为 11010519491231002X 的贫困户"),
])
def test_unknown_records_are_refused_in_chinese(service: PrintService, kind: str, key: str, params: str,
                                                message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service.prepare(kind, key, params)
    assert str(caught.value) == message


def test_a_single_visit_takes_no_params(workbook: Workbook, service: PrintService, place: dict) -> None:
    visit = full_visit(workbook, place)
    with pytest.raises(PrintError) as caught:
        service.prepare("visit", visit["id"], "2018-01-01:")
    assert str(caught.value) == "入户走访记录表不需要参数（收到“2018-01-01:”）"


def test_verify_after_the_visit_is_deleted(workbook: Workbook, service: PrintService, place: dict) -> None:
    visit = full_visit(workbook, place)
    stamp = service.document("visit", visit["id"]).stamp.text
    workbook.visits.delete(visit["id"])
    assert not service.verify(stamp).ok
