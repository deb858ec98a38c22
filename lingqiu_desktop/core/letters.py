"""Responsibility letters (目标责任书) and military orders (军令状): form input → clean values, the signing rules
("双签": both the Party secretary and the government head of each side sign), the status ladder, and the templates
seeded with the founding article's targets (DOMAIN.md, first section and §2). Plain Python, no Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    parse_date,
    parse_number,
    parse_year,
    require,
    require_choice,
)

Raw = Mapping[str, Any]

KINDS: Final = ("目标责任书", "军令状")
LEVELS: Final = ("县对乡", "乡对村")
STATUSES: Final = ("草拟", "已签订", "执行中", "已考核")
DRAFT: Final = "草拟"
MANUAL: Final = "manual"
DIRECTIONS: Final[dict[str, str]] = {"higher": "越高越好", "lower": "越低越好"}
UNITS: Final = ("户", "人", "个", "%", "万元", "次", "人次", "项")
EARLIEST_YEAR: Final = 2014   # 建档立卡 began in 2014; no letter of this work is older
LATEST_YEAR: Final = 2030

#: status → (the next status, the button that moves there); the editor shows the button of the current status
NEXT_STATUS: Final[dict[str, tuple[str, str]]] = {
    "草拟": ("已签订", "签订"), "已签订": ("执行中", "开始执行"), "执行中": ("已考核", "考核完成"),
}
#: a signed letter may go back to draft when it was marked signed by mistake (it is not yet being carried out)
BACK_STATUS: Final[dict[str, str]] = {"已签订": "草拟"}

# The two signers of each side: 1 = the Party secretary (第一责任人), 2 = the government head (直接责任人).
SIGNER_ROLES: Final = (("1", "书记"), ("2", "行政负责人"))
SIDES: Final = (("issuer", "甲方"), ("receiver", "乙方"))


def signer_label(side: str, number: str, part: str) -> str:
    """The Chinese field label of a signer's name or title: 甲方书记姓名, 乙方行政负责人职务 …"""
    side_label = dict(SIDES)[side]
    role = dict(SIGNER_ROLES)[number]
    return f"{side_label}{role}{'姓名' if part == 'name' else '职务'}"


SIGNER_FIELDS: Final[dict[str, str]] = {
    f"{side}_signer{number}_{part}": signer_label(side, number, part)
    for side, _s in SIDES for number, _r in SIGNER_ROLES for part in ("name", "title")
}

FIELD_LABELS: Final[dict[str, str]] = {
    "kind": "类型", "year": "年度", "level": "层级", "title": "标题", "issuer_code": "甲方", "issuer_name": "甲方",
    "receiver_code": "乙方", "receiver_name": "乙方", "clauses": "条款", "drafted_on": "草拟日期",
    "signed_on": "签订日期", "deadline": "截止日期", "status": "状态", **SIGNER_FIELDS,
}
INDICATOR_LABELS: Final[dict[str, str]] = {
    "name": "指标名称", "unit": "单位", "baseline": "基线值", "target": "目标值", "direction": "方向",
    "weight": "权重", "deadline": "指标截止日期", "source": "数据来源",
}


def computed_sources() -> dict[str, str]:
    """Computed-source keys → Chinese labels, as core.scoring defines them (imported late: scoring imports nothing
    of ours, but it was written alongside this module and may be absent from an older checkout)."""
    try:
        from lingqiu_desktop.core.scoring import COMPUTED_SOURCES
    except ImportError:  # pragma: no cover - the contract's keys, for a tree without scoring.py
        return {"households_exited": "脱贫户数（户）", "people_exited": "脱贫人数（人）",
                "villages_exited": "退出贫困村数（个）", "visits_made": "入户走访次数（次）",
                "training_person_times": "培训人次（人次）", "attendance_compliance": "工作队员在村天数达标率（%）",
                "collective_income_villages": "集体经济收入达标村数（个）"}
    return dict(COMPUTED_SOURCES)


