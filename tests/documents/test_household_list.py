"""贫困户公示名单 and 花名册 printed through PrintService: the public list never shows a full ID number, phone number or
bank account (DOMAIN.md §8) and leaves out households removed from the register; the internal one shows them all and
says 内部资料 注意保密 on every page; long lists break with the header repeated; the QR code verifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_texts,
)
from tests.documents.test_sheet import flat, rows_with, service
from tests.helpers import add_household, add_village, id_number

from lingqiu_desktop.core.records import clean_household

from lingqiu_desktop.documents.base import Cancelled
from lingqiu_desktop.printing.households import group_key
from lingqiu_desktop.printing.service import PrintError
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

VILLAGE = "140224101201"
FIRST_ID = id_number("19650312")
SECOND_ID = id_number("19791108", male=False)


@pytest.fixture
def village(workbook: Workbook) -> dict[str, Any]:
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    v = add_village(workbook, "201", "下野窝村")
    first = add_household(workbook, v["id"], "张先云", head_id_number=FIRST_ID, phone="13935261234",
                          bank_account="6228480123456789012", group_name="二组", attribute="低保贫困户")
    second = add_household(workbook, v["id"], "李桂英", head_id_number=SECOND_ID, phone="0352-8123456",
                           bank_account="622848000011112222", group_name="一组", main_cause="因残")
    gone = add_household(workbook, v["id"], "赵已销", group_name="十二组", status="已销户",
                         bank_account="6230111122223333444")
    return {"wb": workbook, "village": v, "first": first, "second": second, "gone": gone}


def test_the_public_list_masks_every_number(village: dict[str, Any]) -> None:
    printout = service(village["wb"]).document("households", VILLAGE, "public")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("下野窝村建档立卡贫困户公示名单", "东河南镇下野窝村", "区划代码：140224101201", "公示期7天",
                     "公示期：自", "（共7天）", "监督电话：", "下野窝村村民委员会（盖章）", "东河南镇人民政府（盖章）",
                     "合计：2户2人，其中未脱贫2户。"):
        assert expected in words, expected
    assert "1一组李桂英" + SECOND_ID[:6] + "*" * 8 + SECOND_ID[-4:] + "0352-*****561一般贫困户因残" \
           "6228**********2222未脱贫" in rows_with(pdf, "李桂英")
    assert "2二组张先云" + FIRST_ID[:6] + "*" * 8 + FIRST_ID[-4:] + "139****12341低保贫困户因病" \
           "6228***********9012未脱贫" in rows_with(pdf, "张先云")
    for secret in (FIRST_ID, SECOND_ID, "13935261234", "8123456", "6228480123456789012", "622848000011112222",
                   FIRST_ID[6:14], "3935261"):
        assert secret not in words
    assert "赵已销" not in words and "内部资料" not in words
    assert printout.printable.filename == "140224101201_下野窝村_贫困户公示名单.pdf"


def test_the_internal_register_shows_full_numbers_and_says_it_is_confidential(village: dict[str, Any]) -> None:
    pdf = service(village["wb"]).document("households", VILLAGE, "internal").pdf
    assert_fonts_embedded(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    assert "下野窝村建档立卡贫困户花名册" in words and "内部资料注意保密" in words
    assert "1一组李桂英" + SECOND_ID + "0352-81234561一般贫困户因残622848000011112222未脱贫" in rows_with(pdf, "李桂英")
    assert "2二组张先云" + FIRST_ID + "139352612341低保贫困户因病6228480123456789012未脱贫" in rows_with(pdf, "张先云")
    assert "3十二组赵已销" in rows_with(pdf, "赵已销")[0] and "已销户" in rows_with(pdf, "赵已销")[0]
    assert "合计：3户3人，其中未脱贫2户、已销户1户。" in words
    assert "制表人（签字）" in words and "审核人（签字）" in words
    assert "公示期" not in words and "盖章" not in words


def test_a_long_list_repeats_its_header_and_the_confidential_mark_on_every_page(workbook: Workbook) -> None:
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    v = add_village(workbook, "201", "下野窝村")
    for n in range(60):
        add_household(workbook, v["id"], f"户主{n:02d}", group_name=f"{n // 10 + 1}组", phone="13935260000")
    pdf = service(workbook).document("households", VILLAGE, "internal").pdf
    pages = page_texts(pdf)
    assert len(pages) >= 4
    for page in pages:
        assert "内部资料" in page and "身份证号" in page and "银行账号" in page
    assert "户主59" in pages[-1] and "制表人（签字）" in pages[-1]      # signatures never alone on a page
    assert_inside_text_block(pdf)


def test_groups_are_in_number_order() -> None:
    names = ["十二组", "二组", "10组", "一组", "十组", "2组", "东片", "三十一组"]
    assert sorted(names, key=group_key) == ["一组", "2组", "二组", "10组", "十组", "十二组", "三十一组", "东片"]


def test_the_qr_code_verifies_and_a_changed_phone_is_named(village: dict[str, Any]) -> None:
    wb = village["wb"]
    ps = service(wb)
    internal, public = (ps.document("households", VILLAGE, mode) for mode in ("internal", "public"))
    assert decode_qr(internal.pdf) == internal.stamp.text and ps.verify(internal.stamp.text).ok
    assert decode_qr(public.pdf) == public.stamp.text and ps.verify(public.stamp.text).ok
    first = village["first"]
    values = clean_household({**first, "phone": "13935269999"})
    wb.households.update(first["id"], values)
    result = ps.verify(internal.stamp.text)
    assert not result.ok and "「名单」 第2行「联系电话」：由 13935261234 改为 13935269999" in result.lines
    public_result = ps.verify(public.stamp.text)
    assert not public_result.ok and "「名单」 第2行「联系电话」：由 139****1234 改为 139****9999" in public_result.lines


@pytest.mark.parametrize(("key", "params", "message"), [
    (VILLAGE, "secret", "名单类别“secret”无效：应为 public（公示名单，号码隐去中间位）或 internal（内部花名册）"),
    (VILLAGE, "", "名单类别“”无效"),
    ("140224101999", "public", "没有区划代码为“140224101999”的行政村（应为12位统计用区划代码）"),
])
def test_bad_keys_are_refused_in_chinese(village: dict[str, Any], key: str, params: str, message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service(village["wb"]).prepare("households", key, params)
    assert str(caught.value).startswith(message)


def test_the_settings_fill_the_supervision_phone_and_the_notice_period(village: dict[str, Any]) -> None:
    wb = village["wb"]
    wb.settings.set("print.supervision_phone", "0352-8521234")
    wb.settings.set("print.public_notice_days", 10)
    words = flat(service(wb).document("households", VILLAGE, "public").pdf)
    assert "监督电话：0352-8521234" in words and "公示期10天" in words and "（共10天）" in words


def test_batches_into_one_file_and_a_folder_and_a_cancel_leaves_nothing(village: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    wb = village["wb"]
    other = add_village(wb, "202", "上野窝村")
    add_household(wb, other["id"], "孙满仓", group_name="一组")
    add_village(wb, "203", "中野窝村")                                # no households: not in the batch
    ps = service(wb)
    assert ps.batch_keys("households", "public") == [VILLAGE, "140224101202"]
    one = ps.batch("households", "public", tmp_path / "公示.pdf", True)
    assert one.documents == 2 and sum("公示名单" in p for p in page_texts(one.files[0].read_bytes())) >= 2
    folder = ps.batch("households", "internal", tmp_path / "花名册", False)
    assert sorted(p.name for p in folder.files) == ["140224101201_下野窝村_贫困户花名册.pdf",
                                                     "140224101202_上野窝村_贫困户花名册.pdf"]

    def cancel(done: int, total: int, what: str) -> None:
        raise Cancelled

    stopped = ps.batch("households", "public", tmp_path / "再来" / "公示.pdf", True, progress=cancel)
    assert stopped.cancelled and stopped.files == [] and list(tmp_path.rglob("再来/*")) == []
