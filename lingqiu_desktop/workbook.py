"""The Workbook: one open office database, and the single API that the GUI and the CLI call.

Like Anki's Collection, it owns the connection and hands out repositories; widgets never run SQL.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

from lingqiu_desktop.core.offices import COUNTY_CODE, OFFICES, office_name
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data import (
    dashboard,
    households,
    letters,
    listing,
    meetings,
    people,
    teams,
    trainings,
    villages,
    visits,
)
from lingqiu_desktop.data.assessments import AssessmentRepository
from lingqiu_desktop.data.attendance import AttendanceRepository
from lingqiu_desktop.data.board import BoardRepository
from lingqiu_desktop.data.database import DatabaseError, integrity_problems, migrate, open_database, schema_version
from lingqiu_desktop.data.households import HouseholdRepository
from lingqiu_desktop.data.letters import LetterRepository
from lingqiu_desktop.data.meetings import MeetingRepository
from lingqiu_desktop.data.people import PersonRepository
from lingqiu_desktop.data.progress import ProgressRepository
from lingqiu_desktop.data.reviews import ReviewRepository
from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.stats import table_stats
from lingqiu_desktop.data.store import Store
from lingqiu_desktop.data.teams import TeamRepository
from lingqiu_desktop.data.trainings import TrainingRepository
from lingqiu_desktop.data.villages import VillageRepository
from lingqiu_desktop.data.visits import VisitRepository

if TYPE_CHECKING:
    from lingqiu_desktop.exchange.service import ExchangeService
    from lingqiu_desktop.printing.service import PrintService

OFFICE_KEY = "office.code"
REFERENCE_DATE_KEY = "app.reference_date"
DEFAULT_USER = "管理员"

# Every data module with a list page names its LIST_KIND and SPEC; the Workbook serves them all the same way.
LIST_SPECS: dict[str, listing.ListSpec] = {
    module.LIST_KIND: module.SPEC
    for module in (villages, households, visits, people, teams, trainings, meetings, letters)
    if getattr(module, "SPEC", None) is not None
}


ListFilter = Any  # each list module's Filter dataclass: anything with .query() -> ListQuery


class NotInitialisedError(DatabaseError):
    pass


def validate_office_code(code: str) -> str:
    code = code.strip()
    if code not in OFFICES:
        raise ValidationError("单位代码", f"{code or '（空）'}不是灵丘县（140224）或其12个乡镇之一的代码")
    return code


class Workbook:
    """An open office database. Use as a context manager, or call close()."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None, office_code: str,
                 user_name: str = DEFAULT_USER) -> None:
        self.db = db
        self.path = path
        self.office_code = office_code
        self.store = Store(db, office_code, user_name)
        self.settings = SettingsRepository(self.store)
        self.villages = VillageRepository(self.store)
        self.households = HouseholdRepository(self.store)
        self.people = PersonRepository(self.store)
        self.teams = TeamRepository(self.store)
        self.attendance = AttendanceRepository(self.store)
        self.visits = VisitRepository(self.store)
        self.trainings = TrainingRepository(self.store)
        self.assessments = AssessmentRepository(self.store)
        self.board = BoardRepository(self.store)
        self.meetings = MeetingRepository(self.store)
        self.letters = LetterRepository(self.store)
        self.progress = ProgressRepository(self.store)
        self.reviews = ReviewRepository(self.store)
        self._printing: PrintService | None = None
        self._exchange: ExchangeService | None = None

    # -- opening -------------------------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | None, office_code: str, user_name: str = DEFAULT_USER) -> Workbook:
        """A new office database (or an existing one not yet set up) for the county or one of its townships."""
        office_code = validate_office_code(office_code)
        path = Path(path) if path is not None else None
        db = open_database(path)
        migrate(db, path)
        current = _stored_office(db)
        if current and current != office_code:
            db.close()
            raise ValidationError("单位代码", f"该数据库已设置为{office_name(current)}（{current}），不能改为其他单位")
        wb = cls(db, path, office_code, user_name)
        if not current:
            wb.settings.set(OFFICE_KEY, office_code)
        from lingqiu_desktop.exchange.crypto import ensure_keys  # the office's signing and box keys, made once

        ensure_keys(db, office_code)
        return wb

    @classmethod
    def open(cls, path: Path | None, user_name: str | None = None) -> Workbook:
        """An existing, set-up office database, migrated to this program's schema."""
        path = Path(path) if path is not None else None
        if path is not None and not path.exists():
            raise NotInitialisedError(f"数据库文件不存在：{path}。请先运行 init --office 代码 进行初始化。")
        db = open_database(path)
        migrate(db, path)
        office_code = _stored_office(db)
        if not office_code:
            db.close()
            raise NotInitialisedError("数据库尚未初始化单位，请先运行 init --office 代码。")
        wb = cls(db, path, office_code)
        wb.store.user_name = user_name or wb.settings.get("office.user_name", DEFAULT_USER)
        return wb

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the office ----------------------------------------------------------------------------------------------
    @property
    def office_name(self) -> str:
        return office_name(self.office_code)

    @property
    def is_county(self) -> bool:
        return self.office_code == COUNTY_CODE

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    def townships(self) -> list[tuple[str, str]]:
        """(code, name) of the townships this office sees: all 12 at the county, itself at a township."""
        sql = "SELECT code, name FROM office WHERE level = 'township'"
        args: list[Any] = []
        if not self.is_county:
            sql += " AND code = ?"
            args.append(self.office_code)
        return [(r[0], r[1]) for r in self.db.execute(sql + " ORDER BY sort_order", args).fetchall()]

    def owns(self, row: dict[str, Any]) -> bool:
        return row.get("owner") == self.office_code

    def today(self) -> date:
        """The working date: today, unless settings name another (the demo data sets 2018-11-30, the end of
        its records, so the dashboard and "overdue" mean something on a 2018 database)."""
        override = self.settings.get(REFERENCE_DATE_KEY, "")
        return date.fromisoformat(override) if override else date.today()

    # -- lists ---------------------------------------------------------------------------------------------------
    def list_page(self, kind: str, flt: ListFilter, after: listing.PageKey | None,
                  limit: int = 200) -> list[dict[str, Any]]:
        return listing.fetch_page(self.db, LIST_SPECS[kind], flt.query(), after, limit)

    def list_count(self, kind: str, flt: ListFilter) -> int:
        return listing.count_rows(self.db, LIST_SPECS[kind], flt.query())

    # -- dashboard -----------------------------------------------------------------------------------------------
    def dashboard(self) -> dict[str, dashboard.Card]:
        """The four dashboard cards for this office (all 12 townships at the county), as of the working date."""
        today = self.today()
        township = "" if self.is_county else self.office_code
        required = int(self.settings.get("attendance.required_days", 20))
        month = dashboard.last_month(today)
        return {
            "visits": dashboard.visits_this_week(self.db, today, township),
            "overdue": dashboard.overdue_follow_ups(self.db, today, township),
            "attendance": dashboard.members_card(
                self.attendance.members_below_requirement(township, month=month), month, required),
            "trainings": dashboard.upcoming_trainings(self.db, today, township),
        }

    # -- printing ------------------------------------------------------------------------------------------------
    @property
    def printing(self) -> PrintService:
        """Printed documents (imported on first use: reportlab and the fonts cost start-up time)."""
        if self._printing is None:
            from lingqiu_desktop.printing.service import PrintService

            self._printing = PrintService(self)
        return self._printing

    @property
    def exchange(self) -> ExchangeService:
        """USB packages, office cards and receipts (PyNaCl loads on first use)."""
        if self._exchange is None:
            from lingqiu_desktop.exchange.service import ExchangeService

            self._exchange = ExchangeService(self)
        return self._exchange

    # -- maintenance ---------------------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        return {"office": self.office_code, "office_name": self.office_name,
                "schema_version": self.schema_version, **table_stats(self.db)}

    def check(self) -> list[str]:
        return integrity_problems(self.db)


def _stored_office(db: sqlite_utils.Database) -> str:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [OFFICE_KEY]).fetchone()
    return str(row[0]).strip('"') if row else ""