#: computed sources that only make sense for a township as a whole (a village cannot "exit villages")
COUNTY_ONLY_SOURCES: Final = frozenset({"villages_exited"})


def source_label(source: str) -> str:
    return "手工填报" if source == MANUAL else computed_sources().get(source, source)


def direction_label(direction: str) -> str:
    return DIRECTIONS.get(direction, direction)


def chinese_date(value: str | date | None) -> str:
    """'2018年12月31日' (GB/T 9704: Arabic numerals, no zero padding); '' for no date."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.year}年{day.month}月{day.day}日"


def default_title(kind: str, year: int | str) -> str:
    return f"{year}年脱贫攻坚军令状" if kind == "军令状" else f"{year}年度脱贫攻坚目标责任书"


# ------------------------------------------------------------------------------------------------ checks

class _Collector:
    """Every bad field of one form at once (as core.records)."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []
        self.values: dict[str, Any] = {}

    def check(self, column: str, fn: Any) -> Any:
        try:
            self.values[column] = fn()
        except ValidationError as exc:
            self.errors.append(exc)
            return None
        return self.values[column]

    def done(self) -> dict[str, Any]:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ValidationErrors(self.errors)
        return self.values


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _optional_date(raw: Raw, key: str, label: str, today: date) -> date | None:
    """An optional date that cannot lie after the working date (a letter is not signed in the future)."""
    text = _text(raw, key)
    if not text:
        return None
    return parse_date(text, label, allow_future=False, today=today, earliest=date(EARLIEST_YEAR - 1, 1, 1))


def _after(c: _Collector, later: str, earlier: str) -> None:
    """`later` (a date column) may not come before `earlier`; both already parsed (None = missing or bad)."""
    first, second = c.values.get(earlier), c.values.get(later)
    if first is not None and second is not None and second < first:
        c.errors.append(ValidationError(FIELD_LABELS[later], f"不能早于{FIELD_LABELS[earlier]}（{first.isoformat()}）"))


def _signers(raw: Raw, c: _Collector) -> None:
    """A signer's name needs the title beside it (the printed letter shows both); a title alone is a draft's blank."""
    for column in SIGNER_FIELDS:
        if column.endswith("_name"):
            name, title_column = _text(raw, column), column[:-5] + "_title"
            c.values[column] = name
            c.values[title_column] = _text(raw, title_column)
            if name and not c.values[title_column]:
                c.errors.append(ValidationError(SIGNER_FIELDS[title_column], "填写了姓名，请同时填写职务"))


def clean_letter(raw: Raw, today: date) -> dict[str, Any]:
    """A letter's own fields (not its indicators), every bad one reported at once (ValidationErrors).

    Dates: 草拟日期 and 签订日期 not after the working date; 签订日期 and 截止日期 not before 草拟日期; 截止日期 not
    before 1 January of the letter's year. A letter past 草拟 must be signable (see :func:`signing_problems`)."""
    c = _Collector()
    c.check("kind", lambda: require_choice(_text(raw, "kind"), "类型", KINDS))
    year = c.check("year", lambda: parse_year(_text(raw, "year"), "年度", EARLIEST_YEAR, LATEST_YEAR))
    c.check("level", lambda: require_choice(_text(raw, "level"), "层级", LEVELS))
    c.values["title"] = _text(raw, "title") or default_title(c.values.get("kind", ""), year or "")
    for side in ("issuer", "receiver"):
        c.check(f"{side}_code", lambda side=side: require(_text(raw, f"{side}_code"), FIELD_LABELS[f"{side}_code"]))
        c.values[f"{side}_name"] = _text(raw, f"{side}_name")
    _signers(raw, c)
    c.values["clauses"] = str(raw.get("clauses") or "").strip()
    c.values["template_key"] = _text(raw, "template_key")
    c.check("drafted_on", lambda: parse_date(_text(raw, "drafted_on"), "草拟日期", allow_future=False, today=today,
                                             earliest=date(EARLIEST_YEAR - 1, 1, 1)))
    c.check("signed_on", lambda: _optional_date(raw, "signed_on", "签订日期", today))
    c.check("deadline", lambda: parse_date(_text(raw, "deadline"), "截止日期"))
    _after(c, "signed_on", "drafted_on")
    _after(c, "deadline", "drafted_on")
    deadline = c.values.get("deadline")
    if year and deadline and deadline.year < year:
        c.errors.append(ValidationError("截止日期", f"不能早于{year}年1月1日（责任书年度为{year}年）"))
    c.check("status", lambda: require_choice(_text(raw, "status") or DRAFT, "状态", STATUSES))
    values = c.done()
    for column in ("drafted_on", "signed_on", "deadline"):
        values[column] = values[column].isoformat() if values.get(column) else None
    if values["status"] != DRAFT:
        check_signable(values)
    return values


