"""Counts of rows per record family and per owner (the `stats` command, and the county's view of townships)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

# The record families, in the order DESIGN.md lists them; each is a table with an owner column.
FAMILIES: tuple[str, ...] = (
    "village", "household", "household_member", "household_income", "helper_assignment", "person", "work_team",
    "team_membership", "team_event", "attendance", "leave_request", "spot_check", "visit", "visit_visitor",
    "training", "training_attendee", "letter", "indicator", "indicator_progress", "assessment", "meeting",
    "meeting_decision", "work_group", "board_item", "audit_log", "app_user", "export_log",
)


def table_stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """{"tables": {table: {"total": n, "by_owner": {code: n}}}} for every record family."""
    tables: dict[str, Any] = {}
    for table in FAMILIES:
        by_owner = {owner: n for owner, n in db.execute(
            f"SELECT owner, COUNT(*) FROM [{table}] GROUP BY owner ORDER BY owner").fetchall()}
        tables[table] = {"total": sum(by_owner.values()), "by_owner": by_owner}
    return {"tables": tables}
