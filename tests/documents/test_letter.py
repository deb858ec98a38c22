"""目标责任书 / 军令状 printed through PrintService from letters made with workbook.letters: fonts embedded, A4 with the
GB/T 9704 margins, parties, clauses, indicators, "一式两份" and both signature blocks on paper; a 40-indicator letter
breaking over pages with its header and the signatures kept with the last rows; the QR code verifying, and an edited
target named by `verify`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_texts,
    text,
)
from tests.helpers import add_village

from lingqiu_desktop.core.letters import clean_letter
from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.documents.base import TEXT_WIDTH, make_styles
from lingqiu_desktop.documents.letter import clause_paragraph
from lingqiu_desktop.documents.typeset import NO_LINE_START, KinsokuParagraph
from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

TODAY = date(2018, 11, 30)
TOWNSHIP = "140224101"  # 东河南镇
COUNTY_SIGNERS = {"issuer_signer1_name": "田福俊", "issuer_signer2_name": "刘杰龙"}


def add_person(wb: Workbook, name: str, post: str, kind: str, unit: str) -> None:
    wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit, "post": post,
                   "township_code": TOWNSHIP})


def new_letter(wb: Workbook, receiver: str, template: str, indicators: list[dict] | None = None,
               **changes: object) -> dict:
    values, from_template = wb.letters.from_template(template, 2018, receiver, today=date(2018, 3, 1))
    return wb.letters.add(clean_letter({**values, **changes}, TODAY), from_template if indicators is None
                          else indicators)


def flat(pdf: bytes) -> str:
    """The text with line breaks and spaces removed: a wrapped line reads as one string again."""
    return re.sub(r"\s+", "", text(pdf))


@pytest.fixture
def county(tmp_path: Path):
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as wb:
        wb.settings.set(REFERENCE_DATE_KEY, TODAY.isoformat())
        add_person(wb, "李宏文", "党委书记", "干部", "东河南镇人民政府")
        add_person(wb, "马东平", "镇长", "干部", "东河南镇人民政府")
        yield wb


@pytest.fixture
def town(workbook: Workbook) -> Workbook:
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY.isoformat())
    add_person(workbook, "李宏文", "党委书记", "干部", "东河南镇人民政府")
    add_person(workbook, "马东平", "镇长", "干部", "东河南镇人民政府")
    add_village(workbook, "201", "下野窝村")
    add_person(workbook, "殷成军", "党支部书记", "村干部", "下野窝村")
    return workbook


def indicator(n: int, **changes: object) -> dict:
    return {"name": f"指标{n:02d}", "unit": "户", "baseline": 0, "target": 10 + n, "direction": "higher",
            "weight": 2.5, "deadline": "2018-12-31", "source": "manual", **changes}


# -- what is on paper ------------------------------------------------------------------------------------------------
def test_a_signed_county_military_order(county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_order", signed_on="2018-03-22", **COUNTY_SIGNERS)
    printout = PrintService(county).document("letter", letter["id"])
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    assert printout.printable.title == "东河南镇2018年脱贫攻坚军令状"
    assert printout.printable.filename == "东河南镇2018年脱贫攻坚军令状.pdf"
    for expected in ("东河南镇2018年脱贫攻坚军令状", "甲方：中共灵丘县委员会灵丘县人民政府",
                     "乙方：中共东河南镇委员会东河南镇人民政府",
                     "一、责任双方：", "党委书记李宏文为第一责任人，镇长马东平为直接责任人", "乙方立下军令状",
                     "本军令状一式两份，甲乙双方各执一份", "附表目标任务指标",
                     "序号指标名称单位基数目标值完成时限权重", "1贫困户脱贫户013302018年12月31日20",
                     "“三支队伍”培训人次0320", "合计100",
                     "甲方（盖章）：", "县委书记（签字）：田福俊", "县长（签字）：刘杰龙",
                     "乙方（盖章）：", "党委书记（签字）：李宏文", "镇长（签字）：马东平", "2018年3月22日"):
        assert expected in words, expected
    assert words.count("一式两份") == 1               # the template says it: not printed twice
    assert words.count("2018年3月22日") == 2           # under each party
    assert county.db.execute("SELECT kind, record_key, title FROM print_log").fetchall() == [
        ("letter", letter["id"], "东河南镇2018年脱贫攻坚军令状")]


def test_a_draft_village_letter_leaves_lines_to_sign_and_marks_lower_is_better(town: Workbook) -> None:
    letter = new_letter(town, TOWNSHIP + "201", "township_village_target")
    pdf = town.printing.document("letter", letter["id"]).pdf
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("下野窝村2018年度脱贫攻坚目标责任书", "甲方：中共东河南镇委员会东河南镇人民政府",
                     "乙方：下野窝村党支部下野窝村村民委员会", "本责任书一式两份",
                     "3贫困发生率%15≤2",                    # 越低越好: the target marked
                     "注：目标值前标“≤”的为越低越好的指标",
                     "党支部书记（签字）：殷成军", "村委会主任（签字）：＿＿＿＿＿＿",   # no name typed: a line
                     "年月日"):                               # not signed yet: a blank date line
        assert expected in words, expected


def test_the_copies_sentence_is_added_when_the_clauses_lack_it(county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_target", clauses="一、目标任务\n乙方完成附表所列指标。")
    words = flat(county.printing.document("letter", letter["id"]).pdf)
    assert "一、目标任务乙方完成附表所列指标。本责任书一式两份，甲乙双方各执一份，自签订之日起生效。" in words


def test_forty_indicators_break_over_pages_with_the_header_and_the_signatures_keep_the_last_rows(
        county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_order", [indicator(n) for n in range(1, 41)])
    pdf = county.printing.document("letter", letter["id"]).pdf
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    pages = [re.sub(r"\s+", "", p) for p in page_texts(pdf)]
    assert len(pages) >= 3
    table_pages = [p for p in pages if re.search(r"指标\d\d", p)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert page.count("序号指标名称单位基数目标值完成时限权重") == 1          # repeated, never doubled
    last = pages[-1]
    assert "40指标40户0502018年12月31日2.5" in last and "合计100" in last    # the last rows came along…
    assert "县委书记（签字）" in last and "乙方（盖章）" in last               # …with both signature blocks
    for n in range(1, 41):
        assert sum(f"指标{n:02d}" in p for p in pages) == 1                      # every row once


def test_long_clauses_and_a_200_character_name_stay_inside(county: Workbook) -> None:
    clauses = "\n".join(f"{n}、责任内容：" + "乙方应当按照县委、县政府的部署，逐户落实帮扶措施，" * 20
                        for n in "一二三")
    name = "贫困户产业帮扶项目覆盖率" * 16 + "（200字）"
    letter = new_letter(county, TOWNSHIP, "county_township_order", [indicator(1, name=name[:200])],
                        clauses=clauses)
    pdf = county.printing.document("letter", letter["id"]).pdf
    assert_inside_text_block(pdf)
    assert name[:200] in flat(pdf)
    for line in text(pdf, layout=True).splitlines():     # 避头尾: no line opens with a comma or a full stop
        assert not line.strip() or line.strip()[0] not in "，。、；：", line


def test_the_qr_code_verifies_and_an_edited_target_is_named(county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_order", signed_on="2018-03-22", **COUNTY_SIGNERS)
    service = PrintService(county)
    printout = service.document("letter", letter["id"])
    qr = decode_qr(printout.pdf)
    assert qr == printout.stamp.text == f"LQFP1|letter|{letter['id']}||{printout.stamp.digest}"
    assert service.verify(qr).ok
    first = county.letters.indicators(letter["id"])[0]
    county.letters.update_indicator(first["id"], {**first, "target": 1400})
    result = service.verify(qr)
    assert not result.ok
    assert "「指标」 第1行「目标值」：由 1330 改为 1400" in result.lines
    assert service.verify(service.document("letter", letter["id"]).stamp.text).ok   # a fresh print verifies


def test_a_second_signer_typed_later_is_a_change(county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_order")
    service = PrintService(county)
    qr = service.document("letter", letter["id"]).stamp.text
    county.letters.update(letter["id"], {**county.letters.get(letter["id"]), "issuer_signer2_name": "刘杰龙"})
    assert "「甲方签字」 第2行「姓名」：由 （空） 改为 刘杰龙" in service.verify(qr).lines


@pytest.mark.parametrize(("key", "message"), [
    ("no-such-letter", "找不到编号为“no-such-letter”的责任书，可能已被删除或尚未导入"),
    ("", "请指定要打印的责任书（编号）"),
])
def test_a_bad_id_is_refused_in_chinese(county: Workbook, key: str, message: str) -> None:
    with pytest.raises(PrintError) as info:
        PrintService(county).document("letter", key)
    assert str(info.value) == message
    assert county.db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0] == 0


def test_a_deleted_letter_no_longer_verifies(county: Workbook) -> None:
    letter = new_letter(county, TOWNSHIP, "county_township_order")
    service = PrintService(county)
    qr = service.document("letter", letter["id"]).stamp.text
    county.letters.delete(letter["id"])
    result = service.verify(qr)
    assert not result.ok and "已不存在" in result.message


# -- 避头尾 ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("width_chars", [9, 13, 20, 26, 27])
def test_no_line_starts_with_closing_punctuation_or_runs_past_the_block(width_chars: int) -> None:
    st = make_styles()
    line = "一、立下军令状：确保按期完成本年度脱贫攻坚目标任务，实现贫困人口稳定脱贫。“两不愁三保障”达标率100%，" * 3
    width = min(TEXT_WIDTH, width_chars * 16 + 1)
    for paragraph in (clause_paragraph(line, st), KinsokuParagraph(line, st.body)):
        paragraph.wrap(width, 10_000)
        lines = ["".join(w.text for w in row.words) for row in paragraph.blPara.lines]
        assert "".join(lines) == line                                   # nothing lost or doubled
        for row, content in zip(paragraph.blPara.lines, lines, strict=True):
            assert row.currentWidth <= width + 0.01
            assert content[0] not in NO_LINE_START, lines
            assert not content.endswith("“"), lines
        assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in zip(lines, lines[1:], strict=False)), lines
