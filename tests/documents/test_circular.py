"""季度通报 printed through PrintService from the "1+3" reviews of small databases whose scores are worked out by hand
(tests/data/test_reviews.py): the ranking and its sentences, the breakdown (权重 × 完成率 = 得分), the issuer under one
seal, fonts, A4 and margins, a 40-indicator unit breaking over pages with its header, the QR code verifying (also on a
later working day), a changed value named by `verify`, and bad keys and quarters refused in Chinese."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.data.test_progress import add_letter, build_township, record
from tests.data.test_reviews import VALUES
from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_texts,
    text,
)
from tests.helpers import add_village

from lingqiu_desktop.documents.circular import chinese_number
from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

TOWNSHIP = "140224101"  # 东河南镇
TITLE = "关于2018年第二季度脱贫攻坚工作点评情况的通报"
HEADER = ("序号", "指标名称", "单位", "目标值", "完成值", "权重", "完成率", "得分", "备注")


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", text(pdf))


def lines(pdf: bytes) -> list[str]:
    """The page's lines as laid out (a table row is one line), spaces removed."""
    return [re.sub(r"\s+", "", line) for line in text(pdf, layout=True).splitlines()]


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    """甲村 65 (+22.5), 丙村 65 (+57.5), 乙村 37.5 (+22.5, 2 lagging) in 2018Q2 (see tests/data/test_reviews.py)."""
    built = build_township(workbook)
    for name, values in VALUES.items():
        record(workbook.progress, built[name], values)
    return built


# -- what is on paper ------------------------------------------------------------------------------------------------
def test_a_township_circular_ranks_its_villages(workbook: Workbook, town: dict) -> None:
    printout = PrintService(workbook).document("circular", TOWNSHIP, "2018Q2")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    assert (printout.printable.title, printout.printable.params) == (TITLE, "2018Q2@2018-11-30")
    assert printout.printable.filename == "东河南镇人民政府2018年第二季度脱贫攻坚工作点评通报.pdf"
    words = flat(pdf)
    for expected in ("东河南镇人民政府", TITLE, "各村党支部、村民委员会：",
                     "本季度参加点评的共3个村，平均综合得分55.83分。甲村、丙村以65.00分并列第一；"
                     "乙村得分37.50分，排名最后。共有2项指标完成进度滞后（完成率低于40%），涉及1个村。",
                     "名次单位综合得分环比指标数滞后指标数", "1甲村65.00+22.5030", "1丙村65.00+57.5030",
                     "3乙村37.50+22.5032", "附件：2018年第二季度各村得分明细", "2018年11月30日",
                     "2018年第二季度各村得分明细"):
        assert expected in words, expected
    assert words.count("东河南镇人民政府") == 2                # the red mark and the issuer over the date


def test_the_breakdown_shows_weight_times_completion(workbook: Workbook, town: dict) -> None:
    pdf = PrintService(workbook).document("circular", TOWNSHIP, "2018Q2").pdf
    words, rows = flat(pdf), lines(pdf)
    # weights 5, 3, 2 of 10 are printed as 50, 30, 20 of 100 (with the note saying so)
    assert "权重已按合计100折算" in words
    assert "（三）乙村（第3名，37.50分）" in words
    assert "序号指标名称单位目标值完成值权重完成率得分备注" in rows
    assert "1脱贫人口人100305030.0%15.00滞后" in rows          # March's 30 carried into June
    assert "2贫困发生率%≤243075.0%22.50" in rows                  # lower is better: ≤2
    assert "3错退率%≤01200.0%0.00滞后" in rows


def test_the_first_quarter_has_no_change_and_unreported_values(workbook: Workbook, town: dict) -> None:
    rows = lines(PrintService(workbook).document("circular", TOWNSHIP, "2018Q1").pdf)
    # March: 甲村 42.5; 乙村 X 30 → 15, Y and Z 未填报; 丙村 Y 8 → 7.5
    assert "1甲村42.50—30" in rows and "2乙村15.00—32" in rows
    assert "2贫困发生率%≤2未填报300.00未填报" in rows


