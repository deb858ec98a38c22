"""Dialogs that add or edit one record; each module pairs with ui/dialogs/<name>.ui and tests/gui/test_<name>.py.

Import the dialog you need from its module (``from lingqiu_desktop.gui.dialogs.village_edit import VillageDialog``);
nothing is imported here, so opening one dialog does not load every form.
"""
