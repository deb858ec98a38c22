"""Village work teams (驻村工作队), their members and postings, and the team's history of changes.

Every change also writes a team_event row in the clerk's words (成立, 成员进驻, 角色变更, 召回, 期满, 队长变更,
信息修改): the audit log keeps every column, the history says what happened. Invariants kept here:
- a person is 在岗 in at most one team (while posted, members do no other work, DOMAIN.md §1);
- a team has at most one 在岗 队长 and one 在岗 第一书记; `leader_person_id` is a 在岗 member whose role is 队长 or
  第一书记 (the first secretary normally leads the team), `first_secretary_id` the 在岗 第一书记.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lingqiu_desktop.core.people import ACTIVE, MIN_TEAM_MEMBERS, POSTING_STATUSES, split_kinds, team_warnings
from lingqiu_desktop.core.pinyin import is_initials_query
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.store import NotOwnedError, Store

__all__ = ["LIST_KIND", "POSTING_STATUSES", "SPEC", "TeamFilter", "TeamRepository"]

LIST_KIND = "team"
MIN_MEMBERS_KEY = "team.min_members"
REFERENCE_DATE_KEY = "app.reference_date"  # the Workbook's working date (Workbook.today)

SPEC = ListSpec(
    base="work_team t",
    joins=("LEFT JOIN village v ON v.id = t.village_id LEFT JOIN office o ON o.code = t.township_code "
           "LEFT JOIN person lp ON lp.id = t.leader_person_id LEFT JOIN person fs ON fs.id = t.first_secretary_id"),
    columns={
        "id": "t.id", "name": "t.name", "township": "o.name", "township_code": "t.township_code",
        "village": "v.name", "village_id": "t.village_id", "sending_unit": "t.sending_unit", "leader": "lp.name",
        "first_secretary": "fs.name", "start_date": "t.start_date", "end_date": "t.end_date", "status": "t.status",
        "member_count": "(SELECT COUNT(*) FROM team_membership m WHERE m.team_id = t.id AND m.status = '在岗')",
        "remarks": "t.remarks", "owner": "t.owner",
    },
    sortable={"village": ("t.township_code", "v.code", "t.start_date"), "name": ("t.name",),
              "township": ("t.township_code", "v.code", "t.start_date"), "start_date": ("t.start_date",),
              "status": ("t.status", "t.start_date"), "sending_unit": ("t.sending_unit", "t.name")},
    default_sort="village",
)

_MEMBER_MATCH = ("EXISTS (SELECT 1 FROM team_membership m JOIN person p ON p.id = m.person_id "
                 "WHERE m.team_id = t.id AND {cond})")


@dataclass
class TeamFilter:
    township_code: str = ""
    village_id: str = ""
    status: str = ""
    text: str = ""             # team name, sending unit, village initials, or a member's name or initials
    sort: str = ""
    descending: bool = False

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        for column, value in (("t.township_code", self.township_code), ("t.village_id", self.village_id),
                              ("t.status", self.status)):
            if value:
                q.add(f"{column} = ?", value)
        if self.text.strip():
            _add_search(q, self.text.strip())
        return q


def _add_search(q: ListQuery, text: str) -> None:
    """The team matches by its own name or unit (or its village's initials), or through any member; the member
    that matched is named in `matched_member` when the team itself did not."""
    if is_initials_query(text):
        key = f"% {text.lower()}%"
        team = "t.village_id IN (SELECT id FROM village WHERE (' ' || name_initials) LIKE ?)"
        member = "(' ' || p.name_initials) LIKE ?"
        team_params: list[Any] = [key]
    else:
        key = f"%{text}%"
        team, member = "(t.name LIKE ? OR t.sending_unit LIKE ?)", "p.name LIKE ?"
        team_params = [key, key]
    q.add(f"({team} OR {_MEMBER_MATCH.format(cond=member)})", *team_params, key)
    q.add_column("matched_member", f"CASE WHEN {team} THEN '' ELSE (SELECT p.name || '（' || m.role || '）' "
                 f"FROM team_membership m JOIN person p ON p.id = m.person_id WHERE m.team_id = t.id AND {member} "
                 f"LIMIT 1) END", *team_params, key)


_TEAM_LABELS = {"village_id": "所属村", "name": "名称", "sending_unit": "派出单位", "start_date": "派驻开始日期",
                "end_date": "派驻结束日期", "status": "状态", "remarks": "备注"}
_MEMBER_LABELS = {"start_date": "进驻日期", "end_date": "离村日期", "remarks": "备注"}
_ROLE_ORDER = "CASE m.role WHEN '第一书记' THEN 0 WHEN '队长' THEN 1 ELSE 2 END"


class TeamRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any] | dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.store.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def get(self, team_id: str) -> dict[str, Any]:
        return self.store.get("work_team", team_id)

    def members(self, team_id: str, on_date: str | None = None, *, until: str | None = None) -> list[dict[str, Any]]:
        """The team's postings (id = the membership's id) with the person's name, sex, phone, unit and post;
        第一书记, 队长, then 队员, those 在岗 first. With `on_date`: only those posted that day, or at some time
        between `on_date` and `until` (a month's attendance grid)."""
        sql = ("SELECT m.id, m.team_id, m.person_id, m.role, m.start_date, m.end_date, m.status, m.remarks, m.owner, "
               "p.name, p.sex, p.phone, p.unit, p.post, p.id_number, p.is_party_member "
               "FROM team_membership m JOIN person p ON p.id = m.person_id WHERE m.team_id = :team")
        if on_date:
            sql += " AND m.start_date <= :last AND (m.end_date IS NULL OR m.end_date >= :first)"
        sql += f" ORDER BY m.status <> '在岗', {_ROLE_ORDER}, m.start_date, p.name"
        return self._rows(sql, {"team": team_id, "first": on_date, "last": until or on_date})

    def member(self, membership_id: str) -> dict[str, Any]:
        row = self.store.get("team_membership", membership_id)
        person = self.store.get("person", row["person_id"])
        return {**row, "name": person["name"], "phone": person["phone"]}

    def history(self, team_id: str, newest_first: bool = False) -> list[dict[str, Any]]:
        """The team's events in the order they happened (by date, then as entered)."""
        order = " DESC" if newest_first else ""
        return self._rows(
            "SELECT e.id, e.event_date, e.kind, e.person_id, COALESCE(p.name, '') AS person_name, e.detail, "
            "e.updated_by, e.created_at FROM team_event e LEFT JOIN person p ON p.id = e.person_id "
            f"WHERE e.team_id = ? ORDER BY e.event_date{order}, e.id{order}", [team_id])

    def teams_of_village(self, village_id: str) -> list[dict[str, Any]]:
        """Every team the village has had, the newest first."""
        return self._rows("SELECT * FROM work_team WHERE village_id = ? ORDER BY start_date DESC", [village_id])

    def active_teams(self, township_code: str = "") -> list[dict[str, Any]]:
        """Teams 在岗, for pickers: id, name, village_id, village, township_code; in village-code order."""
        sql = ("SELECT t.id, t.name, t.village_id, v.name AS village, t.township_code FROM work_team t "
               "JOIN village v ON v.id = t.village_id WHERE t.status = '在岗'")
        params: list[Any] = []
        if township_code:
            sql += " AND t.township_code = ?"
            params.append(township_code)
        return self._rows(sql + " ORDER BY t.township_code, v.code", params)

    def warnings(self, team_id: str) -> list[str]:
        """What departs from the norms (fewer than 3 members, no leader, a short posting): warn, never refuse."""
        team = self.get(team_id)
        if team["status"] != ACTIVE:
            return []
        active = sum(1 for m in self.members(team_id) if m["status"] == ACTIVE)
        minimum = int(SettingsRepository(self.store).get(MIN_MEMBERS_KEY, MIN_TEAM_MEMBERS))
        return team_warnings(active, team["start_date"], team["end_date"], bool(team["leader_person_id"]), minimum)

    def working_date(self) -> str:
        """The Workbook's working date (a settings override, else today)."""
        return str(SettingsRepository(self.store).get(REFERENCE_DATE_KEY, "") or date.today().isoformat())

    # -- teams -----------------------------------------------------------------------------------------------------
    def add(self, values: dict[str, Any]) -> dict[str, Any]:
        """A new team (values from core.people.clean_team) and its 成立 event."""
        with self.store.transaction():
            village = self._own_village(values["village_id"])
            if values.get("status", ACTIVE) == ACTIVE:
                self._check_one_team_per_village(values["village_id"], None)
            row = self.store.insert("work_team", {**values, "township_code": village["township_code"]})
            self._event(row["id"], row["start_date"], "成立", None,
                        f"{row['name']}成立，派出单位：{row['sending_unit']}")
        return row

    def update(self, team_id: str, values: dict[str, Any], *, on_date: str | None = None) -> dict[str, Any]:
        """Change a team's fields; ending it (状态 期满 or 召回) ends every 在岗 member's posting on the end date."""
        on_date = on_date or self.working_date()
        with self.store.transaction():
            before = self.get(team_id)
            changes = dict(values)
            if "village_id" in changes and changes["village_id"] != before["village_id"]:
                changes["township_code"] = self._own_village(changes["village_id"])["township_code"]
            if changes.get("status", before["status"]) == ACTIVE:
                self._check_one_team_per_village(changes.get("village_id", before["village_id"]), team_id)
            self._check_members_within(team_id, changes.get("start_date", before["start_date"]))
            after = self.store.update("work_team", team_id, changes)
            changed = [label for key, label in _TEAM_LABELS.items() if key != "status" and before[key] != after[key]]
            if changed:
                self._event(team_id, on_date, "信息修改", None, f"修改了{'、'.join(changed)}")
            if before["status"] != after["status"]:
                self._team_status_changed(after, before["status"], on_date)
        return after

    def save(self, values: dict[str, Any], *, team_id: str | None = None, leader_id: str | None = None,
             first_secretary_id: str | None = None, on_date: str | None = None) -> dict[str, Any]:
        """The team dialog's save, all or nothing: the team's fields, then its first secretary and leader (None:
        leave as is; "": vacant). For a new team the heads join on its start date."""
        with self.store.transaction():
            row = self.update(team_id, values, on_date=on_date) if team_id else self.add(values)
            day = row["start_date"] if not team_id else on_date
            for role, person_id in (("第一书记", first_secretary_id), ("队长", leader_id)):
                if person_id is None or row["status"] != ACTIVE:  # an ended team keeps its last heads
                    continue
                try:
                    self._set_head(row["id"], person_id, role, day)
                except ValidationError as exc:
                    field = "队长" if role == "队长" else "第一书记"
                    raise ValidationError(field, exc.reason) from None
            return self.get(row["id"])

    def _team_status_changed(self, team: dict[str, Any], old: str, on_date: str) -> None:
        new = team["status"]
        if new == ACTIVE:
            self._event(team["id"], on_date, "信息修改", None, f"状态由“{old}”改为“在岗”")
            return
        day = team["end_date"] or on_date
        names = []
        for m in self.members(team["id"]):
            if m["status"] == ACTIVE:
                if day < m["start_date"]:
                    raise ValidationError("派驻结束日期", f"不能早于队员{m['name']}的进驻日期{m['start_date']}")
                self.store.update("team_membership", m["id"], {"status": new, "end_date": day})
                names.append(m["name"])
        detail = "派驻期满" if new == "期满" else "工作队召回"
        if names:
            detail += f"，在岗队员{'、'.join(names)}一并离村"
        self._event(team["id"], day, new, None, detail)

    def delete(self, team_id: str) -> None:
        """A team entered by mistake. One with attendance, visits or assessments is kept (change its status)."""
        with self.store.transaction():
            team = self.get(team_id)
            uses = self.store.db.execute(
                "SELECT (SELECT COUNT(*) FROM attendance WHERE team_id = :t) + "
                "(SELECT COUNT(*) FROM visit WHERE team_id = :t) + "
                "(SELECT COUNT(*) FROM leave_request WHERE team_id = :t) + "
                "(SELECT COUNT(*) FROM spot_check WHERE team_id = :t) + "
                "(SELECT COUNT(*) FROM assessment WHERE subject_kind = 'team' AND subject_id = :t)",
                {"t": team_id}).fetchone()[0]
            if uses:
                raise ValidationError("工作队", f"{team['name']}已有{uses}条考勤、走访或考核记录，不能删除；"
                                              "如已撤离，请把状态改为“期满”")
            for table in ("team_event", "team_membership"):
                for (rid,) in self.store.db.execute(f"SELECT id FROM {table} WHERE team_id = ?", [team_id]):
                    self.store.delete(table, rid)
            self.store.delete("work_team", team_id)

    # -- members ---------------------------------------------------------------------------------------------------
    def add_member(self, team_id: str, values: dict[str, Any]) -> dict[str, Any]:
        """Post a person to the team (values from core.people.clean_membership): 成员进驻, and 队长变更 when the
        role makes them the leader."""
        with self.store.transaction():
            team = self._own_team(team_id)
            person = self.store.get("person", values["person_id"])
            self._check_start(team, values["start_date"])
            if values.get("status", ACTIVE) == ACTIVE:
                self._check_not_posted(person, None)
            row = self.store.insert("team_membership", {**values, "team_id": team_id})
            detail = f"{person['name']}进驻，任{row['role']}"
            if row["status"] != ACTIVE:
                detail += f"（{row['end_date']}{row['status']}）"
            self._event(team_id, row["start_date"], "成员进驻", person["id"], detail)
            self._add_kind(person, "第一书记" if row["role"] == "第一书记" else "工作队员")
            if row["status"] == ACTIVE:
                self._apply_role(team_id, row, row["start_date"])
        return row

    def update_member(self, membership_id: str, values: dict[str, Any], *,
                      on_date: str | None = None) -> dict[str, Any]:
        """Correct a posting. The person stays (recall and add another instead); a role change is 角色变更, a
        status change 召回 / 期满 (or back to 在岗), anything else 信息修改."""
        on_date = on_date or self.working_date()
        with self.store.transaction():
            before = self.store.get("team_membership", membership_id)
            team = self._own_team(before["team_id"])
            if values.get("person_id", before["person_id"]) != before["person_id"]:
                raise ValidationError("人员", "不能更换人员；请召回此人后另行添加成员")
            person = self.store.get("person", before["person_id"])
            self._check_start(team, values.get("start_date", before["start_date"]))
            if values.get("status") == ACTIVE and before["status"] != ACTIVE:
                self._check_not_posted(person, membership_id)
            after = self.store.update("team_membership", membership_id, values)
            self._member_events(team["id"], person, before, after, on_date)
        return after

    def _member_events(self, team_id: str, person: dict[str, Any], before: dict[str, Any], after: dict[str, Any],
                       on_date: str) -> None:
        name = person["name"]
        status_changed = before["status"] != after["status"]
        # a recall or an end of posting brings its own date and reason: not a separate 信息修改
        keys = ("start_date",) if status_changed else tuple(_MEMBER_LABELS)
        changed = [_MEMBER_LABELS[key] for key in keys if before[key] != after[key]]
        if changed:
            self._event(team_id, on_date, "信息修改", person["id"], f"修改了{name}的{'、'.join(changed)}")
        if before["role"] != after["role"]:
            self._event(team_id, on_date, "角色变更", person["id"], f"{name}：{before['role']} → {after['role']}")
        if before["status"] != after["status"]:
            if after["status"] == ACTIVE:
                self._event(team_id, on_date, "信息修改", person["id"], f"{name}恢复在岗")
            else:
                self._event(team_id, after["end_date"] or on_date, after["status"], person["id"],
                            f"{name}{after['status']}离村" + (f"：{after['remarks']}" if after["remarks"] else ""))
        if before["role"] != after["role"] or before["status"] != after["status"]:
            self._apply_role(team_id, after, on_date)

    def recall_member(self, membership_id: str, day: str, reason: str) -> dict[str, Any]:
        """召回: the member leaves on `day` for `reason`; if they led the team, the post falls vacant."""
        return self._close(membership_id, "召回", day, reason)

    def end_posting(self, membership_id: str, day: str, reason: str = "") -> dict[str, Any]:
        """期满: the posting ends on `day` as planned."""
        return self._close(membership_id, "期满", day, reason)

    def _close(self, membership_id: str, status: str, day: str, reason: str) -> dict[str, Any]:
        with self.store.transaction():
            before = self.store.get("team_membership", membership_id)
            if before["status"] != ACTIVE:
                raise ValidationError("在岗状态", f"该队员已{before['status']}，不在岗")
            if day < before["start_date"]:
                raise ValidationError("召回日期" if status == "召回" else "期满日期", "不能早于进驻日期")
            remarks = reason or before["remarks"]
            return self.update_member(membership_id, {"status": status, "end_date": day, "remarks": remarks},
                                      on_date=day)

    def set_leader(self, team_id: str, person_id: str, *, on_date: str | None = None) -> None:
        """Make a person the team's leader (队长): a 队员 becomes 队长, a 第一书记 keeps that role and leads; someone
        not yet in the team joins it as 队长. An empty `person_id` leaves the post vacant."""
        self._set_head(team_id, person_id, "队长", on_date)

    def set_first_secretary(self, team_id: str, person_id: str, *, on_date: str | None = None) -> None:
        """Make a person the team's first secretary (第一书记); they also lead the team when it had no leader or
        was led by the previous first secretary."""
        self._set_head(team_id, person_id, "第一书记", on_date)

    def _set_head(self, team_id: str, person_id: str, role: str, on_date: str | None) -> None:
        on_date = on_date or self.working_date()
        field = "leader_person_id" if role == "队长" else "first_secretary_id"
        with self.store.transaction():
            team = self._own_team(team_id)
            if (team[field] or "") == person_id:
                return
            if not person_id:
                current = self._active_posting(team_id, team[field])
                if current is not None and current["role"] == role:
                    self.update_member(current["id"], {"role": "队员"}, on_date=on_date)
                self._set_team_field(team_id, field, None, on_date)
                return
            posting = self._active_posting(team_id, person_id)
            if posting is None:
                start = max(on_date, team["start_date"])
                self.add_member(team_id, {"person_id": person_id, "role": role, "start_date": start,
                                          "end_date": None, "status": ACTIVE, "remarks": ""})
            elif posting["role"] == "队员" or (role == "第一书记" and posting["role"] == "队长"):
                self.update_member(posting["id"], {"role": role}, on_date=on_date)
            else:
                self._apply_role(team_id, posting, on_date)
            if role == "队长":  # also a 第一书记 who now leads: a 队长 beside them steps down to 队员
                self._set_team_field(team_id, field, person_id, on_date)
                for other in self.members(team_id):
                    if other["status"] == ACTIVE and other["role"] == "队长" and other["person_id"] != person_id:
                        self.update_member(other["id"], {"role": "队员"}, on_date=on_date)

    # -- keeping the invariants ------------------------------------------------------------------------------------
    def _apply_role(self, team_id: str, posting: dict[str, Any], on_date: str) -> None:
        """After a posting's role or status changed: one 队长, one 第一书记, and the team's two fields in step."""
        team = self.get(team_id)
        person_id, role = posting["person_id"], posting["role"]
        active = posting["status"] == ACTIVE
        if active and role in ("队长", "第一书记"):
            for other in self.members(team_id):
                if other["status"] == ACTIVE and other["role"] == role and other["person_id"] != person_id:
                    self.update_member(other["id"], {"role": "队员"}, on_date=on_date)
            team = self.get(team_id)
        if role == "第一书记" and active:
            led_by_old = team["leader_person_id"] in (None, team["first_secretary_id"])
            self._set_team_field(team_id, "first_secretary_id", person_id, on_date)
            if led_by_old:
                self._set_team_field(team_id, "leader_person_id", person_id, on_date)
        elif team["first_secretary_id"] == person_id:
            self._set_team_field(team_id, "first_secretary_id", None, on_date)
        team = self.get(team_id)
        if role == "队长" and active:
            self._set_team_field(team_id, "leader_person_id", person_id, on_date)
        elif team["leader_person_id"] == person_id and not (active and role == "第一书记"):
            self._set_team_field(team_id, "leader_person_id", None, on_date)

    def _set_team_field(self, team_id: str, field: str, person_id: str | None, on_date: str) -> None:
        team = self.get(team_id)
        if team[field] == person_id:
            return
        self.store.update("work_team", team_id, {field: person_id})
        old, new = (self._name(team[field]), self._name(person_id))
        if field == "leader_person_id":
            self._event(team_id, on_date, "队长变更", person_id, f"队长：{old} → {new}")
        else:
            self._event(team_id, on_date, "角色变更", person_id, f"第一书记：{old} → {new}")

    def _name(self, person_id: str | None) -> str:
        return self.store.get("person", person_id)["name"] if person_id else "（空缺）"

    def _active_posting(self, team_id: str, person_id: str | None) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM team_membership WHERE team_id = ? AND person_id = ? AND status = '在岗'",
                          [team_id, person_id])
        return rows[0] if rows else None

    def _event(self, team_id: str, day: str, kind: str, person_id: str | None, detail: str) -> None:
        self.store.insert("team_event", {"team_id": team_id, "event_date": day, "kind": kind,
                                         "person_id": person_id, "detail": detail})

    def _add_kind(self, person: dict[str, Any], kind: str) -> None:
        """A person posted to a team is a 工作队员 (or 第一书记) wherever people are picked by kind."""
        kinds = split_kinds(person["kind"])
        if kind not in kinds and person["owner"] == self.store.office_code:
            self.store.update("person", person["id"], {"kind": ",".join([*kinds, kind])})

    # -- checks ----------------------------------------------------------------------------------------------------
    def _own_team(self, team_id: str) -> dict[str, Any]:
        team = self.get(team_id)
        if team["owner"] != self.store.office_code:
            raise NotOwnedError(team["owner"])
        return team

    def _own_village(self, village_id: str) -> dict[str, Any]:
        village = self.store.get("village", village_id)
        if village["owner"] != self.store.office_code:
            raise ValidationError("所属村", f"{village['name']}属于其他单位，不能为其登记工作队")
        return village

    def _check_one_team_per_village(self, village_id: str, team_id: str | None) -> None:
        row = self.store.db.execute("SELECT id, name FROM work_team WHERE village_id = ? AND status = '在岗' "
                                    "AND id IS NOT ?", [village_id, team_id]).fetchone()
        if row:
            raise ValidationError("所属村", f"该村已有在岗的{row[1]}（一村一队）；请先把原工作队状态改为“期满”")

    def _check_start(self, team: dict[str, Any], start_date: str) -> None:
        if start_date < team["start_date"]:
            raise ValidationError("进驻日期", f"不能早于工作队派驻开始日期{team['start_date']}")

    def _check_members_within(self, team_id: str, start_date: str) -> None:
        row = self.store.db.execute("SELECT MIN(start_date) FROM team_membership WHERE team_id = ?",
                                    [team_id]).fetchone()
        if row[0] and row[0] < start_date:
            raise ValidationError("派驻开始日期", f"不能晚于最早的队员进驻日期{row[0]}")

    def _check_not_posted(self, person: dict[str, Any], membership_id: str | None) -> None:
        row = self.store.db.execute(
            "SELECT m.id, t.name FROM team_membership m JOIN work_team t ON t.id = m.team_id "
            "WHERE m.person_id = ? AND m.status = '在岗' AND m.id IS NOT ?", [person["id"], membership_id]).fetchone()
        if row:
            raise ValidationError("人员", f"{person['name']}目前在{row[1]}在岗；一人只能在一个工作队在岗，"
                                          "请先在原工作队办理召回或期满")
