"""贫困户花名册 (internal, full numbers, marked 内部资料 注意保密) and 建档立卡贫困户公示名单 (public: ID, phone and
bank numbers masked, DOMAIN.md §8), A4 landscape. Drawn only from the content dict printing/households.py gathers:
the masking has already happened there, so nothing unmasked ever reaches a public page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from lingqiu_desktop.documents.base import (
    BLANK_DATE,
    LANDSCAPE_WIDTH,
    SIZE_5,
    SIZE_XIAO4,
    Styles,
    para,
)
from lingqiu_desktop.documents.ruled import (
    Column,
    PlainText,
    RuledTable,
    keep_tail,
    sheet_styles,
    sign_table,
    signer,
)

COLUMNS = (Column("序号", 8), Column("组", 8), Column("户主", 12), Column("身份证号", 33), Column("联系电话", 22),
           Column("人口", 8), Column("贫困户属性", 22), Column("主要致贫原因", 19), Column("银行账号", 35),
           Column("脱贫状态", 13))
KEYS = ("序号", "组", "户主", "身份证号", "联系电话", "人口", "属性", "主要致贫原因", "银行账号", "脱贫状态")


def households_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    ss = sheet_styles(st)
    items: list[Flowable] = [para(content["标题"], ss.title), para(content["副标题"], ss.subtitle),
                             Spacer(1, 2 * mm)]
    if content.get("公示说明"):
        items.append(PlainText(content["公示说明"], st.fonts.body, SIZE_XIAO4, SIZE_XIAO4 * 1.6))
        items += [PlainText(line, st.fonts.body, SIZE_XIAO4, SIZE_XIAO4 * 1.6) for line in content["公示期"]]
        items.append(Spacer(1, 2 * mm))
    rows = [[h[k] for k in KEYS] for h in content["名单"]]
    items.append(RuledTable(COLUMNS, rows or [["", "", "（无）", "", "", "", "", "", "", ""]], st,
                            width=LANDSCAPE_WIDTH, caption=content.get("密级", "")))
    items.append(PlainText(content["合计"], st.fonts.body, SIZE_5, SIZE_5 * 1.6, space_before=1.5 * mm))
    return keep_tail(items + closing(content, st))


def closing(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """公示: the village committee's and the township's seals. Internal: who made and who checked the list."""
    if content.get("落款"):
        rows = [[f"{unit}（盖章）" for unit in content["落款"]], [BLANK_DATE for _ in content["落款"]]]
    else:
        rows = [[*(signer(label) for label in content["签字"]), f"日期：{BLANK_DATE}"]]
    return [CondPageBreak(30 * mm), Spacer(1, 6 * mm), sign_table(rows, st, LANDSCAPE_WIDTH)]