def signing_problems(values: Raw) -> list[ValidationError]:
    """What is missing before a letter can be marked signed: the signing date and, on both sides, the names and
    titles of the Party secretary and the government head ("双签")."""
    problems = []
    if not _text(values, "signed_on"):
        problems.append(ValidationError("签订日期", "签订前须填写签订日期"))
    for column, label in SIGNER_FIELDS.items():
        if not _text(values, column):
            problems.append(ValidationError(label, "签订前须填写（双方书记和行政负责人“双签”）"))
    return problems


def check_signable(values: Raw) -> None:
    problems = signing_problems(values)
    if problems:
        raise problems[0] if len(problems) == 1 else ValidationErrors(problems)


def check_transition(current: str, new: str, values: Raw) -> None:
    """草拟 → 已签订 → 执行中 → 已考核, one step at a time (已签订 may go back to 草拟); signing needs
    :func:`check_signable` and the letter's indicators are checked by the repository."""
    require_choice(new, "状态", STATUSES)
    if new == current:
        raise ValidationError("状态", f"责任书已经是“{current}”状态")
    forward = NEXT_STATUS.get(current, ("", ""))[0]
    if new not in (forward, BACK_STATUS.get(current)):
        allowed = "、".join(s for s in (forward, BACK_STATUS.get(current, "")) if s) or "无"
        raise ValidationError("状态", f"“{current}”的责任书不能改为“{new}”（可改为：{allowed}）")
    if new != DRAFT:
        check_signable(values)


def clean_indicator(raw: Raw, *, level: str = "", year: int | None = None) -> dict[str, Any]:
    """An indicator (指标): name, unit, baseline, target, direction, weight > 0, optional deadline, source.
    Direction and source may be given as their Chinese labels (越高越好, 手工填报 …)."""
    c = _Collector()
    c.check("name", lambda: require(_text(raw, "name"), "指标名称"))
    c.values["unit"] = _text(raw, "unit")
    c.check("baseline", lambda: parse_number(_text(raw, "baseline") or "0", "基线值"))
    c.check("target", lambda: parse_number(_text(raw, "target"), "目标值"))
    c.check("direction", lambda: _direction(_text(raw, "direction") or "higher"))
    c.check("weight", lambda: parse_weight(_text(raw, "weight")))
    c.check("deadline", lambda: _indicator_deadline(_text(raw, "deadline"), year))
    c.check("source", lambda: _source(_text(raw, "source") or MANUAL, level))
    _target_side(c)
    values = c.done()
    values["deadline"] = values["deadline"].isoformat() if values["deadline"] else None
    return values


def _direction(text: str) -> str:
    by_label = {label: key for key, label in DIRECTIONS.items()}
    return by_label.get(text) or require_choice(text, "方向", [*DIRECTIONS, *by_label])


def parse_weight(text: str) -> float:
    """An indicator's weight: more than 0, at most 100."""
    weight = parse_number(text, "权重")
    if weight <= 0:
        raise ValidationError("权重", "应大于0")
    if weight > 100:
        raise ValidationError("权重", "不能大于100")
    return weight


