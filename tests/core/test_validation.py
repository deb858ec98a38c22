"""Tests for lingqiu_desktop.core.validation: tables of good and bad inputs, and properties."""

from __future__ import annotations

import datetime
import pickle
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lingqiu_desktop.core.validation import (
    LINGQIU_COUNTY,
    ValidationError,
    ValidationErrors,
    check_date_range,
    collect,
    id_birth_date,
    id_check_char,
    id_sex,
    mask_bank_account,
    mask_id_number,
    mask_phone,
    optional_phone,
    parse_date,
    parse_month,
    parse_number,
    parse_quarter,
    parse_year,
    require,
    require_choice,
    validate_division_code,
    validate_id_number,
    validate_mobile,
    validate_phone,
    validate_village_code,
)

TODAY = datetime.date(2018, 7, 2)
KNOWN_GOOD_IDS = ["11010519491231002X", "440524188001010014", "34052419800101001X"]


def reason_of(call: Callable[[], object]) -> str:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.reason


def lingqiu_id(birth: str, sequence: str = "123") -> str:
    first17 = LINGQIU_COUNTY + birth + sequence
    return first17 + id_check_char(first17)


# ---------------------------------------------------------------- ValidationError / collect


def test_error_message_attributes_and_str() -> None:
    error = ValidationError("身份证号", "不能为空")
    assert (error.field, error.reason, str(error)) == ("身份证号", "不能为空", "身份证号：不能为空")
    assert isinstance(error, ValueError)


def test_errors_join_and_take_first_field() -> None:
    errors = ValidationErrors([ValidationError("姓名", "不能为空"), ValidationError("手机号", "应为11位，现为3位")])
    assert str(errors) == "姓名：不能为空；手机号：应为11位，现为3位"
    assert (errors.field, errors.reason) == ("姓名", "不能为空")
    assert len(errors.errors) == 2


def test_errors_flatten_nested_and_need_one() -> None:
    inner = ValidationErrors([ValidationError("a", "1"), ValidationError("b", "2")])
    assert [e.field for e in ValidationErrors([inner, ValidationError("c", "3")]).errors] == ["a", "b", "c"]
    with pytest.raises(ValueError):
        ValidationErrors([])


def test_errors_survive_pickling() -> None:
    errors = pickle.loads(pickle.dumps(ValidationErrors([ValidationError("a", "1"), ValidationError("b", "2")])))
    assert str(errors) == "a：1；b：2"
    assert str(pickle.loads(pickle.dumps(ValidationError("a", "1")))) == "a：1"


def test_collect_returns_results_when_all_pass() -> None:
    assert collect(lambda: require(" 张三 ", "姓名"), lambda: parse_year("2018")) == ["张三", 2018]
    assert collect() == []


def test_collect_reports_every_failure() -> None:
    with pytest.raises(ValidationErrors) as info:
        collect(
            lambda: require("", "姓名"),
            lambda: require("张三", "户主"),
            lambda: validate_id_number("123"),
            lambda: validate_mobile("12345678901"),
        )
    assert [(e.field, e.reason) for e in info.value.errors] == [
        ("姓名", "不能为空"),
        ("身份证号", "应为18位，现为3位"),
        ("手机号", "应以1开头，第二位为3至9"),
    ]


def test_module_does_not_import_qt() -> None:
    code = "import sys, lingqiu_desktop.core.validation; sys.exit('PySide6' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0


# ---------------------------------------------------------------- ID numbers


@pytest.mark.parametrize("value", KNOWN_GOOD_IDS)
def test_known_good_ids(value: str) -> None:
    assert validate_id_number(value) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" 110105 19491231 002x ", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        ("\t440524188001010014\n", "440524188001010014"),
    ],
)
def test_id_normalisation(value: str, expected: str) -> None:
    assert validate_id_number(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "不能为空"),
        ("   ", "不能为空"),
        ("14022419800101123", "应为18位，现为17位"),
        ("1402241980010112345", "应为18位，现为19位"),
        ("140224800101123", "应为18位，现为15位"),
        ("14022419800101A23X", "前17位只能是数字，最后一位是数字或X"),
        ("14022419800101123Y", "前17位只能是数字，最后一位是数字或X"),
        ("X40224198001011234", "前17位只能是数字，最后一位是数字或X"),
        ("990224198001011234", "前6位地址码不正确（省级代码99不存在）"),
        ("100224198001011234", "前6位地址码不正确（省级代码10不存在）"),
        ("140000198001011234", "前6位地址码不正确（140000是省级代码，不是县级代码）"),
        ("140224199913321234", "出生日期19991332不是有效日期"),
        ("140224190002291234", "出生日期19000229不是有效日期"),
        ("140224184912311234", "出生日期18491231早于1850年1月1日"),
        ("140224201807031234", "出生日期晚于今天"),
        ("11010519491231002X"[:17] + "1", "校验位应为X，现为1"),
        ("440524188001010015", "校验位应为4，现为5"),
    ],
)
def test_bad_ids(value: str, reason: str) -> None:
    assert reason_of(lambda: validate_id_number(value, today=TODAY)) == reason


