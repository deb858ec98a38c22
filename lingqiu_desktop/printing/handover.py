"""数据移交清单 (kind "handover"): the cover sheet of one exported USB package, gathered from its export log row.

key: the export_log row id; no params. Everything printed comes from that row (sender, recipient, sequence, time,
operator, drive, file name, hash, counts), so the paper verifies for as long as the row exists. The receipt
(received_at) is left off on purpose: it changes after printing and would make the paper fail `verify`.
Setting "print.handover_signers": who signs for the sender (default 经办人 and 分管领导).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.offices import office_name

from lingqiu_desktop.documents.handover import story
from lingqiu_desktop.exchange.labels import labelled_counts
from lingqiu_desktop.printing.registry import DocumentKind, Printable
from lingqiu_desktop.printing.service import PrintError, safe_filename

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

SIGNERS_KEY = "print.handover_signers"
DEFAULT_SIGNERS = ["经办人", "分管领导"]
TITLE = "数据移交清单"
ALL_TOWNSHIPS = "全部乡镇"


def export_row(wb: Workbook, key: str) -> dict[str, Any]:
    """The export log row of this office, or PrintError (another office's log never travels)."""
    cursor = wb.db.execute("SELECT * FROM export_log WHERE id = ? AND owner = ?", [key, wb.office_code])
    row = cursor.fetchone()
    if row is None:
        raise PrintError(f"没有找到这次导出的记录（编号 {key or '空'}），无法打印移交清单")
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def file_name(path: str) -> str:
    """The file's name from a path written on Windows or Linux (the log may come from either)."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def export_time(at: str) -> str:
    """'2018-11-30T10:22:33…' → '2018年11月30日 10:22' (the clerk's clock; seconds mean nothing on paper)."""
    try:
        moment = datetime.fromisoformat(at[:19])
    except ValueError:
        return at
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def recipient_name(code: str) -> str:
    return ALL_TOWNSHIPS if code in ("", "*") else office_name(code)


def _signers(wb: Workbook) -> list[str]:
    value = wb.settings.get(SIGNERS_KEY, DEFAULT_SIGNERS)
    if isinstance(value, str):
        value = value.replace("，", ",").split(",")
    signers = [str(v).strip() for v in (value or []) if str(v).strip()]
    return signers or list(DEFAULT_SIGNERS)


def _counts(counts_json: str) -> dict[str, int]:
    try:
        counts = json.loads(counts_json or "{}")
    except ValueError:
        raise PrintError("导出记录中的数据数量已损坏，无法打印移交清单") from None
    return {str(t): int(n) for t, n in counts.items()} if isinstance(counts, dict) else {}


def build(wb: Workbook, key: str, params: str) -> Printable:
    if params:
        raise PrintError(f"数据移交清单不需要参数（收到“{params}”）")
    row = export_row(wb, key)
    counts = _counts(row["counts_json"])
    content = {
        "标题": TITLE, "移交单位": office_name(row["owner"]), "接收单位": recipient_name(row["recipient"]),
        "数据包序号": int(row["sequence"]), "导出时间": export_time(row["at"]), "经办人": row["user_name"] or "",
        "移动存储": row["drive"] or "", "文件名": file_name(row["path"] or ""),
        "数据格式版本": str(row["schema_version"]), "校验码": (row["sha256"] or "").lower(),
        "数据内容": [{"表": label, "行数": n} for label, n in labelled_counts(counts, skip_zero=True)],
        "合计": sum(counts.values()), "签字人": _signers(wb),
    }
    name = f"{content['移交单位']}{TITLE}（第{content['数据包序号']}号）"
    return Printable("handover", key, "", name, safe_filename(f"{name}.pdf"), content, story)


def export_id(wb: Workbook, sha256: str) -> str:
    """The export log id of the package with this hash (what an export result names), or PrintError."""
    row = wb.db.execute("SELECT id FROM export_log WHERE owner = ? AND sha256 = ? ORDER BY at DESC LIMIT 1",
                        [wb.office_code, sha256]).fetchone()
    if row is None:
        raise PrintError("没有找到这个数据包的导出记录，无法打印移交清单")
    return str(row[0])


def choices(wb: Workbook, _township: str = "") -> list[tuple[str, str]]:
    """(export log id, '第3号　东河南镇→灵丘县　2018-11-30 10:22') of this office's exports, newest first: what a
    chooser in the print centre offers."""
    rows = wb.db.execute("SELECT id, sequence, recipient, at FROM export_log WHERE owner = ?"
                         " ORDER BY at DESC, sequence DESC LIMIT 200", [wb.office_code]).fetchall()
    sender = office_name(wb.office_code)
    return [(r[0], f"第{r[1]}号　{sender}→{recipient_name(r[2])}　{str(r[3])[:16].replace('T', ' ')}") for r in rows]


KINDS = [DocumentKind("handover", "数据移交清单", build)]
