"""Test data builders: valid ID numbers and ready-made records."""

from __future__ import annotations

import itertools

from lingqiu_desktop.core.records import clean_household, clean_member, clean_village
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.workbook import Workbook

_sequence = itertools.count(11)


def id_number(birth: str = "19800101", male: bool = True, prefix: str = "140224") -> str:
    """A valid 18-digit ID number; each call gives a new one."""
    seq = next(_sequence) * 2 + (1 if male else 0)
    first17 = f"{prefix}{birth}{seq % 1000:03d}"
    return first17 + id_check_char(first17)


def add_village(wb: Workbook, code_suffix: str = "201", name: str = "下野窝村", township: str = "") -> dict:
    township = township or wb.office_code
    return wb.villages.add(clean_village({"code": township + code_suffix, "name": name, "is_poor": True}, township))


def add_household(wb: Workbook, village_id: str, name: str = "张先云", **fields: str) -> dict:
    number = fields.pop("head_id_number", None) or id_number()
    values = clean_household({"head_name": name, "head_id_number": number, "main_cause": "因病", **fields})
    head = clean_member({"name": name, "id_number": number, "relation": "户主"})
    return wb.households.add(village_id, values, head)


def type_chinese(widget, text: str) -> None:
    """Type Chinese the way a pinyin input method does: one committed string (QTest.keyClicks aborts on non-ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
