"""DESIGN.md's layer rule: core, data, documents, exchange and the CLI never import PySide6 or the GUI."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lingqiu_desktop"
QT_FREE = ["core", "data", "documents", "exchange", "printing", "cli.py", "cli_print.py",
           "cli_exchange.py", "cli_review.py", "workbook.py", "paths.py"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_lower_layers_never_import_qt_or_gui() -> None:
    files = []
    for part in QT_FREE:
        target = PACKAGE / part
        files += list(target.rglob("*.py")) if target.is_dir() else [target]
    assert len(files) > 5
    for file in files:
        for name in _imports(file):
            assert not name.startswith(("PySide6", "lingqiu_desktop.gui")), f"{file.relative_to(ROOT)} imports {name}"


def test_documents_render_from_plain_content_only() -> None:
    """documents/ turns plain dicts into PDF: it never reads the database (DESIGN.md: records → PDF bytes)."""
    for file in (PACKAGE / "documents").rglob("*.py"):
        for name in _imports(file):
            assert not name.startswith(("lingqiu_desktop.data", "lingqiu_desktop.workbook", "lingqiu_desktop.printing",
                                        "sqlite")), f"{file.relative_to(ROOT)} imports {name}"


def test_cli_process_never_loads_qt(tmp_path: Path) -> None:
    db = str(tmp_path / "x")
    code = (f"import sys, runpy; sys.argv=['main.py','--db',{db!r},'init','--office','140224101']\n"
            "try:\n    runpy.run_path('main.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 loaded'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
