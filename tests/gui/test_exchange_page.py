"""数据交换 page, driven like a clerk: office cards exported and imported after comparing fingerprints (a replaced key
only with the ticked confirmation), a package exported to a folder by the worker thread with its export log row and
cover sheet, the county's dry run and import of it (and the receipt back at the township), a tampered package
refused in red with nothing changed, and the county's list of townships with a stale one in red."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from tests.gui.modal import in_modal, show
from tests.helpers import add_household, add_village

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.partition import content_hash
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.exchange_cards import ReplaceCardDialog
from lingqiu_desktop.gui.exchange_import import BAD_FRAME
from lingqiu_desktop.gui.exchange_status import STALE_BACKGROUND
from lingqiu_desktop.gui.exchange_worker import looks_removable
from lingqiu_desktop.gui.pages.exchange import ExchangePage
from lingqiu_desktop.gui.printing import PreviewDialog

TOWNSHIP = "140224101"
LEFT = Qt.MouseButton.LeftButton


def open_page(qtbot, workbook: Workbook, tab: str) -> ExchangePage:
    page = ExchangePage(workbook)
    page.resize(1166, 668)
    show(qtbot, page)
    page.tabs.setCurrentWidget(getattr(page, tab))
    return page


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, LEFT)


def button(dialog: QWidget, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "").startswith(text)]
    assert found, f"no button {text}"
    return found[0]


def pair(workbook: Workbook, county: Workbook) -> None:
    """Both sides hold the other's card (the GUI way is tested below)."""
    workbook.exchange.import_card(county.exchange.my_card())
    county.exchange.import_card(workbook.exchange.my_card())


def some_records(workbook: Workbook) -> None:
    village = add_village(workbook)
    add_household(workbook, village["id"], "张先云")
    add_household(workbook, village["id"], "李月娥")


def rows(wb: Workbook, table: str, owner: str = TOWNSHIP) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table} WHERE owner = ?", [owner]).fetchone()[0]


def table_text(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


# -- cards -------------------------------------------------------------------------------------------------------------
def test_cards_are_exported_and_pinned_after_the_fingerprint_is_confirmed(
        qtbot, workbook: Workbook, county: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    town_page = open_page(qtbot, workbook, "cards")
    fingerprint = town_page.cards.own_fingerprint.text()
    assert len(fingerprint) == 19 and fingerprint.count("-") == 3
    target = tmp_path / "东河南镇名片"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    click(qtbot, town_page.cards.export_button)
    card_file = target.with_name("东河南镇名片.lqcard")
    assert card_file.exists() and fingerprint in town_page.cards.message.text()

    county_page = open_page(qtbot, county, "cards")
    choose_file(monkeypatch, card_file)
    shown: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog.text())
        click(qtbot, button(dialog, "取消"))

    in_modal(qtbot, lambda: click(qtbot, county_page.cards.import_button), cancel)
    assert fingerprint in shown[0] and "东河南镇（140224101）" in shown[0]
    assert county.exchange.cards() == [] and county_page.cards.message.text() == "没有导入名片。"

    in_modal(qtbot, lambda: click(qtbot, county_page.cards.import_button),
             lambda dialog: click(qtbot, button(dialog, "指纹一致，登记")))
    assert [c.fingerprint for c in county.exchange.cards()] == [fingerprint]
    listed = {r[1]: r for r in table_text(county_page.cards.table)}
    assert listed[TOWNSHIP][2] == fingerprint and listed[TOWNSHIP][4] == "—"
    assert listed["140224102"][2] == "未登记"                 # the other 11 townships are listed as missing
    assert len(listed) == 12


def test_replacing_a_pinned_card_needs_the_ticked_confirmation(
        qtbot, workbook: Workbook, county: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    county.exchange.import_card(workbook.exchange.my_card())
    old = county.exchange.cards()[0].fingerprint
    with Workbook.create(tmp_path / "reinstalled.sqlite3", TOWNSHIP) as reinstalled:   # same office, new keys
        new_card = reinstalled.exchange.my_card()
    card_file = tmp_path / "new.lqcard"
    card_file.write_bytes(new_card)
    page = open_page(qtbot, county, "cards")
    choose_file(monkeypatch, card_file)
    seen: list[tuple[str, str, bool]] = []

    def refuse(dialog: QWidget) -> None:
        assert isinstance(dialog, ReplaceCardDialog)
        seen.append((dialog.old.text(), dialog.new.text(), dialog.replace_button.isEnabled()))
        click(qtbot, button(dialog, "不更换"))

    in_modal(qtbot, lambda: click(qtbot, page.cards.import_button), refuse)
    new = seen[0][1]
    assert seen == [(old, new, False)] and new != old
    assert county.exchange.cards()[0].fingerprint == old
    assert "已登记的名片保持不变" in page.cards.message.text()

    def confirm(dialog: QWidget) -> None:
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)         # the box must be ticked first
        click(qtbot, dialog.replace_button)

    in_modal(qtbot, lambda: click(qtbot, page.cards.import_button), confirm)
    card = county.exchange.cards()[0]
    assert card.fingerprint == new and card.replaced_at
    assert county.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'office_card' AND action = 'update'"
                             ).fetchone()[0] == 1
    row = next(r for r in table_text(page.cards.table) if r[1] == TOWNSHIP)
    assert row[2] == new and row[4] != "—"


