"""core.letters: a letter's and an indicator's form input checked (every bad field at once, exact Chinese messages),
the status ladder with its signing rule ("双签"), the clause placeholders and the founding article's templates."""

from __future__ import annotations

from datetime import date

import pytest

from lingqiu_desktop.core.letters import (
    COUNTY_ONLY_SOURCES,
    MANUAL,
    PLACEHOLDERS,
    SIGNER_FIELDS,
    TEMPLATES,
    check_transition,
    chinese_date,
    clean_indicator,
    clean_letter,
    computed_sources,
    default_signer_titles,
    render_clauses,
    signing_problems,
)
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors

TODAY = date(2018, 11, 30)
SIGNERS = {"issuer_signer1_name": "田福俊", "issuer_signer1_title": "县委书记", "issuer_signer2_name": "刘杰龙",
           "issuer_signer2_title": "县长", "receiver_signer1_name": "李宏文", "receiver_signer1_title": "党委书记",
           "receiver_signer2_name": "马东平", "receiver_signer2_title": "镇长"}


def letter(**changes: object) -> dict:
    raw = {"kind": "军令状", "year": "2018", "level": "县对乡", "issuer_code": "140224", "issuer_name": "灵丘县",
           "receiver_code": "140224101", "receiver_name": "东河南镇", "drafted_on": "2018-03-01",
           "deadline": "2018-12-31", "clauses": "一、……", **SIGNERS}
    return {**raw, **changes}


def indicator(**changes: object) -> dict:
    return {"name": "贫困户脱贫", "unit": "户", "baseline": "0", "target": "120", "direction": "higher",
            "weight": "20", "source": "households_exited", **changes}


def messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(e) for e in getattr(exc.value, "errors", [exc.value])]


# -- letters ---------------------------------------------------------------------------------------------------------
def test_a_letter_is_cleaned_to_column_values() -> None:
    values = clean_letter(letter(title="", signed_on="2018/3/22", drafted_on="2018年3月1日"), TODAY)
    assert values["year"] == 2018
    assert values["title"] == "2018年脱贫攻坚军令状"  # an empty title follows the kind and year
    assert (values["drafted_on"], values["signed_on"], values["deadline"]) == ("2018-03-01", "2018-03-22",
                                                                               "2018-12-31")
    assert values["status"] == "草拟"
    assert {k: values[k] for k in SIGNERS} == SIGNERS


@pytest.mark.parametrize(("changes", "expected"), [
    ({"deadline": "2018-02-01"}, ["截止日期：不能早于草拟日期（2018-03-01）"]),
    ({"signed_on": "2018-02-27"}, ["签订日期：不能早于草拟日期（2018-03-01）"]),
    ({"signed_on": "2018-12-01"}, ["签订日期：不能晚于今天"]),
    ({"drafted_on": "2018-12-01", "deadline": "2018-12-31"}, ["草拟日期：不能晚于今天"]),
    ({"drafted_on": "2017-12-01", "deadline": "2017-12-31"}, ["截止日期：不能早于2018年1月1日（责任书年度为2018年）"]),
    ({"drafted_on": ""}, ["草拟日期：不能为空"]),
    ({"deadline": "2018-13-01"}, ["截止日期：2018-13-01不是有效日期"]),
    ({"kind": "承诺书"}, ["类型：应为以下之一：目标责任书、军令状"]),
    ({"year": "18"}, ["年度：应为4位数字年份，如2018"]),
    ({"level": "市对县"}, ["层级：应为以下之一：县对乡、乡对村"]),
    ({"receiver_code": ""}, ["乙方：不能为空"]),
    ({"receiver_signer1_title": ""}, ["乙方书记职务：填写了姓名，请同时填写职务"]),
    ({"status": "作废"}, ["状态：应为以下之一：草拟、已签订、执行中、已考核"]),
])
def test_bad_letters_are_refused_with_the_reason(changes: dict, expected: list[str]) -> None:
    with pytest.raises(ValidationError) as exc:
        clean_letter(letter(**changes), TODAY)
    assert messages(exc) == expected


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as exc:
        clean_letter(letter(kind="", year="二〇一八", deadline="2018-01-01", drafted_on="2018-02-01"), TODAY)
    assert messages(exc) == ["类型：不能为空", "年度：应为4位数字年份，如2018",
                             "截止日期：不能早于草拟日期（2018-02-01）"]


