"""Annual assessment (考核) of work-team members, with the spot-check cap rule from settings."""

from __future__ import annotations

from lingqiu_desktop.data.store import Store


class AssessmentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
