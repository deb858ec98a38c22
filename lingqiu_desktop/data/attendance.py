"""Attendance (考勤) of work-team members: the month grid, leave requests and spot checks."""

from __future__ import annotations

from lingqiu_desktop.data.store import Store


class AttendanceRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
