"""Validation and masking of what a township clerk types into a form.

Checks ID numbers (GB 11643-1999), phone numbers, administrative division codes,
dates, months, quarters, years and plain numbers, and masks ID, phone and bank
numbers for lists meant for public posting (公示).  Every check either returns the
normalised value or raises :class:`ValidationError` with a Chinese field label and
a Chinese reason, so the GUI can show ``str(error)`` as it is.  Plain Python, no Qt.
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
from collections.abc import Callable, Iterable
from typing import Any, Literal, overload

__all__ = [
    "LINGQIU_COUNTY",
    "PROVINCE_CODES",
    "ValidationError",
    "ValidationErrors",
    "check_date_range",
    "collect",
    "id_birth_date",
    "id_check_char",
    "id_sex",
    "mask_bank_account",
    "mask_id_number",
    "mask_phone",
    "optional_phone",
    "parse_date",
    "parse_month",
    "parse_number",
    "parse_quarter",
    "parse_year",
    "require",
    "require_choice",
    "validate_division_code",
    "validate_id_number",
    "validate_mobile",
    "validate_phone",
    "validate_village_code",
]

LINGQIU_COUNTY = "140224"

# GB/T 2260 province-level codes (mainland, Taiwan 71, Hong Kong 81, Macao 82).
PROVINCE_CODES: frozenset[str] = frozenset(
    str(n) for n in (*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66))
) | {"71", "81", "82"}

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_EARLIEST_BIRTH = datetime.date(1850, 1, 1)  # old registry data holds people born in the 1880s
_EMPTY = "不能为空"

# Clerks often type with a Chinese IME on: map full-width ASCII (and the ideographic space) to half-width.
_HALF_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


class ValidationError(ValueError):
    """One bad field: ``field`` is the Chinese label, ``reason`` a Chinese sentence."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}：{reason}")
        self.field = field
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.field}：{self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.reason))


class ValidationErrors(ValidationError):
    """Several bad fields of one form; ``field``/``reason`` are those of the first."""

    errors: list[ValidationError]

    def __init__(self, errors: Iterable[ValidationError]) -> None:
        flat: list[ValidationError] = []
        for error in errors:
            flat.extend(error.errors if isinstance(error, ValidationErrors) else [error])
        if not flat:
            raise ValueError("ValidationErrors needs at least one error")
        super().__init__(flat[0].field, flat[0].reason)
        self.errors = flat

    def __str__(self) -> str:
        return "；".join(str(error) for error in self.errors)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors,))


def _clean(value: str | None) -> str:
    """Half-width, with all whitespace removed."""
    return "".join((value or "").translate(_HALF_WIDTH).split())


def _today(today: datetime.date | None) -> datetime.date:
    return today if today is not None else datetime.date.today()


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# ---------------------------------------------------------------- ID numbers (GB 11643-1999)


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"id_check_char needs 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _check_address(code6: str, field: str) -> None:
    if code6[:2] not in PROVINCE_CODES:
        raise ValidationError(field, f"前6位地址码不正确（省级代码{code6[:2]}不存在）")
    if code6[2:] == "0000":
        raise ValidationError(field, f"前6位地址码不正确（{code6}是省级代码，不是县级代码）")


def _check_birth(raw: str, field: str, today: datetime.date) -> None:
    try:
        born = datetime.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise ValidationError(field, f"出生日期{raw}不是有效日期") from None
    if born < _ID_EARLIEST_BIRTH:
        raise ValidationError(field, f"出生日期{raw}早于1850年1月1日")
    if born > today:
        raise ValidationError(field, "出生日期晚于今天")


def validate_id_number(value: str | None, field: str = "身份证号", today: datetime.date | None = None) -> str:
    """Return the 18-character ID number (trailing x upper-cased) or raise ValidationError."""
    text = _clean(value).upper()
    if not text:
        raise ValidationError(field, _EMPTY)
    if len(text) != 18:
        raise ValidationError(field, f"应为18位，现为{len(text)}位")
    if not re.fullmatch(r"[0-9]{17}[0-9X]", text):
        raise ValidationError(field, "前17位只能是数字，最后一位是数字或X")
    _check_address(text[:6], field)
    _check_birth(text[6:14], field, _today(today))
    expected = id_check_char(text[:17])
    if text[17] != expected:
        raise ValidationError(field, f"校验位应为{expected}，现为{text[17]}")
    return text


def id_birth_date(id18: str) -> datetime.date:
    """Birth date encoded in a valid ID number."""
    text = validate_id_number(id18)
    return datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))


def id_sex(id18: str) -> str:
    """Return "男" when the 17th digit is odd, otherwise "女"."""
    return "男" if int(validate_id_number(id18)[16]) % 2 else "女"


# ---------------------------------------------------------------- masking for 公示


def _mask_middle(text: str, head: int, tail: int) -> str:
    """Keep ``head`` and ``tail`` characters; if too short to hide anything, star it all."""
    if len(text) <= head + tail:
        return "*" * len(text)
    return text[:head] + "*" * (len(text) - head - tail) + text[len(text) - tail :]


