"""PrintService: prepare, render, log, batch and verify printed documents for one open Workbook.

The GUI and the CLI call the same methods. A batch may run in a worker thread with its own Workbook (SQLite
connections stay in their thread); progress is reported through a callback that may raise `Cancelled`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lingqiu_desktop.data.store import NotFoundError, now_text

from lingqiu_desktop.documents.base import Cancelled, Section, Styles, make_styles, render_sections
from lingqiu_desktop.documents.stamp import Stamp, StampError, changes, parse_stamp
from lingqiu_desktop.printing.registry import DocumentKind, Printable, document_kinds

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

Progress = Callable[[int, int, str], None]       # (done, total, what) — may raise Cancelled


class PrintError(ValueError):
    """A document that cannot be printed, with the reason in Chinese."""


@dataclass
class Printout:
    printable: Printable
    stamp: Stamp
    pdf: bytes


@dataclass
class BatchResult:
    files: list[Path]
    documents: int
    cancelled: bool = False


@dataclass
class Verification:
    ok: bool
    title: str = ""
    lines: list[str] = field(default_factory=list)
    printed_at: str = ""
    printed_by: str = ""

    @property
    def message(self) -> str:
        return "\n".join(self.lines)


def safe_filename(name: str) -> str:
    """A file name Windows accepts: no \\ / : * ? " < > |, no trailing dots or spaces."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned or "文档.pdf"


