"""What every record-editing dialog shares: save/cancel by keyboard, error display, read-only mode.

A subclass builds its Designer form (``self.ui = Ui_X(); self.ui.setupUi(self)``), lists its input widgets in
``INPUTS`` (object names = column names, in tab order), maps the Chinese labels of ValidationError.field to those
widgets in ``FIELD_WIDGETS``, calls :meth:`setup_form`, and implements :meth:`store`, which cleans the raw values
with core.records and writes through the Workbook's repositories. The repositories are transactional, so a
refused save leaves nothing behind and the dialog simply stays open with every problem shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError, id_birth_date, id_sex, validate_id_number

from lingqiu_desktop.data.store import NotFoundError, NotOwnedError

from lingqiu_desktop.workbook import Workbook

ERROR_COLOR = "#d93025"
STYLE_SHEET = f"""
*[invalid="true"] {{ border: 1px solid {ERROR_COLOR}; }}
QLabel#errorLabel {{ color: {ERROR_COLOR}; }}
QLabel#noteLabel {{ background: #fff4ce; color: #5c4400; padding: 6px; }}
QLineEdit[readOnly="true"] {{ background: #f0f0f0; }}
QLabel#head_id_info, QLabel#id_number_info {{ color: #555555; }}
"""
READ_ONLY_NOTE = "本记录属于其他单位，只读"
FIELD_WIDTH_CHARS = 16  # line edits are at least this many Chinese characters wide, whatever the font size
ID_HINT = "输入身份证号后自动显示性别和出生日期"

#: A combo item: the stored value and the text shown, or one string that is both.
ComboItem = str | tuple[Any, str]


def fill_combo(combo: QComboBox, items: Iterable[ComboItem]) -> None:
    combo.clear()
    for item in items:
        value, text = item if isinstance(item, tuple) else (item, item)
        combo.addItem(text, value)


def make_searchable(combo: QComboBox) -> None:
    """An editable combo whose typed text finds items containing it (村名中任意字)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


def widget_value(widget: QWidget) -> Any:
    """The raw value a widget holds, as the core's clean_* functions expect it."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        index = widget.currentIndex()
        if widget.isEditable():
            # typed text counts, whether or not it is one of the items
            index = widget.findText(widget.currentText().strip(), Qt.MatchFlag.MatchExactly)
            if index < 0:
                return widget.currentText().strip()
        data = widget.itemData(index) if index >= 0 else None
        return widget.currentText() if data is None else data
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value for {type(widget).__name__}")


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            index = widget.findText(display_text(value))
        if index < 0 and widget.isEditable():
            widget.setEditText(display_text(value))
            return
        if index < 0:
            # a stored value no longer in the list stays visible rather than being lost on save
            widget.addItem(display_text(value), value)
            index = widget.count() - 1
        widget.setCurrentIndex(index)
    elif isinstance(widget, QLineEdit):
        widget.setText(display_text(value))
        widget.setCursorPosition(0)


def id_summary(text: str) -> str:
    """"男，1980年1月1日生" once the text is a valid ID number, else a hint."""
    try:
        number = validate_id_number(text)
    except ValidationError:
        return ID_HINT
    born = id_birth_date(number)
    return f"{id_sex(number)}，{born.year}年{born.month}月{born.day}日生"


def align_labels(forms: Sequence[QFormLayout]) -> None:
    """Give the label column of forms stacked in one column the same width, so their fields line up."""
    labels = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                labels.append(item.widget())
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class RecordDialog(QDialog):
    """Base of the dialogs that add or edit one record. Subclasses set ``self.ui`` before :meth:`setup_form`."""

    #: object names of the input widgets, in tab order
    INPUTS: ClassVar[tuple[str, ...]] = ()
    #: ValidationError.field (a Chinese label) -> object name of the widget to mark
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {}
    #: line edits checked on their own when they lose focus: object name -> check raising ValidationError
    INLINE_CHECKS: ClassVar[dict[str, Callable[[str], object]]] = {}

    ui: Any

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.saved_id: str | None = None
        self.read_only = False
        self._errors: dict[str, str] = {}  # widget name (or "?field") -> message, in display order

    # -- set-up --------------------------------------------------------------------------------------------------
    def setup_form(self) -> None:
        self.setStyleSheet(STYLE_SHEET)
        box: QDialogButtonBox = self.ui.buttonBox
        save = box.button(QDialogButtonBox.StandardButton.Save)
        save.setText("保存")
        save.setToolTip("保存并关闭（回车）")
        save.setDefault(True)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        cancel.setToolTip("不保存，关闭（Esc）")
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self.ui.noteLabel.hide()
        width = self.fontMetrics().horizontalAdvance("中" * FIELD_WIDTH_CHARS)
        for name in self.INPUTS:
            if isinstance(self.input(name), QLineEdit):
                self.input(name).setMinimumWidth(width)
        for name in self.INLINE_CHECKS:
            line_edit: QLineEdit = self.input(name)
            line_edit.editingFinished.connect(lambda name=name: self.check_inline(name))

    def input(self, name: str) -> Any:
        return getattr(self.ui, name)

    def raw_values(self) -> dict[str, Any]:
        return {name: widget_value(self.input(name)) for name in self.INPUTS}

    def load(self, row: dict[str, Any]) -> None:
        for name in self.INPUTS:
            if name in row:
                set_widget_value(self.input(name), row[name])

    def set_read_only(self, note: str = READ_ONLY_NOTE) -> None:
        """Show a record of another office: every input locked, only 关闭 left."""
        self.read_only = True
        self.ui.noteLabel.setText(note)
        self.ui.noteLabel.show()
        for name in self.INPUTS:
            widget = self.input(name)
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        box: QDialogButtonBox = self.ui.buttonBox
        box.button(QDialogButtonBox.StandardButton.Save).hide()
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("关闭")
        cancel.setDefault(True)

    # -- saving --------------------------------------------------------------------------------------------------
    def store(self, raw: dict[str, Any]) -> str:
        """Clean ``raw`` and write it; return the record id. Raise ValidationError(s) when it is refused."""
        raise NotImplementedError

    def save(self) -> None:
        if self.read_only:
            return
        try:
            record_id = self.store(self.raw_values())
        except ValidationError as exc:
            self.show_errors(getattr(exc, "errors", [exc]))
        except (NotOwnedError, NotFoundError) as exc:
            self.show_errors([], message=str(exc))
        else:
            self.saved_id = record_id
            self.accept()

    # -- errors --------------------------------------------------------------------------------------------------
    def show_errors(self, errors: Sequence[ValidationError], message: str = "") -> None:
        """Show every message, mark every bad widget and put the cursor in the first one (in tab order)."""
        self._errors = {}
        for error in errors:
            key = self.FIELD_WIDGETS.get(error.field) or f"?{error.field}"
            self._errors[key] = "；".join(filter(None, (self._errors.get(key), str(error))))
        if message:
            self._errors["?"] = message
        self._refresh_errors()
        bad = [name for name in self.INPUTS if name in self._errors]
        if bad:
            widget = self.input(bad[0])
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def check_inline(self, name: str) -> None:
        """Check one line edit on its own (when it loses focus); an empty one waits for 保存."""
        if self.read_only:
            return
        text = self.input(name).text()
        self._errors.pop(name, None)
        if text.strip():
            try:
                self.INLINE_CHECKS[name](text)
            except ValidationError as exc:
                self._errors[name] = str(exc)
        self._refresh_errors()

    def _refresh_errors(self) -> None:
        for name in self.INPUTS:
            self._mark(self.input(name), name in self._errors)
        label: QLabel = self.ui.errorLabel
        label.setText("；".join(self._errors.values()))
        label.setVisible(bool(self._errors))

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) == invalid:
            return
        widget.setProperty("invalid", invalid)
        # a dynamic property only restyles after an unpolish/polish round
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()