def _indicator_deadline(text: str, year: int | None) -> date | None:
    if not text:
        return None
    day = parse_date(text, "指标截止日期", earliest=date(EARLIEST_YEAR, 1, 1))
    if year is not None and day.year < year:
        raise ValidationError("指标截止日期", f"不能早于{year}年1月1日（责任书年度为{year}年）")
    return day


def _source(text: str, level: str) -> str:
    sources = computed_sources()
    by_label = {label: key for key, label in sources.items()} | {"手工填报": MANUAL}
    key = by_label.get(text, text)
    if key != MANUAL and key not in sources:
        raise ValidationError("数据来源", "应为手工填报或系统自动统计的一项")
    if level == "乡对村" and key in COUNTY_ONLY_SOURCES:
        raise ValidationError("数据来源", f"“{sources[key]}”只用于县对乡的责任书")
    return key


def _target_side(c: _Collector) -> None:
    """A target on the wrong side of the baseline is a typing slip (or the wrong direction)."""
    v = c.values
    if not {"baseline", "target", "direction"} <= v.keys():
        return
    if v["direction"] == "higher" and v["target"] < v["baseline"]:
        c.errors.append(ValidationError("目标值", "越高越好的指标，目标值不能低于基线值"))
    elif v["direction"] == "lower" and v["target"] > v["baseline"]:
        c.errors.append(ValidationError("目标值", "越低越好的指标，目标值不能高于基线值"))


# ------------------------------------------------------------------------------------------------ templates

#: placeholders a template's title and clauses may hold, filled from the letter by :func:`render_clauses`
PLACEHOLDERS: Final = ("{年度}", "{甲方}", "{乙方}", "{截止日期}", "{甲方第一责任人}", "{甲方直接责任人}",
                       "{乙方第一责任人}", "{乙方直接责任人}")
BLANK: Final = "＿＿＿＿"   # an unnamed signer prints as a line to write on


@dataclass(frozen=True)
class LetterTemplate:
    """A letter's starting text and indicators. `indicators` are (name, unit, baseline, target, direction, weight,
    source); `targets_from` names, per indicator, the fact of the receiver's area (households still to exit …)
    that replaces the default target when the data has it (data/letters.py computes the facts)."""

    key: str
    kind: str
    level: str
    label: str
    title: str
    clauses: str
    indicators: tuple[tuple[str, str, float, float, str, float, str], ...]
    targets_from: Mapping[str, str]


def default_signer_titles(code: str, name: str) -> tuple[str, str]:
    """The titles of the Party secretary and the government head of the county, a township or a village."""
    if len(code) == 6:
        return "县委书记", "县长"
    if len(code) == 9:
        return "党委书记", "镇长" if name.endswith("镇") else "乡长"
    return "党支部书记", "村委会主任"


def _signer(values: Raw, side: str, number: str) -> str:
    name, title = _text(values, f"{side}_signer{number}_name"), _text(values, f"{side}_signer{number}_title")
    return f"{title}{name or BLANK}"


def render_clauses(text: str, values: Raw) -> str:
    """The text with every placeholder filled from the letter's values; unknown braces are left alone."""
    deadline = _text(values, "deadline")
    filled = {
        "{年度}": _text(values, "year") or BLANK, "{甲方}": _text(values, "issuer_name") or BLANK,
        "{乙方}": _text(values, "receiver_name") or BLANK, "{截止日期}": chinese_date(deadline) or BLANK,
        "{甲方第一责任人}": _signer(values, "issuer", "1"), "{甲方直接责任人}": _signer(values, "issuer", "2"),
        "{乙方第一责任人}": _signer(values, "receiver", "1"), "{乙方直接责任人}": _signer(values, "receiver", "2"),
    }
    for placeholder, value in filled.items():
        text = text.replace(placeholder, value)
    return text


_ASSESS = "四、考核办法：实行脱贫攻坚“1+3”考核评比推进机制：{who}统筹，月汇总分析、季点评通报、年度考核评比，" \
          "各项指标按权重计分，满分100分，{rank}。\n"
