"""The main window: a header with the office, a sidebar of the built sections, and the pages."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop import APP_NAME, __version__

from lingqiu_desktop.workbook import Workbook

# (title, "module:Class" under gui/pages): only sections that are built appear. A page's module is imported and
# the page created when it is first shown, which keeps start-up short.
SECTIONS: list[tuple[str, str]] = [
    ("工作台", "dashboard:DashboardPage"),
    ("走访记录", "visits:VisitsPage"),
    ("贫困户", "households:HouseholdsPage"),
    ("村庄", "villages:VillagesPage"),
    ("驻村工作队", "teams:TeamsPage"),
    ("驻村考勤", "attendance:AttendancePage"),
    ("培训", "trainings:TrainingsPage"),
    ("年度考核", "assessments:AssessmentsPage"),
    ("目标责任书", "letters:LettersPage"),
    ("指标进度", "progress:ProgressPage"),
    ("考核通报", "reviews:ReviewsPage"),
    ("工作例会", "board:BoardPage"),
    ("联席会与例会", "meetings:MeetingsPage"),
    ("人员", "people:PeoplePage"),
    ("打印中心", "print_center:PrintCenterPage"),
    ("数据交换", "exchange:ExchangePage"),
    ("系统设置", "settings:SettingsPage"),
]


def load_page(spec: str, workbook: Workbook) -> QWidget:
    module_name, class_name = spec.split(":")
    module = importlib.import_module(f"lingqiu_desktop.gui.pages.{module_name}")
    page: QWidget = getattr(module, class_name)(workbook)
    return page


class MainWindow(QMainWindow):
    def __init__(self, workbook: Workbook) -> None:
        super().__init__()
        self.workbook = workbook
        self.setWindowTitle(f"{APP_NAME} — {workbook.office_name}")
        self.resize(1280, 720)
        self.setMinimumSize(1024, 600)
        self._pages: dict[int, QWidget] = {}
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(150)
        self.stack = QStackedWidget()
        for index, (title, _factory) in enumerate(SECTIONS):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title}（Ctrl+{index + 1}）" if index < 9 else title)
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())
        self.sidebar.currentRowChanged.connect(self.show_section)
        self.setCentralWidget(self._central())
        self._menus()
        where = "县级" if workbook.is_county else "乡镇"
        self.statusBar().showMessage(f"{where}：{workbook.office_name}（{workbook.office_code}）    "
                                     f"操作员：{workbook.store.user_name}    数据库：{workbook.path}")
        self.sidebar.setCurrentRow(0)

    def _central(self) -> QWidget:
        header = QWidget(objectName="headerBar")
        header.setFixedHeight(52)
        row = QHBoxLayout(header)
        row.setContentsMargins(18, 0, 18, 0)
        row.addWidget(QLabel(APP_NAME, objectName="headerTitle"))
        row.addStretch(1)
        row.addWidget(QLabel(f"{self.workbook.office_name}（{self.workbook.office_code}）", objectName="headerOffice"))
        body = QWidget()
        split = QHBoxLayout(body)
        split.setContentsMargins(0, 0, 0, 0)
        split.setSpacing(0)
        split.addWidget(self.sidebar)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(14, 8, 14, 8)
        inner.addWidget(self.stack)
        split.addWidget(content, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(body, 1)
        return central

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        quit_action = QAction("退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("转到(&G)")
        for index, (title, _f) in enumerate(SECTIONS):
            action = QAction(title, self)
            if index < 9:  # Ctrl+1 … Ctrl+9; the rest are reached from the sidebar or this menu
                action.setShortcut(f"Ctrl+{index + 1}")
            action.triggered.connect(lambda _c=False, i=index: self.sidebar.setCurrentRow(i))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于(&A)", self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def show_section(self, index: int) -> None:
        if index < 0:
            return
        if index not in self._pages:
            page = load_page(SECTIONS[index][1], self.workbook)
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self._pages[index] = page
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.open_section)
        elif self.stack.currentIndex() != index:
            refresh = getattr(self._pages[index], "refresh_on_show", None)
            if refresh is not None:  # pages whose figures other pages change read them again when revisited
                refresh()
        self.stack.setCurrentIndex(index)

    def open_section(self, title: str, preset: dict[str, object]) -> None:
        """Open a section with a filter preset (a dashboard card's 查看全部); pages that know presets apply it."""
        titles = [t for t, _s in SECTIONS]
        if title not in titles:
            return
        page = self.page(title)
        apply = getattr(page, "apply_preset", None)
        if apply is not None:
            apply(preset)

    def page(self, title: str) -> QWidget:
        """The page of a section, created if needed (tests and shortcuts use it)."""
        index = [t for t, _f in SECTIONS].index(title)
        self.sidebar.setCurrentRow(index)
        return self._pages[index]

    def about(self) -> None:
        QMessageBox.about(self, "关于", f"<b>{APP_NAME}</b><br>版本 {__version__}<br><br>"
                          f"本单位：{self.workbook.office_name}（{self.workbook.office_code}）<br>"
                          f"数据库：{self.workbook.path}<br><br>离线运行，不连接任何网络。")
