"""An import killed half-way (SIGKILL to a child process applying a package) leaves the county's database sound and
holding either the whole old partition of that township or the whole new one, never a mixture."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.exchange.offices import CODES, county, swap_cards, township, usb

from lingqiu_desktop.data.database import integrity_problems

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.workbook import Workbook

ROOT = Path(__file__).resolve().parents[2]
TOWN = CODES[4]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


@dataclass
class Stage:
    folder: Path
    county_path: Path
    county_first: Path       # the county with the first package applied
    first: Path              # the township's first package
    second: Path             # its second: a quarter of the visits gone, others changed, new ones
    hashes: dict[str, str]   # partition hash of the township: "empty", "first", "second"


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Stage:
    folder = tmp_path_factory.mktemp("kill")
    hub = county(folder)
    town = township(folder, TOWN, seed=11, factor=0.1)
    swap_cards(hub, town)
    hashes = {"empty": partition.content_hash(hub.db, TOWN)}
    first = town.exchange.export(None, usb(folder))[0].path
    hashes["first"] = partition.content_hash(town.db, TOWN)
    with town.db.atomic():
        town.db.execute("DELETE FROM visit_visitor WHERE visit_id IN (SELECT id FROM visit WHERE rowid % 4 = 0)")
        town.db.execute("DELETE FROM visit WHERE rowid % 4 = 0")
        town.db.execute("UPDATE visit SET situation = situation || '（已复查）' WHERE rowid % 4 = 1")
        town.db.execute("UPDATE household SET remarks = '2018年复核' WHERE rowid % 2 = 0")
    town.store.insert("person", {"name": "孙立新"})
    second = town.exchange.export(None, usb(folder))[0].path
    hashes["second"] = partition.content_hash(town.db, TOWN)
    path = hub.path
    assert path is not None
    hub.close()
    town.close()
    with_first = _copy(path, folder / "county-first.sqlite3")
    with Workbook.open(with_first) as copy:
        assert copy.exchange.apply(first).status == "applied"
    return Stage(folder, path, with_first, first, second, hashes)


def _copy(source: Path, target: Path) -> Path:
    with Workbook.open(source) as wb:
        wb.db.conn.execute("VACUUM INTO ?", [str(target)])
    return target


def _child(db: Path, package: Path, announce: bool) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "tests.exchange.kill_child", str(db), str(package)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([*args, *(["--announce"] if announce else [])], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    child.stderr.close()


def _state(stage: Stage, db: Path) -> str:
    """Which whole partition the database holds now (after checking it is sound)."""
    with Workbook.open(db) as wb:
        assert integrity_problems(wb.db) == []
        found = partition.content_hash(wb.db, TOWN)
    names = [name for name, value in stage.hashes.items() if value == found]
    assert names, "the township's partition is a mixture of two packages"
    return names[0]


@pytest.mark.parametrize(("before", "package"), [(None, "first"), ("first", "second")],
                         ids=["first import", "replacing a partition"])
def test_killed_while_applying_leaves_the_old_partition(stage: Stage, tmp_path: Path, before: str | None,
                                                        package: str) -> None:
    db = _copy(stage.county_first if before else stage.county_path, tmp_path / "county.sqlite3")
    child = _child(db, getattr(stage, package), announce=True)
    assert child.stdout is not None
    lines = []
    while not (line := child.stdout.readline()).startswith("writing"):
        lines.append(line)
        assert line, f"the child ended before applying: {lines} {child.stderr.read() if child.stderr else ''}"
    _kill(child)
    assert _state(stage, db) == (before or "empty")
    # and the same package applies cleanly afterwards
    with Workbook.open(db) as wb:
        assert wb.exchange.apply(getattr(stage, package)).status == "applied"
    assert _state(stage, db) == package


@pytest.mark.parametrize("delay", [0.0, 0.2, 0.4, 0.6, 0.9])
def test_killed_at_any_moment_leaves_one_whole_partition(stage: Stage, tmp_path: Path, delay: float) -> None:
    """No hook: killed some time after the child opened the database (applying takes about a second here)."""
    db = _copy(stage.county_first, tmp_path / "county.sqlite3")
    child = _child(db, stage.second, announce=False)
    assert child.stdout is not None and child.stdout.readline().startswith("opened")
    time.sleep(delay)
    finished = child.poll() is not None
    _kill(child)
    state = _state(stage, db)
    assert state in {"first", "second"}
    if finished:
        assert state == "second"
