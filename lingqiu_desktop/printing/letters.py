"""The printed 目标责任书 / 军令状: its content gathered from the letter tables (data/letters.py).

The content holds exactly what is printed, under the Chinese labels a reader sees, so `verify` can name a change
("「指标」 第3行「目标值」：由 95 改为 98"). The parties are printed as the organisations that sign: the county and a
township as 中共…委员会 and …人民政府, a village as its 党支部 and 村民委员会.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.letters import DIRECTIONS
from lingqiu_desktop.core.offices import COUNTY_CODE, COUNTY_NAME

from lingqiu_desktop.data.store import NotFoundError

from lingqiu_desktop.documents import letter as document
from lingqiu_desktop.printing.registry import DocumentKind, Printable
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook


def organisations(code: str, name: str) -> str:
    """Who signs for a party: the Party committee and the government, or a village's 党支部 and 村委会."""
    if len(code) == 12:
        return f"{name}党支部、{name}村民委员会"
    if code == COUNTY_CODE:
        name = name or COUNTY_NAME
    return f"中共{name}委员会、{name}人民政府"


def printed_title(letter: dict[str, Any]) -> str:
    """The stored title with the receiver in front (东河南镇2018年脱贫攻坚军令状), unless it names a party already."""
    title = str(letter.get("title") or "").strip() or f"{letter['year']}年脱贫攻坚{letter['kind']}"
    names = [n for n in (letter.get("receiver_name"), letter.get("issuer_name")) if n]
    return title if any(n in title for n in names) else f"{letter.get('receiver_name') or ''}{title}"


def _signers(letter: dict[str, Any], side: str) -> list[dict[str, str]]:
    return [{"职务": letter.get(f"{side}_signer{n}_title") or "", "姓名": letter.get(f"{side}_signer{n}_name") or ""}
            for n in (1, 2)]


def _indicators(letter: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"序号": i, "指标名称": r["name"], "单位": r["unit"] or "", "基数": r["baseline"], "目标值": r["target"],
             "方向": DIRECTIONS.get(r["direction"], r["direction"]),
             "完成时限": r["deadline"] or letter.get("deadline"), "权重": r["weight"]}
            for i, r in enumerate(rows, start=1)]


def copies_sentence(kind: str, clauses: str) -> str:
    """"本军令状一式两份…" unless the clauses already say it (the templates end with it)."""
    if "一式两份" in clauses:
        return ""
    word = "军令状" if kind == "军令状" else "责任书"
    return f"本{word}一式两份，甲乙双方各执一份，自签订之日起生效。"


def content_of(letter: dict[str, Any], indicators: list[dict[str, Any]]) -> dict[str, Any]:
    clauses = str(letter.get("clauses") or "").strip()
    return {
        "标题": printed_title(letter),
        "类型": letter["kind"],
        "甲方": organisations(letter["issuer_code"], letter["issuer_name"]),
        "乙方": organisations(letter["receiver_code"], letter["receiver_name"]),
        "条款": clauses,
        "指标": _indicators(letter, indicators),
        "份数": copies_sentence(letter["kind"], clauses),
        "甲方签字": _signers(letter, "issuer"),
        "乙方签字": _signers(letter, "receiver"),
        "签订日期": letter.get("signed_on") or None,
    }


def build(workbook: Workbook, key: str, params: str = "") -> Printable:
    letter_id = (key or "").strip()
    if not letter_id:
        raise PrintError("请指定要打印的责任书（编号）")
    try:
        letter = workbook.letters.get(letter_id)
    except NotFoundError:
        raise PrintError(f"找不到编号为“{letter_id}”的责任书，可能已被删除或尚未导入") from None
    content = content_of(letter, workbook.letters.indicators(letter_id))
    return Printable("letter", letter_id, "", content["标题"], f"{content['标题']}.pdf", content, document.story)


KINDS = [DocumentKind("letter", "目标责任书/军令状", build)]
