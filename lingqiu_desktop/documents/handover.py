"""数据移交清单 (DOMAIN.md "Printed documents" 8): the cover sheet that goes with a USB data package, rendered from its
content only (printing/handover.py gathers it from the export log).

On one A4 page in GB/T 9704 layout: the title and a line naming sender → recipient and the package number; a grid of
the package (移交单位, 接收单位, 数据包序号, 导出时间, 经办人, 移动存储, 文件名, 数据格式版本); the SHA-256 in large
type, in numbered groups of four, so it can be read aloud over the phone; the rows per table in Chinese (two tables
a line) with the total; a short instruction for the receiving office; the signatures (the sender's 经办人 and
分管领导 under its seal circle, the receiver's 接收人).

Content keys: 标题, 移交单位, 接收单位, 数据包序号, 导出时间, 经办人, 移动存储, 文件名, 数据格式版本, 校验码
(64 hex digits), 数据内容 [{表, 行数}], 合计, 签字人 [titles].
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from lingqiu_desktop.documents.base import (
    GRID,
    SIZE_XIAO4,
    TEXT_WIDTH,
    SignParty,
    Styles,
    fit_widths,
    para,
    signature_block,
    table_style,
)
from lingqiu_desktop.documents.training import HEAD_GREY, info_table, note

GROUP = 4                 # hex digits per group: "3f9a 12bc …" is read out four at a time
GROUPS_PER_LINE = 8       # 64 digits → two lines of eight groups
COUNT_WEIGHTS = (38, 14, 38, 14)


def hash_groups(digest: str) -> list[str]:
    """'3f9a12bc…' → ['3F9A', '12BC', …]: upper case, since 'b' and '6' are easily misheard and misread."""
    clean = "".join(digest.split()).upper()
    return [clean[i:i + GROUP] for i in range(0, len(clean), GROUP)]


def hash_rows(digest: str) -> list[list[str]]:
    """The groups, eight to a line (two lines for SHA-256)."""
    groups = hash_groups(digest)
    return [groups[i:i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]


def story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    subtitle = f"（{content['移交单位']}→{content['接收单位']}　第{content['数据包序号']}号数据包）"
    return [
        para(content["标题"], st.title),
        para(subtitle, st.subtitle),
        Spacer(1, 3 * mm),
        info_table(_info_rows(content), st, label_width=26 * mm),
        Spacer(1, 3 * mm),
        para("数据包校验码（SHA-256，共16组，电话核对时逐组读出）：", st.sign),
        _hash_box(content["校验码"], st),
        Spacer(1, 3 * mm),
        para("数据内容（各表行数）：", st.sign),
        _counts_table(content["数据内容"], content["合计"], st),
        note("接收单位导入前，请核对导入程序显示的发送单位、序号和各表行数与本清单一致；"
             "校验码不一致的数据包不得导入。", st),
        signature_block([SignParty("移交单位", content["移交单位"], [(s, "") for s in content["签字人"]]),
                         SignParty("接收单位", content["接收单位"], [("接收人", "")], seal=False)], st),
    ]


def _info_rows(content: dict[str, Any]) -> list[list[tuple[str, Any]]]:
    return [
        [("移交单位", content["移交单位"]), ("接收单位", content["接收单位"])],
        [("数据包序号", f"第{content['数据包序号']}号"), ("导出时间", content["导出时间"])],
        [("经办人", content["经办人"]), ("数据格式版本", content["数据格式版本"])],
        [("移动存储", content["移动存储"] or "—")],
        [("文件名", content["文件名"])],
    ]


def _hash_box(digest: str, st: Styles) -> Table:
    """Each group in its own cell under its number (第1组 … 第16组), large: the figure the phone call is about."""
    big = ParagraphStyle("hash", parent=st.cell, fontName=st.fonts.heading, fontSize=SIZE_XIAO4,
                         leading=SIZE_XIAO4 * 1.5, alignment=TA_CENTER)
    small = ParagraphStyle("hash_no", parent=st.small, alignment=TA_CENTER, textColor=colors.Color(0.35, 0.35, 0.35))
    data: list[list[Any]] = []
    commands: list[tuple] = []
    for r, groups in enumerate(hash_rows(digest)):
        first = r * GROUPS_PER_LINE + 1
        data.append([para(str(first + i), small) for i in range(len(groups))])
        data.append([para(g, big) for g in groups])
        commands += [("BACKGROUND", (0, 2 * r), (-1, 2 * r), HEAD_GREY),
                     ("TOPPADDING", (0, 2 * r), (-1, 2 * r), 0.5), ("BOTTOMPADDING", (0, 2 * r), (-1, 2 * r), 0.5)]
    table = Table(data, colWidths=[TEXT_WIDTH / GROUPS_PER_LINE] * GROUPS_PER_LINE, hAlign="LEFT")
    table.setStyle(table_style(st, *GRID, *commands))
    return table


def _counts_table(counts: list[dict[str, Any]], total: int, st: Styles) -> Table:
    """Two tables a line (表 | 行数 | 表 | 行数), the total spanning the last line."""
    header = ["数据表", "行数", "数据表", "行数"]
    cells = [(c["表"], f"{c['行数']:,}") for c in counts] or [("（无数据）", "0")]
    if len(cells) % 2:
        cells.append(("", ""))
    data: list[list[Any]] = [[para(h, st.cell_head) for h in header]]
    for left, right in zip(cells[0::2], cells[1::2], strict=True):
        data.append([left[0], left[1], right[0], right[1]])
    data.append([para("合计", st.cell_head), "", "", f"{total:,}"])
    table = Table(data, colWidths=fit_widths(COUNT_WEIGHTS), hAlign="LEFT", repeatRows=1)
    last = len(data) - 1
    table.setStyle(table_style(
        st, *GRID, ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize), ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"), ("SPAN", (0, last), (2, last)),
        ("BACKGROUND", (0, last), (2, last), HEAD_GREY)))
    return table
