"""责任清单 / 考核表 of a village, a work team and a township, printed through PrintService.

The figures are worked out by hand. 下野窝村's 目标责任书 (working date 2018-11-30, so progress "截至2018年11月"):
  脱贫户数   户  0 → 10, weight 60; typed 4 in March and 8 in September → 8 carried to November: 80 %.
             The year is 11/12 gone; lag threshold 0.8 → lagging below 73.3 %: 80 % is 推进中.
  贫困发生率 %  10 → 2 (≤, lower is better), weight 40; typed 2 in October → (10 − 2) / 8 = 100 %: 已达标.
  危房改造   户  0 → 20, weight 20; never typed: 未填报 (counts 0, and lags).
  weighted score = (60 × 0.8 + 40 × 1 + 20 × 0) / 120 × 100 = 88 / 1.2 = 73.33.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.data.test_attendance import add_member
from tests.documents.pdfcheck import (
    assert_a4,
    assert_fonts_embedded,
    assert_inside_text_block,
    decode_qr,
    page_count,
    page_texts,
    text,
)
from tests.documents.pdfcheck import words as pdf_words
from tests.helpers import add_village

from lingqiu_desktop.documents.base import Cancelled, make_styles
from lingqiu_desktop.documents.ruled import measure, wrap_lines
from lingqiu_desktop.printing.service import PrintError, PrintService
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

HOUSEHOLDS = {"name": "脱贫户数", "unit": "户", "baseline": 0, "target": 10, "direction": "higher", "weight": 60}
INCIDENCE = {"name": "贫困发生率", "unit": "%", "baseline": 10, "target": 2, "direction": "lower", "weight": 40}
HOUSING = {"name": "危房改造", "unit": "户", "baseline": 0, "target": 20, "direction": "higher", "weight": 20}
SIGNERS = {"receiver_signer1_name": "殷成军", "receiver_signer1_title": "党支部书记",
           "receiver_signer2_name": "高红英", "receiver_signer2_title": "村委会主任"}


def flat(pdf: bytes) -> str:
    """The text without line breaks and spaces: a wrapped cell reads as one string again."""
    return re.sub(r"\s+", "", text(pdf))


def rows_with(pdf: bytes, anchor: str) -> list[str]:
    """The words printed on each table row holding `anchor` (same page, overlapping height), left to right."""
    found = pdf_words(pdf)
    return ["".join(w.text for w in sorted((w for w in found if w.page == a.page and w.y0 < a.y1 - 1
                                            and w.y1 > a.y0 + 1), key=lambda w: w.x0))
            for a in found if anchor in a.text]


def row_text(pdf: bytes, anchor: str) -> str:
    return rows_with(pdf, anchor)[0]


def add_letter(wb: Workbook, village: dict[str, Any], indicators: list[dict[str, Any]], kind: str = "目标责任书",
               **changes: Any) -> dict[str, Any]:
    values = {"kind": kind, "year": 2018, "level": "乡对村", "title": f"2018年度脱贫攻坚{kind}",
              "receiver_code": village["code"], "drafted_on": "2018-02-01", "deadline": "2018-12-31", **SIGNERS,
              **changes}
    return wb.letters.add(values, [{"deadline": "2018-12-31", **i} for i in indicators])


def type_progress(wb: Workbook, letter: dict[str, Any], values: dict[str, dict[str, float]]) -> None:
    """{indicator name: {month: value}}."""
    for ind in wb.letters.indicators(letter["id"]):
        for month, value in values.get(ind["name"], {}).items():
            wb.progress.set_value(ind["id"], month, value)


def add_team(wb: Workbook, village: dict[str, Any], start: str = "2018-10-01") -> dict[str, Any]:
    team = wb.store.insert("work_team", {"township_code": wb.office_code, "village_id": village["id"],
                                         "name": f"{village['name']}驻村工作队", "sending_unit": "灵丘县财政局",
                                         "start_date": start})
    leader = add_member(wb, team["id"], "王建国", "第一书记", start)
    helper = add_member(wb, team["id"], "李红梅", "队员", start)
    wb.store.update("person", leader, {"unit": "灵丘县财政局", "post": "副局长"})
    wb.store.update("work_team", team["id"], {"leader_person_id": leader, "first_secretary_id": leader})
    return {**team, "leader": leader, "helper": helper}


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    village = add_village(workbook, "201", "下野窝村")
    letter = add_letter(workbook, village, [HOUSEHOLDS, INCIDENCE, HOUSING])
    type_progress(workbook, letter, {"脱贫户数": {"2018-03": 4, "2018-09": 8}, "贫困发生率": {"2018-10": 2}})
    team = add_team(workbook, village)
    return {"wb": workbook, "village": village, "letter": letter, "team": team}


def service(wb: Workbook) -> PrintService:
    return PrintService(wb)


# -- the village sheet on paper ---------------------------------------------------------------------------------------
def test_a_village_sheet_shows_targets_progress_people_and_signature_lines(town: dict[str, Any]) -> None:
    printout = service(town["wb"]).document("sheet-village", "140224101201", "2018")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("下野窝村2018年度脱贫攻坚责任清单暨考核表", "统计截至：2018年11月", "东河南镇", "140224101201",
                     "第一责任人", "殷成军", "下野窝村党支部书记", "直接责任人", "高红英",
                     "第一书记兼队长", "王建国", "灵丘县财政局副局长", "下野窝村驻村工作队",
                     "1.目标责任书：2018年度脱贫攻坚目标责任书（东河南镇，草拟，尚未签订）", "考核意见",
                     "责任人（签字）", "审核人（签字）", "日期"):
        assert expected in words, expected
    # 脱贫户数: 8 carried from September, 80 %, 推进中; 贫困发生率 ≤2, 100 %, 已达标; 危房改造 未填报.
    assert row_text(pdf, "脱贫户数") == "1脱贫户数户0106089月80%推进中"
    assert row_text(pdf, "贫困发生率") == "2贫困发生率%10≤240210月100%已达标"
    assert row_text(pdf, "危房改造") == "3危房改造户02020———未填报"
    assert "共3项指标：已达标1项，推进中1项，滞后0项，未填报1项；加权得分73.33分" in words
    assert "各项指标完成时限均为本年度12月31日" in words
    assert printout.printable.filename == "140224101201_下野窝村_2018年责任清单.pdf"


def test_an_indicator_below_the_time_line_lags(town: dict[str, Any]) -> None:
    wb = town["wb"]
    village = add_village(wb, "202", "上野窝村")
    letter = add_letter(wb, village, [HOUSEHOLDS])
    type_progress(wb, letter, {"脱贫户数": {"2018-11": 7}})        # 70 % < 73.3 %
    pdf = service(wb).document("sheet-village", "140224101202", "2018").pdf
    assert row_text(pdf, "脱贫户数") == "1脱贫户数户01060711月70%滞后"
    assert "本年无驻村工作队" in flat(pdf)


def test_the_signature_labels_come_from_the_settings(town: dict[str, Any]) -> None:
    town["wb"].settings.set("print.sheet_signers", ["村党支部书记", "包村干部", "乡镇分管领导"])
    words = flat(service(town["wb"]).document("sheet-village", "140224101201", "2018").pdf)
    assert "村党支部书记（签字）" in words and "包村干部（签字）" in words and "乡镇分管领导（签字）" in words
    assert "审核人（签字）" not in words


def test_a_past_year_counts_to_december_and_a_coming_year_has_not_started(town: dict[str, Any]) -> None:
    wb = town["wb"]
    add_letter(wb, town["village"], [{**HOUSEHOLDS, "deadline": "2019-12-31"}], year=2019,
               title="2019年度脱贫攻坚目标责任书", deadline="2019-12-31")
    pdf = service(wb).document("sheet-village", "140224101201", "2019").pdf
    assert "统计截至：年度尚未开始" in flat(pdf) and "滞后0项" in flat(pdf)
    assert row_text(pdf, "脱贫户数") == "1脱贫户数户01060———未填报"


# -- long tables ------------------------------------------------------------------------------------------------------
def test_forty_indicators_break_over_pages_with_the_header_on_each(town: dict[str, Any]) -> None:
    wb = town["wb"]
    village = add_village(wb, "203", "中野窝村")
    long_name = "产业扶贫项目覆盖" + "（含光伏、养殖、种植与电商）" * 14
    assert len(long_name) > 200
    indicators = [{**HOUSEHOLDS, "name": f"指标{n:02d}", "weight": 2.5} for n in range(1, 41)]
    indicators[5]["name"] = long_name
    add_letter(wb, village, indicators)
    pdf = service(wb).document("sheet-village", "140224101203", "2018").pdf
    pages = page_texts(pdf)
    assert len(pages) >= 3
    table_pages = [p for p in pages if "指标01" in p or "指标40" in p or "指标20" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "指标名称" in page and "完成率" in page          # the header repeated on each page of the table
    assert_inside_text_block(pdf)                                  # the 200-character name wrapped in its column
    assert long_name in flat(pdf)
    assert "考核意见" in pages[-1] and "责任人（签字）" in pages[-1]
    assert "指标40" in pages[-1]                                    # the last rows came over with the signatures


def test_wrapping_keeps_numbers_whole_and_never_starts_a_line_with_a_closing_mark() -> None:
    st = make_styles()
    m = measure(st.fonts.body, 10.5)
    lines = [line for line, _w in wrap_lines("完成率达到百分之九十，其中2018年新增脱贫户12345户。" * 3, 60, m)]
    assert all(w <= 60 for _line, w in wrap_lines("完成率达到百分之九十，其中" * 4, 60, m))
    assert not any(line[0] in "，。）》、" for line in lines if line)
    assert any("12345" in line for line in lines) and any("2018" in line for line in lines)   # numbers whole
    assert "".join(lines) == "完成率达到百分之九十，其中2018年新增脱贫户12345户。" * 3


# -- verification ---------------------------------------------------------------------------------------------------
def test_the_qr_code_verifies_and_a_later_change_is_named(town: dict[str, Any]) -> None:
    wb = town["wb"]
    ps = service(wb)
    printout = ps.document("sheet-village", "140224101201", "2018")
    qr = decode_qr(printout.pdf)
    assert qr == printout.stamp.text == f"LQFP1|sheet-village|140224101201|2018|{printout.stamp.digest}"
    assert ps.verify(qr).ok
    type_progress(wb, town["letter"], {"脱贫户数": {"2018-11": 9}})
    result = ps.verify(qr)
    assert not result.ok
    assert "「指标」 第1行「当前完成值」：由 8 改为 9" in result.lines
    assert "「指标」 第1行「填报月份」：由 9月 改为 11月" in result.lines
    assert "「指标」 第1行「完成率」：由 80% 改为 90%" in result.lines


# -- the team sheet -------------------------------------------------------------------------------------------------
def test_a_team_sheet_adds_the_members_and_their_days_in_the_village(town: dict[str, Any]) -> None:
    """October: 王建国 22 days 在村 (met), 李红梅 10 (short); November, the working month, ends on the working
    date with nothing recorded: both short. So 王建国 22 days, 1 met, 1 short; 李红梅 10 days, 0 met, 2 short."""
    wb, team = town["wb"], town["team"]
    wb.attendance.set_days(team["id"], [(team["leader"], f"2018-10-{d:02d}", "在村") for d in range(1, 23)]
                           + [(team["helper"], f"2018-10-{d:02d}", "在村") for d in range(1, 11)])
    printout = service(wb).document("sheet-team", team["id"], "2018")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_a4(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("下野窝村驻村工作队2018年度责任清单暨考核表", "派出单位灵丘县财政局", "每月不少于20天",
                     "三、工作队职责与履职情况", "驻村工作队员每月在村不少于20天", "脱贫户数", "73.33"):
        assert expected in words, expected
    assert "1王建国第一书记灵丘县财政局副局长2018年10月1日2211" in rows_with(pdf, "王建国")
    assert "2李红梅队员灵丘县扶贫办2018年10月1日1002" in rows_with(pdf, "李红梅")
    assert "本年入户走访0次；在册队员2人，考勤未达标共3人次" in words
    assert decode_qr(pdf) == printout.stamp.text


def test_the_team_sheet_follows_the_required_days_setting(town: dict[str, Any]) -> None:
    town["wb"].settings.set("attendance.required_days", 22)
    words = flat(service(town["wb"]).document("sheet-team", town["team"]["id"], "2018").pdf)
    assert "每月不少于22天" in words and "每月在村不少于22天" in words


# -- the township sheet ---------------------------------------------------------------------------------------------
def county_letter(wb: Workbook) -> None:
    """The county's 军令状 to 东河南镇 as the township holds it (imported from the county)."""
    letter = wb.store.insert("letter", {"kind": "军令状", "year": 2018, "level": "县对乡",
                                        "title": "2018年脱贫攻坚军令状", "issuer_code": "140224",
                                        "issuer_name": "灵丘县", "receiver_code": "140224101",
                                        "receiver_name": "东河南镇", "receiver_signer1_name": "李宏文",
                                        "receiver_signer1_title": "党委书记", "receiver_signer2_name": "马东平",
                                        "receiver_signer2_title": "镇长", "drafted_on": "2018-03-01",
                                        "signed_on": "2018-03-22", "deadline": "2018-12-31", "status": "已签订"})
    for n, values in enumerate((HOUSEHOLDS, INCIDENCE)):
        wb.store.insert("indicator", {"letter_id": letter["id"], "sort_order": n, "deadline": "2018-12-31",
                                      **values})


