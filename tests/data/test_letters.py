"""data.letters: letters built from templates with parties, signers and targets from the register; saved with their
indicators all or nothing; the status ladder; ownership between the county and a township; the scanned copy checked
by content, hashed and verified; the list filters."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import add_household, add_village

from lingqiu_desktop.core.letters import clean_letter
from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data import listing
from lingqiu_desktop.data.letters import SPEC, LetterFilter, LetterRepository, read_scan
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

TODAY = date(2018, 11, 30)
TOWNSHIP = "140224101"  # 东河南镇
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 24


def add_person(wb: Workbook, name: str, post: str, kind: str, unit: str, township: str = TOWNSHIP) -> None:
    wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit, "post": post,
                   "township_code": township})


@pytest.fixture
def county(tmp_path: Path):
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as wb:
        wb.settings.set(REFERENCE_DATE_KEY, TODAY.isoformat())
        wb.letters = LetterRepository(wb.store)
        add_person(wb, "李宏文", "党委书记", "干部", "东河南镇人民政府")
        add_person(wb, "马东平", "镇长", "干部", "东河南镇人民政府")
        yield wb


@pytest.fixture
def town(workbook: Workbook) -> Workbook:
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY.isoformat())
    workbook.letters = LetterRepository(workbook.store)
    add_person(workbook, "李宏文", "党委书记", "干部", "东河南镇人民政府")
    add_person(workbook, "马东平", "镇长", "干部", "东河南镇人民政府")
    add_village(workbook, "201", "下野窝村")
    add_person(workbook, "殷成军", "党支部书记", "村干部", "下野窝村")
    add_person(workbook, "韩小俊", "村委会主任", "村干部", "下野窝村")
    return workbook


def signed(values: dict) -> dict:
    return {**values, "issuer_signer1_name": "田福俊", "issuer_signer2_name": "刘杰龙", "signed_on": "2018-03-22"}


def new_letter(wb: Workbook, receiver: str = TOWNSHIP, template: str = "county_township_order", year: int = 2018,
               **changes: object) -> dict:
    values, indicators = wb.letters.from_template(template, year, receiver, today=date(year, 3, 1))
    return wb.letters.add(clean_letter({**values, **changes}, TODAY), indicators)


def count(wb: Workbook, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# -- from a template -------------------------------------------------------------------------------------------------
def test_a_county_military_order_from_the_template(county: Workbook) -> None:
    values, indicators = county.letters.from_template("county_township_order", 2018, TOWNSHIP, today=date(2018, 3, 1))
    assert (values["kind"], values["level"], values["title"]) == ("军令状", "县对乡", "2018年脱贫攻坚军令状")
    assert (values["issuer_code"], values["issuer_name"]) == ("140224", "灵丘县")
    assert (values["receiver_code"], values["receiver_name"]) == (TOWNSHIP, "东河南镇")
    assert [values[f"receiver_signer{n}_{p}"] for n in "12" for p in ("name", "title")] == [
        "李宏文", "党委书记", "马东平", "镇长"]
    # no county leader on the register and no earlier letter: the titles, and a blank to fill in
    assert [values[f"issuer_signer{n}_{p}"] for n in "12" for p in ("name", "title")] == ["", "县委书记", "", "县长"]
    assert (values["drafted_on"], values["deadline"], values["status"]) == ("2018-03-01", "2018-12-31", "草拟")
    assert "乙方为中共东河南镇委员会、东河南镇人民政府" in values["clauses"]
    assert "党委书记李宏文为第一责任人，镇长马东平为直接责任人" in values["clauses"]
    assert "2018年12月31日前" in values["clauses"]
    assert len(indicators) == 10
    assert indicators[0] == {"name": "贫困户脱贫", "unit": "户", "baseline": 0.0, "target": 1330.0,
                             "direction": "higher", "weight": 20.0, "deadline": "2018-12-31",
                             "source": "households_exited"}


def test_targets_come_from_the_register_when_it_has_them(county: Workbook) -> None:
    """东河南镇 (worked out by hand): households not exited before 2018 — 未脱贫 (3 people), 返贫 (1), 已脱贫 in
    2018 (2); the one exited in 2017 does not count → 3 households, 6 people. Villages: 2, 1 poor and not exited."""
    first = add_village(county, "201", "下野窝村", township=TOWNSHIP)
    add_village(county, "202", "王品村", township=TOWNSHIP)
    county.db.execute("UPDATE village SET is_poor = 0 WHERE code = ?", [TOWNSHIP + "202"])
    households = (("未脱贫", None, 3), ("返贫", None, 1), ("已脱贫", 2018, 2), ("已脱贫", 2017, 4))
    for status, exit_year, members in households:
        household = add_household(county, first["id"])
        county.db.execute("UPDATE household SET status = ?, exit_year = ?, member_count = ? WHERE id = ?",
                          [status, exit_year, members, household["id"]])
    assert county.letters.area_facts(TOWNSHIP, 2018) == {"poor_households": 3, "poor_people": 6,
                                                          "monthly_visits": 36, "villages": 2, "poor_villages": 1}
    _values, indicators = county.letters.from_template("county_township_order", 2018, TOWNSHIP)
    targets = {i["name"]: i["target"] for i in indicators}
    names = ("贫困户脱贫", "贫困人口脱贫", "贫困村退出", "集体经济破零村数")
    assert [targets[name] for name in names] == [3, 6, 1, 2]
    assert targets["“三支队伍”培训"] == 320  # not on the register: the template's figure


def test_a_township_letter_to_a_village_takes_the_village_cadres(town: Workbook) -> None:
    values, indicators = town.letters.from_template("township_village_target", 2018, TOWNSHIP + "201")
    assert (values["level"], values["kind"], values["receiver_name"]) == ("乡对村", "目标责任书", "下野窝村")
    assert [values[k] for k in ("issuer_signer1_name", "issuer_signer2_name", "issuer_signer2_title",
                                "receiver_signer1_name", "receiver_signer1_title", "receiver_signer2_name",
                                "receiver_signer2_title")] == ["李宏文", "马东平", "镇长", "殷成军", "党支部书记",
                                                               "韩小俊", "村委会主任"]
    assert "乙方为下野窝村党支部、村民委员会" in values["clauses"]
    assert "villages_exited" not in {i["source"] for i in indicators}


def test_signers_fall_back_to_the_last_letter_that_named_them(county: Workbook) -> None:
    new_letter(county, issuer_signer1_name="田福俊", issuer_signer2_name="刘杰龙")
    values, _i = county.letters.from_template("county_township_target", 2019, "140224205", today=TODAY)
    assert (values["issuer_signer1_name"], values["issuer_signer2_name"]) == ("田福俊", "刘杰龙")
    assert (values["receiver_signer1_name"], values["receiver_signer2_title"]) == ("", "乡长")  # 赵北乡: nobody yet


@pytest.mark.parametrize(("template", "receiver", "expected"), [
    ("township_village_target", TOWNSHIP, "模板：本单位只能签订县对乡的责任书，请选择县对乡的模板"),
    ("county_township_order", "140224101201", "乙方：应为本县12个乡镇之一（140224101201不是）"),
    ("county_township_order", "", "乙方：应为本县12个乡镇之一"),
    ("no_such_template", TOWNSHIP, "模板：请选择模板"),
])
def test_the_county_signs_only_with_its_townships(county: Workbook, template: str, receiver: str,
                                                   expected: str) -> None:
    with pytest.raises(ValidationError) as exc:
        county.letters.from_template(template, 2018, receiver)
    assert str(exc.value) == expected


def test_a_township_signs_only_with_its_own_villages(town: Workbook) -> None:
    add_village(town, "201", "上寨村", township="140224102")
    with pytest.raises(ValidationError) as exc:
        town.letters.from_template("township_village_target", 2018, "140224102201")
    assert str(exc.value) == "乙方：应为东河南镇的行政村（140224102201不是）"


# -- saving ----------------------------------------------------------------------------------------------------------
def test_a_letter_and_its_indicators_are_saved_together_with_audit_rows(county: Workbook) -> None:
    audit = count(county, "audit_log")
    letter = new_letter(county)
    names = [i["name"] for i in county.letters.indicators(letter["id"])]
    assert names[:3] == ["贫困户脱贫", "贫困人口脱贫", "贫困村退出"]
    assert [i["sort_order"] for i in county.letters.indicators(letter["id"])] == list(range(10))
    assert count(county, "audit_log") == audit + 11
    assert letter["owner"] == "140224" and letter["scan_size"] == 0 and "scan_data" not in letter


def test_a_bad_indicator_saves_nothing(county: Workbook) -> None:
    values, indicators = county.letters.from_template("county_township_order", 2018, TOWNSHIP, today=TODAY)
    indicators[4]["weight"] = 0
    with pytest.raises(ValidationError) as exc:
        county.letters.add(clean_letter(values, TODAY), indicators)
    assert str(exc.value) == "第5项指标：权重：应大于0"
    assert (count(county, "letter"), count(county, "indicator")) == (0, 0)


def test_an_indicator_may_not_outlast_its_letter(county: Workbook) -> None:
    letter = new_letter(county)
    with pytest.raises(ValidationError) as exc:
        county.letters.add_indicator(letter["id"], {"name": "危房改造", "target": 10, "weight": 5,
                                                    "deadline": "2019-01-31"})
    assert str(exc.value) == "第11项指标：指标截止日期不能晚于责任书截止日期（2018-12-31）"


def test_save_updates_adds_deletes_and_reorders_in_one_go(county: Workbook) -> None:
    letter = new_letter(county)
    first, second, *rest = county.letters.indicators(letter["id"])
    county.db.execute("INSERT INTO indicator_progress (id, owner, indicator_id, month, value, created_at, updated_at) "
                      "VALUES ('p1', '140224', ?, '2018-05', 50, 'x', 'x')", [second["id"]])
    wanted = [{**rest[0], "target": 99}, {"name": "危房改造", "unit": "户", "target": 12, "weight": 3}, first,
              *rest[1:]]
    county.letters.save(clean_letter(county.letters.get(letter["id"]), TODAY), wanted, letter["id"])
    saved = county.letters.indicators(letter["id"])
    assert [i["name"] for i in saved][:3] == [rest[0]["name"], "危房改造", "贫困户脱贫"]
    assert saved[0]["target"] == 99 and saved[0]["id"] == rest[0]["id"]
    assert [i["sort_order"] for i in saved] == list(range(10))
    assert second["id"] not in {i["id"] for i in saved}
    assert count(county, "indicator_progress") == 0  # its progress went with it, audited
    deleted = county.db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND table_name = "
                                "'indicator_progress'").fetchone()[0]
    assert deleted == 1


def test_moving_an_indicator(county: Workbook) -> None:
    letter = new_letter(county)
    ids = [i["id"] for i in county.letters.indicators(letter["id"])]
    county.letters.move_indicator(ids[2], -1)
    county.letters.move_indicator(ids[0], +1)
    county.letters.move_indicator(ids[9], +1)  # already last: stays
    assert [i["id"] for i in county.letters.indicators(letter["id"])][:3] == [ids[2], ids[0], ids[1]]


# -- status ----------------------------------------------------------------------------------------------------------
def test_the_status_ladder(county: Workbook) -> None:
    letter = new_letter(county)
    with pytest.raises(ValidationError) as exc:
        county.letters.set_status(letter["id"], "已签订")
    assert [e.field for e in exc.value.errors][:3] == ["签订日期", "甲方书记姓名", "甲方行政负责人姓名"]
    assert county.letters.get(letter["id"])["status"] == "草拟"
    county.letters.update(letter["id"], clean_letter(signed(county.letters.get(letter["id"])), TODAY))
    for status in ("已签订", "执行中", "已考核"):
        assert county.letters.set_status(letter["id"], status)["status"] == status
    with pytest.raises(ValidationError) as exc:
        county.letters.update(letter["id"], clean_letter(county.letters.get(letter["id"]), TODAY))
    assert str(exc.value) == "状态：已考核的责任书不能再修改"
    with pytest.raises(ValidationError):
        county.letters.add_indicator(letter["id"], {"name": "x", "target": 1, "weight": 1})


def test_signing_needs_an_indicator(county: Workbook) -> None:
    values, _indicators = county.letters.from_template("county_township_order", 2018, TOWNSHIP,
                                                       today=date(2018, 3, 1))
    letter = county.letters.add(clean_letter(signed(values), TODAY))
    with pytest.raises(ValidationError) as exc:
        county.letters.set_status(letter["id"], "已签订")
    assert str(exc.value) == "指标：签订前须至少有一项指标"


def test_a_signed_letter_keeps_its_signers(county: Workbook) -> None:
    letter = new_letter(county, **signed({}))
    county.letters.set_status(letter["id"], "已签订")
    before = county.letters.get(letter["id"])
    with pytest.raises(ValidationError) as exc:
        county.letters.update(letter["id"], clean_letter({**before, "receiver_signer1_name": ""}, TODAY))
    assert str(exc.value) == "乙方书记姓名：签订前须填写（双方书记和行政负责人“双签”）"
    assert county.letters.get(letter["id"]) == before


def test_save_with_a_status_is_all_or_nothing(county: Workbook) -> None:
    """The editor's 签订 saves the screen and signs; refused, neither the edits nor the status are kept."""
    letter = new_letter(county)
    values = clean_letter({**county.letters.get(letter["id"]), "title": "改过的标题"}, TODAY)
    with pytest.raises(ValidationError):
        county.letters.save(values, county.letters.indicators(letter["id"]), letter["id"], status="已签订")
    assert county.letters.get(letter["id"])["title"] == "2018年脱贫攻坚军令状"
    saved = county.letters.save(clean_letter(signed(values), TODAY), county.letters.indicators(letter["id"]),
                                letter["id"], status="已签订")
    assert (saved["title"], saved["status"]) == ("改过的标题", "已签订")


