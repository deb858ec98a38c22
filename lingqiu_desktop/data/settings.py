"""Settings rows: JSON values over the defaults in core/settings.py."""

from __future__ import annotations

import json
from typing import Any

from lingqiu_desktop.core.settings import DEFAULTS

from lingqiu_desktop.data.store import Store, now_text


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        row = self.store.db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        if row is not None:
            return json.loads(row[0])
        return DEFAULTS.get(key, default)

    def set(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        with self.store.transaction():
            before = self.store.db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
            self.store.db.execute(
                "INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                [key, text, now_text(), self.store.user_name],
            )
            self.store.audit("update" if before else "insert", "setting", key,
                             {"value": before[0]} if before else None, {"value": text})
