"""make bench: every benchmark in turn; each prints medians of several runs (figures, never assertions)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("bench_demo.py", "bench_startup.py", "bench_lists.py", "bench_visits.py", "bench_attendance.py",
               "bench_reviews.py", "bench_printing.py", "bench_exchange.py"):
    print(f"\n== {script} ==", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], cwd=HERE, check=False)