def mask_id_number(value: str | None) -> str:
    """140224********1234: first 6 and last 4 kept; the 8 birth-date digits are always starred."""
    text = _clean(value).upper()
    if len(text) < 14:
        return "*" * len(text)
    return _mask_middle(text, 6, min(4, len(text) - 14))


def mask_phone(value: str | None) -> str:
    """138****5678 for a mobile; 0352-*****34 (area code and last 2 kept) for a landline."""
    text = _clean(value)
    try:
        phone = validate_phone(text)
    except ValidationError:
        return _mask_middle(re.sub(r"\D", "", text), 0, 2)
    if "-" not in phone:
        return _mask_middle(phone, 3, 4)
    area, local = phone.split("-", 1)
    local = local.split("转")[0]
    return f"{area}-{_mask_middle(local, 0, 2)}"


def mask_bank_account(value: str | None) -> str:
    """6217********1234: first 4 and last 4 kept."""
    return _mask_middle(_clean(value), 4, 4)


# ---------------------------------------------------------------- phone numbers


def _mobile_or_none(text: str) -> str | None:
    digits = re.sub(r"^(?:\+86|0086)", "", text.replace("-", ""))
    return digits if re.fullmatch(r"1[3-9][0-9]{9}", digits) else None


def validate_mobile(value: str | None, field: str = "手机号") -> str:
    """Return 11 digits starting 1[3-9]; spaces, hyphens and a +86 prefix are removed."""
    text = _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    digits = re.sub(r"^(?:\+86|0086)", "", text.replace("-", ""))
    if not digits.isascii() or not digits.isdigit():
        raise ValidationError(field, "只能包含数字")
    if len(digits) != 11:
        raise ValidationError(field, f"应为11位，现为{len(digits)}位")
    if not re.fullmatch(r"1[3-9][0-9]{9}", digits):
        raise ValidationError(field, "应以1开头，第二位为3至9")
    return digits


# 3-digit area codes are 010 and 02x; every other area code has 4 digits, so 03528021234 is unambiguous.
_LANDLINE = re.compile(
    r"\(?(?P<area>010|02[0-9]|0[3-9][0-9]{2})\)?-?(?P<local>[2-9][0-9]{6,7})(?:(?:转|-|#)(?P<ext>[0-9]{1,6}))?"
)


def validate_phone(value: str | None, field: str = "联系电话") -> str:
    """Return a mobile (11 digits) or a landline as "0352-8021234" / "0352-8021234转123"."""
    text = _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    mobile = _mobile_or_none(text)
    if mobile is not None:
        return mobile
    match = _LANDLINE.fullmatch(text)
    if match is None:
        raise ValidationError(field, "应为11位手机号或带区号的固定电话，如0352-8021234")
    ext = f"转{match['ext']}" if match["ext"] else ""
    return f"{match['area']}-{match['local']}{ext}"


def optional_phone(value: str | None, field: str = "联系电话") -> str:
    """Like :func:`validate_phone`, but empty input gives ""."""
    return validate_phone(value, field) if _clean(value) else ""


# ---------------------------------------------------------------- division codes


def validate_division_code(value: str | None, field: str = "区划代码", length: int | None = None) -> str:
    """6-digit county, 9-digit township or 12-digit village code (统计用区划代码)."""
    text = _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    if not text.isascii() or not text.isdigit():
        raise ValidationError(field, "只能包含数字")
    if length is not None and len(text) != length:
        raise ValidationError(field, f"应为{length}位，现为{len(text)}位")
    if len(text) not in (6, 9, 12):
        raise ValidationError(field, f"应为6、9或12位，现为{len(text)}位")
    if text[:2] not in PROVINCE_CODES:
        raise ValidationError(field, f"省级代码{text[:2]}不存在")
    return text


def validate_village_code(value: str | None, township_code: str, field: str = "区划代码") -> str:
    """12-digit village code under ``township_code`` (9 digits, or its 12-digit form ending 000)."""
    township = validate_division_code(township_code, "乡镇代码")
    if len(township) == 12 and township.endswith("000"):
        township = township[:9]
    if len(township) != 9:
        raise ValueError(f"township_code must be a 9-digit township code, got {township_code!r}")
    code = validate_division_code(value, field, length=12)
    if not code.startswith(township):
        raise ValidationError(field, f"村级代码应以所属乡镇代码{township}开头")
    if code.endswith("000"):
        raise ValidationError(field, "村级代码后3位不能是000（000表示乡镇本身）")
    return code


# ---------------------------------------------------------------- dates, months, quarters, years