def test_id_error_names_given_field() -> None:
    with pytest.raises(ValidationError) as info:
        validate_id_number("", field="户主身份证号")
    assert str(info.value) == "户主身份证号：不能为空"


def test_birth_on_today_and_leap_day_accepted() -> None:
    assert validate_id_number(lingqiu_id("20180702"), today=TODAY)
    assert validate_id_number(lingqiu_id("20000229"), today=TODAY)
    assert validate_id_number(lingqiu_id("18500101"), today=TODAY)


@pytest.mark.parametrize(
    ("first17", "check"),
    [("11010519491231002", "X"), ("44052418800101001", "4"), ("34052419800101001", "X"), ("14022419800101123", "8")],
)
def test_id_check_char(first17: str, check: str) -> None:
    assert id_check_char(first17) == check


@pytest.mark.parametrize("bad", ["", "1402241980010112", "1402241980010112X", "140224198001011234"])
def test_id_check_char_rejects_wrong_input(bad: str) -> None:
    with pytest.raises(ValueError):
        id_check_char(bad)


@pytest.mark.parametrize(
    ("value", "born", "sex"),
    [
        ("11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("440524188001010014", datetime.date(1880, 1, 1), "男"),
        ("34052419800101001x", datetime.date(1980, 1, 1), "男"),
    ],
)
def test_birth_date_and_sex(value: str, born: datetime.date, sex: str) -> None:
    assert id_birth_date(value) == born
    assert id_sex(value) == sex


def test_birth_date_of_bad_id_raises() -> None:
    with pytest.raises(ValidationError):
        id_birth_date("440524188001010015")


_birth_dates = st.dates(datetime.date(1900, 1, 1), datetime.date(2020, 12, 31))
_sequences = st.text(string.digits, min_size=3, max_size=3)


@st.composite
def lingqiu_ids(draw: st.DrawFn) -> str:
    return lingqiu_id(draw(_birth_dates).strftime("%Y%m%d"), draw(_sequences))


@given(lingqiu_ids())
def test_generated_ids_are_accepted(value: str) -> None:
    assert validate_id_number(value) == value
    assert id_sex(value) == ("男" if int(value[16]) % 2 else "女")
    assert id_birth_date(value).strftime("%Y%m%d") == value[6:14]


@given(lingqiu_ids(), st.integers(0, 17), st.data())
def test_any_single_substitution_is_rejected(value: str, position: int, data: st.DataObject) -> None:
    alphabet = string.digits + ("X" if position == 17 else "")
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != value[position]]))
    changed = value[:position] + replacement + value[position + 1 :]
    with pytest.raises(ValidationError):
        validate_id_number(changed)


@given(lingqiu_ids(), st.integers(0, 16), st.data())
def test_single_substitution_changes_check_char(value: str, position: int, data: st.DataObject) -> None:
    # Independent of the address and date checks: the MOD 11-2 check character alone catches the change.
    replacement = data.draw(st.sampled_from([c for c in string.digits if c != value[position]]))
    first17 = value[:position] + replacement + value[position + 1 : 17]
    assert id_check_char(first17) != value[17]


# ---------------------------------------------------------------- masking


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("140224198001011234", "140224********1234"),
        ("11010519491231002x", "110105********002X"),
        (" 140224 19800101 1234 ", "140224********1234"),
        ("140224800101123", "140224********3"),
        ("14022419800101", "140224********"),
        ("1234567890123", "*************"),
        ("", ""),
    ],
)
def test_mask_id_number(value: str, masked: str) -> None:
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("0352-8021234", "0352-*****34"),
        ("03528021234转123", "0352-*****34"),
        ("010-65123456", "010-******56"),
        ("8021234", "*****34"),
        ("12", "**"),
        ("", ""),
    ],
)
def test_mask_phone(value: str, masked: str) -> None:
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("6217000012345678901", "6217***********8901"),
        ("6217 0000 1234 5678", "6217********5678"),
        ("12345678", "********"),
        ("", ""),
    ],
)
def test_mask_bank_account(value: str, masked: str) -> None:
    assert mask_bank_account(value) == masked


