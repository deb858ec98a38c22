"""Form input → clean column values, with every bad field reported at once (ValidationErrors).

The GUI's dialogs and the CLI hand raw text in; what comes out is ready for the Store. Nothing is written when
any check fails.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from lingqiu_desktop.core import choices
from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    id_sex,
    optional_phone,
    parse_number,
    parse_year,
    require,
    require_choice,
    validate_id_number,
    validate_village_code,
)

Raw = Mapping[str, Any]


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _flag(raw: Raw, key: str, default: bool = False) -> int:
    value = raw.get(key, default)
    if isinstance(value, str):
        return 1 if value.strip() in ("1", "是", "true", "True", "有") else 0
    return 1 if value else 0


class _Collector:
    """Runs field checks and remembers every failure, so a form can mark all bad fields in one pass."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []
        self.values: dict[str, Any] = {}

    def check(self, column: str, fn: Callable[[], Any]) -> None:
        try:
            self.values[column] = fn()
        except ValidationError as exc:
            self.errors.append(exc)

    def done(self) -> dict[str, Any]:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ValidationErrors(self.errors)
        return self.values


def _optional_year(raw: Raw, key: str, field: str) -> int | None:
    text = _text(raw, key)
    return parse_year(text, field) if text else None


def _optional_number(raw: Raw, key: str, field: str, **limits: Any) -> Any:
    text = _text(raw, key)
    return parse_number(text, field, **limits) if text else limits.get("minimum", 0) or 0


def clean_village(raw: Raw, township_code: str) -> dict[str, Any]:
    c = _Collector()
    c.check("code", lambda: validate_village_code(_text(raw, "code"), township_code, "村级代码"))
    c.check("name", lambda: require(_text(raw, "name"), "村名"))
    c.check("status", lambda: require_choice(_text(raw, "status") or "未退出", "退出状态", choices.VILLAGE_STATUSES))
    c.check("planned_exit_year", lambda: _optional_year(raw, "planned_exit_year", "计划退出年度"))
    c.check("exit_year", lambda: _optional_year(raw, "exit_year", "退出年度"))
    c.check("population", lambda: int(_optional_number(raw, "population", "人口数", minimum=0, integer=True)))
    c.check("household_count",
            lambda: int(_optional_number(raw, "household_count", "户数", minimum=0, integer=True)))
    c.check("collective_income",
            lambda: float(_optional_number(raw, "collective_income", "村集体经济收入", minimum=0)))
    values = c.done()
    if values["status"] == "已退出" and values["exit_year"] is None:
        raise ValidationError("退出年度", "已退出的村须填写退出年度")
    values.update(township_code=township_code, is_poor=_flag(raw, "is_poor"), remarks=_text(raw, "remarks"),
                  name_initials=initials(values["name"]))
    return values


