"""Village work teams (驻村工作队), their members and postings, and the team's history of changes."""

from __future__ import annotations

from lingqiu_desktop.data.store import Store

LIST_KIND = "team"


class TeamRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
