"""`card`, `export` and `import` as a clerk or a script runs them: real processes, a real round trip on USB."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import run

from lingqiu_desktop.data import demo

from lingqiu_desktop.workbook import Workbook


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("exchange")
    town, county = folder / "town.sqlite3", folder / "county.sqlite3"
    with Workbook.create(town, "140224101") as wb:
        demo.generate(wb.db, wb.office_code, demo.TOWNSHIP.scaled(0.01), seed=5)
    Workbook.create(county, "140224").close()
    return {"town": str(town), "county": str(county), "dir": str(folder)}


def _cards(offices: dict[str, str]) -> None:
    for me, other in (("town", "county"), ("county", "town")):
        card = Path(offices["dir"]) / f"{me}.card"
        result = run("--db", offices[me], "card", "export", "--out", str(card))
        assert result.returncode == 0, result.stderr
        assert "指纹" in result.stdout
        result = run("--db", offices[other], "card", "import", str(card))
        assert result.returncode == 0, result.stderr


def test_round_trip_up_and_receipt_back(offices: dict[str, str], tmp_path: Path) -> None:
    _cards(offices)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = run("--db", offices["town"], "export", "--to", str(usb))
    assert result.returncode == 0, result.stderr
    package = Path(result.stdout.splitlines()[0])
    assert package.is_file() and package.parent == usb
    dry = run("--db", offices["county"], "import", str(package), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "新增" in dry.stdout and "走访" in dry.stdout
    applied = run("--db", offices["county"], "import", str(package))
    assert applied.returncode == 0, applied.stderr
    again = run("--db", offices["county"], "import", str(package))
    assert again.returncode == 0 and "不会有任何改变" in again.stdout
    receipts = list(usb.glob("*.lqrcpt"))
    assert len(receipts) == 1
    back = run("--db", offices["town"], "import", str(receipts[0]))
    assert back.returncode == 0, back.stderr
    with Workbook.open(Path(offices["town"])) as wb:
        assert wb.db.execute("SELECT received_at FROM export_log").fetchone()[0]


def test_a_tampered_package_is_refused_with_exit_2(offices: dict[str, str], tmp_path: Path) -> None:
    _cards(offices)
    result = run("--db", offices["town"], "export", "--to", str(tmp_path))
    package = Path(result.stdout.splitlines()[0])
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "bad.lqpkg"
    bad.write_bytes(bytes(data))
    refused = run("--db", offices["county"], "import", str(bad))
    assert refused.returncode == 2
    assert "已拒绝" in refused.stdout and "Traceback" not in refused.stderr


def test_replacing_a_pinned_card_needs_replace(offices: dict[str, str], tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    Workbook.create(other, "140224101").close()          # the same township code, a new key (a reinstalled PC)
    card = tmp_path / "other.card"
    assert run("--db", str(other), "card", "export", "--out", str(card)).returncode == 0
    _cards(offices)
    refused = run("--db", offices["county"], "card", "import", str(card))
    assert refused.returncode == 2 and "确认" in refused.stderr     # names both fingerprints, asks to confirm
    replaced = run("--db", offices["county"], "card", "import", str(card), "--replace")
    assert replaced.returncode == 0 and "已替换" in replaced.stdout
    with Workbook.open(Path(offices["county"])) as wb:
        assert wb.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'office_card'").fetchone()[0] >= 2
    # put the real card back for the other tests
    back = run("--db", offices["county"], "card", "import", str(Path(offices["dir"]) / "town.card"), "--replace")
    assert back.returncode == 0


def test_several_packages_at_once_after_one_backup(offices: dict[str, str], tmp_path: Path) -> None:
    """The county imports every file on the stick in one command: new ones applied, one already there, a damaged
    one refused with its reason while the others go on; exit 2 because one was refused."""
    _cards(offices)
    usb = tmp_path / "usb"
    usb.mkdir()
    other = tmp_path / "other.sqlite3"
    with Workbook.create(other, "140224102") as wb:
        demo.generate(wb.db, wb.office_code, demo.TOWNSHIP.scaled(0.005), seed=6)
        with Workbook.open(Path(offices["county"])) as county:
            county.exchange.import_card(wb.exchange.my_card())
            wb.exchange.import_card(county.exchange.my_card())
        second = wb.exchange.export(None, usb)[0].path
    first = Path(run("--db", offices["town"], "export", "--to", str(usb)).stdout.splitlines()[0])
    assert run("--db", offices["county"], "import", str(first)).returncode == 0
    damaged = usb / "坏的.lqpkg"
    damaged.write_bytes(second.read_bytes()[:-100])
    backups = Path(offices["county"]).parent / "backups"
    before = len(list(backups.glob("*"))) if backups.exists() else 0
    result = run("--db", offices["county"], "import", str(first), str(second), str(damaged))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "已经导入过" in result.stdout and "已导入上寨镇" in result.stdout and "已拒绝：文件不完整" in result.stdout
    assert "共 3 个文件：2 个已导入或已存在，1 个被拒绝" in result.stdout
    assert len(list(backups.glob("*"))) == before + 1
    with Workbook.open(Path(offices["county"])) as wb:
        assert wb.db.execute("SELECT COUNT(*) FROM household WHERE owner = '140224102'").fetchone()[0] > 0
