"""指标进度: a clerk copies the monthly figures of a letter's indicators from paper into a grid.

Choose the year, the level and the receiver (a village, or at the county a township), then one of its letters: the
letter's indicators are the rows and the twelve months the columns. Typing a number starts editing; Enter saves and
moves down to the next indicator (the paper lists them in a column per month), Tab saves and moves right, Esc
cancels, Delete clears a month. Each value is saved at once, in its own transaction.

Indicators counted from the records (脱贫户数, 走访次数, 培训人次 …) are read-only here: 重新计算 counts them again.
The last columns show, for the chosen month, the completion rate and the trend against last month; an indicator
whose completion trails the time elapsed (setting review.lag_threshold) is red, and so is a receiver with any.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.scoring import COMPUTED_SOURCES, ScoringError
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.progress import GridRow
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.review_widgets import (
    COUNTY_LEVEL,
    LAG_BACK,
    RED,
    ScopeBar,
    number,
    percent,
    target_text,
    trend_arrow,
    year_items,
)
from lingqiu_desktop.gui.widgets import fill_combo

COL_NAME, COL_UNIT, COL_TARGET, FIRST_MONTH = 0, 1, 2, 3
COL_RATE, COL_TREND = FIRST_MONTH + 12, FIRST_MONTH + 13
READ_ONLY = QColor("#eceef1")
CHOSEN_MONTH = QColor("#fff8e0")
KEY_HELP = ("直接输入数字即开始填写：回车 保存并下移　Tab 保存并右移　Esc 取消　Delete 清除该月　"
            "Ctrl+PgUp/PgDown 换月份　灰底格子不能填写（系统自动统计的指标，或还没到的月份）")
Index = QModelIndex | QPersistentModelIndex


@dataclass
class Line:
    """One row of the grid: an indicator with its recorded months, and whether this office may type into it."""

    row: GridRow
    editable: bool


class ProgressModel(QAbstractTableModel):
    """指标 / 单位 / 目标, the twelve months, then 完成率 and 趋势 for the chosen month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.year, self.month, self.working_month = 0, "", ""
        self.threshold = 0.8
        self.writer: Callable[[int, str, str], bool] = lambda _r, _m, _t: False
        self.rejected = False  # the last edit was refused: the view keeps the cursor on that cell

    def set_lines(self, lines: list[Line], year: int, month: str, working_month: str, threshold: float) -> None:
        same = [line.row.id for line in lines] == [line.row.id for line in self.lines] and year == self.year
        self.year, self.month, self.working_month, self.threshold = year, month, working_month, threshold
        if same:  # values typed: keep the cursor where the clerk is
            self.lines = lines
            if lines:
                self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, COL_TREND))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, FIRST_MONTH, COL_TREND)
            return
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def month_of(self, column: int) -> str:
        if not self.year or not FIRST_MONTH <= column < COL_RATE:
            return ""
        return f"{self.year}-{column - FIRST_MONTH + 1:02d}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COL_TREND + 1

    def can_type(self, line: Line, month: str) -> bool:
        return line.editable and not line.row.is_computed and bool(month) and month <= self.working_month

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.can_type(self.lines[index.row()], self.month_of(index.column())):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def lagging(self, line: Line) -> bool:
        return line.row.lagging_at(self.month, self.threshold)

    # -- cells -----------------------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        month = self.month_of(column)
        if month:
            return self._month_data(line, month, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if column == COL_NAME else (
                Qt.AlignmentFlag.AlignHCenter if column in (COL_UNIT, COL_TREND) else Qt.AlignmentFlag.AlignRight)
            return int((align | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.BackgroundRole and column in (COL_NAME, COL_RATE) and self.lagging(line):
            return QBrush(QColor(LAG_BACK))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return _indicator_tip(line.row)
        return self._fixed_data(line, column, role)

    def _fixed_data(self, line: Line, column: int, role: int) -> Any:
        ind = line.row.indicator
        if column == COL_TREND:
            previous = f"{self.year}-{int(self.month[5:]) - 1:02d}" if self.month[5:] != "01" else ""
            arrow, color = trend_arrow(line.row.completion_at(self.month),
                                       line.row.completion_at(previous) if previous else None)
            return arrow if role == Qt.ItemDataRole.DisplayRole else (
                QBrush(QColor(color)) if role == Qt.ItemDataRole.ForegroundRole else None)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return ind["name"] + ("（自动）" if line.row.is_computed else "")
            if column == COL_UNIT:
                return ind["unit"]
            if column == COL_TARGET:
                return number(ind["target"])
            return percent(line.row.completion_at(self.month))
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_NAME, COL_RATE) and self.lagging(line):
            return QBrush(QColor(RED))
        return None

    def _month_data(self, line: Line, month: str, role: int) -> Any:
        value = line.row.values.get(month)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return number(value) if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.can_type(line, month):
                return QBrush(READ_ONLY)
            return QBrush(CHOSEN_MONTH) if month == self.month else None
        if role == Qt.ItemDataRole.FontRole and month in line.row.computed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._month_tip(line, month, value)
        return None

    def _month_tip(self, line: Line, month: str, value: float | None) -> str:
        title = f"{line.row.indicator['name']}　{int(month[5:])}月"
        if value is None:
            carried = line.row.value_at(month)
            text = "未填报" + (f"，按此前最近一次数值 {number(carried)} 计算" if carried is not None else "")
        else:
            counted = "（系统统计）" if month in line.row.computed else ""
            text = f"{number(value)}{line.row.indicator['unit']}{counted}"
        note = line.row.notes.get(month, "")
        return "\n".join(t for t in (title, text, note) if t)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        month = self.month_of(index.column()) if index.isValid() else ""
        if role != Qt.ItemDataRole.EditRole or not month or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        line = self.lines[index.row()]
        old = line.row.values.get(month)
        text = str(value).strip()
        if text == (number(old) if old is not None else ""):
            self.rejected = False
            return False  # unchanged: nothing to save, no audit row
        self.rejected = not self.writer(index.row(), month, text)
        return not self.rejected

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= COL_TREND:
            return None
        month = self.month_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if month:
                return f"{int(month[5:])}月" + ("▼" if month == self.month else "")
            chosen = f"\n{int(self.month[5:])}月" if self.month else ""
            return ("指标", "单位", "目标")[section] if section < FIRST_MONTH else (
                "完成率" + chosen if section == COL_RATE else "趋势")
        if role == Qt.ItemDataRole.ToolTipRole and section in (COL_RATE, COL_TREND):
            return "所选月份的完成率；未填报的月份按此前最近一次数值计算" if section == COL_RATE else \
                "完成率与上月比较：↑ 上升　↓ 下降　— 持平或上月无数据"
        return None


def _indicator_tip(row: GridRow) -> str:
    i = row.indicator
    label = COMPUTED_SOURCES.get(i["source"], i["source"])
    source = f"系统自动统计：{label}" if row.is_computed else "每月手工填报"
    span = target_text(i["baseline"], i["target"], i["unit"], i["direction"])
    return f"{i['name']}\n{span}\n权重 {number(i['weight'])}　{source}"


def _letter_text(letter: dict[str, Any]) -> str:
    """The letter's title without its year (chosen above): "脱贫攻坚军令状", "产业扶贫专项目标责任书"."""
    title = str(letter["title"] or letter["kind"])
    for prefix in (f"{letter['year']}年度", f"{letter['year']}年"):
        title = title.removeprefix(prefix)
    return title if letter["kind"] in title else f"{letter['kind']}：{title}"


class ProgressGrid(QTableView):
    """Spreadsheet keys: typing edits, Enter saves and goes down, Tab saves and goes right within the months."""

    clearRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, model: ProgressModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("progressGrid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)  # Tab moves between months; Ctrl+Tab leaves the grid
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.setStyleSheet("QTableView#progressGrid { selection-background-color: #9cc0f0; }")

    def size_columns(self) -> None:
        em = self.fontMetrics().horizontalAdvance("中")
        header = 2 * self.fontMetrics().height() + 12
        self.horizontalHeader().setFixedHeight(header)
        widths = {COL_UNIT: 3 * em + 8, COL_TARGET: 4 * em + 8, COL_RATE: 4 * em + 14, COL_TREND: 2 * em + 12}
        for column in range(1, COL_TREND + 1):
            self.setColumnWidth(column, widths.get(column, 4 * em))
        self.horizontalHeader().setMinimumSectionSize(2 * em)

    def _model(self) -> ProgressModel:
        return self.model()  # type: ignore[return-value]

    def move_to(self, row: int, column: int) -> None:
        if 0 <= row < self._model().rowCount():
            self.setCurrentIndex(self._model().index(row, column))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            # with an editor open, the editor's Enter arrives here too; closeEditor() then moves down, once
            if self.state() != QAbstractItemView.State.EditingState:
                self.move_to(index.row() + 1, index.column())
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clearRequested.emit()
        else:
            super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        rejected = self._model().rejected
        self._model().rejected = False
        if rejected:  # a refused value: stay on the cell so the clerk can type it again
            hint = QAbstractItemDelegate.EndEditHint.NoHint
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if enter else hint)
        if enter:
            index = self.currentIndex()
            self.move_to(index.row() + 1, index.column())

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab walk the month columns row by row (not the name, target and rate columns)."""
        index, model = self.currentIndex(), self._model()
        step = {QAbstractItemView.CursorAction.MoveNext: 1, QAbstractItemView.CursorAction.MovePrevious: -1}
        if action not in step or not index.isValid():
            return super().moveCursor(action, modifiers)
        # from the name column Tab goes to January, from the rate column to the next row's January
        n = index.row() * 12 + min(max(index.column() - FIRST_MONTH, -1), 12) + step[action]
        if not 0 <= n < model.rowCount() * 12:
            return index  # type: ignore[return-value]
        return model.index(n // 12, FIRST_MONTH + n % 12)


class ProgressPage(QWidget):
    """Year, level, receiver and letter above the grid; the receiver's score and lag in a line over it."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        today = workbook.today()
        self.working_month = f"{today.year}-{today.month:02d}"
        self.letters: list[dict[str, Any]] = []
        self.units: dict[str, Any] = {}   # receiver code → its UnitScore for the chosen month
        self._counted: dict[str, dict[str, float]] = {}   # computed indicator → month → count from the records
        self.model = ProgressModel(self)
        self.model.writer = self.save_value
        self.grid = ProgressGrid(self.model)
        self.grid.clearRequested.connect(self.clear_selected)
        self.scope = ScopeBar(workbook)
        self._build()
        self.scope.changed.connect(self._fill_receivers)
        self._fill_receivers()

    # -- building --------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("指标进度登记", objectName="pageTitle"))
        layout.addLayout(self._filters())
        self.summary_label = QLabel(objectName="summaryLabel", wordWrap=True)
        self.note_label = QLabel(objectName="readOnlyNote", wordWrap=True)
        self.note_label.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px;")
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        bar = QHBoxLayout()
        self.refresh_button = QPushButton("重新计算(&R)", objectName="refreshButton",
                                          toolTip="按走访、培训、考勤、农户等记录重新统计“自动”指标，从1月到所选月份")
        self.refresh_button.clicked.connect(self.refresh_computed)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        # coloured squares rather than tinted spaces: a pale tint on the pale page is invisible
        square = "<span style='color:{};font-size:15pt'>■</span>"
        bar.addWidget(QLabel(f"{square.format('#f0d98a')}所选月份　{square.format('#c9ccd2')}不能填写　"
                             f"{square.format('#f3b2ae')}<span style='color:{RED}'>滞后</span>："
                             "完成率低于时间进度　↑↓ 与上月比较"))
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        self.message_label = QLabel(objectName="messageLabel", wordWrap=True)
        layout.addWidget(self.message_label)
        layout.addWidget(QLabel(KEY_HELP, objectName="keyHelp", wordWrap=True, styleSheet="color: #555;"))
        chain = [self.year_combo, self.scope.level_combo, self.scope.township_combo, self.receiver_combo,
                 self.letter_combo, self.month_combo, self.grid]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.year_combo = QComboBox(objectName="yearCombo")
        fill_combo(self.year_combo, year_items(self.workbook.today()))  # type: ignore[arg-type]
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.workbook.today().year))
        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.receiver_combo = QComboBox(objectName="receiverCombo", minimumContentsLength=11)
        self.receiver_combo.currentIndexChanged.connect(lambda _i: self._fill_letters())
        self.letter_combo = QComboBox(objectName="letterCombo", minimumContentsLength=10)
        self.letter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.month_combo = QComboBox(objectName="monthCombo")
        fill_combo(self.month_combo, [(m, f"{m}月") for m in range(1, 13)])  # type: ignore[arg-type]
        self.month_combo.setCurrentIndex(self.workbook.today().month - 1)
        self.month_combo.currentIndexChanged.connect(lambda _i: self._month_changed())
        for label, widget in (("年度(&Y)", self.year_combo), ("", self.scope), ("对象(&D)", self.receiver_combo),
                              ("责任书(&B)", self.letter_combo), ("月份(&M)", self.month_combo)):
            if label:
                bar.addWidget(QLabel(label, buddy=widget))
            bar.addWidget(widget)
        for text, step, keys in (("上月", -1, "Ctrl+PgUp"), ("下月", 1, "Ctrl+PgDown")):
            button = QPushButton(text, toolTip=f"{text}（{keys}）", focusPolicy=Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, step=step: self.step_month(step))
            action = QAction(self, shortcut=QKeySequence(keys))
            action.triggered.connect(lambda _c=False, step=step: self.step_month(step))
            self.addAction(action)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    # -- choosing --------------------------------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    @property
    def month(self) -> str:
        return f"{self.year}-{int(self.month_combo.currentData()):02d}"

    def _year_changed(self) -> None:
        # a past year opens on December, the working year on the working month
        today = self.workbook.today()
        self.month_combo.blockSignals(True)
        self.month_combo.setCurrentIndex(today.month - 1 if self.year == today.year else
                                         11 if self.year < today.year else 0)
        self.month_combo.blockSignals(False)
        self._fill_receivers()

    def _month_changed(self) -> None:
        self._load_units()
        self._mark_receivers()
        self.reload()

    def step_month(self, step: int) -> None:
        index = self.month_combo.currentIndex() + step
        if 0 <= index < 12:
            self.month_combo.setCurrentIndex(index)

    def set_receiver(self, code: str, letter_id: str = "") -> None:
        self.receiver_combo.setCurrentIndex(max(0, self.receiver_combo.findData(code)))
        if letter_id:
            self.letter_combo.setCurrentIndex(max(0, self.letter_combo.findData(letter_id)))

    def refresh_on_show(self) -> None:
        """Shown again from the sidebar: letters may have been added meanwhile; keep the clerk's place."""
        code, letter_id = self.receiver_combo.currentData() or "", self.letter_combo.currentData() or ""
        self._fill_receivers()
        self.set_receiver(code, letter_id)

    def _fill_receivers(self) -> None:
        self.letters = list(self.workbook.letters.letters_for(self.scope.level, self.year, self.scope.township_code))
        receivers = dict((str(x["receiver_code"]), str(x["receiver_name"])) for x in self.letters)
        self._load_units()
        fill_combo(self.receiver_combo, sorted(receivers.items()))
        self._mark_receivers()
        self._fill_letters()

    def _load_units(self) -> None:
        try:
            summary = self.workbook.reviews.monthly_summary(self.scope.level, self.month, self.scope.township_code)
        except (ValidationError, ScoringError) as exc:
            summary = []
            self._say(str(exc), error=True)
        self.units = {u.code: u for u in summary}

    def _mark_receivers(self) -> None:
        """A receiver with lagging indicators this month reads red in the list, with how many."""
        for i in range(self.receiver_combo.count()):
            code = self.receiver_combo.itemData(i)
            unit = self.units.get(code)
            name = next(str(x["receiver_name"]) for x in self.letters if x["receiver_code"] == code)
            lagging = getattr(unit, "lagging", 0)
            self.receiver_combo.setItemText(i, f"{name}（滞后{lagging}项）" if lagging else name)
            self.receiver_combo.setItemData(i, QBrush(QColor(RED)) if lagging else None,
                                            Qt.ItemDataRole.ForegroundRole)

    def _fill_letters(self) -> None:
        code = self.receiver_combo.currentData() or ""
        mine = [x for x in self.letters if x["receiver_code"] == code]
        fill_combo(self.letter_combo, [(str(x["id"]), _letter_text(x)) for x in mine])
        self.reload(reset_cursor=True)

    # -- loading ---------------------------------------------------------------------------------------------------
    def current_letter(self) -> dict[str, Any] | None:
        letter_id = self.letter_combo.currentData()
        return next((x for x in self.letters if x["id"] == letter_id), None)

    def can_write(self, letter: dict[str, Any]) -> bool:
        """As ProgressRepository decides: the issuing or the receiving office (or the letter's owner)."""
        return self.workbook.office_code in (letter["owner"], letter["issuer_code"], letter["receiver_code"])

    def reload(self, reset_cursor: bool = False) -> None:
        letter = self.current_letter()
        threshold = float(self.workbook.settings.get("review.lag_threshold", 0.8))
        rows = [] if letter is None else self.workbook.progress.grid(letter["id"], self.year)
        if reset_cursor or any(row.id not in self._counted for row in rows if row.is_computed):
            self._count(rows)
        for row in rows:
            if row.is_computed:  # the reviews count these live from the records: show what they count
                row.values.update(self._counted[row.id])
                row.computed.update(self._counted[row.id])
        lines = [Line(row, self.can_write(letter)) for row in rows] if letter else []
        self.model.set_lines(lines, self.year, self.month, self.working_month, threshold)
        self._show_summary(letter, lines)
        has_computed = any(line.row.is_computed for line in lines)
        self.refresh_button.setEnabled(bool(letter) and has_computed and self.can_write(letter or {}))
        if reset_cursor:
            self.grid.size_columns()
            column = FIRST_MONTH + int(self.month[5:]) - 1
            self.grid.move_to(0, column)

    def _count(self, rows: list[GridRow]) -> None:
        """Count the computed indicators for every month of the year so far (once per letter, and on 重新计算)."""
        months = [m for m in (f"{self.year}-{n:02d}" for n in range(1, 13)) if m <= self.working_month]
        self._counted = {row.id: {m: v for m in months if (v := self.workbook.progress.compute(row.id, m)) is not None}
                         for row in rows if row.is_computed}

    def _show_summary(self, letter: dict[str, Any] | None, lines: list[Line]) -> None:
        if letter is None:
            what = "村" if self.scope.level != COUNTY_LEVEL else "乡镇"
            self.summary_label.setText(f"{self.year}年还没有{self.scope.level}的责任书，没有要登记的{what}。")
            self.note_label.hide()
            return
        unit = self.units.get(letter["receiver_code"])
        count = sum(1 for x in self.letters if x["receiver_code"] == letter["receiver_code"])
        lagging = sum(1 for line in lines if self.model.lagging(line))
        month = f"{int(self.month[5:])}月"
        score = (f"{month}全部{count}份责任书加权得分 <b>{unit.score:.2f}</b>分，第{unit.rank}名" if unit else
                 f"{month}还没有得分")
        lag = f"<b style='color:{RED}'>本责任书{lagging}项指标滞后</b>" if lagging else "本责任书没有滞后指标"
        self.summary_label.setText(f"<b>{letter['receiver_name']}</b>　{letter['title']}（{letter['status']}）　"
                                   f"{len(lines)}项指标　{score}；{lag}")
        self.note_label.setVisible(not self.can_write(letter))
        self.note_label.setText(f"这份责任书由{letter['issuer_name']}签发给{letter['receiver_name']}，"
                                "进度由签发或接收的单位登记，这里只能查看。")

    # -- writing ---------------------------------------------------------------------------------------------------
    def save_value(self, row: int, month: str, text: str) -> bool:
        line = self.model.lines[row]
        where = f"{line.row.indicator['name']} {int(month[5:])}月"
        try:
            if text:
                self.workbook.progress.set_value(line.row.id, month, text)
            else:
                self.workbook.progress.delete_value(line.row.id, month)
        except (ValidationError, NotOwnedError) as exc:
            self._say(f"{where}没有保存——{exc}", error=True)
            return False
        self._after_write(f"已保存：{where} {text}{line.row.indicator['unit']}" if text else f"已清除：{where}")
        return True

    def clear_selected(self) -> None:
        indexes = self.grid.selectionModel().selectedIndexes() or [self.grid.currentIndex()]
        cells = [(self.model.lines[i.row()], self.model.month_of(i.column())) for i in indexes if i.isValid()]
        cells = [(line, m) for line, m in cells if self.model.can_type(line, m) and m in line.row.values]
        if not cells:
            self._say("所选格子没有可清除的数值。", error=True)
            return
        try:
            with self.workbook.store.transaction():
                for line, month in cells:
                    self.workbook.progress.delete_value(line.row.id, month)
        except (ValidationError, NotOwnedError) as exc:
            self._say(str(exc), error=True)
            return
        self._after_write(f"已清除{len(cells)}格。")

    def refresh_computed(self) -> None:
        letter = self.current_letter()
        if letter is None:
            return
        last = min(self.month, self.working_month)
        months = [f"{self.year}-{m:02d}" for m in range(1, int(last[5:]) + 1)] if last[:4] == str(self.year) else []
        try:
            with self.workbook.store.transaction():
                changed = sum(self.workbook.progress.refresh_computed(letter["id"], m) for m in months)
        except (ValidationError, NotOwnedError) as exc:
            self._say(str(exc), error=True)
            return
        self._counted.clear()  # count again from the records
        self._after_write(f"已重新统计自动指标（1月至{int(last[5:])}月），更新{changed}个数值。" if months
                          else "所选年度还没开始，没有可统计的月份。")

    def _after_write(self, message: str) -> None:
        self._load_units()
        self._mark_receivers()
        self.reload()
        self._say(message)

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {RED if error else '#2e7d32'};")
        self.message_label.setText(text)

