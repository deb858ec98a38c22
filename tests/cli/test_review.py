"""`main.py review`: real processes on a township database whose scores are worked out in tests/data/test_reviews.py
(Q2: 甲村 65, 丙村 65, 乙村 37.5; March: 42.5, 15, 7.5)."""

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.data.test_progress import THREE, add_letter, build_township, record
from tests.data.test_reviews import VALUES

from lingqiu_desktop.data.progress import ProgressRepository

from lingqiu_desktop.workbook import Workbook


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("review") / "town.sqlite3"
    with Workbook.create(path, "140224101") as wb:
        town = build_township(wb)
        progress = ProgressRepository(wb.store)
        for name, values in VALUES.items():
            record(progress, town[name], values)
    return str(path)


def test_quarter_table(db: str) -> None:
    result = run("--db", db, "review", "--quarter", "2018Q2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "东河南镇 2018年第二季度点评通报（乡对村），共3个单位"
    assert lines[1].split() == ["名次", "单位", "得分", "较上期", "滞后指标"]
    assert [line.split() for line in lines[2:]] == [["1", "甲村", "65.00", "+22.50", "0/3"],
                                                   ["1", "丙村", "65.00", "+57.50", "0/3"],
                                                   ["3", "乙村", "37.50", "+22.50", "2/3"]]


def test_month_and_year(db: str) -> None:
    month = run("--db", db, "review", "--month", "2018-03")
    assert month.returncode == 0, month.stderr
    assert month.stdout.splitlines()[0] == "东河南镇 2018年3月汇总分析（乡对村），共3个单位"
    assert [line.split()[1:3] for line in month.stdout.splitlines()[2:]] == [
        ["甲村", "42.50"], ["乙村", "15.00"], ["丙村", "7.50"]]
    year = run("--db", db, "review", "--year", "2018")
    assert year.returncode == 0, year.stderr
    lines = year.stdout.splitlines()
    assert lines[0] == "东河南镇 2018年度考核评比（乡对村），共3个单位"
    assert lines[1].split() == ["名次", "单位", "得分", "等次", "较上期", "滞后指标"]
    assert [line.split() for line in lines[2:]] == [["1", "甲村", "65.00", "合格", "—", "2/3"],
                                                   ["1", "丙村", "65.00", "合格", "—", "2/3"],
                                                   ["3", "乙村", "37.50", "不合格", "—", "3/3"]]


def test_json(db: str) -> None:
    result = run("--db", db, "review", "--quarter", "2018年第二季度", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["level"], data["period"], data["label"], data["kind"]) == ("乡对村", "2018Q2", "2018年第二季度",
                                                                            "quarter")
    assert [(u["rank"], u["name"], u["score"], u["change"], u["lagging"]) for u in data["units"]] == [
        (1, "甲村", 65.0, 22.5, 0), (1, "丙村", 65.0, 57.5, 0), (3, "乙村", 37.5, 22.5, 2)]
    x = data["units"][2]["indicators"][0]
    assert (x["name"], x["value"], x["value_month"], x["completion"], x["score_part"], x["lagging"]) == (
        "脱贫人口", 30.0, "2018-03", 0.3, 15.0, True)


def test_no_letters_at_that_level(db: str) -> None:
    result = run("--db", db, "review", "--year", "2018", "--level", "县对乡")
    assert result.returncode == 0, result.stderr
    assert "没有2018年县对乡责任书的指标" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--quarter", "2018Q5"], "错误：季度：第5季度不存在"),
    (["--month", "2018-13"], "错误：月份：13月不存在"),
    (["--year", "18"], "错误：年度：应为4位数字年份，如2018"),
    ([], "错误：统计期：请用 --month、--quarter 或 --year 指定月份、季度或年度"),
    (["--month", "2018-06", "--year", "2018"], "错误：统计期：--month、--quarter、--year 只能指定其中一个"),
    (["--year", "2018", "--level", "县对村"], "无效的选项"),
])
def test_bad_periods_exit_2_in_chinese(db: str, args: list[str], message: str) -> None:
    result = run("--db", db, "review", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_impossible_indicator_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    with Workbook.create(path, "140224101") as wb:
        town = build_township(wb)
        add_letter(wb, town["甲村"]["code"], "甲村", [(*THREE[0][:5], 0, "manual")])
    result = run("--db", str(path), "review", "--quarter", "2018Q2")
    assert result.returncode == 2
    assert "甲村：指标“脱贫人口”的权重为0，权重必须大于0" in result.stderr


def test_the_county_defaults_to_its_townships(tmp_path: Path) -> None:
    path = tmp_path / "county.sqlite3"
    with Workbook.create(path, "140224") as wb:
        wb.settings.set("app.reference_date", "2018-11-30")
        _, (x,) = add_letter(wb, "140224102", "上寨镇", THREE[:1], level="县对乡", kind="军令状")
        ProgressRepository(wb.store).set_value(x, "2018-05", 40)
    result = run("--db", str(path), "review", "--month", "2018-06")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "灵丘县 2018年6月汇总分析（县对乡），共1个单位"
    # June: X 40 carried from May → 40 %; May → the same: change 0
    assert result.stdout.splitlines()[2].split() == ["1", "上寨镇", "40.00", "+0.00", "0/1"]
