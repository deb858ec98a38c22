"""Trainings (培训) for work teams, first secretaries, village cadres and households, with attendees."""

from __future__ import annotations

from lingqiu_desktop.data.store import Store

LIST_KIND = "training"


class TrainingRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
