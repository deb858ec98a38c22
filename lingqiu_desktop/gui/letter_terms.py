"""The letter's terms, the 条款 and 指标 tabs of the letter editor: the clause text (with 按模板重新生成) and the
indicator table with its 新增/编辑/删除/上移/下移 buttons and the weight total.

A mixin of LetterEditor rather than a widget of its own: callers and tests reach these names on the editor itself
(editor.clauses, editor.indicator_model, editor.add_indicator …), and the tabs read the editor's form (kind, year,
deadline, level) and its read-only state.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.letters import TEMPLATES, render_clauses

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.indicator_edit import IndicatorDialog, IndicatorTableModel
from lingqiu_desktop.gui.widgets import RecordTable


class LetterTermsMixin:
    """Builds and runs the two tabs; the editor (a RecordDialog) provides what is declared here."""

    workbook: Workbook
    letter: dict[str, Any]
    read_only: bool
    ui: SimpleNamespace
    tabs: QTabWidget
    raw_values: Callable[[], dict[str, Any]]

    # -- clauses --------------------------------------------------------------------------------------------------
    def _build_clauses(self) -> QWidget:
        page = QWidget()
        self.clauses = QPlainTextEdit(objectName="clauses")
        self.clauses.setTabChangesFocus(True)  # Tab moves on, as everywhere else; Enter starts a new clause
        self.rerender_button = QPushButton("按模板重新生成(&M)", objectName="rerenderButton")
        self.rerender_button.setToolTip("用当前的双方单位、签字人、年度和截止日期重新填写模板条款")
        self.rerender_button.clicked.connect(self.rerender_clauses)
        self.clauses_hint = QLabel("每条一段；保存后即为打印和签字的文本。", objectName="clausesHint")
        self.clauses_hint.setStyleSheet("color: #555555;")
        bar = QHBoxLayout()
        bar.addWidget(self.clauses_hint, 1)
        bar.addWidget(self.rerender_button)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.clauses, 1)
        return page

    def rerender_clauses(self) -> None:
        template = TEMPLATES.get(self.letter.get("template_key", "")) or next(
            (t for t in TEMPLATES.values() if t.kind == self.ui.kind.currentData()
             and t.level == self.letter.get("level")), None)
        if template is None:
            return
        text = render_clauses(template.clauses, self.raw_values())
        if self.clauses.toPlainText().strip() and text != self.clauses.toPlainText():
            answer = QMessageBox.question(self, "重新生成条款",
                                          "将用模板条款替换当前条款，已修改的内容会丢失。继续吗？")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.clauses.setPlainText(text)

    # -- indicators -------------------------------------------------------------------------------------------------
    def _build_indicators(self) -> QWidget:
        page = QWidget()
        self.indicator_model = IndicatorTableModel(self)
        self.indicator_table = RecordTable(self.indicator_model)  # type: ignore[arg-type]
        self.indicator_table.setObjectName("indicatorTable")
        self.indicator_table.setSortingEnabled(False)  # the order is the letter's, moved with 上移/下移
        self.indicator_table.horizontalHeader().setSortIndicatorShown(False)
        self.indicator_table.verticalHeader().hide()  # 序号 says it
        self.indicator_table.activatedRow.connect(lambda _r: self.edit_indicator())
        bar = QHBoxLayout()
        self.indicator_buttons: dict[str, QPushButton] = {}
        for key, text, slot, shortcut in (
                ("add", "新增指标(&N)…", self.add_indicator, "Ins"), ("edit", "编辑(&E)…", self.edit_indicator, ""),
                ("delete", "删除(&X)", self.delete_indicator, ""),
                ("up", "上移(&U)", lambda: self.move_indicator(-1), "Ctrl+Up"),
                ("down", "下移(&W)", lambda: self.move_indicator(1), "Ctrl+Down")):
            button = QPushButton(text, objectName=f"{key}IndicatorButton")
            button.clicked.connect(slot)
            if shortcut:
                QShortcut(QKeySequence(shortcut), self.indicator_table, slot)
                button.setToolTip(f"快捷键 {shortcut}")
            self.indicator_buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.weight_label = QLabel(objectName="weightLabel")
        bar.addWidget(self.weight_label)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.indicator_table, 1)
        return page

    def _show_weights(self) -> None:
        total = self.indicator_model.total_weight()
        count = self.indicator_model.rowCount()
        text = f"共 {count} 项，权重合计 {total:g}"
        self.weight_label.setText(text + ("" if abs(total - 100) < 1e-9 or not count else "（一般应为100）"))
        self.tabs.setTabText(1, f"指标(&I)（{count}）")

    def _indicator_dialog(self, values: dict[str, Any] | None) -> IndicatorDialog:
        year = int(self.ui.year.text()) if self.ui.year.text().strip().isdigit() else int(self.letter.get("year", 0))
        return IndicatorDialog(self.workbook, values, level=self.letter.get("level", ""), year=year,
                               read_only=self.read_only, parent=self)

    def current_indicator(self) -> int:
        return self.indicator_table.current_row()

    def add_indicator(self) -> None:
        if self.read_only:
            return
        dialog = self._indicator_dialog({"deadline": self.ui.deadline.text().strip(), "direction": "higher"})
        dialog.setWindowTitle("新增指标")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.indicator_table.selectRow(self.indicator_model.append(dialog.values))
            self._show_weights()

    def edit_indicator(self) -> None:
        row = self.current_indicator()
        values = self.indicator_model.row(row)
        if values is None:
            return
        dialog = self._indicator_dialog(values)
        if dialog.exec() == QDialog.DialogCode.Accepted and not self.read_only:
            self.indicator_model.replace(row, dialog.values)
            self._show_weights()

    def delete_indicator(self) -> None:
        row = self.current_indicator()
        values = self.indicator_model.row(row)
        if values is None or self.read_only:
            return
        if values.get("id"):
            answer = QMessageBox.question(self, "删除指标", f"删除指标“{values['name']}”？保存后，该指标已填报的进度"
                                                           "也一并删除。")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.indicator_model.remove(row)
        if self.indicator_model.rowCount():
            self.indicator_table.selectRow(min(row, self.indicator_model.rowCount() - 1))
        self._show_weights()

    def move_indicator(self, delta: int) -> None:
        if not self.read_only and self.current_indicator() >= 0:
            self.indicator_table.selectRow(self.indicator_model.move(self.current_indicator(), delta))