def test_a_township_sheet_lists_its_targets_and_ranks_its_villages(town: dict[str, Any]) -> None:
    wb = town["wb"]
    county_letter(wb)
    other = add_village(wb, "202", "上野窝村")
    type_progress(wb, add_letter(wb, other, [HOUSEHOLDS]), {"脱贫户数": {"2018-06": 9}})     # 90 %
    printout = service(wb).document("sheet-township", "140224101", "2018")
    pdf = printout.pdf
    assert_fonts_embedded(pdf)
    assert_inside_text_block(pdf)
    words = flat(pdf)
    for expected in ("东河南镇2018年度脱贫攻坚责任清单暨考核表", "行政村2个", "驻村工作队1支", "李宏文",
                     "东河南镇党委书记", "马东平", "东河南镇镇长",
                     "1.军令状：2018年脱贫攻坚军令状（灵丘县，2018年3月22日签订）",
                     "三、所辖村目标完成情况（截至2018年11月）"):
        assert expected in words, expected
    # 上野窝村 90 % of one indicator: 90.00, first; 下野窝村 3 indicators, 1 met, 1 lagging (未填报), 73.33.
    assert row_text(pdf, "上野窝村") == "1上野窝村100090.00"
    assert row_text(pdf, "下野窝村") == "2下野窝村311173.33"
    assert service(wb).batch_keys("sheet-township", "2018") == ["140224101"]


