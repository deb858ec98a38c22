"""Responsibility letters (目标责任书) and military orders (军令状) with their indicators and scanned signed copy.

The county issues 县对乡 letters to its 12 townships; a township issues 乡对村 letters to its villages. A letter seen
by an office that did not issue it (a county letter at a township) is read-only: the Store refuses the write.
The scan is kept in the letter row (scan_data) with its name and SHA-256, so a USB package carries it and
:meth:`LetterRepository.verify_scan` can show that the stored copy is the one that was attached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from lingqiu_desktop.core.letters import (
    DRAFT,
    EARLIEST_YEAR,
    FIELD_LABELS,
    LATEST_YEAR,
    TEMPLATES,
    LetterTemplate,
    check_signable,
    check_transition,
    clean_indicator,
    default_signer_titles,
    render_clauses,
)
from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS, office_name
from lingqiu_desktop.core.pinyin import initials, is_initials_query
from lingqiu_desktop.core.validation import ValidationError, parse_year

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import NotFoundError, NotOwnedError, Store

LIST_KIND = "letter"

SPEC = ListSpec(
    base="letter l",
    joins="",
    columns={
        "id": "l.id", "year": "l.year", "level": "l.level", "kind": "l.kind", "title": "l.title",
        "issuer_name": "l.issuer_name", "receiver_code": "l.receiver_code", "receiver_name": "l.receiver_name",
        "receiver_signers": "trim(l.receiver_signer1_name || '、' || l.receiver_signer2_name, '、')",
        "status": "l.status", "drafted_on": "l.drafted_on", "signed_on": "l.signed_on", "deadline": "l.deadline",
        "indicators": "(SELECT COUNT(*) FROM indicator i WHERE i.letter_id = l.id)",
        "has_scan": "(l.scan_sha256 <> '')", "owner": "l.owner",
    },
    # (year, level) and (receiver_code, year) are indexed; the rest sort 3,000 rows at most
    sortable={"year": ("l.year", "l.level"), "receiver": ("l.receiver_code", "l.year"), "kind": ("l.kind", "l.year"),
              "status": ("l.status", "l.year"), "signed_on": ("COALESCE(l.signed_on, '')",)},
    default_sort="year",
    default_descending=True,
)

#: every letter column but the scan's bytes (up to 20 MB), which only scan() reads
_COLUMNS: Final = (
    "id, owner, kind, year, level, title, issuer_code, issuer_name, receiver_code, receiver_name, "
    "issuer_signer1_name, issuer_signer1_title, issuer_signer2_name, issuer_signer2_title, receiver_signer1_name, "
    "receiver_signer1_title, receiver_signer2_name, receiver_signer2_title, clauses, template_key, drafted_on, "
    "signed_on, deadline, status, scan_name, scan_sha256, COALESCE(length(scan_data), 0) AS scan_size, "
    "created_at, updated_at, updated_by")
_INDICATOR_COLUMNS: Final = ("id, owner, letter_id, name, unit, baseline, target, direction, weight, deadline, "
                             "source, sort_order")
_LETTER_FIELDS: Final = frozenset(FIELD_LABELS) | {"template_key"}
CLOSED: Final = "已考核"
STARTED: Final = ("执行中", "已考核")

SCAN_MAX_BYTES: Final = 20 * 1024 * 1024
#: magic bytes of what a scanner or a phone produces
SCAN_KINDS: Final = ((b"%PDF-", "PDF"), (b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"))


# ------------------------------------------------------------------------------------------------ the list

@dataclass
class LetterFilter:
    year: int | None = None
    level: str = ""
    kind: str = ""
    status: str = ""
    text: str = ""              # the receiver (name, code, pinyin initials, its signers) or the title
    township_code: str = ""     # letters a township issued or received
    sort: str = ""
    descending: bool = True

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.year:
            q.add("l.year = ?", int(self.year))
        for column in ("level", "kind", "status"):
            if getattr(self, column):
                q.add(f"l.{column} = ?", getattr(self, column))
        if self.township_code:
            q.add("(l.owner = ? OR l.receiver_code = ?)", self.township_code, self.township_code)
        text = self.text.strip()
        if text and is_initials_query(text):
            codes = [c for c, name in TOWNSHIPS.items() if f" {text.lower()}" in " " + initials(name)]
            q.add("(l.receiver_code IN (SELECT code FROM village WHERE (' ' || name_initials) LIKE ?) "
                  f"OR l.receiver_code IN ({', '.join('?' for _ in codes) or 'NULL'}))", f"% {text.lower()}%", *codes)
        elif text:
            q.add("(l.receiver_name LIKE ? OR l.title LIKE ? OR l.receiver_code LIKE ? OR l.receiver_signer1_name "
                  "LIKE ? OR l.receiver_signer2_name LIKE ?)", *[f"%{text}%"] * 2, f"{text}%", *[f"%{text}%"] * 2)
        return q


# ------------------------------------------------------------------------------------------------ scans

@dataclass(frozen=True)
class ScanFile:
    """A scanned signed copy, checked and hashed, ready to be stored with its letter."""

    name: str
    data: bytes
    sha256: str
    kind: str

    @property
    def size(self) -> int:
        return len(self.data)


def scan_kind(head: bytes) -> str:
    """'PDF', 'JPEG' or 'PNG' by the file's first bytes; '' for anything else."""
    return next((kind for magic, kind in SCAN_KINDS if head.startswith(magic)), "")


