"""Where things live: resources in the source tree or the PyInstaller bundle, user data in the per-user folder.

No Qt here: the CLI uses these paths too. platformdirs gives the same folder Qt's AppDataLocation would
(~/.local/share/<app> on Linux, %LOCALAPPDATA%\\<app> on Windows).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

from lingqiu_desktop import APP_ID

_DB_FILE = "office.sqlite3"


def project_root() -> Path:
    """The folder holding db/ and resources/: the bundle's _MEIPASS when frozen, else the source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return project_root() / "db" / "migrations"


def user_data_dir() -> Path:
    """The per-user data folder; LINGQIU_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("LINGQIU_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_ID, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / _DB_FILE


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database in a backups/ folder."""
    path = db_path.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
