"""ExchangeService: office cards, exporting packages, the dry run, applying, receipts and the county's roll-up.

The GUI and the CLI call the same methods over one open Workbook (DESIGN.md "Moving data on USB"). Every refusal is a
PackageError with a Chinese message and nothing written; a dry run (inspect) never writes. Townships send their
partition to the county; the county sends its own partition to each township; the county writes a signed receipt
(回执) beside every package it applies, and the township imports it to mark its export as received.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.ids import new_id
from lingqiu_desktop.core.offices import COUNTY_CODE, office_name

from lingqiu_desktop.data.database import backup_database, latest_version, schema_version
from lingqiu_desktop.data.store import now_text

from lingqiu_desktop.exchange import partition, payload
from lingqiu_desktop.exchange.crypto import (
    OfficeCard,
    OfficeKeys,
    card_from_bytes,
    card_to_bytes,
    cards,
    ensure_keys,
    own_card,
    pin_card,
    pinned_card,
)
from lingqiu_desktop.exchange.opening import Opened, Unsealed, ahead, check_counts, read_file, unseal
from lingqiu_desktop.exchange.package import (
    PackageError,
    read_receipt,
    write_package,
    write_receipt,
)
from lingqiu_desktop.exchange.safe_write import ExchangeWriteError, safe_write
from lingqiu_desktop.exchange.tables import user_tables

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

PACKAGE_SUFFIX = ".lqpkg"
RECEIPT_SUFFIX = ".回执.lqrcpt"
STALE_DAYS = 7


class ExchangeError(ValueError):
    """An export or receipt that cannot be made as asked (no card pinned, wrong recipient); message in Chinese."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    sequence: int
    counts: dict[str, int]
    recipient: str


@dataclass(frozen=True)
class ImportPlan:
    """The dry run. status: 'new' (applying would write) or 'already' (this very file was applied)."""

    path: Path
    header: dict[str, Any]
    sender: str
    sequence: int
    sha256: str
    plan: partition.Plan
    status: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    """status: 'applied' or 'already'. receipt: the 回执 written beside the package (county), if any."""

    status: str
    sender: str
    sequence: int
    plan: partition.Plan | None
    message: str
    backup: Path | None = None
    receipt: Path | None = None


@dataclass(frozen=True)
class ReceiptResult:
    status: str            # 'received' or 'already'
    sequence: int
    message: str


@dataclass(frozen=True)
class TownshipStatus:
    """At the county: a township's last applied package. At a township: its own last export to the county."""

    code: str
    name: str
    last_sequence: int | None
    last_at: str
    counts: dict[str, int] = field(default_factory=dict)
    days_since: int | None = None
    stale: bool = True
    received_at: str | None = None


def _name(code: str) -> str:
    return f"{office_name(code)}（{code}）"


def _summary(plan: partition.Plan) -> str:
    t = plan.totals()
    text = f"新增 {t['new']:,} 条，修改 {t['changed']:,} 条，删除 {t['removed']:,} 条，不变 {t['unchanged']:,} 条"
    if t["kept"]:
        text += f"；另有 {t['kept']:,} 条对方已删除、但本单位记录仍在引用，予以保留"
    return text