def test_the_county_batches_every_township(tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as county:
        assert len(service(county).batch_keys("sheet-township", "2018")) == 12


# -- bad keys -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("kind", "key", "params", "message"), [
    ("sheet-village", "140224101999", "2018", "没有区划代码为“140224101999”的行政村（应为12位统计用区划代码）"),
    ("sheet-village", "140224101201", "18", "年度“18”无效：应为4位数字年份，如2018"),
    ("sheet-village", "140224101201", "", "年度“”无效：不能为空"),
    ("sheet-village", "140224101201", "2017",
     "2017年没有以下野窝村为责任方（乙方）的目标责任书或军令状，无法生成责任清单。请先在“目标责任书”中录入。"),
    ("sheet-team", "no-such-team", "2018", "找不到该驻村工作队（编号 no-such-team），可能已被删除"),
    ("sheet-township", "140224999", "2018", "没有代码为“140224999”的乡镇（应为9位乡镇代码，如140224101）"),
    ("sheet-township", "140224101", "2018", "2018年没有以东河南镇为责任方（乙方）的目标责任书或军令状"),
])
def test_bad_keys_and_years_are_refused_in_chinese(town: dict[str, Any], kind: str, key: str, params: str,
                                                   message: str) -> None:
    with pytest.raises(PrintError) as caught:
        service(town["wb"]).prepare(kind, key, params)
    assert str(caught.value).startswith(message)