def test_a_county_circular_ranks_the_townships(tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as wb:
        wb.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
        for code, value in (("140224101", 80), ("140224102", 40)):
            _letter, (ind,) = add_letter(wb, code, "", [("脱贫人口", "人", 0, 100, "higher", 100, "manual")],
                                         level="县对乡")
            wb.progress.set_value(ind, "2018-05", value)
        printout = wb.printing.document("circular", "140224", "2018Q2")
        words = flat(printout.pdf)
        for expected in ("灵丘县脱贫攻坚指挥部", "各乡镇党委、人民政府：", "共2个乡镇", "东河南镇以80.00分位列第一",
                         "上寨镇得分40.00分，排名最后", "1东河南镇80.00+80.0010", "（二）上寨镇（第2名，40.00分）"):
            assert expected in words, expected
        assert "折算" not in words                    # one indicator of weight 100: nothing to scale
        wb.settings.set("circular.issuer", "中共灵丘县委灵丘县人民政府脱贫攻坚指挥部")
        assert flat(wb.printing.document("circular", "140224", "2018Q2").pdf).count(
            "中共灵丘县委灵丘县人民政府脱贫攻坚指挥部") == 2


def test_forty_indicators_break_over_pages_and_twin_names_are_told_apart(workbook: Workbook, town: dict) -> None:
    village = add_village(workbook, "204", "甲村")        # a second 甲村 in the township
    long_name = "贫困户产业帮扶项目覆盖率" * 16
    indicators = [(f"指标{n:02d}" if n > 1 else long_name[:200], "户", 0, 100, "higher", 2, "manual")
                  for n in range(1, 41)]
    _letter, ids = add_letter(workbook, village["code"], "甲村", indicators)
    workbook.progress.set_value(ids[5], "2018-06", 90)
    pdf = workbook.printing.document("circular", TOWNSHIP, "2018Q2").pdf
    assert_inside_text_block(pdf)
    pages = [re.sub(r"\s+", "", p) for p in page_texts(pdf)]
    with_rows = [p for p in pages if re.search(r"指标\d\d", p)]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert all(head in page for head in HEADER)      # (pdftotext may order a tall row's cells differently)
    words = "".join(pages)
    assert long_name[:200] in words
    assert f"甲村（{town['甲村']['code']}）" in words and f"甲村（{village['code']}）" in words


@pytest.mark.parametrize(("n", "numeral"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (17, "十七"),
                                            (20, "二十"), (23, "二十三")])
def test_headings_count_in_chinese(n: int, numeral: str) -> None:
    assert chinese_number(n) == numeral


# -- verification ----------------------------------------------------------------------------------------------------
def test_the_qr_code_verifies_on_a_later_day_and_a_changed_value_is_named(workbook: Workbook, town: dict) -> None:
    service = PrintService(workbook)
    printout = service.document("circular", TOWNSHIP, "2018Q2")
    qr = decode_qr(printout.pdf)
    assert qr == printout.stamp.text == f"LQFP1|circular|{TOWNSHIP}|2018Q2@2018-11-30|{printout.stamp.digest}"
    assert service.verify(qr).ok
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-12-05")      # printed last week: still the same paper
    assert service.verify(qr).ok
    workbook.progress.set_value(town["乙村"]["X"], "2018-06", 50)  # 乙村 X 30 → 50: 15 → 25 points
    result = service.verify(qr)
    assert not result.ok
    assert "「排名」 第3行「综合得分」：由 37.5 改为 47.5" in result.lines
    assert "「得分明细」 第3行「指标」 第1行「完成值」：由 30 改为 50" in result.lines


def test_a_date_of_issue_can_be_given(workbook: Workbook, town: dict) -> None:
    printout = PrintService(workbook).document("circular", TOWNSHIP, "2018年第二季度@2018-07-10")
    assert printout.printable.params == "2018Q2@2018-07-10"
    assert "2018年7月10日" in flat(printout.pdf)


@pytest.mark.parametrize(("key", "params", "message"), [
    (TOWNSHIP, "", "请指定季度，如2018Q2"),
    (TOWNSHIP, "2018Q5", "季度“2018Q5”有误：第5季度不存在"),
    (TOWNSHIP, "二季度", "季度“二季度”有误：格式应为YYYYQn，如2018Q2"),
    (TOWNSHIP, "2018Q4", "2018年第四季度尚未结束（当前工作日期2018年11月30日），季度结束后才能印发通报"),
    (TOWNSHIP, "2017Q2", "2017年第二季度没有可点评的数据：东河南镇各村尚无2017年的目标责任书（军令状）指标"),
    (TOWNSHIP, "2018Q2@2018-12-01", "成文日期不能晚于当前工作日期（2018年11月30日）"),
    (TOWNSHIP, "2018Q2@2018-06-29", "成文日期不能早于2018年第二季度末（2018年6月30日）"),
    (TOWNSHIP, "2018Q2@2018-13-01", "成文日期“2018-13-01”不是有效日期（应为YYYY-MM-DD）"),
    ("140224", "2018Q2", "乡镇只能印发本乡镇对各村的季度通报，全县对各乡镇的通报由县里印发"),
    ("140224102", "2018Q2", "本单位只能印发本乡镇的通报，不能印发上寨镇的通报"),
    ("999", "2018Q2", "“999”不是灵丘县或本县乡镇的代码，无法印发通报"),
])
def test_bad_keys_and_quarters_are_refused_in_chinese(workbook: Workbook, town: dict, key: str, params: str,
                                                       message: str) -> None:
    with pytest.raises(PrintError) as info:
        PrintService(workbook).document("circular", key, params)
    assert str(info.value) == message
    assert workbook.db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0] == 0


def test_letters_without_any_progress_are_refused(workbook: Workbook) -> None:
    build_township(workbook)
    with pytest.raises(PrintError) as info:
        PrintService(workbook).document("circular", TOWNSHIP, "2018Q1")
    assert str(info.value) == "2018年第一季度各村尚未填报任何指标完成情况，无法点评"