def test_deleting_a_draft_takes_its_indicators_but_a_letter_under_way_stays(county: Workbook) -> None:
    draft = new_letter(county)
    county.letters.delete(draft["id"])
    assert (count(county, "letter"), count(county, "indicator")) == (0, 0)
    running = new_letter(county, **signed({}))
    county.letters.set_status(running["id"], "已签订")
    county.letters.set_status(running["id"], "执行中")
    with pytest.raises(ValidationError) as exc:
        county.letters.delete(running["id"])
    assert str(exc.value) == "状态：“执行中”的责任书已有进度和考核数据，不能删除"


# -- ownership -------------------------------------------------------------------------------------------------------
def test_a_county_letter_is_read_only_at_the_township(county: Workbook) -> None:
    letter = new_letter(county)
    township = LetterRepository(Workbook(county.db, county.path, TOWNSHIP).store)
    assert township.get(letter["id"])["receiver_name"] == "东河南镇"
    indicator = township.indicators(letter["id"])[0]
    for attempt in (lambda: township.update(letter["id"], clean_letter(letter, TODAY)),
                    lambda: township.add_indicator(letter["id"], {"name": "x", "target": 1, "weight": 1}),
                    lambda: township.delete_indicator(indicator["id"]),
                    lambda: township.set_status(letter["id"], "已签订"),
                    lambda: township.delete(letter["id"])):
        with pytest.raises(NotOwnedError):
            attempt()
    assert township.letters_for("县对乡", 2018, TOWNSHIP)[0]["id"] == letter["id"]


