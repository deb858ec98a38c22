"""Policy values that are data, not constants (DESIGN.md): the defaults, overridden by rows of the setting table."""

from __future__ import annotations

from typing import Any, Final

DEFAULTS: Final[dict[str, Any]] = {
    "attendance.required_days": 20,          # 每月在村天数要求 (DOMAIN.md §1, a common local rule)
    "attendance.trips_count_in_village": True,   # 出差（会议、培训）计入在村天数
    "attendance.leave_county_days": 3,           # 请假超过此天数须由县级审批 (DOMAIN.md §1)
    "attendance.leave_types": ["事假", "病假", "年休假", "婚丧假", "其他"],
    "team.min_members": 3,                   # 一个工作队一般不少于3人 (DOMAIN.md §1): below it the page warns
    "visit.kinds": ["入户走访", "政策宣讲", "产业帮扶", "就业帮扶", "教育保障", "健康保障", "住房保障", "其他"],
    "training.audiences": ["驻村工作队员", "第一书记", '村"两委"干部', "贫困户技能培训"],
    "assessment.ratings": ["优秀", "称职", "基本称职", "不称职"],
    # unexcused absences found by spot checks -> the best rating allowed (DOMAIN.md §1)
    "assessment.absence_caps": {"1": "称职", "2": "基本称职", "3": "不称职"},
    "village.collective_income_threshold": 10000,
    # "1+3" reviews: annual rating by weighted score (≥ threshold), lag rule, completion cap in a score
    "review.ratings": [["优秀", 90], ["良好", 80], ["合格", 60], ["不合格", 0]],
    "review.lag_threshold": 0.8,
    "review.score_cap": 1.0,
    "office.user_name": "管理员",
    # printed documents: the issuer of the office's own circular ('' = 灵丘县脱贫攻坚指挥部 / ‹乡镇›人民政府)
    "circular.issuer": "",
    "print.signin_blank_rows": 5,                         # blank rows under a sign-in sheet's attendees
    "print.training_signers": ["组织人", "授课人"],          # who signs the sign-in sheet and the training record
    "print.sheet_signers": ["责任人", "审核人"],               # 责任清单/考核表
    "print.attendance_signers": ["工作队队长", "乡镇分管领导"],  # 驻村工作队月度考勤表
    "print.household_list_signers": ["制表人", "审核人"],      # 花名册 / 公示名单
    "print.supervision_phone": "",                          # 公示名单's 监督电话 ('' leaves a line to write on)
    "print.public_notice_days": 7,                          # 公示期 in days
    "print.handover_signers": ["经办人", "分管领导"],          # 数据移交清单 (the USB cover sheet)
}


def default(key: str) -> Any:
    return DEFAULTS[key]


def clean_list(values: list[str], field: str, *, minimum: int = 1) -> list[str]:
    """A settings list: trimmed, no blanks, no duplicates, at least `minimum` items."""
    from lingqiu_desktop.core.validation import ValidationError

    items = [v.strip() for v in values if v.strip()]
    if len(items) < minimum:
        raise ValidationError(field, f"至少要有{minimum}项")
    duplicates = sorted({v for v in items if items.count(v) > 1})
    if duplicates:
        raise ValidationError(field, f"有重复项：{'、'.join(duplicates)}")
    return items


def clean_absence_caps(caps: dict[str, str], ratings: list[str]) -> dict[str, str]:
    """Absences → the best rating allowed: each a rating of the scale, never better as absences grow."""
    from lingqiu_desktop.core.validation import ValidationError

    cleaned: dict[str, str] = {}
    previous = -1
    for count in sorted(caps, key=int):
        rating = caps[count]
        if not rating:
            continue
        if rating not in ratings:
            raise ValidationError("抽查缺勤封顶", f"“{rating}”不在考核等次中")
        rank = ratings.index(rating)
        if rank < previous:
            raise ValidationError("抽查缺勤封顶", f"缺勤{count}次的封顶等次不能高于缺勤更少时的等次")
        previous = rank
        cleaned[str(int(count))] = rating
    return cleaned
