"""Pickers: type pinyin initials, choose from the popup with the keyboard, get the record's id."""

from PySide6.QtCore import Qt

from tests.helpers import add_household, add_village, type_chinese

from lingqiu_desktop.gui.pickers import HouseholdPicker, PeoplePicker, PersonPicker


def _person(wb, name, unit="县扶贫办", kind="工作队员"):
    from lingqiu_desktop.core.pinyin import initials

    return wb.people.add({"name": name, "name_initials": initials(name), "unit": unit, "kind": kind,
                          "township_code": wb.office_code})


def _choose_first(qtbot, picker) -> None:
    picker.search_now()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_person_picker_by_initials(qtbot, workbook) -> None:
    target = _person(workbook, "张先云")
    _person(workbook, "李明")
    picker = PersonPicker(workbook)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "zxy")
    picker.search_now()
    assert picker.matches() == ["张先云（县扶贫办）"]
    with qtbot.waitSignal(picker.chosen):
        _choose_first(qtbot, picker)
    assert picker.person_id() == target["id"]
    qtbot.keyClicks(picker, "x")
    assert picker.person_id() == "", "editing the text undoes the choice"


def test_household_picker_by_name(qtbot, workbook) -> None:
    village = add_village(workbook)
    row = add_household(workbook, village["id"], "王大山")
    picker = HouseholdPicker(workbook)
    qtbot.addWidget(picker)
    picker.show()
    type_chinese(picker, "王大")
    _choose_first(qtbot, picker)
    assert picker.household_id() == row["id"]
    assert "下野窝村" in picker.text() and row["head_id_number"][-4:] in picker.text()
    picker.set_household("")
    assert picker.household_id() == "" and picker.text() == ""
    picker.set_household(row["id"])
    assert picker.household_id() == row["id"]


def test_people_picker_collects_several(qtbot, workbook) -> None:
    a, b = _person(workbook, "张先云"), _person(workbook, "李明")
    widget = PeoplePicker(workbook)
    qtbot.addWidget(widget)
    widget.show()
    for text in ("zxy", "lm", "zxy"):
        qtbot.keyClicks(widget.picker, text)
        _choose_first(qtbot, widget.picker)
        qtbot.waitUntil(lambda: widget.picker.text() == "")  # ready for the next name
    assert widget.person_ids() == [a["id"], b["id"]], "the same person is listed once"
    widget.list.setCurrentRow(0)
    qtbot.mouseClick(widget.remove_button, Qt.MouseButton.LeftButton)
    assert widget.person_ids() == [b["id"]]