def test_a_township_cannot_issue_county_letters(town: Workbook) -> None:
    values, indicators = town.letters.from_template("township_village_target", 2018, TOWNSHIP + "201", today=TODAY)
    with pytest.raises(ValidationError) as exc:
        town.letters.add(clean_letter({**values, "level": "县对乡", "receiver_code": TOWNSHIP}, TODAY), indicators)
    assert str(exc.value) == "层级：本单位只能签订乡对村的责任书"
    assert count(town, "letter") == 0


# -- the scanned copy ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "data"), [("军令状.pdf", PDF), ("扫描.png", PNG), ("照片.JPG", JPEG)])
def test_a_scan_is_stored_with_its_hash_and_verified(county: Workbook, tmp_path: Path, name: str,
                                                    data: bytes) -> None:
    letter = new_letter(county)
    path = tmp_path / name
    path.write_bytes(data)
    scan = county.letters.attach_scan(letter["id"], path)
    row = county.letters.get(letter["id"])
    assert (row["scan_name"], row["scan_sha256"], row["scan_size"]) == (name, hashlib.sha256(data).hexdigest(),
                                                                         len(data))
    assert scan.sha256 == row["scan_sha256"]
    assert county.letters.scan(letter["id"]) == (name, data)
    assert county.letters.verify_scan(letter["id"]) is True
    after = county.db.execute("SELECT after_json FROM audit_log WHERE table_name = 'letter' ORDER BY rowid DESC "
                              "LIMIT 1").fetchone()[0]
    assert "scan_data" not in json.loads(after) and json.loads(after)["scan_sha256"] == scan.sha256


