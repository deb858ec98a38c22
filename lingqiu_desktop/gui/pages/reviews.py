"""“1+3”考评: the monthly summary (月汇总分析), the quarterly circular (季点评通报) and the annual assessment
(年度考核评比), each a ranked table of units, the selected unit's indicators with how its score is made up, and the
charts beside them. At a township the units are its villages; at the county, the 12 townships (or a township's
villages). The joint meeting (联席会) has its own page.

The figures come from ReviewRepository (Engineer A's data/reviews.py); this page only lays them out.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.scoring import ScoringError, completion
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.charts import IndicatorChart, RankingChart, TrendChart
from lingqiu_desktop.gui.widgets import fill_combo

COUNTY_LEVEL, TOWNSHIP_LEVEL = "县对乡", "乡对村"
RED, GREEN, GREY = "#c62828", "#2e7d32", "#777777"
LAG_BACK = "#fde2e1"
MAX_TREND_LINES = 8
MAX_RANKING_BARS = 30
Index = QModelIndex | QPersistentModelIndex


# -- formatting shared with the progress page ----------------------------------------------------------------------
def number(value: float | None, digits: int = 2) -> str:
    """1200.0 → "1200", 0.35 → "0.35": no trailing zeros, nothing for None."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None) -> str:
    return "未填报" if value is None else f"{value * 100:.1f}%"


def trend_arrow(current: float | None, previous: float | None) -> tuple[str, str]:
    """↑/↓/— and its colour, comparing completions (so a falling value of a lower-is-better indicator reads ↑)."""
    if current is None or previous is None or abs(current - previous) < 1e-9:
        return "—", GREY
    return ("↑", GREEN) if current > previous else ("↓", RED)


def signed(value: float | None) -> tuple[str, str]:
    if value is None:
        return "—", GREY
    if abs(value) < 0.005:
        return "持平", GREY
    return (f"+{value:.2f}", GREEN) if value > 0 else (f"{value:.2f}", RED)


