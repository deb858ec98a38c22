"""The committed forms in lingqiu_desktop/gui/forms/ match ui/**/*.ui (run `make ui` after editing a form)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "build" / "compile_ui.py"
INPUT_CLASSES = {"QLineEdit", "QComboBox", "QCheckBox", "QSpinBox", "QDoubleSpinBox", "QDateEdit", "QPlainTextEdit",
                 "QTextEdit", "QRadioButton"}


def test_generated_forms_are_fresh() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def compiler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """build/compile_ui.py pointed at a scratch copy of the project."""
    spec = importlib.util.spec_from_file_location("compile_ui_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "UI_DIR", tmp_path / "ui")
    monkeypatch.setattr(module, "FORMS_DIR", tmp_path / "pkg" / "forms")
    (tmp_path / "ui" / "dialogs").mkdir(parents=True)
    shutil.copy(ROOT / "ui" / "dialogs" / "village_edit.ui", tmp_path / "ui" / "dialogs" / "village_edit.ui")
    return module


def test_check_reports_missing_stale_and_orphaned_files(compiler: ModuleType, tmp_path: Path, capsys) -> None:
    generated = tmp_path / "pkg" / "forms" / "dialogs" / "ui_village_edit.py"
    assert compiler.main(["--check"]) == 1
    assert "missing  pkg/forms/dialogs/ui_village_edit.py" in capsys.readouterr().out

    assert compiler.main([]) == 0
    first = generated.read_bytes()
    assert b"class Ui_VillageDialog" in first
    assert (tmp_path / "pkg" / "forms" / "__init__.py").exists()
    assert (tmp_path / "pkg" / "forms" / "dialogs" / "__init__.py").exists()
    assert compiler.main(["--check"]) == 0
    assert compiler.main([]) == 0
    assert generated.read_bytes() == first  # deterministic
    assert str(tmp_path).encode() not in first  # nothing machine-specific

    ui_file = tmp_path / "ui" / "dialogs" / "village_edit.ui"
    edited = ui_file.read_text(encoding="utf-8").replace("村名(&amp;N)", "村庄名称(&amp;N)")
    ui_file.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert compiler.main(["--check"]) == 1
    assert "stale    pkg/forms/dialogs/ui_village_edit.py" in capsys.readouterr().out

    ui_file.unlink()
    assert compiler.main(["--check"]) == 1
    assert "orphan   pkg/forms/dialogs/ui_village_edit.py" in capsys.readouterr().out
    assert compiler.main([]) == 0
    assert not generated.exists()


@pytest.mark.parametrize("name", ["village_edit", "household_edit", "member_edit"])
def test_record_dialog_forms_follow_the_conventions(name: str) -> None:
    root = ET.parse(ROOT / "ui" / "dialogs" / f"{name}.ui").getroot()
    widgets = {w.get("name"): w.get("class") for w in root.iter("widget")}
    assert widgets.get("errorLabel") == "QLabel"
    assert widgets.get("buttonBox") == "QDialogButtonBox"
    buttons = root.find(".//widget[@name='buttonBox']/property[@name='standardButtons']/set")
    assert buttons is not None and set(buttons.text.split("|")) == {
        "QDialogButtonBox::StandardButton::Cancel", "QDialogButtonBox::StandardButton::Save"}
    title = root.find("./widget/property[@name='windowTitle']/string")
    assert title is not None and any("\u4e00" <= c <= "\u9fff" for c in title.text)
    # every input is in the explicit tab order, once
    tabstops = [t.text for t in root.iter("tabstop")]
    inputs = {n for n, cls in widgets.items() if cls in INPUT_CLASSES}
    assert len(tabstops) == len(set(tabstops))
    assert set(tabstops) == inputs
    # every label's buddy exists
    for buddy in root.iter("cstring"):
        assert buddy.text in widgets
