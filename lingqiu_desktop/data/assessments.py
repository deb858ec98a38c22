"""Annual assessment (考核) of work-team members, with the spot-check cap rule from settings.

One row per member and year (UNIQUE year, subject_kind 'person', subject_id). The stored ``rating`` is the rating
after the cap rule; ``capped_by`` says why it differs from the proposed one (and names the proposed one), so the
printed 考核表 and the audit trail both show what the assessor asked for and what the rule allowed.
"""

from __future__ import annotations

from typing import Any

from lingqiu_desktop.core.attendance import capped_rating
from lingqiu_desktop.core.validation import ValidationError, parse_number, parse_year

from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.store import Store

RATINGS_KEY = "assessment.ratings"
CAPS_KEY = "assessment.absence_caps"


class AssessmentRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsRepository(store)

    def scale(self) -> list[str]:
        return list(self.settings.get(RATINGS_KEY, ["优秀", "称职", "基本称职", "不称职"]))

    def caps(self) -> dict[str, str]:
        return dict(self.settings.get(CAPS_KEY, {}))

    def members(self, year: int | str, township_code: str = "", team_id: str = "") -> list[dict[str, Any]]:
        """Everyone posted to a team during ``year`` (their latest posting that year), with the spot-check
        absences of the year and the assessment already recorded, if any."""
        y = parse_year(year)
        where, params = self._filters(township_code, team_id)
        cursor = self.store.db.execute(
            # the bare columns of a MAX() aggregate come from the row holding the maximum: the latest posting
            "SELECT m.person_id, p.name, MAX(m.start_date) AS start_date, m.end_date, m.role, m.team_id, "
            "w.name AS team, v.name AS village, w.township_code, o.name AS township, "
            "(SELECT COUNT(*) FROM spot_check s WHERE s.person_id = m.person_id AND s.check_date BETWEEN :first "
            " AND :last AND s.present = 0 AND s.excused = 0) AS absences, "
            "a.id, a.owner, a.score, a.rating, a.capped_by, a.assessor, a.remarks "
            "FROM team_membership m JOIN person p ON p.id = m.person_id JOIN work_team w ON w.id = m.team_id "
            "LEFT JOIN village v ON v.id = w.village_id LEFT JOIN office o ON o.code = w.township_code "
            "LEFT JOIN assessment a ON a.year = :year AND a.subject_kind = 'person' AND a.subject_id = m.person_id "
            f"WHERE m.start_date <= :last AND (m.end_date IS NULL OR m.end_date >= :first) {where} "
            "GROUP BY m.person_id ORDER BY o.sort_order, v.code, w.name, "
            "CASE m.role WHEN '第一书记' THEN 0 WHEN '队长' THEN 1 ELSE 2 END, p.name",
            {"year": y, "first": f"{y}-01-01", "last": f"{y}-12-31", **params})
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    @staticmethod
    def _filters(township_code: str, team_id: str) -> tuple[str, dict[str, Any]]:
        clauses, params = [], {}
        if township_code:
            clauses.append("AND w.township_code = :township")
            params["township"] = township_code
        if team_id:
            clauses.append("AND m.team_id = :team")
            params["team"] = team_id
        return " ".join(clauses), params

    def list(self, year: int | str, township_code: str = "") -> list[dict[str, Any]]:
        """The assessments recorded for a year (of a township, or the whole county)."""
        return [row for row in self.members(year, township_code) if row["rating"]]

    def preview(self, proposed: str, absences: int) -> tuple[str, str]:
        """What set_rating would store for ``proposed`` given ``absences``: (rating, reason)."""
        return capped_rating(proposed, absences, self.scale(), self.caps())

    def set_rating(self, person_id: str, year: int | str, proposed: str, score: float | str | None = None,
                   assessor: str = "", remarks: str = "") -> dict[str, Any]:
        """Record a member's rating for the year; the spot-check cap rule may lower it (the reason is kept)."""
        y = parse_year(year)
        value = None if score in (None, "") else parse_number(score, "考核得分", minimum=0, maximum=100)
        with self.store.transaction():
            if not self._posted_in(person_id, y):
                raise ValidationError("人员", f"{y}年不是驻村工作队员，不能考核")
            absences = self._absences(person_id, y)
            rating, reason = capped_rating((proposed or "").strip(), absences, self.scale(), self.caps())
            values = {"score": value, "rating": rating, "capped_by": reason, "assessor": assessor.strip(),
                      "remarks": remarks.strip()}
            row = self.store.db.execute(
                "SELECT id FROM assessment WHERE year = ? AND subject_kind = 'person' AND subject_id = ?",
                [y, person_id]).fetchone()
            if row:
                return self.store.update("assessment", row[0], values)
            return self.store.insert("assessment", {"year": y, "subject_kind": "person", "subject_id": person_id,
                                                    **values})

    def _posted_in(self, person_id: str, year: int) -> bool:
        return self.store.db.execute(
            "SELECT 1 FROM team_membership WHERE person_id = ? AND start_date <= ? "
            "AND (end_date IS NULL OR end_date >= ?) LIMIT 1", [person_id, f"{year}-12-31", f"{year}-01-01"]
        ).fetchone() is not None

    def _absences(self, person_id: str, year: int) -> int:
        return int(self.store.db.execute(
            "SELECT COUNT(*) FROM spot_check WHERE person_id = ? AND check_date BETWEEN ? AND ? "
            "AND present = 0 AND excused = 0", [person_id, f"{year}-01-01", f"{year}-12-31"]).fetchone()[0])

    def get(self, person_id: str, year: int | str) -> dict[str, Any] | None:
        cursor = self.store.db.execute(
            "SELECT * FROM assessment WHERE year = ? AND subject_kind = 'person' AND subject_id = ?",
            [parse_year(year), person_id])
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None
