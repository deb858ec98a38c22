"""The "1+3" reviews at county scale: rankings of villages and townships by weighted score.

1. The county demo database, read-only (opened with mode=ro, so nothing can be written to it): the quarterly
   ranking of its 255 villages (about 38 indicators each) and of its 12 townships.
2. The exact target case, 255 villages × 30 indicators × 12 months, on a synthetic database built once in
   BENCH_DIR (target ≤ 200 ms).
3. The county ranking of 12 townships from their villages' data: a copy of the demo database (built once in
   BENCH_DIR) where each township's 2018 县对乡 letter has 30 indicators, 7 of them counted from the villages'
   records (1,000,000 visits, 16,000 households, trainings, attendance) (target ≤ 500 ms).

Usage: python bench/bench_reviews.py [RUNS]
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from pathlib import Path

import sqlite_utils
from common import BENCH_DIR, county_db, report, timed

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.ids import new_id
from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS

from lingqiu_desktop.data.database import open_database
from lingqiu_desktop.data.reviews import ReviewRepository
from lingqiu_desktop.data.store import Store

from lingqiu_desktop.workbook import Workbook

STAMP = "2018-01-01T00:00:00"
MANUAL_SPECS = [(f"指标{k:02d}", "户", 0.0, 100.0, "higher") for k in range(27)] + [
    ("贫困发生率", "%", 10.0, 2.0, "lower"), ("错退率", "%", 0.0, 0.0, "lower"), ("漏评率", "%", 2.0, 0.0, "lower")]


def read_only(path: Path) -> Store:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA cache_size=-65536")
    return Store(sqlite_utils.Database(conn), COUNTY_CODE, "bench")


def _letter(owner: str, level: str, code: str, name: str) -> tuple:
    return (new_id(), owner, "目标责任书", 2018, level, "2018年度脱贫攻坚目标责任书", owner, "发包方", code, name,
            "", "", "", "", "", "", "", "", "", "", None, None, "2018-12-31", "执行中", "", "", None, STAMP, STAMP, "")


def _indicators(db: sqlite_utils.Database, rng: random.Random, owner: str, letter_id: str,
                specs: list[tuple[str, str, float, float, str, str]]) -> None:
    ind_rows, progress = [], []
    for k, (name, unit, baseline, target, direction, source) in enumerate(specs):
        iid = new_id()
        ind_rows.append((iid, owner, letter_id, name, unit, baseline, target, direction, 1 + k % 3, "2018-12-31",
                         source, k, STAMP, STAMP, ""))
        if source != scoring.MANUAL:
            continue
        reach = rng.uniform(0.6, 1.1)
        for m in range(1, 13):
            value = round(baseline + (target - baseline) * reach * m / 12, 1)
            progress.append((new_id(), owner, iid, f"2018-{m:02d}", value, 0, "", STAMP, STAMP, ""))
    db.conn.executemany(f"INSERT INTO indicator VALUES ({', '.join('?' * 15)})", ind_rows)
    db.conn.executemany("INSERT INTO indicator_progress VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", progress)


def _insert_letter(db: sqlite_utils.Database, row: tuple) -> None:
    db.conn.execute(f"INSERT INTO letter VALUES ({', '.join('?' * len(row))})", row)


def synthetic_villages() -> Path:
    """255 villages in the 12 townships, each with one 2018 乡对村 letter of 30 indicators and 12 months."""
    path = BENCH_DIR / "reviews-villages.sqlite3"
    if path.exists():
        return path
    print("建立 255 村 × 30 指标 × 12 个月的合成数据库（只需一次）……", flush=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    Workbook.create(tmp, COUNTY_CODE).close()
    rng = random.Random(4)
    db = open_database(tmp)
    towns = list(TOWNSHIPS)
    specs = [(*spec, scoring.MANUAL) for spec in MANUAL_SPECS]
    with db.atomic():
        for n in range(255):
            town = towns[n % 12]
            code = f"{town}{201 + n // 12:03d}"
            name = f"合成{n + 1}村"
            db.conn.execute("INSERT INTO village (id, owner, township_code, code, name, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", [new_id(), town, town, code, name, STAMP, STAMP])
            letter = _letter(town, "乡对村", code, name)
            _insert_letter(db, letter)
            _indicators(db, rng, town, letter[0], specs)
    db.close()
    tmp.rename(path)
    return path


def county_with_computed() -> Path:
    """A copy of the demo database where each township has a 2018 县对乡 letter with 30 indicators, 7 computed."""
    path = BENCH_DIR / "reviews-county.sqlite3"
    if path.exists():
        return path
    print("复制全县演示数据库并加入含自动统计指标的县对乡责任书（只需一次）……", flush=True)
    tmp = path.with_suffix(".building")
    shutil.copyfile(county_db(), tmp)
    rng = random.Random(5)
    db = open_database(tmp)
    computed = [(label, "", 0.0, 100.0 if key == "attendance_compliance" else 50.0, "higher", key)
                for key, label in scoring.COMPUTED_SOURCES.items()]
    specs = computed + [(*spec, scoring.MANUAL) for spec in MANUAL_SPECS[:23]]
    with db.atomic():
        for town, name in TOWNSHIPS.items():
            letter = _letter(COUNTY_CODE, "县对乡", town, name)
            _insert_letter(db, letter)
            _indicators(db, rng, COUNTY_CODE, letter[0], specs)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.rename(path)
    return path


def main(runs: int) -> None:
    demo = ReviewRepository(read_only(county_db()))
    report("演示库 季度排名 255村（约38个指标/村）", *timed(lambda: demo.quarterly("乡对村", "2018Q2"), runs), 200)
    report("演示库 季度排名 12个乡镇", *timed(lambda: demo.quarterly("县对乡", "2018Q2"), runs), 500)
    report("演示库 月汇总 255村", *timed(lambda: demo.monthly_summary("乡对村", "2018-06"), runs))
    report("演示库 年度考核 255村", *timed(lambda: demo.annual("乡对村", 2018), runs))
    report("演示库 全年得分走势 255村（图表）", *timed(lambda: demo.ranking_trend("乡对村", 2018), runs))

    villages = ReviewRepository(read_only(synthetic_villages()))
    assert len(villages.quarterly("乡对村", "2018Q2")) == 255
    report("合成库 季度排名 255村 × 30指标", *timed(lambda: villages.quarterly("乡对村", "2018Q2"), runs), 200)

    county = ReviewRepository(read_only(county_with_computed()))
    units = county.quarterly("县对乡", "2018Q2")
    assert len(units) == 12 and all(len(u.indicators) >= 30 for u in units)
    report("全县 季度排名 12乡镇（含7项按村级记录统计）",
           *timed(lambda: county.quarterly("县对乡", "2018Q2"), runs), 500)
    report("全县 年度考核 12乡镇（含自动统计）", *timed(lambda: county.annual("县对乡", 2018), runs), 500)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
