"""Test set-up: Qt offscreen (before any QApplication exists), a private data folder, fresh databases."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from lingqiu_desktop.workbook import Workbook  # noqa: E402

TOWNSHIP = "140224101"  # 东河南镇


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real per-user data folder."""
    monkeypatch.setenv("LINGQIU_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite3"


@pytest.fixture
def workbook(db_path: Path):
    wb = Workbook.create(db_path, TOWNSHIP)
    yield wb
    wb.close()