_DATE_FORMATS = (
    re.compile(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"),
    re.compile(r"(?P<y>[0-9]{4})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"),
)


def _to_date(text: str, field: str) -> datetime.date:
    for pattern in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match is not None:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise ValidationError(field, f"{text}不是有效日期") from None
    raise ValidationError(field, "日期格式应为YYYY-MM-DD")


def parse_date(
    value: str | datetime.date | None,
    field: str,
    *,
    allow_future: bool = True,
    today: datetime.date | None = None,
    earliest: datetime.date | None = datetime.date(1949, 10, 1),
) -> datetime.date:
    """Accept 2018-06-05, 2018/6/5, 2018.6.5, 20180605 or 2018年6月5日 (or a date)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        result = value
    else:
        text = _clean(value)
        if not text:
            raise ValidationError(field, _EMPTY)
        result = _to_date(text, field)
    if not allow_future and result > _today(today):
        raise ValidationError(field, "不能晚于今天")
    if earliest is not None and result < earliest:
        raise ValidationError(field, f"不能早于{earliest.isoformat()}")
    return result


def parse_month(value: str | datetime.date | None, field: str = "月份") -> str:
    """Normalise 2018-6, 2018/06, 2018.6, 2018年6月 or 201806 to "2018-06"."""
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}"
    text = _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    match = re.fullmatch(r"([0-9]{4})(?:[-/.]([0-9]{1,2})|年([0-9]{1,2})月|([0-9]{2}))", text)
    if match is None:
        raise ValidationError(field, "格式应为YYYY-MM")
    month = int(match[2] or match[3] or match[4])
    if not 1 <= month <= 12:
        raise ValidationError(field, f"{month}月不存在")
    return f"{match[1]}-{month:02d}"


_QUARTER_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}


def parse_quarter(value: str | None, field: str = "季度") -> str:
    """Normalise 2018Q2, 2018-Q2, 2018年第二季度 or 2018年第2季度 to "2018Q2"."""
    text = _clean(value).upper()
    if not text:
        raise ValidationError(field, _EMPTY)
    match = re.fullmatch(r"([0-9]{4})(?:-?Q([0-9])|年第?([0-9一二三四])季度)", text)
    if match is None:
        raise ValidationError(field, "格式应为YYYYQn，如2018Q2")
    raw = match[2] or match[3]
    quarter = _QUARTER_NUMERALS.get(raw) or int(raw)
    if not 1 <= quarter <= 4:
        raise ValidationError(field, f"第{quarter}季度不存在")
    return f"{match[1]}Q{quarter}"


def parse_year(value: str | int | None, field: str = "年度", minimum: int = 2000, maximum: int = 2100) -> int:
    """A 4-digit year such as 2018 or "2018年", within [minimum, maximum]."""
    text = str(value) if isinstance(value, int) else _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    if not re.fullmatch(r"[0-9]{4}年?", text):
        raise ValidationError(field, "应为4位数字年份，如2018")
    year = int(text[:4])
    if year < minimum:
        raise ValidationError(field, f"不能早于{minimum}年")
    if year > maximum:
        raise ValidationError(field, f"不能晚于{maximum}年")
    return year


def check_date_range(start: datetime.date | None, end: datetime.date | None, start_field: str, end_field: str) -> None:
    """Raise on the end field when it is before the start; an open end (None) is fine."""
    if start is not None and end is not None and end < start:
        raise ValidationError(end_field, f"不能早于{start_field}")


# ---------------------------------------------------------------- general fields


def require(value: str | None, field: str) -> str:
    """The stripped text; empty is an error."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, _EMPTY)
    return text


def require_choice(value: str | None, field: str, choices: Iterable[str]) -> str:
    """The stripped text, which must be one of ``choices``."""
    options = list(choices)
    text = require(value, field)
    if text not in options:
        raise ValidationError(field, f"应为以下之一：{'、'.join(options)}")
    return text


_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_GROUPED_NUMBER = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


@overload
def parse_number(
    value: str | float | None,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: Literal[True],
) -> int: ...


@overload
def parse_number(
    value: str | float | None,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: Literal[False] = False,
) -> float: ...


def parse_number(
    value: str | float | None,
    field: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
) -> int | float:
    """A decimal number (1,234.5 grouping allowed); int when ``integer``, else float."""
    number = _to_decimal(value, field)
    if integer and number != number.to_integral_value():
        raise ValidationError(field, "应为整数")
    if minimum is not None and number < minimum:
        raise ValidationError(field, f"不能小于{_num(minimum)}")
    if maximum is not None and number > maximum:
        raise ValidationError(field, f"不能大于{_num(maximum)}")
    return int(number) if integer else float(number)


def _to_decimal(value: str | float | None, field: str) -> decimal.Decimal:
    if isinstance(value, bool):
        raise ValidationError(field, "应为数字")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValidationError(field, "应为数字")
        return decimal.Decimal(value)
    text = _clean(value)
    if not text:
        raise ValidationError(field, _EMPTY)
    if _GROUPED_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(text):
        raise ValidationError(field, "应为数字")
    return decimal.Decimal(text)


def collect(*checks: Callable[[], Any]) -> list[Any]:
    """Run every check; return their results, or raise ValidationErrors naming every bad field."""
    results: list[Any] = []
    errors: list[ValidationError] = []
    for check in checks:
        try:
            results.append(check())
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationErrors(errors)
    return results
