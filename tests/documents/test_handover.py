"""数据移交清单 (handover) printed through PrintService from an export log row written straight into a small township
database: fonts embedded, one A4 page inside the GB/T 9704 margins, the hash in full in groups of four, the counts
per table in Chinese, the signers from the settings, the QR code verifying, and a missing row refused in Chinese."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_count,
    text,
)

from lingqiu_desktop.documents.handover import hash_groups, hash_rows
from lingqiu_desktop.exchange.labels import TABLE_LABELS
from lingqiu_desktop.printing.handover import choices, export_id, export_time, file_name
from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.workbook import Workbook

SHA = "3f9a12bc77d0e4a1" * 4
COUNTS = {"village": 17, "household": 1523, "household_member": 4210, "visit": 100000, "visit_visitor": 131250,
          "audit_log": 2400, "training": 0}


def add_export(wb: Workbook, row_id: str = "exp-1", **fields: object) -> str:
    values = {"id": row_id, "owner": wb.office_code, "at": "2018-11-30T10:22:33", "user_name": "李秀英",
              "recipient": "140224", "sequence": 12, "schema_version": 6, "counts_json": json.dumps(COUNTS),
              "sha256": SHA, "drive": "KINGSTON (E:)", "path": r"E:\灵丘数据交换\140224101-140224-000012.lqpkg",
              "received_at": None, **fields}
    wb.db.execute(f"INSERT INTO export_log ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                  list(values.values()))
    wb.db.conn.commit()
    return row_id


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", text(pdf))


@pytest.fixture
def service(workbook: Workbook) -> PrintService:
    return PrintService(workbook)


def test_the_cover_sheet_is_one_a4_page_with_the_package_hash_and_counts(workbook: Workbook,
                                                                          service: PrintService) -> None:
    printout = service.document("handover", add_export(workbook))
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    assert page_count(pdf) == 1
    whole = flat(pdf)
    assert "数据移交清单" in whole
    assert "东河南镇" in whole and "灵丘县" in whole and "第12号" in whole
    assert "2018年11月30日10:22" in whole and "李秀英" in whole and "KINGSTON(E:)" in whole
    assert "140224101-140224-000012.lqpkg" in whole and "E:\\" not in whole      # the name, not the folder
    numbers = "".join(str(n) for n in range(1, 9)) + "".join(hash_groups(SHA)[:8])
    assert numbers in whole                                    # each group under its number, every digit in order
    assert "".join(str(n) for n in range(9, 17)) + "".join(hash_groups(SHA)[8:]) in whole
    lines = text(pdf, layout=True)
    for table, n in COUNTS.items():
        if n:
            assert re.search(rf"{TABLE_LABELS[table]}\s+{n:,}(\s|$)", lines, re.M), table
    assert TABLE_LABELS["training"] not in whole                                  # empty tables left off
    assert re.search(rf"合计\s+{sum(COUNTS.values()):,}", lines)
    assert "经办人（签字）" in whole and "分管领导（签字）" in whole and "接收人（签字）" in whole
    assert printout.printable.filename == "东河南镇数据移交清单（第12号）.pdf"


def test_the_qr_code_verifies_and_a_receipt_afterwards_does_not_change_the_paper(workbook: Workbook,
                                                                                  service: PrintService) -> None:
    key = add_export(workbook)
    pdf = service.document("handover", key).pdf
    qr = decode_qr(pdf)
    assert qr.startswith(f"LQFP1|handover|{key}|")
    assert service.verify(qr).ok
    workbook.db.execute("UPDATE export_log SET received_at = '2018-12-01T09:00:00' WHERE id = ?", [key])
    assert service.verify(qr).ok


def test_the_signers_come_from_the_settings(workbook: Workbook, service: PrintService) -> None:
    workbook.settings.set("print.handover_signers", ["数据管理员", "分管副镇长", "党委书记"])
    whole = flat(service.document("handover", add_export(workbook)).pdf)
    assert "数据管理员（签字）" in whole and "分管副镇长（签字）" in whole and "党委书记（签字）" in whole
    assert "分管领导（签字）" not in whole


@pytest.mark.parametrize(("key", "params", "message"), [
    ("nope", "", "没有找到这次导出的记录（编号 nope），无法打印移交清单"),
    ("exp-1", "2018", "数据移交清单不需要参数（收到“2018”）"),
])
def test_bad_keys_are_refused_in_chinese(workbook: Workbook, service: PrintService, key: str, params: str,
                                         message: str) -> None:
    add_export(workbook)
    with pytest.raises(PrintError) as caught:
        service.prepare("handover", key, params)
    assert str(caught.value) == message


def test_another_offices_export_row_is_not_printed_here(workbook: Workbook, service: PrintService) -> None:
    add_export(workbook, "other", owner="140224102")
    with pytest.raises(PrintError):
        service.prepare("handover", "other")


@pytest.mark.parametrize(("path", "name"), [
    (r"E:\灵丘数据交换\a.lqpkg", "a.lqpkg"), ("/media/clerk/KINGSTON/b.lqpkg", "b.lqpkg"), ("c.lqpkg", "c.lqpkg")])
def test_file_names_from_either_system(path: str, name: str) -> None:
    assert file_name(path) == name


def test_export_time_and_hash_groups() -> None:
    assert export_time("2018-11-30T08:05:09") == "2018年11月30日 08:05"
    assert hash_groups("ab" * 32)[:2] == ["ABAB", "ABAB"] and len(hash_groups("ab" * 32)) == 16
    assert [len(row) for row in hash_rows(SHA)] == [8, 8]


def test_every_table_of_the_schema_has_a_chinese_name_for_the_cover_sheet() -> None:
    schema = (Path(__file__).resolve().parents[2] / "db" / "schema.sql").read_text(encoding="utf-8")
    tables = set(re.findall(r"^CREATE TABLE (\w+)", schema, re.M))
    assert tables == set(TABLE_LABELS)
    assert len(set(TABLE_LABELS.values())) == len(TABLE_LABELS)           # no two tables read the same


def test_the_exports_a_chooser_offers_and_the_id_found_by_hash(workbook: Workbook) -> None:
    add_export(workbook, "exp-1")
    add_export(workbook, "exp-2", sequence=13, at="2018-12-07T16:05:00", sha256="ab" * 32)
    add_export(workbook, "other", owner="140224102", sha256="cd" * 32)
    assert choices(workbook) == [("exp-2", "第13号　东河南镇→灵丘县　2018-12-07 16:05"),
                                 ("exp-1", "第12号　东河南镇→灵丘县　2018-11-30 10:22")]
    assert export_id(workbook, "ab" * 32) == "exp-2"
    with pytest.raises(PrintError):
        export_id(workbook, "cd" * 32)                 # another office's log is not this office's export