class ExchangeService:
    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.db = workbook.db
        self.code = workbook.office_code

    # -- cards ---------------------------------------------------------------------------------------------------------
    def keys(self) -> OfficeKeys:
        return ensure_keys(self.db, self.code)

    def my_card(self) -> bytes:
        keys = self.keys()
        return card_to_bytes(own_card(keys), keys)

    def import_card(self, data: bytes, replace: bool = False) -> str:
        """'new', 'same' or 'replaced'; a different key for a pinned office needs replace=True (CardError otherwise)."""
        return pin_card(self.workbook.store, card_from_bytes(data), replace=replace)

    def cards(self) -> list[OfficeCard]:
        return cards(self.db)

    # -- export --------------------------------------------------------------------------------------------------------
    def recipients(self, recipient: str | None = None) -> list[OfficeCard]:
        """The pinned cards a package goes to: the county from a township; from the county each pinned township,
        or the one asked for."""
        if not self.workbook.is_county:
            wanted = [COUNTY_CODE]
            if recipient not in (None, COUNTY_CODE):
                raise ExchangeError(f"乡镇的数据只报送灵丘县，不能发给{_name(str(recipient))}。")
        elif recipient == self.code:
            raise ExchangeError("数据包不能发给本单位自己，请选择一个乡镇。")
        elif recipient is not None:
            wanted = [recipient]
        else:
            found = [c for c in self.cards() if c.code != COUNTY_CODE]
            if not found:
                raise ExchangeError("还没有导入任何乡镇的名片，无法导出。请先在“单位名片”中导入乡镇名片。")
            return found
        found = [pinned_card(self.db, code) for code in wanted]
        missing = [code for code, card in zip(wanted, found, strict=True) if card is None]
        if missing:
            raise ExchangeError(f"还没有导入{_name(missing[0])}的名片，无法为其加密数据包。请先导入对方的名片。")
        return [card for card in found if card is not None]

    def export(self, recipient: str | None, out_dir: Path, drive_label: str = "",
               progress: partition.Progress | None = None) -> list[ExportResult]:
        """One package of this office's partition per recipient, written safely into out_dir and logged.
        progress(done, total, what) may raise to cancel: packages already written stay written and logged."""
        step = _stepper(progress)
        keys = self.keys()
        targets = self.recipients(recipient)
        out_dir = Path(out_dir)
        step(0, len(targets) + 1, "读取本单位数据")
        payload, counts = partition.export_payload(self.db, self.code)  # one snapshot, even if another window writes
        results = []
        for done, card in enumerate(targets, start=1):
            step(done, len(targets) + 1, f"加密并写入发给{card.name}的数据包")
            results.append(self._export_one(keys, card, payload, counts, out_dir, drive_label))
        return results

    def _export_one(self, keys: OfficeKeys, card: OfficeCard, payload: bytes, counts: dict[str, int],
                    out_dir: Path, drive_label: str) -> ExportResult:
        sequence = self._next_sequence(card.code)
        version = schema_version(self.db)
        header = {"sequence": sequence, "schema_version": version, "counts": counts, "owner": self.code}
        data = write_package(payload, header, keys, card)
        name = f"{office_name(self.code)}-{self.code}-至-{card.name}-第{sequence:04d}号{PACKAGE_SUFFIX}"
        path = out_dir / name
        sha256 = safe_write(path, data)
        with self.workbook.store.transaction():
            self.db.execute(
                "INSERT INTO export_log (id, owner, at, user_name, recipient, sequence, schema_version, counts_json,"
                " sha256, drive, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [new_id(), self.code, now_text(), self.workbook.store.user_name, card.code, sequence, version,
                 json.dumps(counts, ensure_ascii=False), sha256, drive_label, str(path)])
        return ExportResult(path, sha256, sequence, counts, card.code)

    def _next_sequence(self, recipient: str) -> int:
        row = self.db.execute("SELECT MAX(sequence) FROM export_log WHERE owner = ? AND recipient = ?",
                              [self.code, recipient]).fetchone()
        return int(row[0] or 0) + 1

    # -- import: the dry run -------------------------------------------------------------------------------------------
    def inspect(self, path: Path, progress: partition.Progress | None = None) -> ImportPlan:
        """Open and check a package and show what applying it would change. Writes nothing."""
        step = _stepper(progress)
        step(0, 3, "核对签名并解密")
        opened = self._open(Path(path))
        who = f"{_name(opened.sender)}第 {opened.sequence} 号数据包"
        if opened.status == "already":  # applied before: nothing to compare, the signed counts say what it holds
            plan = partition.Plan({name: partition.TableChange(unchanged=int(count))
                                   for name, count in opened.header["counts"].items()})
            message = f"{who}已经导入过，再次导入不会有任何改变。"
            return ImportPlan(opened.path, opened.header, opened.sender, opened.sequence, opened.sha256, plan,
                              opened.status, message)
        step(1, 3, "检查数据内容")
        with self._stage(opened) as staged:
            step(2, 3, "与本机数据比对")
            plan = partition.plan(self.db, opened.sender, staged)
        if plan.is_noop:
            message = f"{who}：与本机已有的数据完全相同，导入后只记下序号。"
        else:
            message = f"{who}：{_summary(plan)}。"
        return ImportPlan(opened.path, opened.header, opened.sender, opened.sequence, opened.sha256, plan,
                          opened.status, message)

    def _open(self, path: Path, unsealed: Unsealed | None = None) -> Opened:
        """Read, verify, decrypt (unless done ahead) and check a package's header and sequence; _stage checks the
        payload."""
        unsealed = unsealed or unseal(path, self.db, self.keys())
        header = unsealed.header
        sender = str(header["sender"])
        sequence = int(header["sequence"])
        latest = latest_version()
        if int(header["schema_version"]) > latest:
            raise PackageError(f"这个数据包由较新版本的程序生成（数据版本 {header['schema_version']}，本程序为 "
                               f"{latest}），请先升级本程序再导入。", "schema_newer")
        status = self._sequence_status(sender, sequence, unsealed.sha256)
        return Opened(path, header, sender, sequence, unsealed.sha256, status, unsealed.payload)

    def _stage(self, opened: Opened) -> partition.Staged:
        """The payload checked and attached (close it, or use it in a with block)."""
        prepared = opened.prepared or payload.prepare(opened.payload, partition.travelling(self.db),
                                                      set(user_tables(self.db.conn)), opened.sender)
        if isinstance(prepared, PackageError):
            raise prepared
        check_counts(opened.header, prepared.counts)
        staged = payload.attach(self.db, prepared)
        opened.payload, opened.prepared = b"", None   # SQLite holds its own copy now: let these 100 MB go
        return staged

    def _sequence_status(self, sender: str, sequence: int, sha256: str) -> str:
        """'already' for a file applied before; PackageError for an older or a reused sequence number."""
        applied = self.db.execute(
            "SELECT 1 FROM import_log WHERE owner = ? AND kind = 'package' AND sender = ? AND sha256 = ?"
            " AND result = 'applied'", [self.code, sender, sha256]).fetchone()
        if applied:
            return "already"
        row = self.db.execute(
            "SELECT MAX(sequence) FROM import_log WHERE owner = ? AND kind = 'package' AND sender = ?"
            " AND result = 'applied'", [self.code, sender]).fetchone()
        last = row[0]
        if last is not None and sequence < last:
            raise PackageError(f"这是{_name(sender)}较早的第 {sequence} 号数据包，本机已导入第 {last} 号，"
                               "旧数据包不能再导入。", "old_sequence")
        if last is not None and sequence == last:
            raise PackageError(f"本机已导入过{_name(sender)}的第 {sequence} 号数据包，但这个文件内容不同。"
                               "请让对方重新导出一个新数据包。", "duplicate_sequence")
        return "new"

    # -- import: applying ----------------------------------------------------------------------------------------------
    def apply(self, path: Path, drive_label: str = "", backup: bool = True,
              progress: partition.Progress | None = None) -> ImportResult:
        """Check as inspect does, back the database up (unless the caller just did, see apply_all), replace the
        sender's partition in one transaction with an import_log row; at the county, write a signed receipt beside
        the package. progress may raise to cancel until the commit; a cancel rolls everything back."""
        step = _stepper(progress)
        step(0, 4, "核对签名并解密")
        return self._apply(self._open(Path(path)), drive_label, backup, step)

    def _apply(self, opened: Opened, drive_label: str, backup: bool, step: partition.Progress) -> ImportResult:
        who = f"{_name(opened.sender)}第 {opened.sequence} 号数据包"
        if opened.status == "already":
            receipt, note = self._receipt_if_missing(opened)
            return ImportResult("already", opened.sender, opened.sequence, None,
                                f"{who}已经导入过，本机数据没有任何改变。{note}", receipt=receipt)
        step(1, 4, "检查数据内容")
        with self._stage(opened) as staged:
            step(2, 4, "备份数据库")
            copy = self._backup(f"before-import-{opened.sender}-{opened.sequence}") if backup else None
            step(3, 4, "写入数据库")
            plan = partition.apply(self.db, opened.sender, staged,
                                   after=lambda plan: self._log_import(opened, plan, drive_label),
                                   progress=lambda done, total, what: step(3 * total + done, 4 * total,
                                                                           f"写入{what}"))
        receipt, note = self._write_receipt(opened, plan.counts()) if self.workbook.is_county else (None, "")
        return ImportResult("applied", opened.sender, opened.sequence, plan,
                            f"已导入{who}：{_summary(plan)}。{note}", copy, receipt)

    def apply_all(self, paths: list[Path], drive_label: str = "",
                  progress: partition.Progress | None = None) -> list[ImportResult | PackageError]:
        """Several packages (the county's 12 from one stick) after ONE backup, taken before the first that will
        change anything; each still applies in its own transaction. A refusal is returned in its place, and the
        others go on. A cancel (progress raising) stops the batch; the packages applied so far stay applied."""
        step = _stepper(progress)
        results: list[ImportResult | PackageError] = []
        backed_up = False
        work = (({c.code: c for c in cards(self.db)}, self.keys(), partition.travelling(self.db),
                 set(user_tables(self.db.conn))))
        helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-ahead")
        try:
            reading: dict[int, Future[tuple[Unsealed, payload.Prepared | PackageError]]] = {}
            for i, path in enumerate(paths):
                for j in range(i, min(i + 2, len(paths))):   # this package and the next one
                    if j not in reading:
                        reading[j] = helper.submit(ahead, Path(paths[j]), *work)
                try:
                    step(i * 4, len(paths) * 4, "核对签名并解密")
                    unsealed, prepared = reading.pop(i).result()   # popped: its payload goes with it
                    opened = self._open(Path(path), unsealed)
                    opened.prepared = prepared
                    if not backed_up and opened.status == "new":
                        step(i * 4, len(paths) * 4, "备份数据库")
                        self._backup("before-import-batch")
                        backed_up = True
                    results.append(self._apply(opened, drive_label, False, _within(step, i, len(paths))))
                except PackageError as exc:
                    results.append(exc)
        finally:   # a cancel does not wait for the next package's reading (it ends by itself, unused)
            helper.shutdown(wait=False, cancel_futures=True)
        return results

    def inspect_status(self, path: Path) -> str:
        """'new' or 'already' after every check but the payload's (cheap: no decoding); PackageError otherwise."""
        return self._open(Path(path)).status

    def _backup(self, reason: str) -> Path | None:
        if self.workbook.path is None:
            return None
        return backup_database(self.db, self.workbook.path, reason)

    def _log_import(self, opened: Opened, plan: partition.Plan, drive_label: str) -> None:
        self._log("package", opened.sender, opened.sequence, int(opened.header["schema_version"]), opened.sha256,
                  plan.counts(), "applied", drive_label, opened.path)

    def _log(self, kind: str, sender: str, sequence: int, version: int, sha256: str, counts: dict[str, int],
             result: str, drive_label: str, path: Path) -> None:
        store = self.workbook.store
        row = {"id": new_id(), "owner": self.code, "kind": kind, "sender": sender, "sequence": sequence,
               "schema_version": version, "sha256": sha256, "at": now_text(), "user_name": store.user_name,
               "counts_json": json.dumps(counts, ensure_ascii=False), "result": result, "drive": drive_label,
               "path": str(path)}
        self.db.execute(f"INSERT INTO import_log ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                        list(row.values()))
        store.audit("import", "import_log", row["id"], None, row)

    # -- receipts ------------------------------------------------------------------------------------------------------
    @staticmethod
    def receipt_path(package: Path) -> Path:
        name = package.name.removesuffix(PACKAGE_SUFFIX)
        return package.parent / f"{name}{RECEIPT_SUFFIX}"

    def _write_receipt(self, opened: Opened, counts: dict[str, int]) -> tuple[Path | None, str]:
        receipt = {"kind": "receipt", "recipient": opened.sender, "package_sha256": opened.sha256,
                   "sequence": opened.sequence, "counts": counts, "applied_at": now_text()}
        target = self.receipt_path(opened.path)
        try:
            safe_write(target, write_receipt(receipt, self.keys()))
        except (ExchangeWriteError, OSError) as exc:
            return None, f"但回执没有写成（{exc}），可再次导入同一数据包补写回执。"
        return target, f"回执已写在数据包旁：{target.name}。"

    def _receipt_if_missing(self, opened: Opened) -> tuple[Path | None, str]:
        if not self.workbook.is_county or self.receipt_path(opened.path).exists():
            return None, ""
        row = self.db.execute("SELECT counts_json FROM import_log WHERE owner = ? AND kind = 'package' AND sha256 = ?",
                              [self.code, opened.sha256]).fetchone()
        return self._write_receipt(opened, json.loads(row[0]) if row else {})

    def import_receipt(self, path: Path, drive_label: str = "") -> ReceiptResult:
        """Verify a receipt from the county and mark the matching export as received."""
        path = Path(path)
        data = read_file(path)
        receipt = read_receipt(data, self.db, self.keys())
        sha256, sender = receipt.get("package_sha256"), str(receipt["sender"])
        sequence = receipt.get("sequence")
        if not isinstance(sha256, str) or not isinstance(sequence, int) or isinstance(sequence, bool):
            raise PackageError("回执内容缺项或格式不对，不能使用。", "bad_payload")
        row = self.db.execute("SELECT id, received_at FROM export_log WHERE owner = ? AND recipient = ? AND sha256 = ?",
                              [self.code, sender, sha256]).fetchone()
        if row is None:
            raise PackageError(f"本机的导出记录中没有这张回执对应的数据包（第 {sequence} 号），不能使用。",
                               "bad_payload")
        if row[1]:
            return ReceiptResult("already", sequence, f"第 {sequence} 号数据包的回执已经导入过（{row[1]} 签收）。")
        stamp = str(receipt.get("applied_at") or now_text())
        with self.workbook.store.transaction():
            self.db.execute("UPDATE export_log SET received_at = ? WHERE id = ?", [stamp, row[0]])
            self._log("receipt", sender, sequence, 0, hashlib.sha256(data).hexdigest(), {}, "received",
                      drive_label, path)
        return ReceiptResult("received", sequence, f"{_name(sender)}已于 {stamp} 签收第 {sequence} 号数据包。")

    # -- the roll-up ---------------------------------------------------------------------------------------------------
    def status(self) -> list[TownshipStatus]:
        """At the county: each township's last applied package (stale when none for over a week, or never).
        At a township: its own last export to the county, and whether the county has signed for it."""
        today = self.workbook.today()
        if self.workbook.is_county:
            return [self._township_status(code, name, today) for code, name in self.workbook.townships()]
        row = self.db.execute(
            "SELECT sequence, at, counts_json, received_at FROM export_log WHERE owner = ? AND recipient = ?"
            " ORDER BY sequence DESC LIMIT 1", [self.code, COUNTY_CODE]).fetchone()
        return [_status(self.code, office_name(self.code), row, today)]

    def _township_status(self, code: str, name: str, today: date) -> TownshipStatus:
        row = self.db.execute(
            "SELECT sequence, at, counts_json, NULL FROM import_log WHERE owner = ? AND kind = 'package'"
            " AND sender = ? AND result = 'applied' ORDER BY sequence DESC LIMIT 1", [self.code, code]).fetchone()
        return _status(code, name, row, today)

    def exports(self, limit: int = 100) -> list[dict[str, Any]]:
        """This office's export log, newest first (for the township's "已报送" list)."""
        cursor = self.db.execute(
            "SELECT recipient, sequence, at, user_name, counts_json, sha256, drive, path, received_at FROM export_log"
            " WHERE owner = ? ORDER BY at DESC, sequence DESC LIMIT ?", [self.code, limit])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _within(step: partition.Progress, index: int, count: int) -> partition.Progress:
    """A package's own progress as a part of a batch's."""
    return lambda done, total, what: step(index * total + done, count * total, what)


def _stepper(progress: partition.Progress | None) -> partition.Progress:
    return progress if progress is not None else (lambda done, total, what: None)


def _status(code: str, name: str, row: tuple[Any, ...] | None, today: date) -> TownshipStatus:
    if row is None:
        return TownshipStatus(code, name, None, "", {}, None, True)
    sequence, at, counts_json, received_at = row
    days = max(0, (today - date.fromisoformat(str(at)[:10])).days)
    return TownshipStatus(code, name, int(sequence), str(at), json.loads(counts_json or "{}"), days,
                          days > STALE_DAYS, received_at)