def test_a_changed_scan_fails_verification(county: Workbook, tmp_path: Path) -> None:
    letter = new_letter(county)
    (tmp_path / "a.pdf").write_bytes(PDF)
    county.letters.attach_scan(letter["id"], tmp_path / "a.pdf")
    county.db.execute("UPDATE letter SET scan_data = ? WHERE id = ?", [PDF + b"x", letter["id"]])
    assert county.letters.verify_scan(letter["id"]) is False


NOT_A_SCAN = "不是PDF、JPG或PNG文件，请选择签字盖章后的扫描件或照片"


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("假的.pdf", b"just some text, renamed", f"扫描件：“假的.pdf”{NOT_A_SCAN}"),
    ("签字.docx", b"PK\x03\x04" + b"\x00" * 40, f"扫描件：“签字.docx”{NOT_A_SCAN}"),
    ("空.pdf", b"", "扫描件：文件是空的"),
])
def test_a_file_that_is_not_a_scan_is_refused(county: Workbook, tmp_path: Path, name: str, data: bytes,
                                              expected: str) -> None:
    letter = new_letter(county)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ValidationError) as exc:
        county.letters.attach_scan(letter["id"], path)
    assert str(exc.value) == expected
    assert county.letters.get(letter["id"])["scan_name"] == ""


