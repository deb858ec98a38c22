"""系统设置: the policy values a township sets for itself (DESIGN.md: rates, scales, day counts are data)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.settings import clean_absence_caps, clean_list
from lingqiu_desktop.core.validation import ValidationError, require

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

LISTS = [("visit.kinds", "走访类型"), ("training.audiences", "培训对象"),
         ("assessment.ratings", "考核等次（由高到低）")]


class ListEditor(QGroupBox):
    """An editable list of words with 添加 / 删除 / 上移 / 下移 (double-click or F2 edits an item)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.list = QListWidget()
        buttons = QVBoxLayout()
        for text, slot in (("添加", self.add_item), ("删除", self.remove_item), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def values(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_values(self, values: list[str]) -> None:
        self.list.clear()
        for value in values:
            self._append(value)

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add_item(self) -> None:
        item = self._append("新项目")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row + step < self.list.count() and row >= 0:
            item = self.list.takeItem(row)
            self.list.insertItem(row + step, item)
            self.list.setCurrentRow(row + step)


class SettingsPage(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.user_edit = QLineEdit(objectName="userEdit")
        self.use_today = QCheckBox("使用电脑当天日期", objectName="useToday")
        self.date_edit = QDateEdit(objectName="referenceDate", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.use_today.toggled.connect(lambda on: self.date_edit.setEnabled(not on))
        self.days_spin = QSpinBox(objectName="requiredDays", minimum=1, maximum=31, suffix=" 天")
        self.income_spin = QSpinBox(objectName="incomeThreshold", minimum=0, maximum=10_000_000, singleStep=1000,
                                    suffix=" 元")
        self.editors = {key: ListEditor(title) for key, title in LISTS}
        self.cap_combos = {str(n): QComboBox(objectName=f"cap{n}") for n in (1, 2, 3)}
        self.error_label = QLabel(objectName="errorLabel", styleSheet="color: #d93025;", wordWrap=True)
        save = QPushButton("保存设置（Ctrl+S）", objectName="saveButton")
        save.clicked.connect(self.save)
        shortcut = QAction(self, shortcut=QKeySequence.StandardKey.Save,
                           shortcutContext=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.triggered.connect(self.save)
        self.addAction(shortcut)
        self._layout(save)
        self.load()

    def _layout(self, save: QPushButton) -> None:
        general = QGroupBox("基本")
        form = QFormLayout(general)
        form.addRow("操作员姓名：", self.user_edit)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.use_today)
        date_row.addStretch(1)
        form.addRow("工作日期：", date_row)
        form.addRow("每月在村天数要求：", self.days_spin)
        form.addRow("村集体经济收入标准：", self.income_spin)
        caps = QGroupBox("抽查发现无故缺勤时，年度考核最高等次")
        cap_form = QFormLayout(caps)
        for count, combo in self.cap_combos.items():
            cap_form.addRow(f"缺勤 {count} 次{'及以上' if count == '3' else ''}：", combo)
        grid = QGridLayout()
        grid.addWidget(general, 0, 0)
        grid.addWidget(caps, 0, 1)
        for i, editor in enumerate(self.editors.values()):
            grid.addWidget(editor, 1 + i // 2, i % 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("系统设置", objectName="pageTitle"))
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

    def load(self) -> None:
        get = self.workbook.settings.get
        self.user_edit.setText(str(get("office.user_name", "")))
        reference = str(get(REFERENCE_DATE_KEY, "") or "")
        self.use_today.setChecked(not reference)
        self.date_edit.setEnabled(bool(reference))
        self.date_edit.setDate(QDate.fromString(reference, "yyyy-MM-dd") if reference else QDate.currentDate())
        self.days_spin.setValue(int(get("attendance.required_days")))
        self.income_spin.setValue(int(get("village.collective_income_threshold")))
        for key, editor in self.editors.items():
            editor.set_values(list(get(key)))
        ratings = list(get("assessment.ratings"))
        caps = dict(get("assessment.absence_caps"))
        for count, combo in self.cap_combos.items():
            combo.clear()
            combo.addItem("（不封顶）", "")
            for rating in ratings:
                combo.addItem(rating, rating)
            combo.setCurrentIndex(max(combo.findData(caps.get(count, "")), 0))

    def values(self) -> dict[str, Any]:
        """The cleaned settings, or ValidationError naming the field."""
        values: dict[str, Any] = {"office.user_name": require(self.user_edit.text(), "操作员姓名")}
        for key, title in LISTS:
            values[key] = clean_list(self.editors[key].values(), title.split("（")[0], minimum=2)
        caps = {count: combo.currentData() or "" for count, combo in self.cap_combos.items()}
        values["assessment.absence_caps"] = clean_absence_caps(caps, values["assessment.ratings"])
        values["attendance.required_days"] = self.days_spin.value()
        values["village.collective_income_threshold"] = self.income_spin.value()
        chosen = self.date_edit.date().toString("yyyy-MM-dd")
        if not self.use_today.isChecked() and chosen > QDate.currentDate().toString("yyyy-MM-dd"):
            raise ValidationError("工作日期", "不能晚于电脑的当天日期")
        values[REFERENCE_DATE_KEY] = "" if self.use_today.isChecked() else chosen
        return values

    def save(self) -> None:
        try:
            values = self.values()
        except ValidationError as exc:
            self.error_label.setStyleSheet("color: #d93025;")
            self.error_label.setText(str(exc))
            return
        with self.workbook.store.transaction():
            for key, value in values.items():
                if self.workbook.settings.get(key) != value:
                    self.workbook.settings.set(key, value)
        self.workbook.store.user_name = values["office.user_name"]
        self.error_label.setStyleSheet("color: #2e7d32;")
        self.error_label.setText("设置已保存。")

