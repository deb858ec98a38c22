"""The Chinese names of the database tables, as the clerk reads them on the import summary, the CLI's output and the
printed 数据移交清单.

Every table of db/schema.sql is named (a test checks it), the travelling ones first in the order a clerk thinks of
them: registers, then daily records, then the letters and reviews, then the log. Plain Python: the GUI, the CLI and
the exchange service all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

TABLE_LABELS: Final[dict[str, str]] = {
    # registers
    "village": "村庄",
    "household": "贫困户",
    "household_member": "家庭成员",
    "household_income": "家庭收入",
    "person": "人员",
    "work_team": "驻村工作队",
    "team_membership": "工作队成员",
    "team_event": "工作队变动记录",
    "helper_assignment": "帮扶责任人",
    # daily records
    "visit": "入户走访",
    "visit_visitor": "走访人员",
    "attendance": "考勤",
    "leave_request": "请假",
    "spot_check": "抽查",
    "training": "培训",
    "training_attendee": "参训人员",
    "work_group": "工作专班",
    "board_item": "周调度事项",
    "meeting": "会议",
    "meeting_decision": "会议议定事项",
    # letters, indicators and ratings
    "letter": "目标责任书/军令状",
    "indicator": "考核指标",
    "indicator_progress": "指标进度",
    "assessment": "年度考核",
    # the partition's history
    "audit_log": "操作记录",
    # never in a package: this PC's own tables
    "app_user": "用户",
    "office": "单位",
    "office_key": "本单位密钥",
    "office_card": "单位卡片",
    "export_log": "导出记录",
    "import_log": "导入记录",
    "print_log": "打印记录",
    "setting": "设置",
    "schema_migration": "数据库版本",
}


def table_label(table: str) -> str:
    """The table's Chinese name; an unknown table keeps its own name (shown, never trusted)."""
    return TABLE_LABELS.get(table, table)


def ordered(tables: Iterable[str]) -> list[str]:
    """`tables` in the order of TABLE_LABELS (the order a clerk reads them in), unknown names last, sorted."""
    rank = {name: i for i, name in enumerate(TABLE_LABELS)}
    return sorted(tables, key=lambda t: (rank.get(t, len(rank)), t))


def labelled_counts(counts: Mapping[str, int], *, skip_zero: bool = False) -> list[tuple[str, int]]:
    """[(中文表名, count)] in reading order, for a summary or the printed cover sheet."""
    return [(table_label(t), int(counts[t])) for t in ordered(counts) if not (skip_zero and not counts[t])]