def clean_household(raw: Raw, today: date | None = None) -> dict[str, Any]:
    """A poor household's own fields (its village is chosen separately and checked by the data layer)."""
    c = _Collector()
    c.check("head_name", lambda: require(_text(raw, "head_name"), "户主姓名"))
    c.check("head_id_number", lambda: validate_id_number(_text(raw, "head_id_number"), "户主身份证号", today=today))
    c.check("phone", lambda: optional_phone(_text(raw, "phone"), "联系电话"))
    c.check("attribute", lambda: require_choice(_text(raw, "attribute") or "一般贫困户", "贫困户属性",
                                                choices.HOUSEHOLD_ATTRIBUTES))
    c.check("standard", lambda: require_choice(_text(raw, "standard") or "国家标准", "识别标准",
                                               choices.IDENTIFICATION_STANDARDS))
    c.check("main_cause", lambda: require_choice(_text(raw, "main_cause"), "主要致贫原因", choices.POVERTY_CAUSES))
    c.check("status", lambda: require_choice(_text(raw, "status") or "未脱贫", "脱贫状态",
                                             choices.HOUSEHOLD_STATUSES))
    c.check("identified_year", lambda: _optional_year(raw, "identified_year", "识别年度"))
    c.check("exit_year", lambda: _optional_year(raw, "exit_year", "脱贫年度"))
    c.check("per_capita_income", lambda: _optional_income(raw))
    c.check("bank_account", lambda: _bank_account(_text(raw, "bank_account")))
    c.check("arable_land_mu", lambda: float(_optional_number(raw, "arable_land_mu", "耕地面积", minimum=0)))
    c.check("housing_area", lambda: float(_optional_number(raw, "housing_area", "住房面积", minimum=0)))
    values = c.done()
    if values["status"] == "已脱贫" and values["exit_year"] is None:
        raise ValidationError("脱贫年度", "已脱贫的户须填写脱贫年度")
    if values["exit_year"] and values["identified_year"] and values["exit_year"] < values["identified_year"]:
        raise ValidationError("脱贫年度", "脱贫年度不能早于识别年度")
    others = [x for x in _text(raw, "other_causes").replace("，", ",").replace("、", ",").split(",") if x.strip()]
    if len(others) > 2:
        raise ValidationError("其他致贫原因", "最多填写2项")
    for cause in others:
        require_choice(cause.strip(), "其他致贫原因", choices.POVERTY_CAUSES)
    values.update(
        head_initials=initials(values["head_name"]),
        other_causes=",".join(x.strip() for x in others),
        group_name=_text(raw, "group_name"),
        bank_name=_text(raw, "bank_name"),
        housing_structure=_text(raw, "housing_structure"),
        housing_danger_grade=_text(raw, "housing_danger_grade"),
        safe_water=_flag(raw, "safe_water", True),
        has_electricity=_flag(raw, "has_electricity", True),
        relocation=_flag(raw, "relocation"),
        remarks=_text(raw, "remarks"),
    )
    return values


def _optional_income(raw: Raw) -> float | None:
    text = _text(raw, "per_capita_income")
    return float(parse_number(text, "人均纯收入", minimum=0, maximum=1_000_000)) if text else None


def _bank_account(text: str) -> str:
    digits = text.replace(" ", "")
    if digits and (not digits.isdigit() or not 12 <= len(digits) <= 25):
        raise ValidationError("银行账号", "应为12到25位数字")
    return digits


def _optional_choice(raw: Raw, key: str, field: str, options: tuple[str, ...]) -> str:
    text = _text(raw, key)
    return require_choice(text, field, options) if text else ""


def clean_member(raw: Raw, today: date | None = None) -> dict[str, Any]:
    c = _Collector()
    c.check("name", lambda: require(_text(raw, "name"), "成员姓名"))
    c.check("id_number", lambda: validate_id_number(_text(raw, "id_number"), "成员身份证号", today=today))
    c.check("relation", lambda: require_choice(_text(raw, "relation"), "与户主关系", choices.RELATIONS))
    c.check("health", lambda: require_choice(_text(raw, "health") or "健康", "健康状况", choices.HEALTH))
    c.check("labor_ability", lambda: require_choice(_text(raw, "labor_ability") or "普通劳动力", "劳动能力",
                                                    choices.LABOR))
    c.check("education", lambda: _optional_choice(raw, "education", "文化程度", choices.EDUCATION))
    c.check("school_status", lambda: _optional_choice(raw, "school_status", "在校生状况", choices.SCHOOL_STATUS))
    c.check("work_months", lambda: int(_optional_number(raw, "work_months", "务工时间（月）", minimum=0, maximum=12,
                                                        integer=True)))
    values = c.done()
    sex = _text(raw, "sex") or id_sex(values["id_number"])
    if sex != id_sex(values["id_number"]):
        raise ValidationError("性别", f"与身份证号不符（身份证号显示为{id_sex(values['id_number'])}）")
    values.update(
        sex=sex,
        name_initials=initials(values["name"]),
        ethnicity=_text(raw, "ethnicity") or "汉族",
        work_status=_text(raw, "work_status"),
        dibao=_flag(raw, "dibao"),
        medical_insurance=_flag(raw, "medical_insurance", True),
        pension=_flag(raw, "pension"),
    )
    return values