@given(st.text(string.digits, min_size=18, max_size=18))
def test_mask_id_never_reveals_middle(value: str) -> None:
    masked = mask_id_number(value)
    assert masked == value[:6] + "*" * 8 + value[14:]


@given(st.text(string.digits + "X", min_size=0, max_size=30))
def test_mask_id_hides_birth_date_at_any_length(value: str) -> None:
    masked = mask_id_number(value)
    assert len(masked) == len(value)
    assert set(masked[6:14]) <= {"*"}
    assert set(masked[6:-4]) <= {"*"}


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mask_mobile_never_reveals_middle(value: str) -> None:
    assert mask_phone(value) == value[:3] + "****" + value[7:]


@given(st.from_regex(r"0[3-9][0-9]{2}-[2-9][0-9]{6,7}", fullmatch=True))
def test_mask_landline_keeps_area_and_last_two(value: str) -> None:
    area, local = value.split("-")
    assert mask_phone(value) == f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"


@given(st.text(string.digits, min_size=9, max_size=25))
def test_mask_bank_never_reveals_middle(value: str) -> None:
    masked = mask_bank_account(value)
    assert masked[:4] == value[:4] and masked[-4:] == value[-4:]
    assert masked[4:-4] == "*" * (len(value) - 8)


@given(st.text(string.digits, max_size=8))
def test_mask_bank_short_values_fully_hidden(value: str) -> None:
    assert mask_bank_account(value) == "*" * len(value)


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86 199-1234-5678", "19912345678"),
        ("１３８１２３４５６７８", "13812345678"),
    ],
)
def test_good_mobiles(value: str, expected: str) -> None:
    assert validate_mobile(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "不能为空"),
        ("138123456", "应为11位，现为9位"),
        ("138123456789", "应为11位，现为12位"),
        ("1381234567a", "只能包含数字"),
        ("12812345678", "应以1开头，第二位为3至9"),
        ("23812345678", "应以1开头，第二位为3至9"),
        ("0352-8021234", "应以1开头，第二位为3至9"),
    ],
)
def test_bad_mobiles(value: str, reason: str) -> None:
    assert reason_of(lambda: validate_mobile(value)) == reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("0352-8021234", "0352-8021234"),
        ("03528021234", "0352-8021234"),
        ("0352 8021234", "0352-8021234"),
        ("(0352)8021234", "0352-8021234"),
        ("0352-80212345", "0352-80212345"),
        ("0352-8021234转123", "0352-8021234转123"),
        ("0352-8021234-123", "0352-8021234转123"),
        ("010-65123456", "010-65123456"),
        ("01065123456", "010-65123456"),
        ("02087654321", "020-87654321"),
    ],
)
def test_good_phones(value: str, expected: str) -> None:
    assert validate_phone(value) == expected


@pytest.mark.parametrize(
    "value",
    ["8021234", "0352-802123", "0352-802123456", "0352-0021234", "1381234567", "abc", "0352-8021234转"],
)
def test_bad_phones(value: str) -> None:
    assert reason_of(lambda: validate_phone(value)) == "应为11位手机号或带区号的固定电话，如0352-8021234"


def test_phone_empty_and_optional() -> None:
    assert reason_of(lambda: validate_phone("  ")) == "不能为空"
    assert optional_phone("") == "" and optional_phone(None) == "" and optional_phone(" ") == ""
    assert optional_phone("03528021234") == "0352-8021234"
    with pytest.raises(ValidationError) as info:
        optional_phone("123", field="帮扶人电话")
    assert info.value.field == "帮扶人电话"


# ---------------------------------------------------------------- division codes


@pytest.mark.parametrize(
    ("value", "length", "expected"),
    [
        ("140224", None, "140224"),
        ("140224101", None, "140224101"),
        ("140224101000", None, "140224101000"),
        (" 140224 101 ", 9, "140224101"),
        ("140000", 6, "140000"),
        ("820000", None, "820000"),
    ],
)
def test_good_division_codes(value: str, length: int | None, expected: str) -> None:
    assert validate_division_code(value, length=length) == expected


