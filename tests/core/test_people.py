"""clean_person / clean_team / clean_membership: clean values out, every bad field named in Chinese."""

from __future__ import annotations

from datetime import date

import pytest

from lingqiu_desktop.core.people import (
    clean_closing,
    clean_membership,
    clean_person,
    clean_team,
    split_kinds,
    team_warnings,
)
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors, id_check_char

TODAY = date(2018, 11, 30)
MALE_ID = "14022419800101001" + id_check_char("14022419800101001")
FEMALE_ID = "14022419820305002" + id_check_char("14022419820305002")
PHONE_MESSAGE = "联系电话：应为11位手机号或带区号的固定电话，如0352-8021234"
BAD_CHECK = MALE_ID[:17] + ("0" if MALE_ID[17] != "0" else "1")


def messages(exc: ValidationError) -> list[str]:
    return [str(e) for e in getattr(exc, "errors", [exc])]


# -- people ----------------------------------------------------------------------------------------------------------
def test_person_minimal_and_full() -> None:
    values = clean_person({"name": " 张先云 ", "kind": "工作队员"}, TODAY)
    assert values["name"] == "张先云" and values["name_initials"] == "zxy"
    assert (values["id_number"], values["sex"], values["phone"]) == ("", "", "")
    full = clean_person({"name": "李芳", "id_number": FEMALE_ID.lower(), "phone": "139 1234 5678", "unit": "县财政局",
                         "unit_level": "县直", "post": "科员", "kind": "第一书记、干部", "is_party_member": True,
                         "township_code": "140224101"}, TODAY)
    assert full["sex"] == "女", "sex follows the ID number"
    assert full["phone"] == "13912345678"
    assert full["kind"] == "干部,第一书记", "one canonical order"
    assert full["is_party_member"] == 1 and full["township_code"] == "140224101"


def test_person_sex_without_id_number_is_kept() -> None:
    assert clean_person({"name": "王五", "sex": "男", "kind": "干部"})["sex"] == "男"


@pytest.mark.parametrize(("raw", "expected"), [
    ({"name": "", "kind": "干部"}, ["姓名：不能为空"]),
    ({"name": "张三", "kind": ""}, ["人员类别：请至少选择一项"]),
    ({"name": "张三", "kind": "司机"}, ["人员类别：应为以下之一：干部、工作队员、第一书记、帮扶责任人、村干部"]),
    ({"name": "张三", "kind": "干部", "id_number": "1402241980"}, ["身份证号：应为18位，现为10位"]),
    ({"name": "张三", "kind": "干部", "id_number": BAD_CHECK},
     [f"身份证号：校验位应为{MALE_ID[17]}，现为{BAD_CHECK[17]}"]),
    ({"name": "张三", "kind": "干部", "id_number": MALE_ID, "sex": "女"}, ["性别：与身份证号不符（身份证号显示为男）"]),
    ({"name": "张三", "kind": "干部", "phone": "12345"}, [PHONE_MESSAGE]),
    ({"name": "张三", "kind": "干部", "unit_level": "中央"}, ["单位级别：应为以下之一：省直、市直、县直、乡镇、村级"]),
    ({"name": "", "kind": "", "phone": "1"},
     ["姓名：不能为空", PHONE_MESSAGE, "人员类别：请至少选择一项"]),
])
def test_person_bad_input(raw: dict, expected: list[str]) -> None:
    with pytest.raises(ValidationError) as info:
        clean_person(raw, TODAY)
    assert messages(info.value) == expected


def test_person_born_after_the_working_date() -> None:
    later = "14022420181201001"
    with pytest.raises(ValidationError, match="身份证号：出生日期晚于今天"):
        clean_person({"name": "张三", "kind": "干部", "id_number": later + id_check_char(later)}, TODAY)


def test_split_kinds() -> None:
    assert split_kinds("干部，工作队员、 第一书记,") == ["干部", "工作队员", "第一书记"]


# -- teams -----------------------------------------------------------------------------------------------------------
TEAM = {"village_id": "v1", "sending_unit": "县财政局", "start_date": "2018/3/1"}


def test_team_defaults() -> None:
    values = clean_team(TEAM, TODAY, village_name="下野窝村")
    assert values == {"village_id": "v1", "name": "下野窝村驻村工作队", "sending_unit": "县财政局",
                      "start_date": "2018-03-01", "end_date": None, "status": "在岗", "remarks": ""}


