"""Run by test_kill.py in a child process: apply one package to one database, then print "done".

With "--announce" it prints "writing <table>" after each table's rows went in (inside the import's transaction) and
dawdles a little, so the parent can kill it for certain in the middle of applying. Usage:
    python -m tests.exchange.kill_child DB PACKAGE [--announce]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.workbook import Workbook


def _announcing(write: Any) -> Any:
    def write_and_say(conn: Any, spec: partition.TableSpec, owner: str, cols: Any,
                      change: partition.TableChange, *rest: Any) -> None:
        write(conn, spec, owner, cols, change, *rest)
        if change.new or change.changed:
            print(f"writing {spec.name}", flush=True)
            time.sleep(0.05)
    return write_and_say


def main(argv: list[str]) -> int:
    db, package = Path(argv[0]), Path(argv[1])
    if "--announce" in argv:
        partition._write = _announcing(partition._write)
    with Workbook.open(db) as wb:
        print("opened", flush=True)
        result = wb.exchange.apply(package)
    print("done", result.status, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
