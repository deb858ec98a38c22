"""“1+3”考评: the monthly summary (月汇总分析), the quarterly circular (季点评通报) and the annual assessment
(年度考核评比), each a ranked table of units, the selected unit's indicators with how its score is made up, and the
charts beside them. At a township the units are its villages; at the county, the 12 townships (or a township's
villages). The joint meeting (联席会) has its own page.

The figures come from ReviewRepository (Engineer A's data/reviews.py); this page only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.scoring import ScoringError, completion
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.charts import IndicatorChart, RankingChart, TrendChart
from lingqiu_desktop.gui.printing import preview_document
from lingqiu_desktop.gui.review_widgets import (
    COUNTY_LEVEL,
    GREEN,
    GREY,
    RED,
    Col,
    PeriodPicker,
    RowsModel,
    ScopeBar,
    number,
    percent,
    signed,
    table_view,
    target_text,
    trend_arrow,
)

MAX_TREND_LINES = 8
MAX_RANKING_BARS = 30


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
    span = target_text(i.baseline, i.target, i.unit, i.direction)
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
        head.addWidget(self._print_button())
        layout.addLayout(head)
        layout.addWidget(QLabel(note, styleSheet="color: #555;"))
        layout.addWidget(self.tabs, 1)
        self.scope.changed.connect(self._scope_changed)
        self.tabs.currentChanged.connect(lambda _i: self._reload_if_stale())
        self.tabs.currentChanged.connect(lambda _i: self._update_print_button())
        self._reload_if_stale()
        self._update_print_button()

    # -- printing the quarterly circular -------------------------------------------------------------------------
    def _print_button(self) -> QPushButton:
        self.print_button = QPushButton("打印通报", objectName="printButton")
        self.print_button.clicked.connect(self.print_circular)
        action = QAction(self, shortcut=QKeySequence("Ctrl+P"))
        action.triggered.connect(self.print_circular)
        self.addAction(action)
        return self.print_button

    def circular_key(self) -> str:
        """Whose units the circular ranks: the county code for 县对乡, else the township ("" for 全县各村)."""
        return COUNTY_CODE if self.scope.level == COUNTY_LEVEL else self.scope.township_code

    def _update_print_button(self) -> None:
        quarter = self.tabs.currentWidget() is self.review_tabs["quarter"]
        key = self.circular_key()
        self.print_button.setEnabled(quarter and bool(key))
        if not quarter:
            tip = "通报按季度印发：请切换到“季点评通报”，选好季度后打印"
        elif not key:
            tip = "全县各村不出通报：请选择一个乡镇（乡对村），或改选县对乡"
        else:
            tip = "打印本季度的考核通报：排名及各单位得分明细（Ctrl+P）"
        self.print_button.setToolTip(tip)

    def print_circular(self) -> None:
        if self.print_button.isEnabled():
            period = self.review_tabs["quarter"].picker.period
            preview_document(self, self.workbook, "circular", self.circular_key(), period)

    def tab(self, kind: str) -> ReviewTab:
        return self.review_tabs[kind]

    def _scope_changed(self) -> None:
        for tab in self.review_tabs.values():
            tab.stale = True
        self._reload_if_stale()
        self._update_print_button()

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
