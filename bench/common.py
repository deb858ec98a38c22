"""Shared by the benchmarks: the county demo database (built once and kept), medians, printing."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_DIR = Path(os.environ.get("LINGQIU_BENCH_DIR", "/tmp/lingqiu-bench"))


def county_db() -> Path:
    """The county-scale demo database (main.py init + demo --scale county), built on first use and reused."""
    path = BENCH_DIR / "county.sqlite3"
    if not path.exists():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        tmp = BENCH_DIR / "county-building.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        print("建立全县演示数据库（只需一次）……", flush=True)
        for args in (["init", "--office", "140224"], ["demo", "--scale", "county"]):
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp), *args], check=True)
        import sqlite3

        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one self-contained file to copy for write benchmarks
        conn.close()
        tmp.rename(path)
    return path


def timed(fn: Callable[[], object], runs: int = 5, warmup: int = 1) -> tuple[float, list[float]]:
    """Median milliseconds of `runs` calls after `warmup` unmeasured ones."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def report(name: str, median_ms: float, samples: list[float], target_ms: float | None = None) -> None:
    verdict = "" if target_ms is None else ("  达标" if median_ms <= target_ms else "  未达标")
    target = "" if target_ms is None else f"  目标 ≤ {target_ms:.0f} ms"
    shown = ", ".join(f"{s:.1f}" for s in samples)
    print(f"{name:<44} 中位数 {median_ms:8.1f} ms{target}{verdict}   [{shown}]", flush=True)
