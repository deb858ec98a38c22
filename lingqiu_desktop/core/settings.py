"""Policy values that are data, not constants (DESIGN.md): the defaults, overridden by rows of the setting table."""

from __future__ import annotations

from typing import Any, Final

DEFAULTS: Final[dict[str, Any]] = {
    "attendance.required_days": 20,          # 每月在村天数要求 (DOMAIN.md §1, a common local rule)
    "visit.kinds": ["入户走访", "政策宣讲", "产业帮扶", "就业帮扶", "教育保障", "健康保障", "住房保障", "其他"],
    "training.audiences": ["驻村工作队员", "第一书记", '村"两委"干部', "贫困户技能培训"],
    "assessment.ratings": ["优秀", "称职", "基本称职", "不称职"],
    # unexcused absences found by spot checks -> the best rating allowed (DOMAIN.md §1)
    "assessment.absence_caps": {"1": "称职", "2": "基本称职", "3": "不称职"},
    "village.collective_income_threshold": 10000,
    "office.user_name": "管理员",
}


def default(key: str) -> Any:
    return DEFAULTS[key]
