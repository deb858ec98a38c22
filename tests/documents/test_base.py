"""The shared page: A4, GB/T 9704 margins, page numbers per document, a QR code per document, tables that wrap."""

from __future__ import annotations

import pytest
from reportlab.platypus import PageBreak

from tests.documents import pdfcheck

from lingqiu_desktop.documents.base import (
    Cancelled,
    Section,
    SignParty,
    cn_date,
    cn_month,
    fit_widths,
    grid_table,
    make_styles,
    number,
    para,
    render_sections,
    signature_block,
    title_block,
)

ST = make_styles()
QR = "LQFP1|test|k{}||" + "a" * 24


def _story(pages: int) -> list:
    story = title_block("灵丘县测试文档", ST, "（副标题）")
    for i in range(pages - 1):
        story += [para(f"第{i + 1}页正文。", ST.body), PageBreak()]
    return story + [para("最后一页。", ST.body)]


def test_page_numbers_restart_for_each_document_and_sit_left_or_right() -> None:
    pdf = render_sections([Section(_story(3), QR.format(1)), Section(_story(2), QR.format(2))], title="批量")
    texts = pdfcheck.page_texts(pdf)
    numbers = [next(line.replace(" ", "") for line in t.splitlines() if line.strip().startswith("—")) for t in texts]
    assert numbers == ["—1—", "—2—", "—3—", "—1—", "—2—"]
    footer = {w.page: w for w in pdfcheck.words(pdf) if w.text in {"1", "2", "3"} and pdfcheck.in_footer(w)}
    assert footer[1].x0 > 300 and footer[2].x1 < 300       # odd pages on the right, even pages on the left
    assert [pdfcheck.decode_qr(pdf, p) for p in (1, 3, 4)] == [QR.format(1), QR.format(1), QR.format(2)]


def test_every_page_a4_with_the_standard_margins_portrait_and_landscape() -> None:
    pdf = render_sections([Section(_story(2), QR.format(1)), Section(_story(1), QR.format(2), landscape=True)],
                          title="版心")
    pdfcheck.assert_a4(pdf)
    assert pdfcheck.page_sizes(pdf)[-1][0] > pdfcheck.page_sizes(pdf)[-1][1]    # the landscape page
    pdfcheck.assert_inside_text_block(pdf)
    first = [w for w in pdfcheck.words(pdf) if w.page == 1 and not pdfcheck.in_footer(w)]
    # the text block's corner is used: body text starts at 28 mm + two characters' indent
    assert abs(min(w.x0 for w in first) - (28 * pdfcheck.MM + 2 * 16)) < pdfcheck.TOLERANCE


def test_long_table_repeats_header_and_long_cells_wrap_inside() -> None:
    long_name = "因病致贫户医疗救助与大病保险报销比例提高到百分之九十" * 4
    rows = [[str(i), long_name if i == 3 else f"指标{i}", "户", number(95.0)] for i in range(1, 80)]
    table = grid_table(["序号", "指标名称", "单位", "目标值"], rows, fit_widths([1, 8, 1, 1.5]), ST,
                       centre_columns=(0, 2, 3))
    pdf = render_sections([Section([table], QR.format(1))], title="长表")
    pages = pdfcheck.page_texts(pdf)
    assert len(pages) >= 3
    assert all("指标名称" in page for page in pages)
    pdfcheck.assert_inside_text_block(pdf)
    pdfcheck.assert_fonts_embedded(pdf)


def test_signature_block_prints_both_parties_two_signers_each() -> None:
    block = signature_block([
        SignParty("甲方", "中共灵丘县委员会 灵丘县人民政府", [("县委书记", ""), ("县长", "")], "2018-03-01"),
        SignParty("乙方", "中共东河南镇委员会 东河南镇人民政府", [("镇党委书记", "王建华"), ("镇长", "")], None),
    ], ST)
    pdf = render_sections([Section([block], QR.format(1))], title="签字")
    text = pdfcheck.text(pdf)
    for expected in ("甲方（盖章）", "乙方（盖章）", "县委书记（签字）", "县长（签字）", "镇党委书记（签字）：王建华",
                     "2018年3月1日", "灵丘县人民政府", "东河南镇人民政府"):
        assert expected in text
    pdfcheck.assert_inside_text_block(pdf)


def test_cancel_from_the_section_callback_stops_the_build() -> None:
    def stop(index: int, _total: int) -> None:
        if index == 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        render_sections([Section(_story(1), QR.format(i)) for i in range(3)], title="取消", on_section=stop)


def test_text_is_escaped_for_reportlab_markup() -> None:
    pdf = render_sections([Section([para("A<B & C>D\n第二行", ST.body)], QR.format(1))], title="转义")
    assert "A<B & C>D" in pdfcheck.text(pdf)


@pytest.mark.parametrize(("value", "expected"), [
    ("2018-06-05", "2018年6月5日"), ("2018-12-31T10:00:00", "2018年12月31日")])
def test_dates_as_the_standard_writes_them(value: str, expected: str) -> None:
    assert cn_date(value) == expected


def test_blank_date_leaves_room_to_write_and_numbers_read_well() -> None:
    assert cn_date(None).endswith("日") and "年" in cn_date("")
    assert cn_month("2018-06") == "2018年6月"
    assert [number(95.0), number(0.1 + 0.2), number(None), number(-0.0001), number(12.345, 1)] == \
        ["95", "0.3", "", "0", "12.3"]
