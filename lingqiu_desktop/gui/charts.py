"""Charts for the "1+3" reviews, drawn with QtCharts: who ranks where, how far each indicator has come, how the
scores moved month by month.

Each chart takes plain Python values (names and numbers), never a repository or a dataclass of the data layer, so
the pages decide what to show and a chart can be drawn from a test. Every text uses the application's font (the
bundled CJK font), because QtCharts otherwise picks its own and Chinese labels come out as boxes on a bare PC.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

BLUE = QColor("#3b73c4")
RED = QColor("#c62828")
GREEN = QColor("#2e7d32")
GREY = QColor("#555555")
GRID = QColor("#e3e6ea")
# distinct, print-friendly line colours for the trend chart (the first is the app's blue)
LINE_COLORS = ("#3b73c4", "#c62828", "#2e7d32", "#ef8f00", "#7b1fa2", "#00838f", "#6d4c41", "#c2185b")
NAME_CHARS = 10  # longer indicator names are shortened on the axis; the tooltip of the table shows them whole


def app_font(delta: float = 0.0, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    if delta:
        font.setPointSizeF(max(6.0, font.pointSizeF() + delta))
    font.setBold(bold)
    return font


def short_name(name: str, limit: int = NAME_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class ReviewChart(QChartView):
    """The common frame: antialiased, no animation (a redraw must be instant), the app's fonts, a quiet style.

    The axes are made once and kept: only the series and the axes' contents change on a redraw. (Removing and
    re-adding axes while the chart sits in a hidden tab left the old axes painted over the new ones.)
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleFont(app_font(0.5, bold=True))
        chart.legend().setFont(app_font(-1))
        super().__init__(chart, parent)
        self.base_title = title
        chart.setTitle(title)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(280, 220)

    def reset(self, title: str = "") -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        chart.setTitle(title or self.base_title)
        return chart

    def add_axis(self, axis: QAbstractAxis, where: Qt.AlignmentFlag, title: str = "", grid: bool = True) -> None:
        axis.setLabelsFont(app_font(-1))
        axis.setTitleFont(app_font(-1))
        axis.setLabelsColor(GREY)
        axis.setGridLineVisible(grid)
        axis.setGridLineColor(GRID)
        if title:
            axis.setTitleText(title)
        self.chart().addAxis(axis, where)

    def add_series(self, series: QAbstractSeries, *axes: QAbstractAxis) -> None:
        self.chart().addSeries(series)
        for axis in axes:
            series.attachAxis(axis)

    def empty(self) -> bool:
        return not self.chart().series()