def test_a_scan_over_20_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "大.pdf"
    with path.open("wb") as handle:  # sparse: 20 MB + 1 byte without writing them
        handle.write(PDF)
        handle.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError) as exc:
        read_scan(path)
    assert str(exc.value) == "扫描件：文件太大（20.0 MB），不能超过20 MB，请降低扫描分辨率后重试"
    with pytest.raises(ValidationError) as exc:
        read_scan(tmp_path / "没有.pdf")
    assert str(exc.value).startswith("扫描件：无法读取文件“没有.pdf”")


# -- the list --------------------------------------------------------------------------------------------------------
def listed(wb: Workbook, **fields: object) -> list[str]:
    query = LetterFilter(**fields).query()
    assert listing.count_rows(wb.db, SPEC, query) == len(rows := listing.fetch_page(wb.db, SPEC, query, None, 50))
    return [f"{r['receiver_name']}{r['kind']}{r['status']}" for r in rows]


def test_the_list_filters(county: Workbook) -> None:
    add_person(county, "常文辉", "党委书记", "干部", "赵北乡人民政府", "140224205")
    new_letter(county)
    new_letter(county, receiver="140224205", template="county_township_target")
    old = new_letter(county, receiver="140224100", year=2017)
    assert listed(county, year=2018) == ["赵北乡目标责任书草拟", "东河南镇军令状草拟"]
    assert listed(county, kind="军令状") == ["东河南镇军令状草拟", "武灵镇军令状草拟"]
    assert listed(county, text="zbx") == ["赵北乡目标责任书草拟"]          # pinyin initials of the receiver
    assert listed(county, text="常文辉") == ["赵北乡目标责任书草拟"]        # a signer
    assert listed(county, text="东河") == ["东河南镇军令状草拟"]
    assert listed(county, township_code="140224100") == ["武灵镇军令状草拟"]
    assert listed(county, status="已签订", level="县对乡") == []
    rows = listing.fetch_page(county.db, SPEC, LetterFilter(year=2017).query(), None, 5)
    assert (rows[0]["id"], rows[0]["indicators"], rows[0]["has_scan"]) == (old["id"], 10, 0)


def test_letters_for_the_reviews(county: Workbook) -> None:
    new_letter(county)
    new_letter(county, receiver="140224205")
    assert [r["receiver_name"] for r in county.letters.letters_for("县对乡", 2018)] == ["东河南镇", "赵北乡"]
    assert [r["receiver_name"] for r in county.letters.letters_for("县对乡", 2018, "140224205")] == ["赵北乡"]
    assert county.letters.letters_for("乡对村", 2018) == []
    assert county.letters.held("140224205", 2018) == ["2018年脱贫攻坚军令状（草拟）"]
