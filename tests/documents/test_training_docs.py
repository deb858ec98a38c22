"""培训签到表 (signin) and 培训记录 (training), printed through PrintService from small township databases: fonts
embedded, A4 with the GB/T 9704 margins, a 60-person sheet breaking over pages with its header and blank rows, the
attendance figures, the QR code verifying, and a changed record named by `verify`."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_count,
    page_texts,
    text,
)

from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training

from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.workbook import Workbook

TODAY = date(2018, 11, 30)
TITLE = "东河南镇2018年驻村工作队员培训班（第3期）"


def add_training(wb: Workbook, title: str = TITLE, hours: str = "6", **fields: str) -> dict:
    raw = {"title": title, "audience": "驻村工作队员", "start_date": "2018-06-05", "end_date": "2018-06-06",
           "hours": hours, "topic": "精准识别与动态管理", "time_slots": "上午 9:00-11:30；下午 14:30-17:00",
           "venue": "东河南镇政府三楼会议室", "trainer": "王建国", "trainer_post": "县扶贫办副主任",
           "organiser": "东河南镇党委", **fields}
    return wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], TODAY))


def add_attendees(wb: Workbook, training: dict, count: int, **override: str) -> list[dict]:
    rows = []
    for i in range(1, count + 1):
        values = {"name": f"学员{i:02d}", "unit": "灵丘县扶贫开发服务中心", "post": "科员",
                  "phone": f"138{i:08d}", **override}
        rows.append(wb.trainings.add_attendee(training["id"], values=values))
    return rows


def flat(pdf: bytes) -> str:
    """The text with line breaks and spaces removed: a wrapped cell reads as one string again."""
    return re.sub(r"\s+", "", text(pdf))


@pytest.fixture
def service(workbook: Workbook) -> PrintService:
    return PrintService(workbook)


# -- 培训签到表 -----------------------------------------------------------------------------------------------------
def test_a_60_person_sign_in_sheet_breaks_over_pages_with_its_header_blank_rows_and_signatures(
        workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    add_attendees(workbook, training, 60)
    pdf = service.document("signin", training["id"]).pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    for page in pages:                                    # the header row on every page
        assert "签到（签名）" in page and "联系电话" in page and "序号" in page
    whole = flat(pdf)
    assert f"{TITLE}签到表" in whole
    assert "2018年6月5日至6日" in whole and "王建国（县扶贫办副主任）" in whole and "6学时" in whole
    assert "学员01" in whole and "学员60" in whole
    assert "13800000060" in whole                         # an internal sheet: the phone in full
    last = pages[-1].split()
    assert [str(n) for n in range(61, 66)] == [w for w in last if w.isdigit() and 60 < int(w) < 100]
    assert "组织人（签字）：" in pages[-1] and "授课人（签字）：" in pages[-1] and "应到人数：60人" in pages[-1]
    assert "学员" in pages[-1]                            # the signatures never stand alone on the last page


def test_blank_rows_and_signers_come_from_the_settings(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook, title="第一书记能力提升班")
    add_attendees(workbook, training, 3)
    workbook.settings.set("print.signin_blank_rows", 2)
    workbook.settings.set("print.training_signers", ["主持人", "授课人", "记录人"])
    printout = service.document("signin", training["id"])
    words = text(printout.pdf).split()
    assert "5" in words and "6" not in words              # 3 attendees + 2 blank rows
    assert "第一书记能力提升班培训签到表" in flat(printout.pdf)
    for label in ("主持人（签字）：", "授课人（签字）：", "记录人（签字）："):
        assert label in text(printout.pdf)
    assert printout.printable.content["空白行"] == 2


def test_a_200_character_unit_wraps_inside_its_column(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    unit = "灵丘县" + "扶贫开发领导小组办公室" * 18 + "末尾"
    add_attendees(workbook, training, 2, unit=unit)
    for kind in ("signin", "training"):
        pdf = service.document(kind, training["id"]).pdf
        assert_inside_text_block(pdf)
        whole = flat(pdf)                 # pdftotext reads the wrapped lines between the neighbouring cells
        assert "灵丘县扶贫开发" in whole and "办公室末尾" in whole
        assert whole.count("领导小组") >= 30     # every repetition printed (twice: two attendees)


def test_the_qr_code_decodes_to_the_stamp_and_verifies(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    add_attendees(workbook, training, 40)
    printout = service.document("signin", training["id"])
    assert decode_qr(printout.pdf) == printout.stamp.text
    assert decode_qr(printout.pdf, page=page_count(printout.pdf)) == printout.stamp.text
    assert printout.stamp.text.startswith(f"LQFP1|signin|{training['id']}||")
    assert service.verify(printout.stamp.text).ok


def test_renaming_an_attendee_after_printing_is_named_by_verify(workbook: Workbook,
                                                                service: PrintService) -> None:
    training = add_training(workbook)
    people = add_attendees(workbook, training, 5)
    stamp = decode_qr(service.document("signin", training["id"]).pdf)
    workbook.store.update("training_attendee", people[2]["id"], {"name": "李改名"})
    workbook.trainings.update(training["id"], {"venue": "县委党校"})
    result = service.verify(stamp)
    assert not result.ok
    assert "「参训人员」 第3行「姓名」：由 学员03 改为 李改名" in result.lines
    assert "「培训地点」：由 东河南镇政府三楼会议室 改为 县委党校" in result.lines


# -- 培训记录 -------------------------------------------------------------------------------------------------------
def test_the_record_shows_attendance_person_times_and_hours(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook, hours="6")
    people = add_attendees(workbook, training, 10)
    workbook.trainings.mark_attendance(training["id"], {p["id"]: i not in (3, 7) for i, p in enumerate(people)},
                                       TODAY)
    printout = service.document("training", training["id"])
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    whole = flat(pdf)
    assert f"{TITLE}培训记录" in whole
    assert "应到10人，实到8人，缺席2人" in whole
    assert "8人次" in whole and "48学时" in whole          # 6 学时 × 8 present
    assert whole.count("√") == 8 and whole.count("缺席") == 2 + 1   # the marks, and 缺席 in 出勤情况
    assert "组织人（签字）：" in text(pdf) and "授课人（签字）：" in text(pdf)
    rows = printout.printable.content["参训人员"]
    assert [r["到场情况"] for r in rows[2:5]] == ["√", "缺席", "√"]
    assert decode_qr(pdf) == printout.stamp.text and service.verify(printout.stamp.text).ok


def test_a_session_not_yet_marked_says_so_and_prints_the_register_with_empty_marks(
        workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    add_attendees(workbook, training, 4)
    pdf = service.document("training", training["id"]).pdf
    whole = flat(pdf)
    assert "应到4人，未点名" in whole
    assert "学员04" in whole and "√" not in whole and "到场情况" in whole


def test_marking_attendance_after_printing_the_record_is_named_by_verify(workbook: Workbook,
                                                                         service: PrintService) -> None:
    training = add_training(workbook)
    people = add_attendees(workbook, training, 3)
    workbook.trainings.mark_attendance(training["id"], {p["id"]: True for p in people}, TODAY)
    stamp = service.document("training", training["id"]).stamp.text
    workbook.trainings.mark_attendance(training["id"], {people[1]["id"]: False}, TODAY)
    result = service.verify(stamp)
    assert not result.ok
    assert "「参训人员」 第2行「到场情况」：由 √ 改为 缺席" in result.lines
    assert "「出勤情况」：由 应到3人，实到3人，缺席0人 改为 应到3人，实到2人，缺席1人" in result.lines


def test_a_long_sign_in_record_keeps_its_header_on_every_page(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    add_attendees(workbook, training, 60)
    pages = page_texts(service.document("training", training["id"]).pdf)
    assert len(pages) >= 2
    assert all("到场情况" in page and "姓名" in page for page in pages)
    assert "组织人（签字）：" in pages[-1] and "学员60" in pages[-1]


# -- bad keys ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["signin", "training"])
@pytest.mark.parametrize(("key", "params", "message"), [
    ("no-such-training", "", "没有找到这次培训（编号 no-such-training），可能已被删除"),
    ("", "", "没有找到这次培训（编号 空），可能已被删除"),
])
def test_an_unknown_training_is_refused_in_chinese(service: PrintService, kind: str, key: str, params: str,
                                                   message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service.document(kind, key, params)
    assert str(caught.value) == message


@pytest.mark.parametrize(("kind", "label"), [("signin", "培训签到表"), ("training", "培训记录")])
def test_params_are_refused(workbook: Workbook, service: PrintService, kind: str, label: str) -> None:
    training = add_training(workbook)
    with pytest.raises(PrintError) as caught:
        service.prepare(kind, training["id"], "2018")
    assert str(caught.value) == f"{label}不需要参数（收到“2018”）"


def test_verify_after_the_training_is_deleted(workbook: Workbook, service: PrintService) -> None:
    training = add_training(workbook)
    add_attendees(workbook, training, 2)
    stamp = service.document("signin", training["id"]).stamp.text
    workbook.trainings.delete(training["id"])
    result = service.verify(stamp)
    assert not result.ok and "已不存在" in result.message
