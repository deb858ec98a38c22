"""`print …` and `verify` as a clerk or a script runs them: real processes, real PDFs, the QR text checked back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lingqiu_desktop.cli import DEMO_REFERENCE_DATE
from tests.cli.test_cli import run
from tests.documents import pdfcheck

from lingqiu_desktop.data import demo

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A small demo township (东河南镇) and the ids the commands need."""
    path = tmp_path_factory.mktemp("print") / "t.sqlite3"
    with Workbook.create(path, "140224101") as wb:
        demo.generate(wb.db, wb.office_code, demo.TOWNSHIP.scaled(0.05), seed=3)
        wb.settings.set(REFERENCE_DATE_KEY, DEMO_REFERENCE_DATE)     # as `demo` does: the working year is 2018
        one = lambda sql: wb.db.execute(sql).fetchone()[0]  # noqa: E731
        ids = {
            "letter": one("SELECT id FROM letter ORDER BY id LIMIT 1"),
            "village": one("SELECT code FROM village ORDER BY code LIMIT 1"),
            "training": one("SELECT id FROM training ORDER BY id LIMIT 1"),
            "household": one("SELECT household_id FROM visit WHERE household_id IS NOT NULL LIMIT 1"),
            "visit": one("SELECT id FROM visit ORDER BY id LIMIT 1"),
            "team": one("SELECT team_id FROM attendance WHERE day LIKE '2018-06%' LIMIT 1"),
            "villages": one("SELECT COUNT(*) FROM village"),
        }
    return {"db": str(path), **ids}


def _stamp(stdout: str) -> str:
    match = re.search(r"核验码：(\S+)", stdout)
    assert match, stdout
    return match.group(1)


@pytest.mark.parametrize(("args", "expected"), [
    (["letter", "--id", "{letter}"], "签字"),
    (["sheet", "--village", "{village}", "--year", "2018"], "责任"),
    (["signin", "--training", "{training}"], "签到"),
    (["training", "--training", "{training}"], "培训记录"),
    (["visit", "--id", "{visit}"], "走访"),
    (["visits", "--household", "{household}", "--from", "2018-01-01", "--to", "2018-12-31"], "走访"),
    (["attendance", "--team", "{team}", "--month", "2018-06"], "考勤"),
    (["circular", "--quarter", "2018Q2"], "通报"),
    (["households", "--village", "{village}", "--public"], "公示"),
])
def test_print_each_document_and_verify_its_qr(township: dict, tmp_path: Path, args: list[str],
                                                expected: str) -> None:
    out = tmp_path / "doc.pdf"
    result = run("--db", township["db"], "print", *[a.format(**township) for a in args], "--out", str(out))
    assert result.returncode == 0, result.stderr
    pdf = out.read_bytes()
    assert expected in pdfcheck.text(pdf)
    pdfcheck.assert_a4(pdf)
    stamp = _stamp(result.stdout)
    assert pdfcheck.decode_qr(pdf) == stamp
    verify = run("--db", township["db"], "verify", stamp)
    assert verify.returncode == 0 and "核验通过" in verify.stdout


def test_print_all_village_sheets_into_a_folder_and_one_file(township: dict, tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    result = run("--db", township["db"], "print", "sheet", "--all", "--year", "2018", "--out", str(folder))
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("*.pdf"))) == township["villages"]
    one = tmp_path / "all.pdf"
    result = run("--db", township["db"], "print", "sheet", "--all", "--one-file", "--out", str(one))
    assert result.returncode == 0, result.stderr
    assert pdfcheck.page_count(one.read_bytes()) >= township["villages"]


def test_verify_tells_what_changed_after_printing(township: dict, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    printed = run("--db", township["db"], "print", "letter", "--id", township["letter"], "--out", str(out))
    stamp = _stamp(printed.stdout)
    with Workbook.open(Path(township["db"])) as wb:
        indicator = wb.db.execute("SELECT id, name, target FROM indicator WHERE letter_id = ? ORDER BY sort_order"
                                  " LIMIT 1", [township["letter"]]).fetchone()
        wb.store.update("indicator", indicator[0], {"target": indicator[2] + 7})
    try:
        verify = run("--db", township["db"], "verify", stamp)
        assert verify.returncode == 2
        assert "核验不通过" in verify.stdout and "目标" in verify.stdout
    finally:
        with Workbook.open(Path(township["db"])) as wb:
            wb.store.update("indicator", indicator[0], {"target": indicator[2]})
    assert run("--db", township["db"], "verify", stamp).returncode == 0


@pytest.mark.parametrize(("args", "message"), [
    (["verify", "随便写的"], "不是本系统打印的核验码"),
    (["verify", "LQFP1|letter|nope||" + "0" * 24], "已不存在"),
    (["print", "letter", "--id", "nope", "--out", "{tmp}/x.pdf"], "找不到编号为“nope”的责任书"),
    (["print", "sheet", "--village", "{village}", "--year", "20x8", "--out", "{tmp}/x.pdf"], "年度"),
    (["print", "attendance", "--team", "{team}", "--month", "2018-13", "--out", "{tmp}/x.pdf"], "月份"),
    (["print", "visits", "--household", "{household}", "--from", "2018-06-01", "--to", "2018-01-01",
      "--out", "{tmp}/x.pdf"], "起始日期"),
    (["print", "sheet", "--out", "{tmp}/x.pdf"], "其中一个"),
])
def test_bad_requests_are_refused_in_chinese(township: dict, tmp_path: Path, args: list[str], message: str) -> None:
    result = run("--db", township["db"], *[a.format(tmp=tmp_path, **township) for a in args])
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