_COUNTY_DUTY = ("一、责任双方：甲方为中共{甲方}委员会、{甲方}人民政府；乙方为中共{乙方}委员会、{乙方}人民政府。\n"
                "二、责任人员：实行“双签”“双组长”责任制，乙方{乙方第一责任人}为第一责任人，{乙方直接责任人}为直接"
                "责任人，对本乡镇脱贫攻坚工作负总责；甲方{甲方第一责任人}、{甲方直接责任人}代表县委、县政府签订。\n"
                "三、目标任务：乙方确保于{截止日期}前完成附表所列各项指标：贫困户、贫困人口按“一达标两不愁三保障”"
                "标准稳定脱贫，贫困村按标准退出，村集体经济全部破零（年收入1万元以上），易地扶贫搬迁安置点竣工率、"
                "投资率达到80%以上并按期搬迁入住，产业扶贫项目落地见效、带动贫困户增收，完成“三支队伍”培训任务，"
                "驻村工作队员每月在村天数达到规定要求。\n"
                + _ASSESS.format(who="由县脱贫攻坚联席会", rank="在全县12个乡镇中排名"))
_VILLAGE_DUTY = ("一、责任双方：甲方为中共{甲方}委员会、{甲方}人民政府；乙方为{乙方}党支部、村民委员会。\n"
                 "二、责任人员：实行“双签”责任制，乙方{乙方第一责任人}为第一责任人，{乙方直接责任人}为直接责任人，"
                 "驻村工作队、第一书记协助落实；甲方{甲方第一责任人}、{甲方直接责任人}代表乡镇党委、政府签订。\n"
                 "三、目标任务：乙方于{截止日期}前完成附表所列各项指标：贫困户、贫困人口按“一达标两不愁三保障”"
                 "标准稳定脱贫，贫困发生率降至2%以下，村集体经济收入达到1万元以上，配合做好易地扶贫搬迁和产业"
                 "扶贫项目，帮扶责任人按要求入户走访，驻村工作队员按规定在岗在村。\n"
                 + _ASSESS.format(who="由乡镇脱贫攻坚联席会", rank="在全乡镇各村中排名"))
_COUNTY_SANCTIONS = ("五、奖惩措施：考核结果作为乡镇领导班子和领导干部年度考核、评优评先、选拔任用的重要依据。完成"
                     "任务、成绩突出的予以表彰奖励；季度通报排名靠后的，由县委、县政府主要领导对乙方党政主要负责人"
                     "进行约谈；未按期完成脱贫任务的，年度考核实行一票否决。\n")
_VILLAGE_SANCTIONS = ("五、奖惩措施：考核结果与村干部绩效报酬、评优评先挂钩；季度排名靠后的，由乡镇党委、政府约谈村"
                      "党支部书记和村委会主任；未完成脱贫任务或弄虚作假的，年度考核实行一票否决，对工作不力的第一"
                      "书记、驻村工作队员提请召回。\n")
_PLEDGE = ("乙方立下军令状：如未按期完成上述目标任务，{乙方第一责任人}、{乙方直接责任人}自愿接受组织处理，"
           "主动引咎辞职。\n")
_END = "六、本{what}一式两份，甲乙双方各执一份，自签订之日起生效。"

