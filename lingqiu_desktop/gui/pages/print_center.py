"""打印中心: every printed document in one place — choose the kind, the record and the period, preview, print, batch
print — and 核验纸质文档: type or scan the QR code of a paper sheet to see whether it still matches the data.

The record pickers are in gui/print_choosers.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.documents.fonts import SOURCE_LABELS, FontError, FontSet, default_fonts
from lingqiu_desktop.printing.registry import DocumentKind
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.batch_print import BatchPrintDialog
from lingqiu_desktop.gui.print_choosers import CHOOSER_LABELS, KeyChooser, make_chooser
from lingqiu_desktop.gui.print_params import ParamsEditor, param_type
from lingqiu_desktop.gui.printing import preview_document

Row = dict[str, Any]
# The order a clerk looks for them in, grouped under headings; a kind not listed goes last.
GROUPS = [("目标责任", ["letter", "sheet-township", "sheet-village", "sheet-team"]),
          ("考核与通报", ["attendance", "circular"]),
          ("培训", ["signin", "training"]),
          ("入户走访", ["visit", "visits"]),
          ("名册与公示", ["households"]),
          ("数据交换", ["handover"])]
HINTS = {
    "letter": "签订的目标责任书（军令状）：双方、条款、指标表、签字盖章栏。",
    "sheet-township": "乡镇一年的责任清单暨考核表：目标、责任人、进度、完成情况、签字栏。",
    "sheet-village": "每村一份责任清单暨考核表，可批量打印全部村。",
    "sheet-team": "每个驻村工作队一份责任清单，可批量打印。",
    "attendance": "驻村工作队一个月的考勤表，可批量打印当月在岗的全部工作队。",
    "circular": "季度通报（排名及得分明细）；季度结束后才能印发。",
    "signin": "培训开始前打印：参训人员名单，留空签字栏和备用空行。",
    "training": "培训结束后打印：出勤情况、学时、组织人和授课人签字。",
    "visit": "一次入户走访的记录表，附户主签字（按手印）栏。先选贫困户，再选哪一次走访。",
    "visits": "一户在一段时间内的全部走访记录汇总。",
    "households": "按村打印贫困户名册：公示版隐去身份证号等号码的中间位，内部版显示完整号码。",
    "handover": "U盘数据包的移交清单：包的序号、各类数据条数和校验码，经办人、分管领导签字盖章。",
}
ROLE_FONTS = {"title": "小标宋", "body": "仿宋", "heading": "黑体", "kai": "楷体", "song": "宋体"}
OK_STYLE = "QFrame#verifyResult { background: #e8f5e9; border: 2px solid #2e7d32; border-radius: 4px; }"
BAD_STYLE = "QFrame#verifyResult { background: #fdecea; border: 2px solid #c62828; border-radius: 4px; }"


# ---- the page ----

class PrintCenterPage(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.kinds = workbook.printing.kinds
        self.choosers: dict[str, KeyChooser] = {}
        self._fonts_shown = False
        title = QLabel("打印中心", self)
        title.setObjectName("pageTitle")
        self.kind_list = self._build_kind_list()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.kind_list)
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        self.fonts_label = QLabel("打印字体：正在查找…", self)
        self.fonts_label.setObjectName("fontsLabel")
        self.fonts_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.fonts_label)
        self.kind_list.currentItemChanged.connect(lambda _cur, _prev: self._kind_changed())
        first = next((i for i in range(self.kind_list.count()) if self._item_kind(self.kind_list.item(i))), -1)
        self.kind_list.setCurrentRow(first)

    # ---- building ----

    def _build_kind_list(self) -> QListWidget:
        kinds = QListWidget(self)
        kinds.setObjectName("kindList")
        kinds.setMinimumWidth(200)
        listed = [k for _group, names in GROUPS for k in names]
        groups = [*GROUPS, ("其他", [k for k in self.kinds if k not in listed])]
        for group, names in groups:
            present = [n for n in names if n in self.kinds]
            if not present:
                continue
            heading = QListWidgetItem(group)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setForeground(QColor("#a61b1b"))      # a heading, not a greyed-out choice
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            kinds.addItem(heading)
            for name in present:
                item = QListWidgetItem(f"　{self.kinds[name].label}")
                item.setData(Qt.ItemDataRole.UserRole, name)
                kinds.addItem(item)
        return kinds

    def _build_right(self) -> QWidget:
        right = QWidget(self)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self._build_choice(), 3)
        layout.addWidget(self._build_verify(), 2)
        return right

    def _build_choice(self) -> QGroupBox:
        box = QGroupBox("打印文档", self)
        self.hint_label = QLabel(box)
        self.hint_label.setWordWrap(True)
        self.hint_label.setObjectName("hintLabel")
        self.chooser_label = QLabel("记录：", box)
        self.chooser_holder = QVBoxLayout()
        self.chooser_holder.setContentsMargins(0, 0, 0, 0)
        self.params_editor = ParamsEditor(self.workbook.today(), box)
        self.params_label = QLabel(box)
        self.preview_button = QPushButton("预览并打印(&P)…", box)
        self.preview_button.setObjectName("addButton")     # the page's main action, in the accent colour
        self.batch_button = QPushButton("批量打印(&B)…", box)
        self.message_label = QLabel(box)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.chooser_label, self.chooser_holder)
        form.addRow(self.params_label, self.params_editor)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.batch_button)
        buttons.addWidget(self.message_label, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.preview_button.clicked.connect(self.preview)
        self.batch_button.clicked.connect(self.open_batch)
        self.params_editor.changed.connect(self.message_label.clear)
        return box

    def _build_verify(self) -> QGroupBox:
        box = QGroupBox("核验纸质文档", self)
        hint = QLabel("用扫码枪扫描纸面页脚的二维码（或把二维码下方的核验码粘贴进来），按回车，"
                      "即可查看这份纸质文档与现在的数据是否一致。", box)
        hint.setWordWrap(True)
        self.verify_edit = QLineEdit(box)
        self.verify_edit.setObjectName("verifyEdit")
        self.verify_edit.setPlaceholderText("在此扫描二维码，或粘贴核验码（以 LQFP1| 开头）")
        self.verify_edit.setClearButtonEnabled(True)
        # a USB scanner "types" the code: keep the pinyin input method from swallowing its keystrokes
        self.verify_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.verify_button = QPushButton("核验(&V)", box)
        row = QHBoxLayout()
        row.addWidget(self.verify_edit, 1)
        row.addWidget(self.verify_button)
        self.verify_result = QFrame(box)
        self.verify_result.setObjectName("verifyResult")
        self.verify_title = QLabel(self.verify_result)
        self.verify_title.setObjectName("verifyTitle")
        self.verify_lines = QLabel(self.verify_result)
        self.verify_lines.setObjectName("verifyLines")
        self.verify_lines.setWordWrap(True)
        self.verify_lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self.verify_result)        # a record changed in many places lists many lines
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("background: transparent;")
        scroll.setWidget(self.verify_lines)
        result = QVBoxLayout(self.verify_result)
        result.addWidget(self.verify_title)
        result.addWidget(scroll, 1)
        self.verify_result.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.verify_result, 1)
        self.verify_stretch = QWidget(box)     # keeps the edit at the top while there is no result
        layout.addWidget(self.verify_stretch, 1)
        self.verify_edit.returnPressed.connect(self.verify)
        self.verify_button.clicked.connect(self.verify)
        return box

    # ---- the chosen kind ----

    @staticmethod
    def _item_kind(item: QListWidgetItem | None) -> str:
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""

    def current_kind(self) -> DocumentKind | None:
        return self.kinds.get(self._item_kind(self.kind_list.currentItem()))

    def select_kind(self, kind: str) -> None:
        for row in range(self.kind_list.count()):
            if self._item_kind(self.kind_list.item(row)) == kind:
                self.kind_list.setCurrentRow(row)
                return
        raise KeyError(kind)

    def chooser(self) -> KeyChooser | None:
        doc_kind = self.current_kind()
        return self.choosers.get(doc_kind.kind) if doc_kind else None

    def _kind_changed(self) -> None:
        doc_kind = self.current_kind()
        for chooser in self.choosers.values():
            chooser.hide()
        self.message_label.clear()
        if doc_kind is None:
            return
        chooser = self.choosers.get(doc_kind.kind)
        if chooser is None and (chooser := make_chooser(self.workbook, doc_kind.kind, self)) is not None:
            # made on first use: the page opens without querying every table
            self.choosers[doc_kind.kind] = chooser
            self.chooser_holder.addWidget(chooser)
            chooser.changed.connect(self.message_label.clear)
        if chooser is not None:
            chooser.show()
        self.chooser_label.setText(f"{CHOOSER_LABELS.get(doc_kind.kind, '记录')}：")
        self.hint_label.setText(HINTS.get(doc_kind.kind, doc_kind.label))
        kind_type = param_type(doc_kind)
        self.params_editor.set_type(kind_type)
        label = self.params_editor.label() or doc_kind.params_label
        self.params_label.setText(f"{label}：" if kind_type != "none" else "")
        self.params_editor.setVisible(kind_type != "none")
        self.batch_button.setVisible(doc_kind.batch_keys is not None)

    # ---- actions ----

    def preview(self) -> None:
        doc_kind, chooser = self.current_kind(), self.chooser()
        if doc_kind is None:
            return
        key = chooser.key() if chooser is not None else ""
        if not key:
            what = chooser.what if chooser is not None else "记录"
            self.message_label.setText(f"请先选择{what}。")
            if chooser is not None:
                chooser.setFocus()
            return
        self.message_label.clear()
        preview_document(self, self.workbook, doc_kind.kind, key, self.params_editor.params())

    def open_batch(self) -> BatchPrintDialog | None:
        doc_kind = self.current_kind()
        if doc_kind is None or doc_kind.batch_keys is None:
            return None
        dialog = BatchPrintDialog(self.workbook, doc_kind.kind, self.params_editor.params(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def verify(self) -> None:
        text = self.verify_edit.text().strip()
        if not text:
            return
        result = self.workbook.printing.verify(text)
        self.verify_result.setStyleSheet(OK_STYLE if result.ok else BAD_STYLE)
        # no title: the code names no record of ours (not our code, or the record is gone)
        self.verify_title.setText("✔ 核验通过" if result.ok else "✘ 核验不通过" if result.title else "✘ 无法核验")
        color = "#2e7d32" if result.ok else "#c62828"
        self.verify_title.setStyleSheet(f"color: {color}; font-size: 14pt; font-weight: bold;")
        self.verify_lines.setText(result.message)
        self.verify_result.show()
        self.verify_stretch.hide()
        self.verify_edit.selectAll()       # the next scan replaces this code

    # ---- fonts ----

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fonts_shown:
            self._fonts_shown = True
            QTimer.singleShot(0, self.show_fonts)    # finding fonts walks the font folders: after the page shows

    def show_fonts(self) -> None:
        try:
            fonts = default_fonts()
        except FontError as exc:
            self.fonts_label.setStyleSheet("color: #c62828;")
            self.fonts_label.setText(str(exc))
            return
        self.fonts_label.setText(fonts_text(fonts))
        body = next((c for c in fonts.choices if c.role == "body"), None)
        self.fonts_label.setStyleSheet("color: #b26a00;" if body is None or body.source != "official" else "")


def fonts_text(fonts: FontSet) -> str:
    """Which font prints what, one group per font file: a clerk must see at once when 仿宋 is missing."""
    groups: dict[tuple[str, str], list[str]] = {}
    for choice in fonts.choices:
        groups.setdefault((choice.path.name, choice.source), []).append(ROLE_FONTS.get(choice.role, choice.role))
    parts = [f"{'、'.join(roles)}：{name}" if source == "official" else
             f"{'、'.join(roles)}：以{name}（{SOURCE_LABELS[source]}）代替" for (name, source), roles in groups.items()]
    text = "打印字体　" + "；".join(parts) + "。"
    body = next((c for c in fonts.choices if c.role == "body"), None)
    if body is not None and body.source != "official":
        text += "本机没有安装仿宋（simfang.ttf）等公文字体，正式发文前请安装。"
    return text