@pytest.mark.parametrize(
    ("value", "length", "reason"),
    [
        ("", None, "不能为空"),
        ("14022A", None, "只能包含数字"),
        ("1402241", None, "应为6、9或12位，现为7位"),
        ("14022410100", None, "应为6、9或12位，现为11位"),
        ("140224101", 12, "应为12位，现为9位"),
        ("140224", 9, "应为9位，现为6位"),
        ("990224", None, "省级代码99不存在"),
        ("160224101", None, "省级代码16不存在"),
    ],
)
def test_bad_division_codes(value: str, length: int | None, reason: str) -> None:
    assert reason_of(lambda: validate_division_code(value, length=length)) == reason


@pytest.mark.parametrize("township", ["140224101", "140224101000"])
def test_good_village_code(township: str) -> None:
    assert validate_village_code("140224101201", township) == "140224101201"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "不能为空"),
        ("140224101", "应为12位，现为9位"),
        ("140224102201", "村级代码应以所属乡镇代码140224101开头"),
        ("140224101000", "村级代码后3位不能是000（000表示乡镇本身）"),
    ],
)
def test_bad_village_code(value: str, reason: str) -> None:
    assert reason_of(lambda: validate_village_code(value, "140224101")) == reason


def test_village_code_needs_township_code() -> None:
    with pytest.raises(ValueError):
        validate_village_code("140224101201", "140224")


# ---------------------------------------------------------------- dates, months, quarters, years


@pytest.mark.parametrize(
    "value", ["2018-06-05", "2018/6/5", "2018.6.5", "20180605", "2018年6月5日", " 2018-6-05 ", "２０１８－０６－０５"]
)
def test_good_dates(value: str) -> None:
    assert parse_date(value, "走访日期") == datetime.date(2018, 6, 5)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("", "不能为空"),
        ("2018-6", "日期格式应为YYYY-MM-DD"),
        ("2018/6-5", "日期格式应为YYYY-MM-DD"),
        ("18-6-5", "日期格式应为YYYY-MM-DD"),
        ("2018年6月5", "日期格式应为YYYY-MM-DD"),
        ("June 5 2018", "日期格式应为YYYY-MM-DD"),
        ("2018-02-30", "2018-02-30不是有效日期"),
        ("20181301", "20181301不是有效日期"),
        ("2018年13月1日", "2018年13月1日不是有效日期"),
        ("1949-09-30", "不能早于1949-10-01"),
    ],
)
def test_bad_dates(value: str, reason: str) -> None:
    assert reason_of(lambda: parse_date(value, "走访日期")) == reason


def test_date_future_and_earliest() -> None:
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert parse_date(tomorrow, "截止日期", today=TODAY) == tomorrow
    assert parse_date(TODAY, "走访日期", allow_future=False, today=TODAY) == TODAY
    assert reason_of(lambda: parse_date("2018-07-03", "走访日期", allow_future=False, today=TODAY)) == "不能晚于今天"
    assert parse_date("1900-01-01", "出生日期", earliest=None) == datetime.date(1900, 1, 1)
    assert reason_of(lambda: parse_date("2017-12-31", "签订日期", earliest=datetime.date(2018, 1, 1))) == (
        "不能早于2018-01-01"
    )
    assert parse_date(datetime.datetime(2018, 6, 5, 9, 30), "走访日期") == datetime.date(2018, 6, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2018-6", "2018-06"), ("2018-06", "2018-06"), ("2018/6", "2018-06"), ("2018年6月", "2018-06"),
     ("201806", "2018-06"), ("2018.12", "2018-12"), (datetime.date(2018, 6, 30), "2018-06")],
)  # fmt: skip
def test_good_months(value: str | datetime.date, expected: str) -> None:
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [("", "不能为空"), ("2018", "格式应为YYYY-MM"), ("2018-6-5", "格式应为YYYY-MM"), ("六月", "格式应为YYYY-MM"),
     ("2018-13", "13月不存在"), ("201800", "0月不存在")],
)  # fmt: skip
def test_bad_months(value: str, reason: str) -> None:
    assert reason_of(lambda: parse_month(value)) == reason


@pytest.mark.parametrize(
    "value", ["2018Q2", "2018q2", "2018-Q2", "2018 Q2", "2018年第二季度", "2018年第2季度", "2018年二季度"]
)
def test_good_quarters(value: str) -> None:
    assert parse_quarter(value) == "2018Q2"