def test_a_title_alone_is_a_drafts_blank_but_a_signed_letter_needs_both_signers_of_both_sides() -> None:
    draft = clean_letter(letter(issuer_signer2_name="", receiver_signer1_name=""), TODAY)
    assert draft["issuer_signer2_title"] == "县长"
    with pytest.raises(ValidationErrors) as exc:
        clean_letter(letter(status="已签订", issuer_signer2_name="", receiver_signer1_name=""), TODAY)
    assert messages(exc) == ["签订日期：签订前须填写签订日期",
                             "甲方行政负责人姓名：签订前须填写（双方书记和行政负责人“双签”）",
                             "乙方书记姓名：签订前须填写（双方书记和行政负责人“双签”）"]


def test_signing_needs_the_date_and_eight_signer_fields() -> None:
    assert signing_problems({**SIGNERS, "signed_on": "2018-03-22"}) == []
    labels = [e.field for e in signing_problems({})]
    assert labels == ["签订日期", *SIGNER_FIELDS.values()]
    assert len(labels) == 9


# -- the status ladder -----------------------------------------------------------------------------------------------
SIGNED = {**SIGNERS, "signed_on": "2018-03-22"}


@pytest.mark.parametrize(("current", "new"), [("草拟", "已签订"), ("已签订", "执行中"), ("执行中", "已考核"),
                                              ("已签订", "草拟")])
def test_the_status_moves_one_step(current: str, new: str) -> None:
    check_transition(current, new, SIGNED)


@pytest.mark.parametrize(("current", "new", "expected"), [
    ("草拟", "执行中", "状态：“草拟”的责任书不能改为“执行中”（可改为：已签订）"),
    ("执行中", "草拟", "状态：“执行中”的责任书不能改为“草拟”（可改为：已考核）"),
    ("已考核", "执行中", "状态：“已考核”的责任书不能改为“执行中”（可改为：无）"),
    ("已签订", "已签订", "状态：责任书已经是“已签订”状态"),
    ("草拟", "作废", "状态：应为以下之一：草拟、已签订、执行中、已考核"),
])
def test_skipping_or_reversing_a_status_is_refused(current: str, new: str, expected: str) -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition(current, new, SIGNED)
    assert str(exc.value) == expected


def test_signing_without_the_signers_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition("草拟", "已签订", {**SIGNED, "receiver_signer2_name": ""})
    assert str(exc.value) == "乙方行政负责人姓名：签订前须填写（双方书记和行政负责人“双签”）"


# -- indicators ------------------------------------------------------------------------------------------------------
def test_an_indicator_is_cleaned() -> None:
    values = clean_indicator(indicator(baseline="", direction="越低越好", target="0", source="手工填报",
                                       deadline="2018/6/30", weight="12.5"), year=2018)
    assert values == {"name": "贫困户脱贫", "unit": "户", "baseline": 0.0, "target": 0.0, "direction": "lower",
                      "weight": 12.5, "deadline": "2018-06-30", "source": MANUAL}


def test_a_computed_source_may_be_named_by_its_chinese_label() -> None:
    label = computed_sources()["training_person_times"]
    assert clean_indicator(indicator(source=label))["source"] == "training_person_times"


@pytest.mark.parametrize(("changes", "level", "expected"), [
    ({"weight": "0"}, "", "权重：应大于0"),
    ({"weight": "-5"}, "", "权重：应大于0"),
    ({"weight": "120"}, "", "权重：不能大于100"),
    ({"weight": ""}, "", "权重：不能为空"),
    ({"name": " "}, "", "指标名称：不能为空"),
    ({"target": "一百"}, "", "目标值：应为数字"),
    ({"baseline": "abc"}, "", "基线值：应为数字"),
    ({"direction": "up"}, "", "方向：应为以下之一：higher、lower、越高越好、越低越好"),
    ({"source": "guesswork"}, "", "数据来源：应为手工填报或系统自动统计的一项"),
    ({"source": "villages_exited"}, "乡对村", "数据来源：“退出贫困村数（个）”只用于县对乡的责任书"),
    ({"baseline": "200", "target": "120"}, "", "目标值：越高越好的指标，目标值不能低于基线值"),
    ({"baseline": "2", "target": "5", "direction": "lower"}, "", "目标值：越低越好的指标，目标值不能高于基线值"),
    ({"deadline": "2017-12-31"}, "", "指标截止日期：不能早于2018年1月1日（责任书年度为2018年）"),
])
def test_bad_indicators_are_refused(changes: dict, level: str, expected: str) -> None:
    with pytest.raises(ValidationError) as exc:
        clean_indicator(indicator(**changes), level=level, year=2018)
    assert str(exc.value) == expected


