"""Starting the GUI: Chinese translations, the bundled CJK font, the style sheet, the office database."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from lingqiu_desktop import APP_ID, APP_NAME
from lingqiu_desktop.paths import default_db_path, resource_path

from lingqiu_desktop.data.database import DatabaseError

from lingqiu_desktop.workbook import NotInitialisedError, Workbook

from lingqiu_desktop.gui.main_window import MainWindow
from lingqiu_desktop.gui.setup_wizard import SetupWizard

_translators: list[QTranslator] = []


def _message_handler(_mode: object, _context: object, message: str) -> None:
    if "propagateSizeHints" not in message:  # offscreen platform noise
        sys.stderr.write(message + "\n")


def setup_application(app: QApplication) -> None:
    """Chinese for Qt's own dialogs, the bundled font as the CJK fallback, readable type, the style sheet."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for folder in (str(resource_path("translations")), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translator = QTranslator(app)
        if translator.load("qtbase_zh_CN", folder):
            app.installTranslator(translator)
            _translators.append(translator)
            break
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(app.font())
    font.setPointSizeF(10.5)
    if families:
        font.setFamilies([families[0], *[f for f in font.families() if f != families[0]]])
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(resource_path("qss", "app.qss").read_text(encoding="utf-8"))


def _db_arg(argv: Sequence[str]) -> Path | None:
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--db" and i + 1 < len(args):
            return Path(args[i + 1])
        if arg.startswith("--db="):
            return Path(arg[5:])
    return None


def open_workbook(path: Path, parent: QWidget | None = None) -> Workbook | None:
    """The office database; the set-up wizard on first run. None when the user cancels or it cannot open."""
    try:
        return Workbook.open(path)
    except NotInitialisedError:
        wizard = SetupWizard(path, parent)
        return wizard.workbook if wizard.exec() else None
    except DatabaseError as exc:
        QMessageBox.critical(parent, "无法打开数据库", str(exc))
        return None


def _startup_probe(window: MainWindow) -> None:
    """LINGQIU_STARTUP_PROBE=file: write when the window was shown and the peak memory, then quit (bench_startup)."""
    probe = os.environ.get("LINGQIU_STARTUP_PROBE")
    if probe:
        def done() -> None:
            import resource

            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            Path(probe).write_text(f"{time.time()} {peak_kb}\n", encoding="utf-8")
            QApplication.quit()
        QTimer.singleShot(0, done)


def run_gui(argv: Sequence[str]) -> int:
    qInstallMessageHandler(_message_handler)
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-platform")]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    setup_application(app)  # type: ignore[arg-type]
    workbook = open_workbook(_db_arg(argv) or default_db_path())
    if workbook is None:
        return 0
    window = MainWindow(workbook)
    window.setGeometry(app.primaryScreen().availableGeometry())  # where no window manager maximises
    window.showMaximized()  # a 1366×768 office PC needs every pixel
    _startup_probe(window)
    try:
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        workbook.close()
