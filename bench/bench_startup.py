"""Start-up: process start → main window shown, on the county demo database; and the GUI's peak memory.

Usage: python bench/bench_startup.py [RUNS]   (offscreen; set QT_QPA_PLATFORM=xcb under Xvfb for a real X server)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, county_db


def one_run(db: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe"
        env = {**os.environ, "LINGQIU_STARTUP_PROBE": str(probe), "LINGQIU_DATA_DIR": tmp}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        start = time.time()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db)], env=env, check=True, timeout=60)
        shown, peak_kb = probe.read_text().split()
        return (float(shown) - start) * 1000, int(peak_kb) / 1024


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    db = county_db()
    one_run(db)  # warm the page cache, as a PC that has run the program before
    results = [one_run(db) for _ in range(runs)]
    times = [r[0] for r in results]
    memory = [r[1] for r in results]
    print(f"启动到主窗口显示（全县数据库）   中位数 {statistics.median(times):7.0f} ms  目标 ≤ 1500 ms   "
          f"[{', '.join(f'{t:.0f}' for t in times)}]")
    print(f"图形界面峰值内存（启动后）       中位数 {statistics.median(memory):7.0f} MB  目标 ≤ 400 MB    "
          f"[{', '.join(f'{m:.0f}' for m in memory)}]")


if __name__ == "__main__":
    main()