class PrintService:
    def __init__(self, workbook: Workbook) -> None:
        self.wb = workbook
        self._styles: Styles | None = None

    @property
    def kinds(self) -> dict[str, DocumentKind]:
        return document_kinds()

    def kind(self, kind: str) -> DocumentKind:
        try:
            return self.kinds[kind]
        except KeyError:
            raise PrintError(f"没有这种文档：{kind}") from None

    def styles(self) -> Styles:
        """The paragraph styles over the fonts of this PC (found once per process)."""
        if self._styles is None:
            self._styles = make_styles()
        return self._styles

    def prepare(self, kind: str, key: str, params: str = "") -> Printable:
        """Gather what the document shows; NotFoundError / ValidationError / PrintError when it cannot be made."""
        return self.kind(kind).build(self.wb, key, params)

    def stamp(self, printable: Printable) -> Stamp:
        return Stamp.of(printable.kind, printable.key, printable.params, printable.content)

    def render(self, printables: Sequence[Printable], title: str | None = None,
               on_section: Callable[[int, int], None] | None = None) -> bytes:
        """One PDF of the documents in turn (each numbered from page 1 with its own QR code); logs each of them."""
        if not printables:
            raise PrintError("没有可打印的文档")
        styles = self.styles()
        stamps = [self.stamp(p) for p in printables]
        sections = [Section(p.story(p.content, styles), s.text, p.landscape) for p, s in zip(printables, stamps,
                                                                                              strict=True)]
        pdf = render_sections(sections, title=title or printables[0].title, fonts=styles.fonts,
                              on_section=on_section)
        self._log(printables, stamps)
        return pdf

    def document(self, kind: str, key: str, params: str = "") -> Printout:
        printable = self.prepare(kind, key, params)
        return Printout(printable, self.stamp(printable), self.render([printable]))

    def save(self, kind: str, key: str, params: str, out: Path) -> Printout:
        printout = self.document(kind, key, params)
        write_file(out, printout.pdf)
        return printout

    def _log(self, printables: Sequence[Printable], stamps: Sequence[Stamp]) -> None:
        """Keep what was printed once per digest, so `verify` can say what changed since."""
        stamp_time = now_text()
        rows = [(p, s) for p, s in zip(printables, stamps, strict=True)]
        with self.wb.store.transaction() as db:
            for printable, stamp in rows:
                db.execute(
                    "INSERT OR IGNORE INTO print_log (id, owner, kind, record_key, params, digest, title, content_json,"
                    " printed_at, printed_by, created_at, updated_at, updated_by)"
                    " VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [self.wb.office_code, stamp.kind, stamp.key, stamp.params, stamp.digest, printable.title,
                     json.dumps(printable.content, ensure_ascii=False, default=str), stamp_time,
                     self.wb.store.user_name, stamp_time, stamp_time, self.wb.store.user_name])

    # ---- batches ----

    def batch_keys(self, kind: str, params: str) -> list[str]:
        doc_kind = self.kind(kind)
        if doc_kind.batch_keys is None:
            raise PrintError(f"“{doc_kind.label}”不能批量打印")
        return doc_kind.batch_keys(self.wb, params)

    def batch(self, kind: str, params: str, out: Path, one_file: bool,
              progress: Progress | None = None, keys: Sequence[str] | None = None) -> BatchResult:
        """Every document of `kind` for `params` into one PDF (`out` is the file) or a folder (`out` is the folder).

        `progress(done, total, what)` may raise Cancelled: a cancelled batch leaves no partial file behind.
        """
        keys = list(keys) if keys is not None else self.batch_keys(kind, params)
        if not keys:
            raise PrintError("没有符合条件的文档可以打印")
        total = len(keys) * 2 if one_file else len(keys)
        report = progress or (lambda done, total, what: None)
        try:
            if one_file:
                return self._batch_one_file(kind, params, keys, out, report, total)
            return self._batch_folder(kind, params, keys, out, report)
        except Cancelled:
            return BatchResult([], 0, cancelled=True)

    def _batch_one_file(self, kind: str, params: str, keys: Sequence[str], out: Path, report: Progress,
                        total: int) -> BatchResult:
        printables = []
        for i, key in enumerate(keys):
            printables.append(self.prepare(kind, key, params))
            report(i + 1, total, printables[-1].title)
        n = len(keys)
        pdf = self.render(printables, title=f"{self.kind(kind).label}（共{n}份）",
                          on_section=lambda i, _n: report(n + i + 1, total, printables[i].title))
        write_file(out, pdf)
        return BatchResult([out], n)

    def _batch_folder(self, kind: str, params: str, keys: Sequence[str], folder: Path,
                      report: Progress) -> BatchResult:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrintError(f"无法建立文件夹“{folder}”：{exc.strerror or exc}") from exc
        files: list[Path] = []
        try:
            for i, key in enumerate(keys):
                printable = self.prepare(kind, key, params)
                report(i, len(keys), printable.title)
                path = unique_path(folder / safe_filename(printable.filename))
                write_file(path, self.render([printable]))
                files.append(path)
            report(len(keys), len(keys), "")
        except BaseException:
            for path in files:       # cancelled or failed half-way: the folder is left as it was
                path.unlink(missing_ok=True)
            raise
        return BatchResult(files, len(files))

    # ---- verify ----

    def verify(self, text: str) -> Verification:
        try:
            stamp = parse_stamp(text)
        except StampError as exc:
            return Verification(False, lines=[str(exc)])
        if stamp.kind not in self.kinds:
            return Verification(False, lines=[f"核验码中的文档种类“{stamp.kind}”本程序不认识"])
        try:
            printable = self.prepare(stamp.kind, stamp.key, stamp.params)
        except (NotFoundError, PrintError, LookupError):
            return Verification(False, lines=["该文档对应的记录在本机数据中已不存在（已删除，或尚未导入）"])
        logged = self.wb.db.execute("SELECT content_json, printed_at, printed_by FROM print_log WHERE digest = ?",
                                    [stamp.digest]).fetchone()
        current = self.stamp(printable)
        found = [f"文档：{printable.title}"]
        if logged:
            found.append(f"打印时间：{logged[1].replace('T', ' ')}，打印人：{logged[2] or '—'}")
        if current.digest == stamp.digest:
            return Verification(True, printable.title, [*found, "核验通过：纸面内容与当前数据一致"],
                                *(logged[1:] if logged else ("", "")))
        if not logged:
            return Verification(False, printable.title, [
                *found, "核验不通过：数据在打印后已改动。本机没有这份纸面文档的打印存档（可能在别的电脑上打印），"
                "无法列出具体改动"])
        diff = changes(json.loads(logged[0]), printable.content)
        if not diff:   # the same printed values, stored differently (95 vs 95.0, -0.0 vs 0.0)
            same = "核验通过：纸面内容与当前数据一致（仅数值的存储格式不同）"
            return Verification(True, printable.title, [*found, same], logged[1], logged[2])
        return Verification(False, printable.title, [*found, "核验不通过：打印后数据有以下改动：", *diff],
                            logged[1], logged[2])


def unique_path(path: Path) -> Path:
    """path, or path with (2), (3) … when a file of that name exists (two villages of the same name)."""
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise PrintError(f"文件夹中同名文件太多：{path.name}")


def write_file(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a failure never leaves half a PDF under the real name."""
    path = Path(path)
    if path.is_dir():
        raise PrintError(f"“{path}”是一个文件夹，请给出文件名")
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PrintError(f"无法写入“{path}”：{exc.strerror or exc}") from exc