# -- export ------------------------------------------------------------------------------------------------------------
def export_by_gui(qtbot, page: ExchangePage, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    click(qtbot, page.export.folder_button)
    assert page.export.target() == (folder, "")
    click(qtbot, page.export.export_button)
    qtbot.waitUntil(lambda: not page.export.runner.busy(), timeout=30_000)


def test_export_to_a_folder_writes_a_package_a_log_row_and_prints_the_cover_sheet(
        qtbot, workbook: Workbook, county: Workbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, workbook, "export")
    assert "尚未登记灵丘县的名片" in page.export.recipient_hint.text()
    export_by_gui(qtbot, page, tmp_path / "stick", monkeypatch)
    assert "没有导出：" in page.export.status.text() and "灵丘县" in page.export.status.text()
    assert workbook.exchange.exports() == []

    pair(workbook, county)
    some_records(workbook)
    page.tabs.setCurrentWidget(page.status)
    page.tabs.setCurrentWidget(page.export)                     # coming back re-reads the cards
    assert page.export.recipient_hint.isHidden()
    export_by_gui(qtbot, page, tmp_path / "stick", monkeypatch)
    packages = list((tmp_path / "stick").glob("*.lqpkg"))
    assert len(packages) == 1
    [logged] = workbook.exchange.exports()
    assert logged["recipient"] == "140224" and logged["sequence"] == 1 and logged["path"] == str(packages[0])
    assert "导出完成：共1个数据包" in page.export.status.text()
    assert table_text(page.export.table)[0][:2] == ["灵丘县", "第1号"]

    click(qtbot, page.export.print_button)
    qtbot.waitUntil(lambda: any(isinstance(w, PreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible())
    assert preview.title == "东河南镇数据移交清单（第1号）" and preview.page_count() == 1
    preview.reject()

    page.tabs.setCurrentWidget(page.status)
    [row] = table_text(page.status.table)
    assert row[1:3] == ["灵丘县", "第1号"] and row[-1] == "未回执"
    assert not page.status.print_button.isEnabled()
    page.status.table.selectRow(0)
    click(qtbot, page.status.print_button)                     # the same sheet again, from the log
    qtbot.waitUntil(lambda: any(isinstance(w, PreviewDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible())
    assert preview.title == "东河南镇数据移交清单（第1号）"
    preview.reject()


# -- import ------------------------------------------------------------------------------------------------------------
@pytest.fixture
def package(workbook: Workbook, county: Workbook, tmp_path: Path) -> Path:
    pair(workbook, county)
    some_records(workbook)
    stick = tmp_path / "stick"
    stick.mkdir()
    return workbook.exchange.export(None, stick)[0].path


def open_package(qtbot, page: ExchangePage, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(monkeypatch, path)
    click(qtbot, page.imports.open_button)
    qtbot.waitUntil(lambda: not page.imports.runner.busy(), timeout=30_000)


def test_the_county_sees_the_dry_run_then_imports_and_the_township_imports_the_receipt(
        qtbot, workbook: Workbook, county: Workbook, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, county, "imports")
    open_package(qtbot, page, package, monkeypatch)
    plan = {r[0]: r[1:] for r in table_text(page.imports.table)}
    assert plan["村庄"] == ["1", "0", "0", "0"]
    assert plan["贫困户"] == ["2", "0", "0", "0"] and plan["家庭成员"] == ["2", "0", "0", "0"]
    assert "检查通过，可以导入" in page.imports.verdict_label.text()
    assert "发送单位：东河南镇（140224101）" in page.imports.info.text() and "第1号" in page.imports.info.text()
    assert rows(county, "household") == 0                      # the dry run wrote nothing

    click(qtbot, page.imports.apply_button)
    qtbot.waitUntil(lambda: not page.imports.runner.busy(), timeout=30_000)
    assert "导入完成" in page.imports.verdict_label.text() and "回执已写入" in page.imports.verdict_label.text()
    assert rows(county, "household") == 2 and rows(county, "village") == 1
    receipts = list(package.parent.glob("*.lqrcpt"))
    assert len(receipts) == 1

    open_package(qtbot, page, package, monkeypatch)             # the same package again
    assert "已经导入过" in page.imports.verdict_label.text() and not page.imports.apply_button.isEnabled()

    town = open_page(qtbot, workbook, "imports")
    open_package(qtbot, town, receipts[0], monkeypatch)
    assert town.imports.apply_button.text().replace("&", "") == "导入回执(A)"
    click(qtbot, town.imports.apply_button)
    qtbot.waitUntil(lambda: not town.imports.runner.busy(), timeout=30_000)
    assert "回执已导入" in town.imports.verdict_label.text()
    town.tabs.setCurrentWidget(town.status)
    assert table_text(town.status.table)[0][-1].startswith("已回执")


def test_a_tampered_package_is_refused_in_red_and_nothing_changes(
        qtbot, county: Workbook, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = package.with_name("改过的.lqpkg")              # on the same stick, beside the good one
    tampered.write_bytes(bytes(data))
    before = content_hash(county.db)
    page = open_page(qtbot, county, "imports")
    open_package(qtbot, page, package, monkeypatch)
    assert "检查通过" in page.imports.verdict_label.text()
    files = page.imports.files
    names = [files.item(r).data(Qt.ItemDataRole.UserRole) for r in range(files.count())]
    assert sorted(names) == sorted([str(package), str(tampered)])
    files.setFocus()
    other = Qt.Key.Key_Down if files.currentRow() == 0 else Qt.Key.Key_Up
    qtbot.keyClick(files, other)                                # the clerk arrows to the other file
    qtbot.waitUntil(lambda: page.imports.verdict_label.text().startswith("不能导入"), timeout=30_000)
    qtbot.waitUntil(lambda: not page.imports.runner.busy())
    text = page.imports.verdict_label.text()
    assert text.startswith("不能导入：签名不对") and "没有写入任何数据" in text
    assert page.imports.verdict.styleSheet() == BAD_FRAME and "#b71c1c" in page.imports.verdict_label.styleSheet()
    assert not page.imports.apply_button.isEnabled() and page.imports.table.isHidden()
    assert content_hash(county.db) == before


def second_township(county: Workbook, folder: Path) -> Path:
    """上寨镇 with a village and a household, paired with the county; its package on the same stick."""
    with Workbook.create(folder / "shangzhai.sqlite3", "140224102") as other:
        pair(other, county)
        village = add_village(other)
        add_household(other, village["id"], "王金花")
        return other.exchange.export(None, folder)[0].path


def test_the_county_imports_every_package_on_the_stick_at_once(
        qtbot, county: Workbook, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    second = second_township(county, package.parent)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    package.with_name("改过的.lqpkg").write_bytes(bytes(data))
    county.exchange.apply(package)                               # one of them was imported before
    page = open_page(qtbot, county, "imports")
    open_package(qtbot, page, package, monkeypatch)              # the stick's folder is listed now
    assert len(page.imports.listed_packages()) == 3
    asked: list[str] = []

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        click(qtbot, button(dialog, "全部导入"))

    in_modal(qtbot, lambda: click(qtbot, page.imports.all_button), confirm)
    assert "3 个数据包" in asked[0] and "只备份一次" in asked[0]
    qtbot.waitUntil(lambda: not page.imports.runner.busy(), timeout=60_000)
    text = page.imports.verdict_label.text()
    assert "导入 1 个数据包，已导入过（跳过）1 个，拒绝 1 个" in text, text
    assert "改过的.lqpkg：签名不对" in text and page.imports.verdict.styleSheet() == BAD_FRAME
    assert rows(county, "household", "140224102") == 1 and rows(county, "household") == 2
    plan = {r[0]: r[1:] for r in table_text(page.imports.table)}
    assert plan["贫困户"] == ["1", "0", "0", "0"]
    assert list(package.parent.glob(f"{second.stem}*.lqrcpt"))   # the receipt beside the new one
    assert page.imports.cancel_button.isHidden() and page.imports.all_button.isEnabled()


def test_cancelling_an_import_rolls_the_package_back_whole(
        qtbot, county: Workbook, package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """取消 clicked while the worker is between tables: villages and households are already written inside the
    import's transaction; all of it is rolled back."""
    page = open_page(qtbot, county, "imports")
    open_package(qtbot, page, package, monkeypatch)
    panel = page.imports
    gate, held = threading.Event(), []
    write = partition._write

    def hold_after_households(conn: Any, spec: partition.TableSpec, *args: Any) -> None:
        write(conn, spec, *args)
        if spec.name == "household" and not held:         # the worker waits here until the clerk has clicked
            held.append(spec.name)
            gate.wait(20)

    monkeypatch.setattr(partition, "_write", hold_after_households)
    click(qtbot, panel.apply_button)
    qtbot.waitUntil(lambda: bool(held) and panel.cancel_button.isVisible(), timeout=30_000)
    click(qtbot, panel.cancel_button)
    assert panel.verdict_label.text().startswith("正在取消")
    gate.set()
    qtbot.waitUntil(lambda: not panel.runner.busy(), timeout=30_000)
    assert panel.verdict_label.text().startswith("导入已取消") and "整体撤回" in panel.verdict_label.text()
    assert rows(county, "household") == 0 and rows(county, "village") == 0
    assert county.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0] == 0
    assert panel.cancel_button.isHidden()


# -- county status -----------------------------------------------------------------------------------------------------
def test_the_county_status_marks_a_township_silent_for_over_a_week_red(
        qtbot, county: Workbook, package: Path) -> None:
    county.exchange.apply(package)
    today = date.today()
    county.settings.set(REFERENCE_DATE_KEY, (today + timedelta(days=3)).isoformat())
    page = open_page(qtbot, county, "status")
    listed = {r[0]: r for r in table_text(page.status.table)}
    assert len(listed) == 12
    assert listed["东河南镇"][1] == "第1号" and listed["东河南镇"][4:] == ["3天", "正常"]
    assert listed["上寨镇"][5] == "从未报送"
    town_row = [r[0] for r in table_text(page.status.table)].index("东河南镇")
    assert page.status.table.item(town_row, 0).background().color() != STALE_BACKGROUND

    county.settings.set(REFERENCE_DATE_KEY, (today + timedelta(days=8)).isoformat())
    click(qtbot, page.status.refresh_button)
    row = table_text(page.status.table)[town_row]
    assert row[4:] == ["8天", "超过7天未报送"]
    assert page.status.table.item(town_row, 0).background().color() == STALE_BACKGROUND
    assert "12个乡镇超过7天未报送" in page.status.summary.text()


# -- drives ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("root", "ready", "read_only", "platform", "removable"), [
    ("/media/clerk/KINGSTON", True, False, "linux", True),
    ("/run/media/clerk/U盘", True, False, "linux", True),
    ("/mnt/usb", True, False, "linux", True),
    ("/", True, False, "linux", False),
    ("/home", True, False, "linux", False),
    ("/media/clerk/CDROM", True, True, "linux", False),
    ("/media/clerk/gone", False, False, "linux", False),
    ("E:/", True, False, "win32", True),
    ("C:/", True, False, "win32", False),
    ("D:/mounted/folder", True, False, "win32", False),
])
def test_which_drives_look_removable(root: str, ready: bool, read_only: bool, platform: str,
                                     removable: bool) -> None:
    system = {"/", "C:/"}
    assert looks_removable(root, ready=ready, read_only=read_only, platform=platform, system=system) is removable