@pytest.mark.parametrize(
    ("value", "reason"),
    [("", "不能为空"), ("2018", "格式应为YYYYQn，如2018Q2"), ("Q2", "格式应为YYYYQn，如2018Q2"),
     ("2018年第五季度", "格式应为YYYYQn，如2018Q2"), ("2018Q5", "第5季度不存在"), ("2018Q0", "第0季度不存在")],
)  # fmt: skip
def test_bad_quarters(value: str, reason: str) -> None:
    assert reason_of(lambda: parse_quarter(value)) == reason


@pytest.mark.parametrize(("value", "expected"), [("2018", 2018), (" 2018年 ", 2018), (2020, 2020), ("2000", 2000)])
def test_good_years(value: str | int, expected: int) -> None:
    assert parse_year(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [("", "不能为空"), ("18", "应为4位数字年份，如2018"), ("二〇一八", "应为4位数字年份，如2018"),
     ("1999", "不能早于2000年"), ("2101", "不能晚于2100年")],
)  # fmt: skip
def test_bad_years(value: str, reason: str) -> None:
    assert reason_of(lambda: parse_year(value)) == reason


def test_year_custom_bounds_and_field() -> None:
    assert parse_year("2016", minimum=2014, maximum=2020) == 2016
    with pytest.raises(ValidationError) as info:
        parse_year("2021", "脱贫年度", minimum=2014, maximum=2020)
    assert str(info.value) == "脱贫年度：不能晚于2020年"


def test_date_range() -> None:
    start, end = datetime.date(2018, 3, 1), datetime.date(2018, 2, 28)
    check_date_range(start, start, "开始日期", "结束日期")
    check_date_range(end, start, "开始日期", "结束日期")
    check_date_range(start, None, "开始日期", "结束日期")
    check_date_range(None, end, "开始日期", "结束日期")
    with pytest.raises(ValidationError) as info:
        check_date_range(start, end, "驻村开始日期", "驻村结束日期")
    assert (info.value.field, info.value.reason) == ("驻村结束日期", "不能早于驻村开始日期")


# ---------------------------------------------------------------- general fields


def test_require() -> None:
    assert require("  张三 ", "姓名") == "张三"


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_require_rejects_empty(empty: str | None) -> None:
    assert reason_of(lambda: require(empty, "姓名")) == "不能为空"


def test_require_choice() -> None:
    choices = ("第一书记", "队长", "队员")
    assert require_choice(" 队长 ", "角色", choices) == "队长"
    assert reason_of(lambda: require_choice("组长", "角色", choices)) == "应为以下之一：第一书记、队长、队员"
    assert reason_of(lambda: require_choice("", "角色", iter(choices))) == "不能为空"


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        ("12", {}, 12.0),
        ("12.50", {}, 12.5),
        ("-3", {}, -3.0),
        (".5", {}, 0.5),
        ("1,234.5", {}, 1234.5),
        ("１２", {}, 12.0),
        (7, {}, 7.0),
        (2.5, {"minimum": 0}, 2.5),
        ("5", {"integer": True}, 5),
        ("5.0", {"integer": True}, 5),
        (" 12,345 ", {"integer": True}, 12345),
        ("0", {"minimum": 0, "maximum": 100}, 0.0),
        ("100", {"minimum": 0, "maximum": 100}, 100.0),
    ],
)
def test_good_numbers(value: str | float, kwargs: dict[str, Any], expected: float) -> None:
    result = parse_number(value, "金额", **kwargs)
    assert result == expected
    assert type(result) is (int if kwargs.get("integer") else float)


@pytest.mark.parametrize(
    ("value", "kwargs", "reason"),
    [
        ("", {}, "不能为空"),
        ("abc", {}, "应为数字"),
        ("1e3", {}, "应为数字"),
        ("nan", {}, "应为数字"),
        ("1,23", {}, "应为数字"),
        ("12元", {}, "应为数字"),
        (float("inf"), {}, "应为数字"),
        (True, {}, "应为数字"),
        ("2.5", {"integer": True}, "应为整数"),
        ("-1", {"minimum": 0}, "不能小于0"),
        ("0.4", {"minimum": 0.5}, "不能小于0.5"),
        ("101", {"maximum": 100}, "不能大于100"),
        ("100.01", {"maximum": 100.0}, "不能大于100"),
    ],
)
def test_bad_numbers(value: str | float, kwargs: dict[str, Any], reason: str) -> None:
    assert reason_of(lambda: parse_number(value, "金额", **kwargs)) == reason


@given(st.integers(-(10**12), 10**12))
def test_integers_round_trip(number: int) -> None:
    assert parse_number(str(number), "人数", integer=True) == number
    assert parse_number(f"{number:,}", "人数", integer=True) == number
