"""贫困户花名册 / 公示名单 of one village (kind "households", key: village code, params: 'public' or 'internal').

'public' (公示) masks ID numbers, phone numbers and bank accounts with core/validation.py's mask_* (DOMAIN.md §8:
personal-privacy data in published government information is de-identified) and leaves out households already
removed from the register (已销户); 'internal' shows the full numbers and every household, and says 内部资料 注意保密.
The masking happens here, before the content is stamped and logged, so the public paper's digest and the print log
never hold a full number either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.offices import office_name
from lingqiu_desktop.core.validation import mask_bank_account, mask_id_number, mask_phone

from lingqiu_desktop.documents.household_list import households_story
from lingqiu_desktop.printing.registry import DocumentKind, Printable, own_townships
from lingqiu_desktop.printing.service import PrintError
from lingqiu_desktop.printing.sheets import village

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

PUBLIC, INTERNAL = "public", "internal"
PHONE_KEY = "print.supervision_phone"        # 监督电话 printed on 公示 lists; '' leaves a line to write it in
PUBLIC_DAYS_KEY = "print.public_notice_days"  # 公示期 in days
SIGNERS_KEY = "print.household_list_signers"
DEFAULT_SIGNERS = ["制表人", "审核人"]
STATUS_ORDER = ("未脱贫", "返贫", "已脱贫", "已销户")
_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}


def group_key(name: str) -> tuple[int, str]:
    """一组 < 二组 < … < 十二组, 1组 < 2组 < 10组; names without a number last, in text order."""
    digits = re.match(r"\d+", name)
    if digits:
        return int(digits.group()), name
    chinese = re.match(r"[〇一二三四五六七八九十]+", name)
    if not chinese:
        return 10_000, name
    text = chinese.group()
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0), name
    return int("".join(str(_NUMERALS[c]) for c in text)), name


def _mode(params: str) -> str:
    mode = params.strip().lower()
    if mode not in (PUBLIC, INTERNAL):
        raise PrintError(f"名单类别“{params}”无效：应为 public（公示名单，号码隐去中间位）或 internal（内部花名册）")
    return mode


def households(wb: Workbook, village_id: str, public: bool) -> list[dict[str, Any]]:
    where = " AND status != '已销户'" if public else ""
    cursor = wb.db.execute(
        "SELECT group_name, head_name, head_initials, head_id_number, phone, member_count, attribute, main_cause, "
        f"bank_account, status FROM household WHERE village_id = ?{where}", [village_id])
    names = [c[0] for c in cursor.description]
    found = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    return sorted(found, key=lambda h: (group_key(h["group_name"]), h["head_initials"], h["head_name"]))


def row(n: int, h: dict[str, Any], public: bool) -> dict[str, Any]:
    id_number, phone, bank = h["head_id_number"], h["phone"], h["bank_account"]
    if public:
        id_number, phone, bank = mask_id_number(id_number), mask_phone(phone) if phone else "", \
            mask_bank_account(bank) if bank else ""
    return {"序号": n, "组": h["group_name"], "户主": h["head_name"], "身份证号": id_number, "联系电话": phone,
            "人口": h["member_count"], "属性": h["attribute"], "主要致贫原因": h["main_cause"], "银行账号": bank,
            "脱贫状态": h["status"]}


def totals(found: list[dict[str, Any]]) -> str:
    people = sum(h["member_count"] or 0 for h in found)
    parts = [f"{s}{n}户" for s in STATUS_ORDER if (n := sum(1 for h in found if h["status"] == s))]
    return f"合计：{len(found)}户{people}人" + (f"，其中{'、'.join(parts)}。" if parts else "。")


def public_text(wb: Workbook, village_name: str, township: str) -> tuple[str, list[str]]:
    days = int(wb.settings.get(PUBLIC_DAYS_KEY, 7))
    phone = str(wb.settings.get(PHONE_KEY, "") or "").strip() or "＿" * 8
    intro = (f"根据建档立卡工作要求，现将{village_name}建档立卡贫困户名单予以公示。公示期{days}天，公示期内如有异议，"
             f"请向村民委员会或{township}人民政府反映。为保护个人信息，身份证号、联系电话、银行账号隐去中间部分。")
    blank = f"{'＿' * 3}年{'＿' * 2}月{'＿' * 2}日"     # written in by hand when the list goes up
    return intro, [f"公示期：自{blank}至{blank}（共{days}天）", f"监督电话：{phone}"]


def build(wb: Workbook, key: str, params: str) -> Printable:
    mode = _mode(params)
    public = mode == PUBLIC
    v = village(wb, key.strip())
    township = v["township"] or office_name(v["township_code"])
    found = households(wb, v["id"], public)
    content: dict[str, Any] = {
        "标题": f"{v['name']}建档立卡贫困户{'公示名单' if public else '花名册'}",
        "副标题": f"（{township}{v['name']}　区划代码：{v['code']}）",
        "名单": [row(n, h, public) for n, h in enumerate(found, start=1)], "合计": totals(found)}
    if public:
        content["公示说明"], content["公示期"] = public_text(wb, v["name"], township)
        content["落款"] = [f"{v['name']}村民委员会", f"{township}人民政府"]
    else:
        content["密级"] = "内部资料　注意保密"
        content["签字"] = list(wb.settings.get(SIGNERS_KEY, DEFAULT_SIGNERS))
    label = "公示名单" if public else "花名册"
    return Printable("households", v["code"], mode, content["标题"], f"{v['code']}_{v['name']}_贫困户{label}.pdf",
                     content, households_story, landscape=True)


def batch_keys(wb: Workbook, params: str) -> list[str]:
    """Every village of this office that has households on the register, in code order."""
    _mode(params)
    where, args = own_townships(wb, "v.township_code")
    return [r[0] for r in wb.db.execute(
        "SELECT v.code FROM village v WHERE EXISTS (SELECT 1 FROM household h WHERE h.village_id = v.id) "
        f"{where} ORDER BY v.code", args)]


KINDS = [DocumentKind("households", "贫困户花名册/公示名单", build, batch_keys, "类别")]