# -- a table model over plain rows ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Col:
    title: str
    text: Callable[[Any], str]
    width: int = 70
    align: str = "right"
    color: Callable[[Any], str] | None = None   # text colour of a cell, "" for the default
    tip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """Read-only rows (UnitScore or IndicatorScore) under columns; a row may be flagged (lagging: red tint)."""

    def __init__(self, columns: Sequence[Col], flagged: Callable[[Any], bool] = lambda _r: False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.flagged = flagged
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flag = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter}.get(
                column.align, Qt.AlignmentFlag.AlignRight)
            return int((flag | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.BackgroundRole and self.flagged(row):
            return QBrush(QColor(LAG_BACK))
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None


def table_view(model: RowsModel, name: str, multi: bool = False) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(model.columns):
        view.setColumnWidth(i, column.width)
    return view


# -- choosing the scope and the period -----------------------------------------------------------------------------
class ScopeBar(QWidget):
    """Which units: 县对乡 (the 12 townships) or 乡对村 (a township's villages; at the county, which township)."""

    changed = Signal()

    def __init__(self, workbook: Workbook, all_villages: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.level_combo = QComboBox(objectName="levelCombo")
        levels = [(TOWNSHIP_LEVEL, "乡对村（各村）"), (COUNTY_LEVEL, "县对乡（各乡镇）")]
        fill_combo(self.level_combo, levels[::-1] if workbook.is_county else levels)
        self.township_combo = QComboBox(objectName="townshipCombo")
        fill_combo(self.township_combo, workbook.townships(), all_villages if workbook.is_county else None)
        self.township_label = QLabel("乡镇(&X)", buddy=self.township_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("层级(&L)", buddy=self.level_combo))
        layout.addWidget(self.level_combo)
        layout.addWidget(self.township_label)
        layout.addWidget(self.township_combo)
        self.level_combo.currentIndexChanged.connect(self._level_changed)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._show_township()

    @property
    def level(self) -> str:
        return str(self.level_combo.currentData())

    @property
    def township_code(self) -> str:
        """The township whose villages are ranked; "" for 县对乡 (and for 全县各村 at the county)."""
        if self.level == COUNTY_LEVEL:
            return ""
        return str(self.township_combo.currentData() or "") if self.workbook.is_county else self.workbook.office_code

    def set_scope(self, level: str, township_code: str = "") -> None:
        self.township_combo.blockSignals(True)
        if township_code:
            self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(township_code)))
        self.township_combo.blockSignals(False)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        self.changed.emit()

    def _level_changed(self) -> None:
        self._show_township()
        self.changed.emit()

    def _show_township(self) -> None:
        visible = self.workbook.is_county and self.level == TOWNSHIP_LEVEL
        self.township_label.setVisible(visible)
        self.township_combo.setVisible(visible)


def year_items(today: date) -> list[tuple[int, str]]:
    """Four years back (the letters of finished years are still looked at) and the next (drafted in advance)."""
    return [(y, f"{y}年") for y in range(today.year - 4, today.year + 2)]


class PeriodPicker(QWidget):
    """A year and, for kind "month" or "quarter", a month or quarter of it; step() goes back or on."""

    changed = Signal()

    def __init__(self, kind: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.year_combo = QComboBox(objectName="yearCombo")
        fill_combo(self.year_combo, year_items(today))  # type: ignore[arg-type]
        self.part_combo = QComboBox(objectName="partCombo", visible=kind != "year")
        parts = [(m, f"{m}月") for m in range(1, 13)] if kind == "month" else \
            [(q, f"第{'一二三四'[q - 1]}季度") for q in range(1, 5)]
        fill_combo(self.part_combo, parts)  # type: ignore[arg-type]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = {"month": "月份(&M)", "quarter": "季度(&Q)", "year": "年度(&Y)"}[kind]
        layout.addWidget(QLabel(label, buddy=self.year_combo))
        layout.addWidget(self.year_combo)
        layout.addWidget(self.part_combo)
        self.set_period(default_period(kind, today))
        for combo in (self.year_combo, self.part_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def add_step_keys(self, owner: QWidget) -> None:
        """Ctrl+PgUp / Ctrl+PgDown step the period from anywhere inside ``owner`` (the tab, not just the picker)."""
        for keys, step in (("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):
            action = QAction(owner, shortcut=QKeySequence(keys),
                             shortcutContext=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, step=step: self.step(step))
            owner.addAction(action)

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    @property
    def period(self) -> str:
        part = self.part_combo.currentData()
        return {"month": f"{self.year}-{part:02d}", "quarter": f"{self.year}Q{part}"}.get(self.kind, str(self.year))

    def set_period(self, period: str) -> None:
        year, part = int(period[:4]), int(period[5:]) if len(period) > 4 else 0
        for combo, data in ((self.year_combo, year), (self.part_combo, part)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self.changed.emit()

    def step(self, step: int) -> None:
        if self.kind == "year":
            index = self.year_combo.currentIndex() + step
            if 0 <= index < self.year_combo.count():
                self.year_combo.setCurrentIndex(index)
            return
        count = self.part_combo.count()
        n = self.year_combo.currentIndex() * count + self.part_combo.currentIndex() + step
        if not 0 <= n < self.year_combo.count() * count:
            return
        year, part = self.year_combo.itemData(n // count), n % count + 1
        self.set_period(f"{year}-{part:02d}" if self.kind == "month" else f"{year}Q{part}")


def default_period(kind: str, today: date) -> str:
    """The working month; the last quarter that has ended (a circular reviews a finished quarter); the year."""
    if kind == "month":
        return f"{today.year}-{today.month:02d}"
    if kind == "quarter":
        quarter = (today.month - 1) // 3 + 1
        month_end = today.day == calendar.monthrange(today.year, today.month)[1]
        ended = quarter if today.month % 3 == 0 and month_end else quarter - 1
        return f"{today.year}Q{ended}" if ended else f"{today.year - 1}Q4"
    return str(today.year)


# -- the three reviews ---------------------------------------------------------------------------------------------
KINDS = {"month": "月汇总分析", "quarter": "季点评通报", "year": "年度考核评比"}
CHANGE = {"month": "较上月", "quarter": "较上季"}
END_VALUE = {"month": "本月值", "quarter": "季末值", "year": "年末值"}


def unit_columns(kind: str) -> list[Col]:
    columns = [
        Col("名次", lambda u: str(u.rank), 46, "center"),
        Col("单位", lambda u: u.name, 110, "left", color=lambda u: RED if u.lagging else "",
            tip=lambda u: f"{u.name}（{u.code}）" + (f"：{u.lagging}项指标滞后" if u.lagging else "")),
        Col("加权得分", lambda u: f"{u.score:.2f}", 76),
    ]
    if kind == "year":
        columns.append(Col("评定等次", lambda u: u.rating or "", 72, "center",
                           color=lambda u: RED if u.rating == "不合格" else ""))
    else:
        columns.append(Col(CHANGE[kind], lambda u: signed(u.change)[0], 64, color=lambda u: signed(u.change)[1]))
    columns.append(Col("滞后指标", lambda u: f"{u.lagging}项" if u.lagging else "—", 64, "center",
                       color=lambda u: RED if u.lagging else GREY))
    return columns


def _state(i: Any) -> tuple[str, str]:
    if i.completion is None:
        return "未填报", RED
    return ("滞后", RED) if i.lagging else ("正常", GREEN)


def carried_from(i: Any, end_month: str) -> str:
    """The month a value was carried from ("" when it was recorded in the period's last month)."""
    month = getattr(i, "value_month", "") or ""
    return month if i.value is not None and month and month != end_month else ""


def _previous_completion(i: Any) -> float | None:
    try:
        return completion(i.baseline, i.target, i.previous_value, i.direction)
    except ScoringError:
        return None


def _indicator_tip(i: Any) -> str:
    better = "越高越好" if i.direction == "higher" else "越低越好"
    span = f"基数 {number(i.baseline)}{i.unit}　目标 {number(i.target)}{i.unit}（{better}）"
    return f"{i.name}\n{span}　权重 {number(i.weight)}" + (f"\n{i.note}" if i.note else "")


def _formula(i: Any, cap: float) -> str:
    counted = 0.0 if i.completion is None else max(0.0, min(cap, i.completion))
    capped = "（封顶）" if i.completion is not None and i.completion > cap else ""
    return f"权重 {number(i.weight)} × 完成率 {counted * 100:.1f}%{capped} ÷ 权重合计 × 100 = {i.score_part:.2f}分"


def indicator_columns(kind: str, cap: float, end_month: Callable[[], str]) -> list[Col]:
    """The indicator table of a review; ``end_month`` gives the period's last month (values from earlier: *)."""
    def carried(i: Any) -> str:
        return carried_from(i, end_month())

    columns = [
        Col("指标", lambda i: i.name, 150, "left", tip=_indicator_tip),
        Col("目标", lambda i: number(i.target) + i.unit, 70),
        Col(END_VALUE[kind], lambda i: "未填报" if i.value is None else number(i.value) + ("*" if carried(i) else ""),
            70, color=lambda i: RED if i.value is None else (GREY if carried(i) else ""),
            tip=lambda i: f"本期未填报，沿用{int(carried(i)[5:])}月的数值（标*）" if carried(i) else ""),
    ]
    if kind == "month":
        columns.append(Col("上月值", lambda i: number(i.previous_value) or "—", 64))
    columns.append(Col("完成率", lambda i: percent(i.completion), 70, color=lambda i: RED if i.lagging else ""))
    if kind == "month":
        arrow = lambda i: trend_arrow(i.completion, _previous_completion(i))  # noqa: E731
        columns.append(Col("趋势", lambda i: arrow(i)[0], 44, "center", color=lambda i: arrow(i)[1]))
    else:
        columns.append(Col("权重", lambda i: number(i.weight), 50))
        columns.append(Col("得分", lambda i: f"{i.score_part:.2f}", 60, tip=lambda i: _formula(i, cap)))
    columns.append(Col("状态", lambda i: _state(i)[0], 56, "center", color=lambda i: _state(i)[1]))
    return columns


class ChartPanel(QTabWidget):
    """The three charts beside the tables: the ranking, the selected unit's indicators, the monthly trend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartTabs")
        self.ranking, self.indicators, self.trend = RankingChart(), IndicatorChart(), TrendChart()
        self.addTab(self.ranking, "排名图")
        self.addTab(self.indicators, "指标完成图")
        self.addTab(self.trend, "月度走势图")

    def show_ranking(self, units: Sequence[Any], title: str) -> None:
        scores = [(u.name, u.score) for u in units]
        if len(scores) > MAX_RANKING_BARS:  # a county-wide list of villages: the head and the tail are what matter
            half = MAX_RANKING_BARS // 2
            scores, title = scores[:half] + scores[-half:], f"{title}（前{half}名与后{half}名）"
        self.ranking.set_scores(scores, title)


class ReviewTab(QWidget):
    """One review: its period, the ranked units, the selected unit's indicators and the charts."""

    def __init__(self, workbook: Workbook, kind: str, scope: ScopeBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook, self.kind, self.scope = workbook, kind, scope
        self.cap = float(workbook.settings.get("review.score_cap", 1.0))
        self.stale = True
        self._trend_cache: dict[tuple[str, int, str], dict[str, list[float | None]]] = {}
        self.picker = PeriodPicker(kind, workbook.today())
        self.picker.changed.connect(self.reload)
        self.picker.add_step_keys(self)
        # a unit is flagged by its red name and count, not a tinted row: in a lagging month most units have one
        self.units_model = RowsModel(unit_columns(kind), parent=self)
        self.units_view = table_view(self.units_model, f"{kind}Units", multi=True)
        self.units_view.selectionModel().selectionChanged.connect(self._selection_changed)
        columns = indicator_columns(kind, self.cap, self.end_month)
        self.indicators_model = RowsModel(columns, lambda i: bool(i.lagging), self)
        self.indicators_view = table_view(self.indicators_model, f"{kind}Indicators")
        self.charts = ChartPanel()
        self.summary_label = QLabel(objectName="summaryLabel", wordWrap=True)
        self.unit_label = QLabel(objectName="unitLabel", wordWrap=True)
        self.formula_label = QLabel(objectName="formulaLabel", wordWrap=True, styleSheet="color: #555;")
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.summary_label, 1)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.unit_label)
        column.addWidget(self.indicators_view, 1)
        column.addWidget(self.formula_label)
        # units above the selected unit's indicators; the clerk drags the line to see more of either
        left = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        left.addWidget(self.units_view)
        left.addWidget(detail)
        left.setSizes([250, 330])
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.picker.year_combo, self.picker.part_combo)
        self.setTabOrder(self.picker.part_combo, self.units_view)
        self.setTabOrder(self.units_view, self.indicators_view)

    # -- loading ---------------------------------------------------------------------------------------------------
    def fetch(self) -> list[Any]:
        reviews, level, township = self.workbook.reviews, self.scope.level, self.scope.township_code
        period = self.picker.period
        if self.kind == "month":
            return list(reviews.monthly_summary(level, period, township))
        if self.kind == "quarter":
            return list(reviews.quarterly(level, period, township))
        return list(reviews.annual(level, int(period), township))

    def reload(self) -> None:
        self.stale = False
        self._trend_cache.clear()
        current = self.current_unit()
        try:
            units = self.fetch()
        except (ValidationError, ScoringError) as exc:
            units = []
            self.summary_label.setText(f"<span style='color:{RED}'>{exc}</span>")
        else:
            self.summary_label.setText(self._summary(units))
        self.units_model.set_rows(units)
        self.charts.show_ranking(units, f"{self._period_text()}得分排名")
        codes = [u.code for u in units]
        row = codes.index(current.code) if current is not None and current.code in codes else 0
        if units:
            self.units_view.selectRow(row)
        else:
            self._show_unit(None)
            self.charts.trend.set_trends([])

    def end_month(self) -> str:
        period = self.picker.period
        if self.kind == "month":
            return period
        return f"{period[:4]}-{3 * int(period[5]):02d}" if self.kind == "quarter" else f"{period}-12"

    def _period_text(self) -> str:
        period = self.picker.period
        if self.kind == "month":
            return f"{period[:4]}年{int(period[5:])}月"
        if self.kind == "quarter":
            return f"{period[:4]}年第{'一二三四'[int(period[5]) - 1]}季度"
        return f"{period}年度"

    def _summary(self, units: Sequence[Any]) -> str:
        what = "各乡镇" if self.scope.level == COUNTY_LEVEL else "各村"
        if not units:
            return f"{self._period_text()}：{what}还没有{self.scope.level}责任书的指标，无法排名。"
        lagging = sum(1 for u in units if u.lagging)
        flagged = f"，<b style='color:{RED}'>{lagging}个单位有滞后指标</b>（标红）" if lagging else "，没有滞后指标"
        return f"{self._period_text()}　{what}共{len(units)}个单位参加排名{flagged}。"

    # -- the selected unit -----------------------------------------------------------------------------------------
    def current_unit(self) -> Any | None:
        index = self.units_view.currentIndex()
        rows = self.units_model.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def selected_units(self) -> list[Any]:
        rows = sorted({i.row() for i in self.units_view.selectionModel().selectedRows()})
        return [self.units_model.rows[r] for r in rows if r < len(self.units_model.rows)]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_unit(self.current_unit())
        self._show_trend(self.selected_units() or ([self.current_unit()] if self.current_unit() else []))

    def _show_unit(self, unit: Any | None) -> None:
        if unit is None:
            self.indicators_model.set_rows([])
            self.unit_label.setText("")
            self.formula_label.setText("")
            self.charts.indicators.set_indicators([])
            return
        self.indicators_model.set_rows(unit.indicators)
        lag = f"，<span style='color:{RED}'>滞后{unit.lagging}项</span>" if unit.lagging else ""
        rating = f"，评定为<b>{unit.rating}</b>" if self.kind == "year" and unit.rating else ""
        self.unit_label.setText(f"<b>{unit.name}</b>　第{unit.rank}名，加权得分 <b>{unit.score:.2f}</b>分"
                                f"{rating}，共{len(unit.indicators)}项指标{lag}")
        if self.kind == "month":
            self.formula_label.setText("趋势按完成率与上月比较：↑ 上升　↓ 下降　— 持平或无上月数据。"
                                       "完成率低于时间进度×滞后线的指标标红。")
        else:
            total = sum(i.score_part for i in unit.indicators)
            self.formula_label.setText(
                f"每项得分 = 权重 × 完成率（最高按{self.cap * 100:.0f}%计，未填报按0计）÷ 权重合计 × 100；"
                f"各项得分合计 {total:.2f} 分。把鼠标停在得分上可看算式。")
        self.charts.indicators.set_indicators(
            [(i.name, i.completion, bool(i.lagging)) for i in unit.indicators],
            f"{unit.name}　指标完成率（{self._period_text()}）")

    def _show_trend(self, units: Sequence[Any]) -> None:
        key = (self.scope.level, self.picker.year, self.scope.township_code)
        if key not in self._trend_cache:
            self._trend_cache[key] = self.workbook.reviews.ranking_trend(*key)
        trend = self._trend_cache[key]
        lines = [(u.name, trend.get(u.code, [None] * 12)) for u in units[:MAX_TREND_LINES]]
        self.charts.trend.set_trends(lines, f"{self.picker.year}年月度得分走势（按住Ctrl点选多个单位比较）")


class ReviewsPage(QWidget):
    """考评（1+3）: the scope above three tabs; each tab reloads when it is shown after the scope changed."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.scope = ScopeBar(workbook, all_villages="全县各村")
        self.tabs = QTabWidget(objectName="reviewTabs")
        self.review_tabs = {kind: ReviewTab(workbook, kind, self.scope) for kind in KINDS}
        for kind, tab in self.review_tabs.items():
            self.tabs.addTab(tab, KINDS[kind])
        note = "本级考评排的是：" + ("县对乡——12个乡镇；乡对村——所选乡镇的各村" if workbook.is_county
                               else "乡对村——本乡镇各村；县对乡——全县12个乡镇（县指挥中心下发的数据）")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel("考核评比（1+3）", objectName="pageTitle"))
        head.addSpacing(16)
        head.addWidget(self.scope)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(QLabel(note, styleSheet="color: #555;"))
        layout.addWidget(self.tabs, 1)
        self.scope.changed.connect(self._scope_changed)
        self.tabs.currentChanged.connect(lambda _i: self._reload_if_stale())
        self._reload_if_stale()

    def tab(self, kind: str) -> ReviewTab:
        return self.review_tabs[kind]

    def _scope_changed(self) -> None:
        for tab in self.review_tabs.values():
            tab.stale = True
        self._reload_if_stale()

    def refresh_on_show(self) -> None:
        """Shown again from the sidebar: progress may have been typed meanwhile, so every tab reads afresh."""
        self._scope_changed()

    def _reload_if_stale(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ReviewTab) and tab.stale:
            tab.reload()

    def apply_preset(self, preset: dict[str, Any]) -> None:
        """Open a review at a period: {"kind": "quarter", "period": "2018Q2", "level": ..., "township": ...}."""
        if "level" in preset:
            self.scope.set_scope(preset["level"], preset.get("township", ""))
        kind = preset.get("kind", "month")
        self.tabs.setCurrentWidget(self.review_tabs[kind])
        if "period" in preset:
            self.review_tabs[kind].picker.set_period(str(preset["period"]))
