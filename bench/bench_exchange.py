"""Benchmark of the USB exchange (issue 6): a township package with 1,500 households and 100,000 visits exported
(target ≤ 3 s), and the county importing 12 such packages (target ≤ 30 s), against the physical limit: a plain
sqlite3 executemany of the same rows into an empty database with the same schema and pragmas; and against SQLite's
own floor: INSERT … SELECT straight from the 12 township databases, no Python, no package, no checks.

    python bench/bench_exchange.py            # 12 townships at full bench scale (built once, ~12 s each, kept)
    python bench/bench_exchange.py 4          # only the first 4 townships (figures scaled to 12 are printed too)

The township databases are kept in $LINGQIU_BENCH_DIR/exchange/ and reused; the county is made fresh each run.
"""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from common import BENCH_DIR, report, timed

from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS

from lingqiu_desktop.data import demo
from lingqiu_desktop.data.database import open_database

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.package import read_package
from lingqiu_desktop.workbook import Workbook

FOLDER = BENCH_DIR / "exchange"
SIZE = replace(demo.TOWNSHIP.scaled(1.2), households=1500, members=3844, visits=100_000)
EXPORT_TARGET_MS = 3000.0
IMPORT_TARGET_S = 30.0


def townships(count: int) -> list[Path]:
    """The bench townships, generated on first use (a marker file says the load finished)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, code in enumerate(list(TOWNSHIPS)[:count]):
        path = FOLDER / f"{code}.sqlite3"
        done = FOLDER / f"{code}.done"
        if not done.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            start = time.perf_counter()
            with Workbook.create(path, code) as wb:
                rows = sum(demo.generate(wb.db, code, SIZE, seed=100 + i).values())
            print(f"  生成 {TOWNSHIPS[code]}：{rows} 行，{time.perf_counter() - start:.1f} s", flush=True)
            done.touch()
        paths.append(path)
    return paths


def fresh_county(run: Path, towns: list[Path]) -> Workbook:
    """A new county database with every township's card, and each township holding the county's card."""
    hub = Workbook.create(run / "county.sqlite3", COUNTY_CODE)
    for path in towns:
        with Workbook.open(path) as town:
            hub.exchange.import_card(town.exchange.my_card())
            town.exchange.import_card(hub.exchange.my_card(), replace=True)
    return hub


def bench_export(town_path: Path, out: Path) -> Path:
    with Workbook.open(town_path) as town:
        counts = town.db.execute("SELECT (SELECT COUNT(*) FROM household), (SELECT COUNT(*) FROM visit)").fetchone()
        print(f"乡镇数据包：{counts[0]} 户，{counts[1]} 条走访", flush=True)
        median, samples = timed(lambda: town.exchange.export(None, out), runs=3, warmup=0)
        report("导出一个乡镇数据包（端到端）", median, samples, EXPORT_TARGET_MS)
        median, samples = timed(lambda: partition.export_payload(town.db, town.office_code), runs=3, warmup=0)
        report("  其中：SQLite 复制到内存数据库并序列化", median, samples)
        payload = partition.export_payload(town.db, town.office_code)[0]
        print(f"  数据 {len(payload) / 1e6:.1f} MB", flush=True)
        median, samples = timed(lambda: partition.collect(town.db, town.office_code), runs=3, warmup=0)
        report("  对照：同样的行 SELECT 到 Python", median, samples)
        result = town.exchange.export(None, out)[0]
        print(f"  文件 {result.path.stat().st_size / 1e6:.1f} MB，{sum(result.counts.values())} 行", flush=True)
    return result.path


def bench_import(hub: Workbook, packages: list[Path]) -> tuple[float, int]:
    """The county's import of every package from one stick: apply_all (one backup before the batch)."""
    start = time.perf_counter()
    results = hub.exchange.apply_all(packages)
    total = time.perf_counter() - start
    rows = 0
    for result in results:
        assert not isinstance(result, Exception) and result.status == "applied" and result.plan is not None
        rows += result.plan.totals()["new"]
    print(f"县导入 {len(packages)} 个数据包（apply_all，一次备份）：共 {total:.1f} s，"
          f"每包 {total / len(packages):.2f} s，{rows} 行，{rows / total:,.0f} 行/秒", flush=True)
    return total, rows