def test_a_team_not_posted_that_year_has_no_sheet(town: dict[str, Any]) -> None:
    with pytest.raises(PrintError, match="下野窝村驻村工作队2017年不在派驻期内"):
        service(town["wb"]).prepare("sheet-team", town["team"]["id"], "2017")


# -- batches --------------------------------------------------------------------------------------------------------
@pytest.fixture
def two_villages(town: dict[str, Any]) -> Workbook:
    wb = town["wb"]
    add_letter(wb, add_village(wb, "202", "上野窝村"), [HOUSEHOLDS])
    add_village(wb, "203", "中野窝村")                      # no letter for 2018: not in the batch
    return wb


def test_a_batch_in_one_file_numbers_each_sheet_from_one(two_villages: Workbook, tmp_path: Path) -> None:
    ps = service(two_villages)
    assert ps.batch_keys("sheet-village", "2018") == ["140224101201", "140224101202"]
    before = two_villages.db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0]
    seen: list[tuple[int, int]] = []
    result = ps.batch("sheet-village", "2018", tmp_path / "全部.pdf", True,
                      progress=lambda done, total, _what: seen.append((done, total)))
    assert result.files == [tmp_path / "全部.pdf"] and result.documents == 2 and not result.cancelled
    pdf = result.files[0].read_bytes()
    pages = page_texts(pdf)
    starts = [i for i, p in enumerate(pages) if "年度脱贫攻坚责任清单暨考核表" in p]
    assert len(starts) == 2 and "下野窝村" in pages[starts[0]] and "上野窝村" in pages[starts[1]]
    assert re.search(r"—\s*1\s*—", pages[starts[1]])                # numbered from 1 again
    assert decode_qr(pdf, starts[1] + 1).startswith("LQFP1|sheet-village|140224101202|2018|")
    assert seen[-1] == (4, 4)
    assert two_villages.db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0] == before + 2