class RankingChart(ReviewChart):
    """Horizontal bars of the units' weighted scores, rank 1 at the top, each bar labelled with its score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("得分排名", parent)
        self.chart().legend().hide()
        self.names = QBarCategoryAxis()
        self.add_axis(self.names, Qt.AlignmentFlag.AlignLeft, grid=False)
        self.values = QValueAxis()
        self.values.setRange(0, 110)  # room for the labels outside the bars of a full 100
        self.values.setTickType(QValueAxis.TickType.TicksDynamic)
        self.values.setTickAnchor(0)
        self.values.setTickInterval(20)
        self.values.setLabelFormat("%d")
        self.add_axis(self.values, Qt.AlignmentFlag.AlignBottom, "加权得分（分）")

    def set_scores(self, scores: Sequence[tuple[str, float]], title: str = "") -> None:
        """(unit name, score 0..100) in rank order."""
        self.reset(title)
        self.names.clear()
        if not scores:
            return
        bars = QBarSet("得分")
        bars.setColor(BLUE)
        bars.setBorderColor(BLUE)
        bars.setLabelColor(QColor("#222222"))
        bars.setLabelFont(app_font(-1.5))
        # a horizontal chart draws the first category at the bottom: reverse, so rank 1 reads first
        for _name, score in reversed(scores):
            bars.append(round(score, 1))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        self.names.append([f"{i}. {short_name(n, 8)}" for i, (n, _s) in reversed(list(enumerate(scores, 1)))])
        self.add_series(series, self.names, self.values)


class IndicatorChart(ReviewChart):
    """One unit's indicators: completion % as horizontal bars, lagging ones in red, a dashed line at 100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("指标完成情况", parent)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.names = QBarCategoryAxis()
        self.add_axis(self.names, Qt.AlignmentFlag.AlignLeft, grid=False)
        self.values = QValueAxis()
        self.values.setTickCount(7)
        self.values.setLabelFormat("%d%%")
        self.add_axis(self.values, Qt.AlignmentFlag.AlignBottom, "完成率")
        # the 100 % line needs a numeric vertical axis of its own, hidden, spanning the same rows as the bars
        self.rows_axis = QValueAxis()
        self.rows_axis.setVisible(False)
        self.add_axis(self.rows_axis, Qt.AlignmentFlag.AlignRight)

    def set_indicators(self, rows: Sequence[tuple[str, float | None, bool]], title: str = "") -> None:
        """(indicator name, completion as a fraction or None for 未填报, lagging). Bars are cut at 0 and 150 %."""
        self.reset(title)
        self.names.clear()
        if not rows:
            return
        normal, lagging = QBarSet("正常"), QBarSet("滞后")
        for bars, color in ((normal, BLUE), (lagging, RED)):
            bars.setColor(color)
            bars.setBorderColor(color)
        for _name, completion, lag in reversed(rows):  # the first indicator at the top
            percent = 0.0 if completion is None else max(0.0, min(150.0, completion * 100))
            normal.append(0.0 if lag else percent)
            lagging.append(percent if lag else 0.0)
        # stacked, so each row shows exactly one coloured bar and the legend explains the two colours
        series = QHorizontalStackedBarSeries()
        series.append(normal)
        series.append(lagging)
        series.setBarWidth(0.65)
        self.names.append([short_name(n) + ("（未填报）" if c is None else "") for n, c, _l in reversed(rows)])
        # up to 120 % in 20 % steps; a row past its target widens the scale to 150 % in 25 % steps
        self.values.setRange(0, 150 if any(c is not None and c > 1.15 for _n, c, _l in rows) else 120)
        self.rows_axis.setRange(-0.5, len(rows) - 0.5)
        self.add_series(series, self.names, self.values)
        line = QLineSeries()
        line.setName("目标 100%")
        line.setPen(QPen(GREY, 1.5, Qt.PenStyle.DashLine))
        line.append([QPointF(100, -0.5), QPointF(100, len(rows) - 0.5)])
        self.add_series(line, self.values, self.rows_axis)


class TrendChart(ReviewChart):
    """Monthly weighted scores of a few units as lines (a month with no score leaves a gap in the line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("月度得分走势", parent)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # a category axis with labels on the values: QValueAxis's printf format garbles "月"; plain numbers
        # under an axis title stay readable in a narrow panel where "10月" would be cut to "1…"
        self.months = QCategoryAxis()
        self.months.setRange(0.5, 12.5)
        self.months.setStartValue(0.5)
        self.months.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for month in range(1, 13):
            self.months.append(str(month), month)
        self.add_axis(self.months, Qt.AlignmentFlag.AlignBottom, "月份", grid=False)
        self.scores = QValueAxis()
        self.scores.setRange(0, 100)
        self.scores.setTickCount(6)
        self.scores.setLabelFormat("%d")
        self.add_axis(self.scores, Qt.AlignmentFlag.AlignLeft, "得分")

    def set_trends(self, trends: Sequence[tuple[str, Sequence[float | None]]], title: str = "") -> None:
        """(unit name, 12 monthly scores, None where the month has no score yet)."""
        chart = self.reset(title)
        for i, (name, values) in enumerate(trends):
            for j, segment in enumerate(_segments(values)):
                line = QLineSeries()
                line.setName(short_name(name, 8))
                line.setPen(QPen(QColor(LINE_COLORS[i % len(LINE_COLORS)]), 2.2))
                line.setPointsVisible(True)
                line.append(segment)
                self.add_series(line, self.months, self.scores)
                if j:  # a gap splits a unit into several series; the legend names it once
                    for marker in chart.legend().markers(line):
                        marker.setVisible(False)


def _segments(values: Sequence[float | None]) -> list[list[QPointF]]:
    """The runs of consecutive months that have a score, as points (month number, score)."""
    runs: list[list[QPointF]] = []
    current: list[QPointF] = []
    for month, value in enumerate(values, 1):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(QPointF(month, value))
    if current:
        runs.append(current)
    return runs