def _check_size(size: int) -> None:
    if size == 0:
        raise ValidationError("扫描件", "文件是空的")
    if size > SCAN_MAX_BYTES:
        raise ValidationError("扫描件", f"文件太大（{size / 1024 / 1024:.1f} MB），不能超过20 MB，"
                                        "请降低扫描分辨率后重试")


def make_scan(name: str, data: bytes) -> ScanFile:
    """Check a scan by content (PDF, JPEG or PNG by magic bytes, whatever its name says; at most 20 MB), hash it."""
    _check_size(len(data))
    kind = scan_kind(data[:16])
    if not kind:
        raise ValidationError("扫描件", f"“{name}”不是PDF、JPG或PNG文件，请选择签字盖章后的扫描件或照片")
    return ScanFile(name, data, hashlib.sha256(data).hexdigest(), kind)


def read_scan(path: str | Path) -> ScanFile:
    """Read a scan from disk; the size is checked before the file is read, so a 2 GB video is refused at once."""
    file = Path(path)
    try:
        _check_size(file.stat().st_size)
        with file.open("rb") as handle:
            if not scan_kind(handle.read(16)):
                raise ValidationError("扫描件", f"“{file.name}”不是PDF、JPG或PNG文件，请选择签字盖章后的扫描件或照片")
            handle.seek(0)
            data = handle.read()
    except OSError as exc:
        raise ValidationError("扫描件", f"无法读取文件“{file.name}”（{exc.strerror or exc}）") from None
    return make_scan(file.name, data)


# ------------------------------------------------------------------------------------------------ the repository

class LetterRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Any:
        return self.store.db

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, list(args))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    # -- reading ---------------------------------------------------------------------------------------------------
    def get(self, letter_id: str) -> dict[str, Any]:
        """The letter without the scan's bytes (scan_size says how big it is)."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM letter WHERE id = ?", [letter_id])
        if not rows:
            raise NotFoundError("letter", letter_id)
        return rows[0]

    def indicators(self, letter_id: str) -> list[dict[str, Any]]:
        return self._rows(f"SELECT {_INDICATOR_COLUMNS} FROM indicator WHERE letter_id = ? ORDER BY sort_order, rowid",
                          [letter_id])

    def letters_for(self, level: str, year: int, township_code: str = "") -> list[dict[str, Any]]:
        """The letters of a level and year (for the reviews), by receiver; with `township_code`, those the township
        issued or received."""
        sql, args = f"SELECT {_COLUMNS} FROM letter WHERE level = ? AND year = ?", [level, int(year)]
        if township_code:
            sql += " AND (owner = ? OR receiver_code = ?)"
            args += [township_code, township_code]
        return self._rows(sql + " ORDER BY receiver_code, kind, rowid", args)

    def held(self, receiver_code: str, year: int) -> list[str]:
        """The letters a receiver already has for a year, as '标题（状态）' (a second 军令状 is usually a slip)."""
        rows = self.db.execute("SELECT title, status FROM letter WHERE receiver_code = ? AND year = ? ORDER BY rowid",
                               [receiver_code, int(year)]).fetchall()
        return [f"{title}（{status}）" for title, status in rows]

    @property
    def level(self) -> str:
        """The level of the letters this office issues."""
        return "县对乡" if self.store.office_code == COUNTY_CODE else "乡对村"

    def receivers(self) -> list[tuple[str, str]]:
        """(code, name) of whom this office signs with: the townships at the county, its villages at a township."""
        if self.store.office_code == COUNTY_CODE:
            rows = self.db.execute("SELECT code, name FROM office WHERE level = 'township' ORDER BY sort_order")
        else:
            rows = self.db.execute("SELECT code, name FROM village WHERE township_code = ? ORDER BY code",
                                   [self.store.office_code])
        return [(r[0], r[1]) for r in rows.fetchall()]

    def receiver_name(self, code: str) -> str:
        """The receiver's name, when this office may issue it a letter; else a ValidationError on 乙方."""
        names = dict(self.receivers())
        if code not in names:
            where = "本县12个乡镇之一" if self.level == "县对乡" else f"{office_name(self.store.office_code)}的行政村"
            raise ValidationError("乙方", f"应为{where}" + (f"（{code}不是）" if code else ""))
        return names[code]

    def signers_for(self, code: str, name: str = "") -> dict[str, str]:
        """The Party secretary and government head of the county, a township or a village as signer{1,2}_name/title:
        from the people register where it has them, else from the last letter that named them, else titles only."""
        titles = default_signer_titles(code, name)
        found = self._signers_from_people(code, titles) or self._signers_from_letters(code) or ("", "")
        return {"signer1_name": found[0], "signer1_title": titles[0],
                "signer2_name": found[1], "signer2_title": titles[1]}

    def _signers_from_people(self, code: str, titles: tuple[str, str]) -> tuple[str, str] | None:
        if len(code) == 9:
            sql, args = "township_code = ? AND (',' || kind || ',') LIKE '%,干部,%'", [code]
        elif len(code) == 12:
            row = self.db.execute("SELECT township_code, name FROM village WHERE code = ?", [code]).fetchone()
            if row is None:
                return None
            sql, args = "township_code = ? AND unit = ? AND (',' || kind || ',') LIKE '%,村干部,%'", list(row)
        else:
            return None
        names = []
        for title in titles:
            hit = self.db.execute(f"SELECT name FROM person WHERE {sql} AND post = ? ORDER BY updated_at DESC LIMIT 1",
                                  [*args, title]).fetchone()
            names.append(hit[0] if hit else "")
        return (names[0], names[1]) if any(names) else None

    def _signers_from_letters(self, code: str) -> tuple[str, str] | None:
        row = self.db.execute(
            "SELECT * FROM (SELECT year, signed_on, issuer_signer1_name, issuer_signer2_name FROM letter "
            "WHERE issuer_code = ? UNION ALL SELECT year, signed_on, receiver_signer1_name, receiver_signer2_name "
            "FROM letter WHERE receiver_code = ?) ORDER BY year DESC, COALESCE(signed_on, '') DESC LIMIT 1",
            [code, code]).fetchone()
        return (row[2], row[3]) if row and (row[2] or row[3]) else None

    def area_facts(self, code: str, year: int) -> dict[str, float]:
        """What the register says about a township's or village's work of the year: households and people still to
        exit (not exited before the year), poor villages still to exit, villages, visits due (one a month each)."""
        area = "township_code = ?" if len(code) == 9 else "village_id = (SELECT id FROM village WHERE code = ?)"
        households, people = self.db.execute(
            f"SELECT COUNT(*), COALESCE(SUM(member_count), 0) FROM household WHERE {area} AND "
            "(status IN ('未脱贫', '返贫') OR (status = '已脱贫' AND COALESCE(exit_year, 0) >= ?))",
            [code, year]).fetchone()
        facts = {"poor_households": households, "poor_people": people, "monthly_visits": households * 12}
        if len(code) == 9:
            facts["villages"], facts["poor_villages"] = self.db.execute(
                "SELECT COUNT(*), COALESCE(SUM(is_poor = 1 AND (status = '未退出' OR COALESCE(exit_year, 0) >= ?)), 0) "
                "FROM village WHERE township_code = ?", [year, code]).fetchone()
        return {k: float(v) for k, v in facts.items() if v}

    def from_template(self, template_key: str, year: int | str, receiver_code: str,
                      today: date | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """A new letter's values and indicators from a template: parties and signers from the register, clauses with
        their placeholders filled, targets from the receiver's data where it has them. Nothing is saved."""
        template = TEMPLATES.get(template_key)
        if template is None:
            raise ValidationError("模板", "请选择模板")
        if template.level != self.level:
            raise ValidationError("模板", f"本单位只能签订{self.level}的责任书，请选择{self.level}的模板")
        year = parse_year(str(year), "年度", EARLIEST_YEAR, LATEST_YEAR)
        values = self._template_values(template, year, receiver_code, today or date.today())
        facts = self.area_facts(receiver_code, year)
        indicators = [
            {"name": name, "unit": unit, "baseline": float(baseline),
             "target": facts.get(template.targets_from.get(name, ""), float(target)), "direction": direction,
             "weight": float(weight), "deadline": values["deadline"], "source": source}
            for name, unit, baseline, target, direction, weight, source in template.indicators]
        return values, indicators

    def _template_values(self, template: LetterTemplate, year: int, receiver_code: str,
                         today: date) -> dict[str, Any]:
        office = self.store.office_code
        values: dict[str, Any] = {
            "kind": template.kind, "year": year, "level": template.level, "template_key": template.key,
            "issuer_code": office, "issuer_name": office_name(office), "receiver_code": receiver_code,
            "receiver_name": self.receiver_name(receiver_code), "drafted_on": today.isoformat(), "signed_on": None,
            "deadline": f"{year}-12-31", "status": DRAFT}
        for side in ("issuer", "receiver"):
            signers = self.signers_for(values[f"{side}_code"], values[f"{side}_name"])
            values.update({f"{side}_{key}": value for key, value in signers.items()})
        values["title"] = render_clauses(template.title, values)
        values["clauses"] = render_clauses(template.clauses, values)
        return values

    # -- writing the letter -----------------------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any], indicators: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
        """A letter (core.letters.clean_letter values) and its indicators, all or nothing."""
        return self.save(values, list(indicators))

    def update(self, letter_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """The letter's own fields; its status changes only through set_status."""
        with self.store.transaction():
            current = self._open(letter_id)
            row = self._write_letter(letter_id, values, current)
            if current["status"] != DRAFT:
                check_signable(row)  # a signed letter keeps its signers and signing date
        return self.get(letter_id)

    def save(self, values: Mapping[str, Any], indicators: list[Mapping[str, Any]], letter_id: str | None = None,
             *, scan: ScanFile | None = None, status: str = "") -> dict[str, Any]:
        """What the letter editor holds, in one transaction: the letter, its indicators in this order (those with an
        "id" updated, the others added, the missing ones deleted), the scan, and a status change."""
        with self.store.transaction():
            if letter_id:
                current = self._open(letter_id)
                self._write_letter(letter_id, values, current)
            else:
                letter_id = str(self.store.insert("letter", self._letter_values(values, {"status": DRAFT}))["id"])
                current = {"status": DRAFT}
            self._sync_indicators(letter_id, indicators)
            if scan is not None:
                self._store_scan(letter_id, scan)
            if status and status != current["status"]:
                self.set_status(letter_id, status)
            elif current["status"] != DRAFT:
                check_signable(self.get(letter_id))
        return self.get(letter_id)

    def _write_letter(self, letter_id: str, values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.update("letter", letter_id, self._letter_values(values, current))

    def _letter_values(self, values: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
        """The columns to write, with the parties checked against this office and named from the register."""
        row = {k: v for k, v in values.items() if k in _LETTER_FIELDS and k != "status"}
        row["status"] = current.get("status", DRAFT)
        if row.get("level") != self.level:
            raise ValidationError("层级", f"本单位只能签订{self.level}的责任书")
        row["issuer_code"], row["issuer_name"] = self.store.office_code, office_name(self.store.office_code)
        row["receiver_name"] = self.receiver_name(str(row.get("receiver_code") or ""))
        return row

    def delete(self, letter_id: str) -> None:
        """A draft or a signed letter with its indicators (and any progress typed for them), all or nothing."""
        with self.store.transaction():
            letter = self._own(letter_id)
            if letter["status"] in STARTED:
                raise ValidationError("状态", f"“{letter['status']}”的责任书已有进度和考核数据，不能删除")
            for indicator in self.indicators(letter_id):
                self._delete_indicator(indicator["id"])
            self.store.delete("letter", letter_id)

    def set_status(self, letter_id: str, status: str) -> dict[str, Any]:
        """草拟 → 已签订 (signing date, both sides' two signers and at least one indicator) → 执行中 → 已考核."""
        with self.store.transaction():
            letter = self._own(letter_id)
            check_transition(letter["status"], status, letter)
            if status != DRAFT and not self.indicators(letter_id):
                raise ValidationError("指标", "签订前须至少有一项指标")
            self.store.update("letter", letter_id, {"status": status})
        return self.get(letter_id)

    def _own(self, letter_id: str) -> dict[str, Any]:
        """The letter, when this office may change it (indicators are new rows the Store does not check)."""
        letter = self.get(letter_id)
        if letter["owner"] != self.store.office_code:
            raise NotOwnedError(letter["owner"])
        return letter

    def _open(self, letter_id: str) -> dict[str, Any]:
        letter = self._own(letter_id)
        if letter["status"] == CLOSED:
            raise ValidationError("状态", "已考核的责任书不能再修改")
        return letter

    # -- indicators -------------------------------------------------------------------------------------------------
    def _clean_indicator(self, letter: Mapping[str, Any], values: Mapping[str, Any], position: int) -> dict[str, Any]:
        try:
            clean = clean_indicator(values, level=letter["level"], year=int(letter["year"]))
        except ValidationError as exc:
            raise ValidationError(f"第{position}项指标", str(exc)) from None
        if clean["deadline"] and letter.get("deadline") and clean["deadline"] > letter["deadline"]:
            raise ValidationError(f"第{position}项指标", f"指标截止日期不能晚于责任书截止日期（{letter['deadline']}）")
        return clean

    def add_indicator(self, letter_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            letter = self._open(letter_id)
            order = self.db.execute("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM indicator WHERE letter_id = ?",
                                    [letter_id]).fetchone()[0]
            clean = self._clean_indicator(letter, values, order + 1)
            return self.store.insert("indicator", {**clean, "letter_id": letter_id, "sort_order": order})

    def update_indicator(self, indicator_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            indicator = self.store.get("indicator", indicator_id)
            letter = self._open(indicator["letter_id"])
            clean = self._clean_indicator(letter, values, int(indicator["sort_order"]) + 1)
            return self.store.update("indicator", indicator_id, clean)

    def delete_indicator(self, indicator_id: str) -> None:
        with self.store.transaction():
            self._open(self.store.get("indicator", indicator_id)["letter_id"])
            self._delete_indicator(indicator_id)

    def _delete_indicator(self, indicator_id: str) -> None:
        """The indicator and its monthly progress, each with its audit row (no silent ON DELETE CASCADE)."""
        for (progress_id,) in self.db.execute("SELECT id FROM indicator_progress WHERE indicator_id = ?",
                                              [indicator_id]).fetchall():
            self.store.delete("indicator_progress", progress_id)
        self.store.delete("indicator", indicator_id)

    def move_indicator(self, indicator_id: str, delta: int) -> None:
        """One place up (-1) or down (+1); the order is renumbered 0..n-1 as it goes."""
        with self.store.transaction():
            letter_id = self.store.get("indicator", indicator_id)["letter_id"]
            self._open(letter_id)
            ids = [r["id"] for r in self.indicators(letter_id)]
            i = ids.index(indicator_id)
            j = max(0, min(len(ids) - 1, i + delta))
            ids.insert(j, ids.pop(i))
            self._renumber(ids)

    def _renumber(self, ids: list[str]) -> None:
        current = {r["id"]: r["sort_order"] for r in self._rows(
            f"SELECT id, sort_order FROM indicator WHERE id IN ({', '.join('?' for _ in ids)})", ids)} if ids else {}
        for order, indicator_id in enumerate(ids):
            if current.get(indicator_id) != order:
                self.store.update("indicator", indicator_id, {"sort_order": order})

    def _sync_indicators(self, letter_id: str, wanted: list[Mapping[str, Any]]) -> None:
        letter = self.get(letter_id)
        existing = {r["id"] for r in self.indicators(letter_id)}
        kept = {str(v["id"]) for v in wanted if v.get("id")}
        if kept - existing:
            raise ValidationError("指标", "指标已被修改或删除，请关闭后重新打开")
        for indicator_id in existing - kept:
            self._delete_indicator(indicator_id)
        ids = []
        for position, values in enumerate(wanted, start=1):
            clean = self._clean_indicator(letter, values, position)
            if values.get("id"):
                ids.append(str(self.store.update("indicator", str(values["id"]), clean)["id"]))
            else:
                ids.append(str(self.store.insert("indicator", {**clean, "letter_id": letter_id,
                                                               "sort_order": position - 1})["id"]))
        self._renumber(ids)

    # -- the scanned signed copy ------------------------------------------------------------------------------------
    def attach_scan(self, letter_id: str, path: str | Path) -> ScanFile:
        """Read, check (PDF/JPEG/PNG by content, ≤ 20 MB) and store a scan; it replaces any earlier one."""
        scan = read_scan(path)
        with self.store.transaction():
            self._own(letter_id)
            self._store_scan(letter_id, scan)
        return scan

    def _store_scan(self, letter_id: str, scan: ScanFile) -> None:
        self.store.update("letter", letter_id, {"scan_name": scan.name, "scan_sha256": scan.sha256,
                                                "scan_data": scan.data})

    def remove_scan(self, letter_id: str) -> None:
        with self.store.transaction():
            self._own(letter_id)
            self.store.update("letter", letter_id, {"scan_name": "", "scan_sha256": "", "scan_data": None})

    def scan(self, letter_id: str) -> tuple[str, bytes]:
        row = self.db.execute("SELECT scan_name, scan_data FROM letter WHERE id = ?", [letter_id]).fetchone()
        if row is None or row[1] is None:
            raise ValidationError("扫描件", "这份责任书还没有扫描件")
        return row[0], bytes(row[1])

    def verify_scan(self, letter_id: str) -> bool:
        """True when the stored bytes still have the SHA-256 recorded when the scan was attached."""
        row = self.db.execute("SELECT scan_sha256, scan_data FROM letter WHERE id = ?", [letter_id]).fetchone()
        if row is None or row[1] is None:
            raise ValidationError("扫描件", "这份责任书还没有扫描件")
        return hashlib.sha256(bytes(row[1])).hexdigest() == row[0]
