"""The letter editor: one 目标责任书 / 军令状 with its parties and their two signers each, its dates, clauses,
indicators and the scanned signed copy. Everything is held here until 保存 (or a status button, which saves first),
and then written in one transaction: nothing half-saved when a check fails.

Built in code rather than Designer: it is a workspace (form, clause text, indicator table, scan panel), not a form.
The 条款 and 指标 tabs are in gui/letter_terms.py, the 扫描件 tab in gui/scan_panel.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.letters import (
    DRAFT,
    KINDS,
    NEXT_STATUS,
    SIGNER_FIELDS,
    clean_letter,
    default_title,
)
from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.data.letters import CLOSED, ScanFile
from lingqiu_desktop.data.store import NotFoundError, NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, fill_combo, widget_value
from lingqiu_desktop.gui.letter_terms import LetterTermsMixin
from lingqiu_desktop.gui.printing import preview_document
from lingqiu_desktop.gui.scan_panel import ScanPanel

STATUS_COLORS = {"草拟": "#757575", "已签订": "#1f5fbf", "执行中": "#b26a00", "已考核": "#2e7d32"}


def _date_check(field: str) -> Any:
    return lambda text: parse_date(text, field)


class LetterEditor(LetterTermsMixin, RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "kind", "year", "title", "issuer_signer1_name", "issuer_signer1_title", "issuer_signer2_name",
        "issuer_signer2_title", "receiver_code", "receiver_signer1_name", "receiver_signer1_title",
        "receiver_signer2_name", "receiver_signer2_title", "drafted_on", "signed_on", "deadline",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "类型": "kind", "年度": "year", "标题": "title", "乙方": "receiver_code", "草拟日期": "drafted_on",
        "签订日期": "signed_on", "截止日期": "deadline", **{label: column for column, label in SIGNER_FIELDS.items()},
    }
    INLINE_CHECKS: ClassVar = {"drafted_on": _date_check("草拟日期"), "signed_on": _date_check("签订日期"),
                               "deadline": _date_check("截止日期")}

    def __init__(self, workbook: Workbook, letter_id: str | None = None, *, values: dict[str, Any] | None = None,
                 indicators: list[dict[str, Any]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.repo = workbook.letters
        self.letter_id = letter_id
        self.letter: dict[str, Any] = dict(values or {})
        self.changed = False  # something was saved (a status button saves without closing)
        self.ui = SimpleNamespace()
        self._build()
        self.setup_form()
        self._narrow_fields()
        if letter_id:
            self.letter = self.repo.get(letter_id)
            indicators = self.repo.indicators(letter_id)
        self._load(self.letter, indicators or [])
        self._saved_state = self._state()
        self.resize(1240, 700)
        # the cursor starts in the first field (not on 保存, where the layout order would put it)
        start = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel) if self.read_only else self.ui.kind
        start.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setModal(True)
        self.ui.noteLabel = QLabel(objectName="noteLabel", wordWrap=True)
        self.ui.errorLabel = QLabel(objectName="errorLabel", wordWrap=True)
        self.ui.buttonBox = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                             QDialogButtonBox.StandardButton.Cancel)
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_tabs())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.ui.noteLabel)
        layout.addLayout(self._build_header())
        layout.addWidget(splitter, 1)
        layout.addWidget(self.ui.errorLabel)
        layout.addWidget(self.ui.buttonBox)
        self.setTabOrder(self.ui.deadline, self.tabs)

    def _build_header(self) -> QHBoxLayout:
        self.heading = QLabel(objectName="letterHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #222;")
        self.status_label = QLabel(objectName="statusLabel")
        self.status_button = QPushButton(objectName="statusButton")
        self.status_button.clicked.connect(self.advance_status)
        self.print_button = QPushButton("打印预览(&P)", objectName="printButton", autoDefault=False,
                                        toolTip="打印预览（Ctrl+P）：按保存的内容生成军令状/责任书，可打印或另存为PDF")
        self.print_button.clicked.connect(self.print_preview)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_preview)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(QLabel("状态："))
        bar.addWidget(self.status_label)
        bar.addWidget(self.status_button)
        bar.addWidget(self.print_button)
        return bar

    def _line(self, name: str, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(objectName=name, placeholderText=placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        setattr(self.ui, name, edit)
        return edit

    def _row(self, form: QFormLayout, text: str, widget: QWidget | QHBoxLayout, buddy: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(buddy)
        form.addRow(label, widget)

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _signer_rows(self, form: QFormLayout, side: str, keys: tuple[str, str]) -> None:
        for number, role, key in (("1", "书记", keys[0]), ("2", "行政负责人", keys[1])):
            name = self._line(f"{side}_signer{number}_name", "姓名", 20)
            title = self._line(f"{side}_signer{number}_title", "职务", 30)
            pair = QHBoxLayout()
            pair.addWidget(name, 2)
            pair.addWidget(title, 3)
            self._row(form, f"{role}(&{key})：", pair, name)

    def _build_form(self) -> QWidget:
        basic, form = self._form("基本信息")
        self.ui.kind = QComboBox(objectName="kind")
        fill_combo(self.ui.kind, KINDS)
        self.ui.kind.currentIndexChanged.connect(self._kind_changed)
        self._row(form, "类型(&K)：", self.ui.kind, self.ui.kind)
        self._row(form, "年度(&Y)：", self._line("year", "如 2018", 6), self.ui.year)
        self._row(form, "标题(&T)：", self._line("title", "不填按类型和年度生成"), self.ui.title)
        self.level_label = QLabel(objectName="levelLabel")
        form.addRow("层级：", self.level_label)
        issuer, issuer_form = self._form("甲方（发文单位）")
        self.issuer_label = QLabel(objectName="issuerLabel")
        issuer_form.addRow("单位：", self.issuer_label)
        self._signer_rows(issuer_form, "issuer", ("1", "2"))
        receiver, receiver_form = self._form("乙方（责任单位）")
        self.ui.receiver_code = QComboBox(objectName="receiver_code")
        self.ui.receiver_code.currentIndexChanged.connect(self._receiver_changed)
        self._row(receiver_form, "单位(&R)：", self.ui.receiver_code, self.ui.receiver_code)
        self._signer_rows(receiver_form, "receiver", ("3", "4"))
        dates, dates_form = self._form("日期")
        for name, text, hint in (("drafted_on", "草拟日期(&D)：", "如 2018-03-01"),
                                 ("signed_on", "签订日期(&G)：", "签字盖章的日期，签订时填写"),
                                 ("deadline", "截止日期(&L)：", "如 2018-12-31")):
            self._row(dates_form, text, self._line(name, hint, 12), getattr(self.ui, name))
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 6, 0)
        for box in (basic, issuer, receiver, dates):
            inner.addWidget(box)
        inner.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, objectName="letterForm")
        scroll.setWidget(column)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(objectName="letterTabs")
        self.tabs.addTab(self._build_clauses(), "条款(&C)")
        self.tabs.addTab(self._build_indicators(), "指标(&I)")
        self.scan_panel = ScanPanel(self.repo, lambda: (self.letter_id, self.letter))
        self.scan_panel.chosen.connect(self.attach_scan)
        self.tabs.addTab(self.scan_panel, "扫描件(&A)")
        return self.tabs

    def _narrow_fields(self) -> None:
        """setup_form makes every line edit 16 characters wide; names, titles, years and dates need less, and the
        form has to leave room for the clauses at 1366×768."""
        char = self.fontMetrics().horizontalAdvance("中")
        for name in self.INPUTS:
            chars = 5 if name == "year" else 6 if "signer" in name else 9 if name.endswith(("_on", "deadline")) else 0
            if chars:
                self.input(name).setMinimumWidth(char * chars)

    # -- loading --------------------------------------------------------------------------------------------------
    def _load(self, letter: dict[str, Any], indicators: list[dict[str, Any]]) -> None:
        receivers = self.repo.receivers() if self._editable(letter) else []
        if letter.get("receiver_code") not in dict(receivers):
            receivers = [*receivers, (letter.get("receiver_code", ""), letter.get("receiver_name", ""))]
        self.ui.receiver_code.blockSignals(True)
        fill_combo(self.ui.receiver_code, receivers)
        self.ui.receiver_code.blockSignals(False)
        self.ui.kind.blockSignals(True)
        self.load(letter)
        self.ui.kind.blockSignals(False)
        self.clauses.setPlainText(letter.get("clauses") or "")
        self.indicator_model.set_rows(indicators)
        if indicators:
            self.indicator_table.selectRow(0)
        self.level_label.setText(letter.get("level", ""))
        self.issuer_label.setText(letter.get("issuer_name", ""))
        self._show_state()
        if not self._editable(letter):
            self._lock(letter)

    def _editable(self, letter: dict[str, Any]) -> bool:
        owned = not letter.get("owner") or self.workbook.owns(letter)
        return owned and letter.get("status", DRAFT) != CLOSED

    def _lock(self, letter: dict[str, Any]) -> None:
        closed = self.workbook.owns(letter)
        self.set_read_only("本责任书已考核，只能查看" if closed else
                           f"本责任书由{letter.get('issuer_name', '其他单位')}签发，本单位只能查看")
        self.clauses.setReadOnly(True)
        self.clauses.setStyleSheet("background: #f0f0f0;")
        self.clauses_hint.setText("")
        for name in self.INPUTS:  # the read-only look comes from a dynamic property: restyle
            self.input(name).style().polish(self.input(name))
        for button in (*self.indicator_buttons.values(), self.rerender_button, self.scan_buttons["attach"],
                       self.status_button):
            button.setVisible(button is self.indicator_buttons["edit"])
        self.indicator_buttons["edit"].setText("查看(&E)…")

    def _show_state(self) -> None:
        """Heading, status, the next status's button, the weights and the scan."""
        letter = self.letter
        status = letter.get("status", DRAFT)
        self.heading.setText(f"{letter.get('title') or '新建责任书'}　{letter.get('issuer_name', '')} → "
                             f"{self.ui.receiver_code.currentText()}")
        self.status_label.setText(status)
        self.status_label.setStyleSheet(f"color: {STATUS_COLORS.get(status, '#333')}; font-weight: bold;")
        following = NEXT_STATUS.get(status)
        self.status_button.setVisible(following is not None and not self.read_only)
        if following:
            self.status_button.setText(f"{following[1]}(&S)")
            self.status_button.setToolTip(f"保存并把状态改为“{following[0]}”")
        self.setWindowTitle(f"{'查看' if self.read_only else '编辑' if self.letter_id else '新建'}"
                            f"{letter.get('kind', '责任书')}：{letter.get('receiver_name', '')}")
        self._show_weights()
        self.scan_panel.refresh()

    # -- values and saving ------------------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        raw = {name: widget_value(self.input(name)) for name in self.INPUTS}
        keep = ("level", "issuer_code", "issuer_name", "template_key", "status")
        raw |= {key: self.letter.get(key, "") for key in keep}
        raw["receiver_name"] = self.ui.receiver_code.currentText()
        raw["clauses"] = self.clauses.toPlainText()
        return raw

    def store(self, raw: dict[str, Any]) -> str:
        return self._persist(raw)

    def _persist(self, raw: dict[str, Any], status: str = "") -> str:
        values = clean_letter(raw, self.workbook.today())
        row = self.repo.save(values, self.indicator_model.rows(), self.letter_id, scan=self.pending_scan,
                             status=status)
        self.letter_id, self.letter, self.pending_scan, self.changed = row["id"], row, None, True
        self.saved_id = row["id"]
        self.indicator_model.set_rows(self.repo.indicators(row["id"]))
        self._saved_state = self._state()
        return str(row["id"])

    def advance_status(self) -> bool:
        """签订 / 开始执行 / 考核完成: save what is on screen and move one status on, or show why not."""
        following = NEXT_STATUS.get(self.letter.get("status", DRAFT))
        if following is None or self.read_only or not self.save_in_place(following[0]):
            return False
        if self.letter["status"] == CLOSED:
            self._lock(self.letter)
        self._show_state()
        return True

    def save_in_place(self, status: str = "") -> bool:
        """Save what is on screen without closing the editor (and move to ``status`` if given); a refused save
        shows why and returns False."""
        try:
            self._persist(self.raw_values(), status=status)
        except ValidationError as exc:
            self.show_errors(getattr(exc, "errors", [exc]))
            return False
        except (NotOwnedError, NotFoundError) as exc:
            self.show_errors([], message=str(exc))
            return False
        self.show_errors([])
        return True

    # -- printing ---------------------------------------------------------------------------------------------------
    def _state(self) -> Any:
        """What is on screen, to tell whether it differs from what was last loaded or saved."""
        return copy.deepcopy((self.raw_values(), self.indicator_model.rows(), self.pending_scan is not None))

    def has_unsaved_changes(self) -> bool:
        return not self.read_only and (not self.letter_id or self._state() != self._saved_state)

    def print_preview(self) -> None:
        """The printed letter comes from the saved record (its QR code proves the paper matches the data), so
        unsaved edits are saved first, or the clerk knowingly prints the saved version."""
        if self.has_unsaved_changes() and not self._ask_save_for_print():
            return
        preview_document(self, self.workbook, "letter", str(self.letter_id))

    def _ask_save_for_print(self) -> bool:
        """True when the saved version may be printed (saved now, or chosen knowingly); False to stay."""
        box = QMessageBox(QMessageBox.Icon.Question, "打印预览", "", parent=self)
        save = box.addButton("保存并打印", QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("saveAndPrintButton")
        saved = None
        if self.letter_id:
            box.setText("这份责任书有未保存的修改。打印的是保存后的内容：先保存再打印吗？")
            saved = box.addButton("打印上次保存的版本", QMessageBox.ButtonRole.ActionRole)
            saved.setObjectName("printSavedButton")
        else:
            box.setText("这份责任书还没有保存，保存后才能打印。现在保存吗？")
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole).setObjectName("cancelPrintButton")
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is save:
            if not self.save_in_place():
                return False
            self._show_state()
            return True
        return saved is not None and box.clickedButton() is saved

    # -- reacting to the form ---------------------------------------------------------------------------------------
    def _receiver_changed(self) -> None:
        """Another receiver: its Party secretary and head from the register, as the template did."""
        code = self.ui.receiver_code.currentData() or ""
        signers = self.repo.signers_for(code, self.ui.receiver_code.currentText()) if code else {}
        for key, value in signers.items():
            self.input(f"receiver_{key}").setText(value)
        self.letter["receiver_name"] = self.ui.receiver_code.currentText()
        self._show_state()

    def _kind_changed(self) -> None:
        """A title still as generated follows the kind (目标责任书 ↔ 军令状)."""
        year = self.ui.year.text().strip()
        if self.ui.title.text().strip() in {default_title(k, year) for k in KINDS} | {""}:
            self.ui.title.setText(default_title(self.ui.kind.currentData(), year))

    # -- the scanned copy (the panel does the work; these are the editor's own names for it) ------------------------
    @property
    def pending_scan(self) -> ScanFile | None:
        return self.scan_panel.pending

    @pending_scan.setter
    def pending_scan(self, scan: ScanFile | None) -> None:
        self.scan_panel.pending = scan

    @property
    def scan_labels(self) -> dict[str, QLabel]:
        return self.scan_panel.labels

    @property
    def scan_buttons(self) -> dict[str, QPushButton]:
        return self.scan_panel.buttons

    def choose_scan(self) -> None:
        """The file dialog only picks the path; attach_scan() does the work (and is what the tests call)."""
        self.scan_panel.choose()

    def attach_scan(self, path: str | Path) -> bool:
        """Check and hash a file; it is stored with the letter at 保存. A bad file changes nothing."""
        if self.read_only:
            return False
        try:
            self.scan_panel.attach(path)
        except ValidationError as exc:
            self.show_errors([exc])
            return False
        self.show_errors([])
        return True

    def verify_scan(self) -> bool | None:
        return self.scan_panel.verify()

    def scan_temp_path(self) -> Path | None:
        return self.scan_panel.temp_path()

    def open_scan(self) -> None:
        self.scan_panel.open_file()
