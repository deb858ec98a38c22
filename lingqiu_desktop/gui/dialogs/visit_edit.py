"""新增/修改走访记录 (ui/dialogs/visit_edit.ui): an entry form a clerk fills with the keyboard alone.

Tab walks the fields top to bottom; Enter on a one-line field saves; the multi-line boxes keep Enter for new lines,
so Ctrl+Enter saves from anywhere. For a stack of paper records, 保存并新建 (Ctrl+Shift+Enter) saves and clears the
form for the next one, keeping the date, the kind and the visitors.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from lingqiu_desktop.core import visits as rules
from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.data.store import NotFoundError, NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo, make_searchable, set_widget_value
from lingqiu_desktop.gui.forms.dialogs.ui_visit_edit import Ui_VisitDialog
from lingqiu_desktop.gui.pickers import HouseholdPicker, PeoplePicker

VISITOR_KINDS = frozenset(("工作队员", "第一书记", "帮扶责任人", "干部"))
TEXTS = ("situation", "problems", "actions", "promise")
TEXT_LINES = {"situation": 3, "problems": 2, "actions": 2, "promise": 2}   # fits 1366×768 with every label shown
HINT = "Tab 下一项　　多行框中回车换行　　Ctrl+回车 保存　　Esc 取消"
HINT_NEW = "Tab 下一项　　多行框中回车换行　　Ctrl+回车 保存　　Ctrl+Shift+回车 保存并新建　　Esc 取消"
PLACE_HINT = "输入户主或成员姓名、身份证号、拼音首字母，按↓选择；记全村情况请勾选“村情日志”"
DIALOG_WIDTH_CHARS = 52   # wide enough that a diary sentence fits a line and the place line never wraps
VISITORS_TIP = "输入姓名或拼音首字母，按↓选择后回车加入；可加入多人。在名单中按 Delete 移除"
NO_VILLAGES = "本单位还没有登记村庄，请先在“村庄”中新增村庄。"


class _DateKeys(QObject):
    """↑/↓ in a date field move it a day later/earlier: paging through a diary needs no retyping."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(event.key())  # type: ignore[attr-defined]
            if step:
                try:
                    day = parse_date(watched.text(), "日期", earliest=None)
                except ValidationError:
                    return False
                watched.setText((day + timedelta(days=step)).isoformat())
                return True
        return False


class _ListDelete(QObject):
    """Delete or Backspace in the visitor list removes the selected visitor (the 移除 button by keyboard)."""

    def __init__(self, people: PeoplePicker) -> None:
        super().__init__(people)
        self.people = people

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
                Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.people.remove_button.click()
            return True
        return False


class VisitDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "visit_date", "kind", "weather", "household_id", "village_log", "village_id", "visitors", *TEXTS,
        "follow_up_due", "signed", "photo_ref",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        rules.F_DATE: "visit_date", rules.F_TARGET: "household_id", rules.F_VILLAGE: "village_id",
        rules.F_KIND: "kind", rules.F_VISITORS: "visitors", rules.F_FOLLOW_UP: "follow_up_due",
        rules.F_SIGNED: "signed",
    }

    def __init__(self, workbook: Workbook, visit_id: str | None = None, household_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_VisitDialog()
        self.ui.setupUi(self)
        self.visit_id = visit_id
        self.saved_ids: list[str] = []
        self._kinds = list(workbook.settings.get("visit.kinds"))
        self._build_pickers()
        self._build_inputs()
        self.setup_form()
        self._build_keys()
        align_labels([self.ui.visitForm, self.ui.contentForm, self.ui.followForm])
        if visit_id:
            self._open_existing(visit_id)
        else:
            self._start_new(household_id)
        # a first show limits a window to 2/3 of the screen, which would squeeze the text boxes on 1366×768
        self.resize(self.sizeHint())

    # -- set-up --------------------------------------------------------------------------------------------------
    def _build_pickers(self) -> None:
        ui = self.ui
        township = "" if self.workbook.is_county else self.workbook.office_code
        self.household = HouseholdPicker(self.workbook, parent=ui.householdSlot)
        self.household.setObjectName("household_id")
        ui.householdSlot.layout().addWidget(self.household)
        self.people = PeoplePicker(self.workbook, parent=ui.visitorsSlot,
                                   search=lambda text: self._visitor_search(text, township))
        self.people.setObjectName("visitorsPicker")
        self.people.picker.setObjectName("visitors")
        self.people.list.setObjectName("visitorList")
        self.people.picker.setToolTip(VISITORS_TIP)
        self.people.list.setToolTip(VISITORS_TIP)
        self.people.list.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.people.list.installEventFilter(_ListDelete(self.people))
        self.people.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Delete in the list does it
        ui.visitorsSlot.layout().addWidget(self.people)
        ui.household_id, ui.visitors = self.household, self.people.picker  # INPUTS are looked up on self.ui
        self.household.chosen.connect(lambda _id: self._show_place())
        self.household.textEdited.connect(lambda _t: self._show_place())

    def _visitor_search(self, text: str, township: str) -> list[dict[str, Any]]:
        keep = self.workbook.people.search(text, kinds=tuple(VISITOR_KINDS), limit=60)
        # a township's own people first, then county cadres and helpers from county units
        keep.sort(key=lambda r: (bool(township) and r.get("township_code") != township))
        return keep[:20]

    def _build_inputs(self) -> None:
        ui = self.ui
        fill_combo(ui.kind, self._kinds)
        fill_combo(ui.weather, ["", *rules.WEATHER_CHOICES])
        fill_combo(ui.signed, list(rules.SIGNED_CHOICES))
        wb = self.workbook
        names = dict(wb.townships())
        villages = wb.villages.choices("" if wb.is_county else wb.office_code)
        fill_combo(ui.village_id, [(vid, f"{names.get(tc, tc)}·{name}" if wb.is_county else name)
                                   for vid, name, tc in villages])
        make_searchable(ui.village_id)
        ui.village_id.lineEdit().setPlaceholderText("输入村名查找")
        ui.village_id.setCurrentIndex(-1)
        ui.village_id.currentIndexChanged.connect(lambda _i: self._show_place())
        ui.village_log.toggled.connect(self._village_log_toggled)
        self._village_log_toggled(False)
        for name, lines in TEXT_LINES.items():
            box: QPlainTextEdit = getattr(ui, name)
            box.ensurePolished()   # app.qss gives text boxes a min-height; set ours after it, not before
            box.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        keys = _DateKeys(self)
        for line in (ui.visit_date, ui.follow_up_due):
            line.installEventFilter(keys)
            line.setMaxLength(12)
        ui.visit_date.setMinimumWidth(self.fontMetrics().horizontalAdvance("2018-11-20") * 2)
        ui.follow_up_due.setMinimumWidth(ui.visit_date.minimumWidth())
        ui.photo_ref.setMinimumWidth(self.fontMetrics().horizontalAdvance("IMG_20181120_0001"))
        self.household.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 20))
        ui.village_id.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 9))
        ui.savedLabel.setStyleSheet("color: #2e7d32;")   # good news, unlike the red error line
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * DIALOG_WIDTH_CHARS))

    def setup_form(self) -> None:
        super().setup_form()
        # base.setup_form widens every line edit to 16 characters; dates and photo numbers need less
        for line in (self.ui.visit_date, self.ui.follow_up_due, self.ui.photo_ref):
            line.setMinimumWidth(self.fontMetrics().horizontalAdvance("2018-11-20") * 2)
        self.ui.savedLabel.hide()

    def _build_keys(self) -> None:
        ui = self.ui
        self.new_button = QPushButton("保存并新建")
        self.new_button.setObjectName("saveNewButton")
        self.new_button.setToolTip("保存这一条，接着录入下一条（Ctrl+Shift+回车）；保留日期、类型和走访人")
        self.new_button.setAutoDefault(False)
        ui.buttonBox.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.clicked.connect(self.save_and_new)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setToolTip("保存并关闭（回车；多行框中 Ctrl+回车）")
        for keys, slot in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save),
                           ("Ctrl+Shift+Return", self.save_and_new), ("Ctrl+Shift+Enter", self.save_and_new)):
            QShortcut(QKeySequence(keys), self, slot)
        chain = [self.input(n) for n in self.INPUTS]
        chain.insert(chain.index(self.people.picker) + 1, self.people.list)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- opening ---------------------------------------------------------------------------------------------------
    def _start_new(self, household_id: str) -> None:
        self.setWindowTitle("新增走访记录")
        self.ui.hintLabel.setText(HINT_NEW)
        self.ui.visit_date.setText(self.workbook.today().isoformat())
        if household_id:
            self.household.set_household(household_id)
        self._show_place()
        if not self.workbook.villages.choices("" if self.workbook.is_county else self.workbook.office_code):
            self.show_errors([], message=NO_VILLAGES)
        self.ui.visit_date.setFocus()
        self.ui.visit_date.selectAll()

    def _open_existing(self, visit_id: str) -> None:
        row = self.workbook.visits.get(visit_id)
        self.new_button.hide()
        self.ui.hintLabel.setText(HINT)
        if row["kind"] not in self._kinds:   # a kind since taken off the settings list stays valid for this record
            self._kinds.append(row["kind"])
        set_widget_value(self.ui.kind, row["kind"])
        set_widget_value(self.ui.weather, row["weather"])
        set_widget_value(self.ui.signed, row["signed"])
        for name in ("visit_date", "follow_up_due", "photo_ref"):
            set_widget_value(self.input(name), row[name])
        for name in TEXTS:
            box: QPlainTextEdit = getattr(self.ui, name)
            box.setPlainText(row[name] or "")
            box.moveCursor(QTextCursor.MoveOperation.End)   # what is typed on a later visit is added at the end
        if row["household_id"]:
            self.household.set_household(row["household_id"])
        else:
            self.ui.village_log.setChecked(True)
            set_widget_value(self.ui.village_id, row["village_id"])
        self.people.set_people([p["id"] for p in self.workbook.visits.visitors(visit_id)])
        self._show_place()
        self._show_follow_up(row)
        who = "村情日志" if not row["household_id"] else f"{self.household.text().split('（')[0]}户"
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改走访记录：{who}（{row['visit_date']}）")
        else:
            self.setWindowTitle(f"查看走访记录：{who}（{row['visit_date']}）")
            self.set_read_only()

    def _show_follow_up(self, row: dict[str, Any]) -> None:
        if row["follow_up_done_at"]:
            self._say(f"回访已完成：{row['follow_up_done_at']}，回访人 {row['follow_up_done_by'] or '（未记）'}")
        elif row["follow_up_due"]:
            state = rules.follow_up_state(row["follow_up_due"], None, self.workbook.today())
            self._say(f"回访期限 {row['follow_up_due']}，{state}")

    def set_read_only(self, note: str = "本记录属于其他单位，只读") -> None:
        super().set_read_only(note)
        for name in TEXTS:
            box: QPlainTextEdit = getattr(self.ui, name)
            box.setEnabled(True)
            box.setReadOnly(True)   # readable and selectable, unlike a disabled box
        self.people.setEnabled(False)
        self.new_button.hide()
        self.ui.hintLabel.hide()   # nothing to type

    # -- the target: a household, or a village log ----------------------------------------------------------------
    def _village_log_toggled(self, checked: bool) -> None:
        self.household.setEnabled(not checked)
        self.ui.village_id.setEnabled(checked)
        if checked:
            self.household.set_household("")
        self._show_place()

    def _show_place(self) -> None:
        """Which village and which work team the visit will be filed under."""
        household_id = "" if self.ui.village_log.isChecked() else self.household.household_id()
        village_id = self.ui.village_id.currentData() if self.ui.village_log.isChecked() else ""
        label = self.ui.placeInfo
        if not household_id and not village_id:
            label.setText(PLACE_HINT)
            return
        try:
            place = self.workbook.visits.placement(household_id, village_id or "", self._date_text())
        except (LookupError, ValidationError):
            label.setText("")
            return
        team = place["team"] or "（该村当时没有驻村工作队）"
        label.setText(f"所属村：{place['village']}　　驻村工作队：{team}")

    def _date_text(self) -> str:
        try:
            return parse_date(self.ui.visit_date.text(), rules.F_DATE).isoformat()
        except ValidationError:
            return self.workbook.today().isoformat()

    # -- saving --------------------------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        ui = self.ui
        log = ui.village_log.isChecked()
        village_index = ui.village_id.findText(ui.village_id.currentText().strip(), Qt.MatchFlag.MatchExactly)
        return {
            "visit_date": ui.visit_date.text(), "kind": ui.kind.currentData(), "weather": ui.weather.currentText(),
            "household_id": "" if log else self.household.household_id(), "village_log": log,
            "village_id": ui.village_id.itemData(village_index) if log and village_index >= 0 else "",
            "visitor_ids": self.people.person_ids(),
            **{name: getattr(ui, name).toPlainText() for name in TEXTS},
            "follow_up_due": ui.follow_up_due.text(), "signed": ui.signed.currentData(),
            "photo_ref": ui.photo_ref.text(),
        }

    def store(self, raw: dict[str, Any]) -> str:
        values = rules.clean_visit(raw, self.workbook.today(), self._kinds)
        visitors = values.pop("visitor_ids")
        if self.visit_id:
            return str(self.workbook.visits.update(self.visit_id, values, visitors)["id"])
        return str(self.workbook.visits.add(values, visitors)["id"])

    def _attempt(self) -> str | None:
        """Store the form; on refusal show every problem and return None (nothing was written)."""
        try:
            record_id = self.store(self.raw_values())
        except ValidationError as exc:
            self.show_errors(getattr(exc, "errors", [exc]))
        except (NotOwnedError, NotFoundError) as exc:
            self.show_errors([], message=str(exc))
        else:
            self.saved_ids.append(record_id)
            self.saved_id = record_id
            return record_id
        return None

    def save(self) -> None:
        if not self.read_only and self._attempt():
            self.accept()

    def save_and_new(self) -> None:
        """Save, then clear the form for the next paper record; date, kind and visitors stay."""
        if self.read_only:
            return
        if self.visit_id:
            self.save()
            return
        if not self._attempt():
            return
        saved = self.workbook.visits.get(self.saved_ids[-1])
        who = f"{self.household.text().split('（')[0]}户" if saved["household_id"] else "村情日志"
        self._clear_for_next()
        self._say(f"已保存第 {len(self.saved_ids)} 条：{who}（{saved['visit_date']}）。请录入下一条。")

    def _clear_for_next(self) -> None:
        ui = self.ui
        self.show_errors([])
        ui.village_log.setChecked(False)
        self.household.set_household("")
        ui.village_id.setCurrentIndex(-1)
        ui.weather.setCurrentIndex(0)
        for name in TEXTS:
            getattr(ui, name).clear()
        ui.follow_up_due.clear()
        ui.signed.setCurrentIndex(0)
        ui.photo_ref.clear()
        self._show_place()
        self.household.setFocus()

    def _say(self, text: str) -> None:
        self.ui.savedLabel.setText(text)
        self.ui.savedLabel.setVisible(bool(text))

