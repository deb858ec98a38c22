"""Benchmark of the demo-data generator (the package lingqiu_desktop/data/demo/) at county and township scale.

    python bench/bench_demo.py                  # county once, township 3 times
    python bench/bench_demo.py county 3         # county 3 times
    python bench/bench_demo.py township 5

Each run is a child process on a fresh database in a temporary folder, so peak RSS is that run's own.
Prints the median seconds, rows per second, peak RSS and the database file size. The budget (DESIGN.md
"Scale it must hold"): the county in at most 120 s and under 2 GB of memory.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCALES = {"county": ("140224", 1), "township": ("140224101", 3)}   # office code, default number of runs
COUNTY_BUDGET_S = 120.0
MEMORY_BUDGET_MB = 2048.0


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024   # bytes on macOS, KiB on Linux


def child(scale: str) -> None:
    """One run: fresh database, generate, print a JSON line with the figures."""
    from lingqiu_desktop.data import demo
    from lingqiu_desktop.data.database import migrate, open_database

    code = SCALES[scale][0]
    size = demo.COUNTY if scale == "county" else demo.TOWNSHIP
    with tempfile.TemporaryDirectory(prefix="lingqiu-bench-") as folder:
        path = Path(folder) / "office.sqlite3"
        db = open_database(path)
        migrate(db, path)
        start = time.perf_counter()
        counts = demo.generate(db, code, size, seed=1)
        seconds = time.perf_counter() - start
        db.conn.close()
        files = [path, path.with_name(path.name + "-wal")]
        size_mb = sum(f.stat().st_size for f in files if f.exists()) / 1e6
    print(json.dumps({"seconds": seconds, "rows": sum(counts.values()), "rss_mb": _peak_rss_mb(), "db_mb": size_mb,
                      "visits": counts.get("visit", 0)}))


def bench(scale: str, runs: int) -> dict[str, float]:
    results = []
    for i in range(runs):
        out = subprocess.run([sys.executable, __file__, "--child", scale], check=True, capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {scale} run {i + 1}/{runs}: {result['seconds']:.1f} s", flush=True)
        results.append(result)
    seconds = statistics.median(r["seconds"] for r in results)
    rows = results[0]["rows"]
    summary = {"seconds": seconds, "rows": rows, "rows_per_s": rows / seconds,
               "rss_mb": max(r["rss_mb"] for r in results), "db_mb": results[0]["db_mb"]}
    print(f"{scale}: median {seconds:.1f} s over {runs} run(s), {rows:,} rows, {rows / seconds:,.0f} rows/s, "
          f"peak RSS {summary['rss_mb']:.0f} MB, database {summary['db_mb']:.0f} MB", flush=True)
    return summary


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--child":
        child(argv[1])
        return 0
    scales = [argv[0]] if argv and argv[0] in SCALES else list(SCALES)
    runs = int(argv[1]) if len(argv) > 1 else None
    ok = True
    for scale in scales:
        summary = bench(scale, runs or SCALES[scale][1])
        if scale == "county" and summary["seconds"] > COUNTY_BUDGET_S:
            print(f"  over budget: {summary['seconds']:.1f} s > {COUNTY_BUDGET_S:.0f} s")
            ok = False
        if summary["rss_mb"] > MEMORY_BUDGET_MB:
            print(f"  over memory budget: {summary['rss_mb']:.0f} MB > {MEMORY_BUDGET_MB:.0f} MB")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