def bench_limit(hub: Workbook, run: Path, packages: list[Path]) -> float:
    """executemany of the same rows into an empty database of the same schema: the physical limit."""
    target = run / "limit.sqlite3"
    Workbook.create(target, COUNTY_CODE).close()
    db = open_database(target)
    keys = hub.exchange.keys()
    seconds = 0.0
    for path in packages:
        header, payload = read_package(path.read_bytes(), hub.db, keys)
        decoded = partition.decode_payload(payload, hub.db, header["sender"])
        start = time.perf_counter()
        db.conn.execute("BEGIN")
        for name, (cols, rows) in decoded.items():
            marks = ", ".join("?" for _ in cols)
            db.conn.executemany(f"INSERT INTO [{name}] ({', '.join(cols)}) VALUES ({marks})", rows)
        db.conn.execute("COMMIT")
        seconds += time.perf_counter() - start
    db.close()
    print(f"物理极限（executemany 同样的行）：{seconds:.1f} s", flush=True)
    return seconds


def bench_floor(run: Path, towns: list[Path]) -> float:
    """SQLite alone: each township's partition copied by INSERT … SELECT from its own database file into an empty
    county (one transaction per township, as the import does), with the same schema, pragmas and foreign keys."""
    target = run / "floor.sqlite3"
    Workbook.create(target, COUNTY_CODE).close()
    db = open_database(target)
    specs = partition.travelling(db)
    start = time.perf_counter()
    for path in towns:
        db.conn.execute("ATTACH ? AS town", [str(path)])
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute("PRAGMA defer_foreign_keys=ON")
        for name, spec in specs.items():
            columns = ", ".join(f"[{c}]" for c in spec.columns)
            db.conn.execute(f"INSERT INTO main.[{name}] ({columns}) SELECT {columns} FROM town.[{name}]"
                            " WHERE owner = ?", [path.stem])
        db.conn.execute("COMMIT")
        db.conn.execute("DETACH town")
    seconds = time.perf_counter() - start
    db.close()
    print(f"SQLite 自身的下限（INSERT … SELECT 直接从 {len(towns)} 个乡镇库复制，无 Python）：{seconds:.1f} s",
          flush=True)
    return seconds


def bench_again(hub: Workbook, package: Path) -> None:
    median, samples = timed(lambda: hub.exchange.inspect(package), runs=3, warmup=0)
    report("已导入的数据包再预览（dry run）", median, samples)
    median, samples = timed(lambda: hub.exchange.apply(package), runs=3, warmup=0)
    report("已导入的数据包再导入（不变）", median, samples)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    towns = townships(count)
    run = FOLDER / "run"
    shutil.rmtree(run, ignore_errors=True)
    (run / "usb").mkdir(parents=True)
    hub = fresh_county(run, towns)
    (run / "export").mkdir()
    bench_export(towns[0], run / "export")
    packages = []
    for path in towns:
        with Workbook.open(path) as town:
            packages.append(town.exchange.export(None, run / "usb")[0].path)
    total, _rows = bench_import(hub, packages)
    scaled = total * 12 / len(packages)
    verdict = "达标" if scaled <= IMPORT_TARGET_S else "未达标"
    print(f"  折合 12 个乡镇：{scaled:.1f} s  目标 ≤ {IMPORT_TARGET_S:.0f} s  {verdict}", flush=True)
    limit = bench_limit(hub, run, packages)
    print(f"  导入 / 物理极限 = {total / limit:.2f}", flush=True)
    floor = bench_floor(run, towns)
    print(f"  导入 / SQLite 自身下限 = {total / floor:.2f}", flush=True)
    bench_again(hub, packages[-1])
    start = time.perf_counter()
    hub.exchange._backup("bench")
    print(f"一次备份（{len(packages)} 个乡镇的县库）：{time.perf_counter() - start:.1f} s", flush=True)
    hub.close()
    shutil.rmtree(run, ignore_errors=True)  # gigabytes of county, limit copy and backups


if __name__ == "__main__":
    main()
