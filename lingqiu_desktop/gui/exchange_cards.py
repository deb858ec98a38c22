"""数据交换 › 单位名片: this office's fingerprint (large, to read over the phone), exporting its card, importing the
other side's card after comparing fingerprints, and the pinned cards.

A new card is pinned only after the clerk confirms the fingerprint matches what the other office reads out. A card
that would replace a pinned one with different keys (a reinstalled PC — or someone passing off a false card) shows
both fingerprints in a stern warning and needs a ticked confirmation before 更换名片 can be pressed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.offices import COUNTY_CODE, office_name

from lingqiu_desktop.exchange.crypto import CardError, OfficeCard, card_from_bytes
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.exchange_worker import error_text, expected_errors
from lingqiu_desktop.gui.printing import documents_folder
from lingqiu_desktop.gui.widgets import make_table

CARD_SUFFIX = ".lqcard"
CARD_FILTER = f"单位名片 (*{CARD_SUFFIX});;所有文件 (*)"
FINGERPRINT_STYLE = ("font-size: 26pt; font-weight: bold; letter-spacing: 3px; color: #a61b1b; "
                     "font-family: 'DejaVu Sans Mono', Consolas, monospace;")
WARNING_STYLE = "color: #b71c1c; font-weight: bold;"
CARD_COLUMNS = ("单位", "代码", "指纹", "登记时间", "更换时间")


def when(stamp: str | None) -> str:
    """'2018-11-30T10:22:33' → '2018-11-30 10:22'."""
    return (stamp or "")[:16].replace("T", " ")


def card_value(card: Any, name: str) -> Any:
    """A field of a pinned card, whether the service lists OfficeCards or dicts."""
    return card.get(name) if isinstance(card, dict) else getattr(card, name, None)


def fingerprint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(FINGERPRINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReplaceCardDialog(QDialog):
    """The pinned card's keys differ: name both fingerprints, and let 更换名片 through only after a ticked box."""

    def __init__(self, old_fingerprint: str, card: OfficeCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("警告：对方名片的密钥已改变")
        heading = QLabel(f"已登记的{card.name}（{card.code}）名片与这次导入的名片密钥不同！", self)
        heading.setStyleSheet(WARNING_STYLE + " font-size: 13pt;")
        heading.setWordWrap(True)
        explain = QLabel("只有对方重装了电脑或重新建立了数据库时密钥才会改变。如果不是这样，这张名片可能是伪造的，"
                         "请不要更换，并立即与对方联系。", self)
        explain.setWordWrap(True)
        old_label = QLabel("原指纹：", self)
        new_label = QLabel("新指纹：", self)
        self.old = fingerprint_label(old_fingerprint, self)
        self.new = fingerprint_label(card.fingerprint, self)
        self.old.setStyleSheet(FINGERPRINT_STYLE.replace("#a61b1b", "#555"))      # the known one, calm
        self.old.setObjectName("oldFingerprint")
        self.new.setObjectName("newFingerprint")
        self.confirm = QCheckBox("我已电话联系对方，对方读出的指纹与上面的“新指纹”完全一致，确认更换(&C)", self)
        self.confirm.setObjectName("confirmReplace")
        self.buttons = QDialogButtonBox(self)
        self.replace_button = self.buttons.addButton("更换名片(&R)", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton("不更换(&N)", QDialogButtonBox.ButtonRole.RejectRole)
        self.replace_button.setEnabled(False)
        cancel.setDefault(True)
        self.confirm.toggled.connect(self.replace_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        for label, value in ((old_label, self.old), (new_label, self.new)):
            row = QHBoxLayout()
            row.addWidget(label)
            row.addWidget(value, 1)
            layout.addLayout(row)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.confirm.setFocus()


class CardsPanel(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.own_fingerprint = fingerprint_label("", self)
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.export_button = QPushButton("导出本单位名片(&E)…", self)
        self.import_button = QPushButton("导入对方名片(&I)…", self)
        self.table = make_table(CARD_COLUMNS, self, "cardsTable")
        self.message = QLabel(self)
        self.message.setObjectName("cardMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_own())
        layout.addWidget(self._build_pinned(), 1)
        layout.addWidget(self.message)
        self.export_button.clicked.connect(self.export_card)
        self.import_button.clicked.connect(self.import_card)
        self.refresh()

    def _build_pinned(self) -> QGroupBox:
        box = QGroupBox("已登记的对方名片", self)
        hint = QLabel(self._pairing_hint(), box)
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.import_button)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.table, 1)
        return box

    def _build_own(self) -> QGroupBox:
        box = QGroupBox(f"本单位名片：{self.workbook.office_name}（{self.workbook.office_code}）", self)
        text = QLabel("本单位指纹（对方导入名片时，请在电话中逐组读给对方核对）：", box)
        row = QHBoxLayout()
        row.addWidget(self.own_fingerprint, 1)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addLayout(row)
        return box

    def _pairing_hint(self) -> str:
        if self.workbook.is_county:
            return "县里需要登记12个乡镇的名片；每个乡镇也要登记县里的名片，数据包才能互相读取。"
        return f"本乡镇只需登记{office_name(COUNTY_CODE)}的名片，并把本单位名片交给县里登记。"

    # ---- showing ----

    def refresh(self) -> None:
        try:
            own = card_from_bytes(self.workbook.exchange.my_card())
            self.own_fingerprint.setText(own.fingerprint)
            pinned = {str(card_value(c, "code")): c for c in self.workbook.exchange.cards()}
        except expected_errors() as exc:
            self.show_message(error_text(exc), error=True)
            return
        # every office this one exchanges with, pinned or not: a missing card shows as 未登记 in red
        partners = [code for code, _name in self.workbook.townships()] if self.workbook.is_county else [COUNTY_CODE]
        codes = partners + [code for code in pinned if code not in partners]
        self.table.setRowCount(len(codes))
        for r, code in enumerate(codes):
            card = pinned.get(code)
            if card is None:
                values = (office_name(code), code, "未登记", "", "")
            else:
                values = (office_name(code), code, card_value(card, "fingerprint"),
                          when(card_value(card, "pinned_at")), when(card_value(card, "replaced_at")) or "—")
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value or ""))
                if card is None:
                    item.setForeground(QBrush(QColor("#b71c1c")))
                self.table.setItem(r, c, item)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(WARNING_STYLE if error else "color: #1b5e20; font-weight: bold;")
        self.message.setText(text)

    def pinned_fingerprint(self, code: str) -> str:
        for card in self.workbook.exchange.cards():
            if card_value(card, "code") == code:
                return str(card_value(card, "fingerprint"))
        return ""

    # ---- exporting ----

    def export_card(self) -> None:
        name = f"{self.workbook.office_name}单位名片{CARD_SUFFIX}"
        chosen, _filter = QFileDialog.getSaveFileName(self, "导出本单位名片", str(documents_folder() / name),
                                                      CARD_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        try:
            path.write_bytes(self.workbook.exchange.my_card())
        except OSError as exc:
            self.show_message(f"名片没有导出：{error_text(exc)}", error=True)
            return
        self.show_message(f"本单位名片已导出到：{path}。请把它交给对方，并在电话中读出指纹 "
                          f"{self.own_fingerprint.text()} 供对方核对。")

    # ---- importing ----

    def import_card(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, "导入对方名片", str(documents_folder()), CARD_FILTER)
        if chosen:
            self.import_card_file(Path(chosen))

    def import_card_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
            card = card_from_bytes(data)
        except (OSError, CardError) as exc:
            self.show_message(f"名片没有导入：{error_text(exc)}", error=True)
            return
        old = self.pinned_fingerprint(card.code)
        if old == card.fingerprint:
            self.show_message(f"{card.name}的名片已经登记过，指纹相同（{old}），无需再次导入。")
            return
        confirmed = self._confirm_replace(old, card) if old else self._confirm_new(card)
        if not confirmed:
            self.show_message("没有导入名片，已登记的名片保持不变。" if old else "没有导入名片。")
            return
        try:
            outcome = self.workbook.exchange.import_card(data, replace=bool(old))
        except expected_errors() as exc:
            self.show_message(f"名片没有导入：{error_text(exc)}", error=True)
            return
        self.refresh()
        verb = "更换" if outcome == "replaced" else "登记"
        self.show_message(f"已{verb}{card.name}（{card.code}）的名片，指纹 {card.fingerprint}。")

    def _confirm_new(self, card: OfficeCard) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "核对名片指纹", "", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"要登记<b>{card.name}（{card.code}）</b>的名片。<br><br>名片指纹：<br>"
                    f"<span style=\"{FINGERPRINT_STYLE}\">{card.fingerprint}</span><br><br>"
                    "请打电话给对方，请对方读出其本单位指纹，逐组核对。<br>完全一致才能登记。")
        yes = box.addButton("指纹一致，登记(&Y)", QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("取消(&N)", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _confirm_replace(self, old_fingerprint: str, card: OfficeCard) -> bool:
        return ReplaceCardDialog(old_fingerprint, card, self).exec() == QDialog.DialogCode.Accepted