def test_a_batch_into_a_folder_writes_one_file_a_village(two_villages: Workbook, tmp_path: Path) -> None:
    result = service(two_villages).batch("sheet-village", "2018", tmp_path / "清单", False)
    assert sorted(p.name for p in result.files) == ["140224101201_下野窝村_2018年责任清单.pdf",
                                                     "140224101202_上野窝村_2018年责任清单.pdf"]
    assert all(page_count(p.read_bytes()) >= 1 for p in result.files)


@pytest.mark.parametrize("one_file", [True, False])
def test_cancelling_a_batch_leaves_no_file(two_villages: Workbook, tmp_path: Path, one_file: bool) -> None:
    calls: list[int] = []

    def progress(done: int, total: int, what: str) -> None:
        calls.append(done)
        if len(calls) == 2:
            raise Cancelled

    out = tmp_path / ("全部.pdf" if one_file else "清单")
    result = service(two_villages).batch("sheet-village", "2018", out, one_file, progress=progress)
    assert result.cancelled and result.files == []
    leftovers = list(tmp_path.rglob("*.pdf*"))
    assert leftovers == []


def test_team_batches_cover_the_teams_posted_that_year(town: dict[str, Any]) -> None:
    ps = service(town["wb"])
    assert ps.batch_keys("sheet-team", "2018") == [town["team"]["id"]]
    assert ps.batch_keys("sheet-team", "2017") == []