# The founding article's targets (DOMAIN.md, first section), shared out per township (12) and per village:
# households and people to exit and poor villages to exit come from the register when it has them.
_COUNTY_INDICATORS = (
    ("贫困户脱贫", "户", 0, 1330, "higher", 20, "households_exited"),
    ("贫困人口脱贫", "人", 0, 3430, "higher", 15, "people_exited"),
    ("贫困村退出", "个", 0, 10, "higher", 15, "villages_exited"),
    ("集体经济破零村数", "个", 0, 21, "higher", 10, "collective_income_villages"),
    ("易地扶贫搬迁安置点竣工率", "%", 0, 80, "higher", 8, MANUAL),
    ("易地扶贫搬迁入住率", "%", 0, 100, "higher", 7, MANUAL),
    ("产业扶贫项目落地", "个", 0, 6, "higher", 8, MANUAL),
    ("产业扶贫项目带动贫困户", "户", 0, 910, "higher", 7, MANUAL),
    ("“三支队伍”培训", "人次", 0, 320, "higher", 5, "training_person_times"),
    ("驻村工作队员在村天数达标率", "%", 0, 100, "higher", 5, "attendance_compliance"),
)
_VILLAGE_INDICATORS = (
    ("贫困户脱贫", "户", 0, 60, "higher", 20, "households_exited"),
    ("贫困人口脱贫", "人", 0, 150, "higher", 15, "people_exited"),
    ("贫困发生率", "%", 15, 2, "lower", 15, MANUAL),
    ("村集体经济收入", "万元", 0, 1, "higher", 10, MANUAL),
    ("易地扶贫搬迁入住率", "%", 0, 100, "higher", 5, MANUAL),
    ("产业扶贫项目覆盖贫困户", "户", 0, 40, "higher", 10, MANUAL),
    ("帮扶责任人入户走访", "次", 0, 720, "higher", 5, "visits_made"),
    ("技能培训", "人次", 0, 30, "higher", 5, MANUAL),
    ("驻村工作队员在村天数达标率", "%", 0, 100, "higher", 5, "attendance_compliance"),
    ("两不愁三保障达标率", "%", 85, 100, "higher", 10, MANUAL),
)
_COUNTY_TARGETS = {"贫困户脱贫": "poor_households", "贫困人口脱贫": "poor_people", "贫困村退出": "poor_villages",
                   "集体经济破零村数": "villages"}
_VILLAGE_TARGETS = {"贫困户脱贫": "poor_households", "贫困人口脱贫": "poor_people",
                    "帮扶责任人入户走访": "monthly_visits"}

_CLAUSES = {
    "county_township_order": _COUNTY_DUTY + _COUNTY_SANCTIONS.rstrip() + _PLEDGE + _END.format(what="军令状"),
    "county_township_target": _COUNTY_DUTY + _COUNTY_SANCTIONS + _END.format(what="责任书"),
    "township_village_target": _VILLAGE_DUTY + _VILLAGE_SANCTIONS + _END.format(what="责任书"),
    "township_village_order": _VILLAGE_DUTY + _VILLAGE_SANCTIONS.rstrip() + _PLEDGE + _END.format(what="军令状"),
}
_ORDER_TITLE, _TARGET_TITLE = "{年度}年脱贫攻坚军令状", "{年度}年度脱贫攻坚目标责任书"

TEMPLATES: Final[dict[str, LetterTemplate]] = {t.key: t for t in (
    LetterTemplate("county_township_order", "军令状", "县对乡", "县对乡镇 脱贫攻坚军令状", _ORDER_TITLE,
                   _CLAUSES["county_township_order"], _COUNTY_INDICATORS, _COUNTY_TARGETS),
    LetterTemplate("county_township_target", "目标责任书", "县对乡", "县对乡镇 脱贫攻坚目标责任书", _TARGET_TITLE,
                   _CLAUSES["county_township_target"], _COUNTY_INDICATORS, _COUNTY_TARGETS),
    LetterTemplate("township_village_target", "目标责任书", "乡对村", "乡镇对村 脱贫攻坚目标责任书", _TARGET_TITLE,
                   _CLAUSES["township_village_target"], _VILLAGE_INDICATORS, _VILLAGE_TARGETS),
    LetterTemplate("township_village_order", "军令状", "乡对村", "乡镇对贫困村 脱贫攻坚军令状", _ORDER_TITLE,
                   _CLAUSES["township_village_order"], _VILLAGE_INDICATORS, _VILLAGE_TARGETS),
)}


def templates_for(level: str) -> list[LetterTemplate]:
    return [t for t in TEMPLATES.values() if t.level == level]