@pytest.mark.parametrize(("raw", "expected"), [
    ({**TEAM, "village_id": ""}, ["所属村：请选择村庄"]),
    ({**TEAM, "sending_unit": " "}, ["派出单位：不能为空"]),
    ({**TEAM, "start_date": ""}, ["派驻开始日期：不能为空"]),
    ({**TEAM, "start_date": "2018-12-01"}, ["派驻开始日期：不能晚于今天"]),
    ({**TEAM, "start_date": "2018-02-30"}, ["派驻开始日期：2018-02-30不是有效日期"]),
    ({**TEAM, "end_date": "2018-02-01"}, ["派驻结束日期：不能早于派驻开始日期"]),
    ({**TEAM, "status": "期满"}, ["派驻结束日期：状态为“期满”时须填写"]),
    ({**TEAM, "status": "召回", "end_date": "2019-01-01"}, ["派驻结束日期：状态为“召回”时不能晚于今天"]),
    ({**TEAM, "status": "解散"}, ["工作队状态：应为以下之一：在岗、召回、期满"]),
    ({"village_id": "", "sending_unit": "", "start_date": "x"},
     ["所属村：请选择村庄", "派出单位：不能为空", "派驻开始日期：日期格式应为YYYY-MM-DD"]),
])
def test_team_bad_input(raw: dict, expected: list[str]) -> None:
    with pytest.raises(ValidationError) as info:
        clean_team(raw, TODAY, village_name="下野窝村")
    assert messages(info.value) == expected


def test_team_name_needed_without_a_village_name() -> None:
    with pytest.raises(ValidationError, match="工作队名称：不能为空"):
        clean_team(TEAM, TODAY)


# -- memberships -----------------------------------------------------------------------------------------------------
def test_membership_defaults() -> None:
    values = clean_membership({"person_id": "p1", "start_date": "20180301", "end_date": "2020-03-01"}, TODAY)
    assert values == {"person_id": "p1", "role": "队员", "start_date": "2018-03-01", "end_date": "2020-03-01",
                      "status": "在岗", "remarks": ""}


@pytest.mark.parametrize(("raw", "expected"), [
    ({"start_date": "2018-03-01"}, ["人员：请从列表中选择人员（可输入姓名或拼音首字母查找）"]),
    ({"person_id": "p", "start_date": "2018-03-01", "role": "书记"}, ["队内职务：应为以下之一：第一书记、队长、队员"]),
    ({"person_id": "p", "start_date": "2018-03-01", "end_date": "2018-01-01"}, ["离村日期：不能早于进驻日期"]),
    ({"person_id": "p", "start_date": "2019-01-01"}, ["进驻日期：不能晚于今天"]),
    ({"person_id": "p", "start_date": "2018-03-01", "status": "召回"}, ["离村日期：状态为“召回”时须填写"]),
])
def test_membership_bad_input(raw: dict, expected: list[str]) -> None:
    with pytest.raises(ValidationError) as info:
        clean_membership(raw, TODAY)
    assert messages(info.value) == expected


def test_closing() -> None:
    assert clean_closing({"end_date": "2018.9.10", "remarks": "不在岗"}, "召回", TODAY, "2018-03-01") == \
        ("2018-09-10", "不在岗")
    assert clean_closing({"end_date": "2018-11-30"}, "期满", TODAY) == ("2018-11-30", "")
    with pytest.raises(ValidationErrors) as info:
        clean_closing({"end_date": "2018-02-01"}, "召回", TODAY, "2018-03-01")
    assert messages(info.value) == ["召回日期：不能早于进驻日期", "召回原因：不能为空"]
    with pytest.raises(ValidationError, match="期满日期：不能晚于今天"):
        clean_closing({"end_date": "2018-12-01"}, "期满", TODAY)


def test_team_warnings() -> None:
    assert team_warnings(3, "2018-03-01", None, True) == []
    assert team_warnings(2, "2018-03-01", "2020-03-01", True) == ["在岗队员2人，少于一般要求的3人"]
    assert team_warnings(4, "2018-03-01", "2020-02-28", False) == ["尚未确定队长", "派驻期限不足2年"]
    assert team_warnings(1, "2018-03-01", None, True, min_members=1) == []