def test_a_zero_span_indicator_is_allowed() -> None:
    """target == baseline (e.g. keep 贫困发生率 at 0): scoring gives it a clear meaning, so it is not refused."""
    assert clean_indicator(indicator(baseline="0", target="0"))["target"] == 0


# -- clauses and templates -------------------------------------------------------------------------------------------
def test_placeholders_are_filled_from_the_letter() -> None:
    text = "{年度}年，{甲方}与{乙方}签订，{截止日期}前完成；{甲方第一责任人}、{甲方直接责任人}；" \
           "{乙方第一责任人}、{乙方直接责任人}；{其他}"
    values = {**SIGNERS, "year": 2018, "issuer_name": "灵丘县", "receiver_name": "东河南镇", "deadline": "2018-12-31",
              "receiver_signer2_name": ""}
    assert render_clauses(text, values) == ("2018年，灵丘县与东河南镇签订，2018年12月31日前完成；"
                                           "县委书记田福俊、县长刘杰龙；党委书记李宏文、镇长＿＿＿＿；{其他}")


def test_dates_print_without_zero_padding() -> None:
    assert chinese_date("2018-03-02") == "2018年3月2日"
    assert chinese_date(None) == ""


@pytest.mark.parametrize(("code", "name", "titles"), [("140224", "灵丘县", ("县委书记", "县长")),
                                                      ("140224101", "东河南镇", ("党委书记", "镇长")),
                                                      ("140224205", "赵北乡", ("党委书记", "乡长")),
                                                      ("140224101201", "下野窝村", ("党支部书记", "村委会主任"))])
def test_signer_titles_by_level(code: str, name: str, titles: tuple[str, str]) -> None:
    assert default_signer_titles(code, name) == titles


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_templates_hold_the_typical_clauses_and_valid_indicators(key: str) -> None:
    template = TEMPLATES[key]
    for phrase in ("第一责任人", "直接责任人", "{截止日期}", "考核办法", "月汇总分析、季点评通报、年度考核评比",
                   "一票否决", "约谈", "一式两份", "自签订之日起生效"):
        assert phrase in template.clauses, phrase
    assert ("立下军令状" in template.clauses) == (template.kind == "军令状")
    assert sum(weight for *_x, weight, _s in template.indicators) == 100
    names = [name for name, *_rest in template.indicators]
    assert set(template.targets_from) <= set(names)
    for raw in template.indicators:
        values = clean_indicator(dict(zip(("name", "unit", "baseline", "target", "direction", "weight", "source"),
                                          map(str, raw), strict=True)), level=template.level, year=2018)
        assert values["name"] == raw[0]
    if template.level == "乡对村":
        assert not {source for *_x, source in template.indicators} & COUNTY_ONLY_SOURCES
    rendered = render_clauses(template.clauses, {**SIGNERS, "year": 2018, "issuer_name": "甲", "receiver_name": "乙",
                                                 "deadline": "2018-12-31"})
    assert not any(p in rendered for p in PLACEHOLDERS)


def test_the_county_order_carries_the_founding_articles_targets() -> None:
    """Households, people and villages to exit, 集体经济破零, relocation completion (80%) and move-in, industry
    projects and the households they reach, training person-times (3,800 a year county-wide → 320 a township) and
    work-team attendance."""
    indicators = {name: (target, source) for name, _u, _b, target, _d, _w, source in
                  TEMPLATES["county_township_order"].indicators}
    assert indicators["易地扶贫搬迁安置点竣工率"] == (80, MANUAL)
    assert indicators["“三支队伍”培训"] == (320, "training_person_times")
    assert indicators["驻村工作队员在村天数达标率"][1] == "attendance_compliance"
    for name in ("贫困户脱贫", "贫困人口脱贫", "贫困村退出", "集体经济破零村数", "易地扶贫搬迁入住率",
                 "产业扶贫项目落地", "产业扶贫项目带动贫困户"):
        assert name in indicators
    assert TEMPLATES["county_township_order"].kind == "军令状"
    assert TEMPLATES["township_village_target"].kind == "目标责任书"
