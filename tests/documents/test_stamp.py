"""The QR text and the Chinese list of changes that `verify` reports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lingqiu_desktop.documents.stamp import Stamp, StampError, changes, digest, parse_stamp


def test_stamp_round_trip_and_digest_follows_content() -> None:
    content = {"标题": "军令状", "指标": [{"指标名称": "脱贫户数", "目标值": 95}]}
    stamp = Stamp.of("letter", "0192abcd-ef", "", content)
    assert stamp.text.startswith("LQFP1|letter|0192abcd-ef||")
    assert parse_stamp(stamp.text) == stamp
    assert parse_stamp(f"  {stamp.text}\n") == stamp                 # a scanner adds a newline
    assert digest({**content, "标题": "目标责任书"}) != stamp.digest
    assert digest(dict(reversed(list(content.items())))) == stamp.digest   # key order does not matter


@pytest.mark.parametrize(("text", "reason"), [
    ("hello", "不是本系统打印的核验码"),
    ("LQFP1|letter|x|", "不是本系统打印的核验码"),
    ("LQFP2|letter|x||" + "0" * 24, "不是本系统打印的核验码"),
    ("LQFP1|letter|x||" + "0" * 23, "不完整或已损坏"),
    ("LQFP1|letter|x||" + "G" * 24, "不完整或已损坏"),
    ("LQFP1||x||" + "0" * 24, "不完整或已损坏"),
    ("LQFP1|letter|x y||" + "0" * 24, "不应出现的字符"),
])
def test_bad_stamp_text_is_refused_in_chinese(text: str, reason: str) -> None:
    with pytest.raises(StampError, match=reason):
        parse_stamp(text)


def test_stamp_refuses_keys_that_would_break_the_format() -> None:
    with pytest.raises(StampError):
        Stamp.of("letter", "a|b", "", {})


def test_changes_name_the_field_the_row_and_both_values() -> None:
    printed = {"标题": "军令状", "乙方": "东河南镇", "指标": [{"指标名称": "脱贫户数", "目标值": 95.0},
                                                          {"指标名称": "危房改造", "目标值": 10}]}
    current = {"标题": "军令状", "乙方": "东河南镇人民政府", "指标": [{"指标名称": "脱贫户数", "目标值": 98},
                                                                  {"指标名称": "危房改造", "目标值": 10},
                                                                  {"指标名称": "新增", "目标值": 1}],
               "备注": "补充"}
    assert changes(printed, current) == [
        "「乙方」：由 东河南镇 改为 东河南镇人民政府",
        "「指标」 第1行「目标值」：由 95 改为 98",
        "「指标」 第3行：新增 指标名称 新增，目标值 1",
        "「备注」：现在新增为 补充",
    ]
    assert changes(current, printed)[-1] == "「备注」：打印时有，现在没有"
    assert changes(printed, printed) == []


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                max_size=3), max_leaves=10))
def test_no_changes_exactly_when_digests_agree(content: object) -> None:
    assert changes(content, content) == []
    assert digest(content) == digest(content)
