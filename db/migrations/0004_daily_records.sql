-- 0004_daily_records: what the daily field records need beyond 0001.
-- leave_request: one request covers a span of days (DOMAIN.md §1: written request, approver by length);
--   the attendance days it covers point back to it.
-- team_event: the history of a work team in the clerk's words (成立, 成员进驻, 召回, 期满, 队长变更 …);
--   the audit log keeps every column change, this keeps what happened.
CREATE TABLE leave_request (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    team_id     TEXT NOT NULL REFERENCES work_team(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person(id),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    leave_type  TEXT NOT NULL,                 -- 事假 / 病假 / 年休假 / 婚丧假 / 其他
    reason      TEXT NOT NULL DEFAULT '',
    approver    TEXT NOT NULL DEFAULT '',
    approved_on TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_leave_person ON leave_request(person_id, start_date);
CREATE INDEX idx_leave_team ON leave_request(team_id, start_date);
CREATE INDEX idx_leave_owner ON leave_request(owner);

ALTER TABLE attendance ADD COLUMN leave_id TEXT REFERENCES leave_request(id) ON DELETE SET NULL;
CREATE INDEX idx_attendance_leave ON attendance(leave_id) WHERE leave_id IS NOT NULL;
CREATE INDEX idx_attendance_team_day ON attendance(team_id, day);

CREATE TABLE team_event (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    team_id     TEXT NOT NULL REFERENCES work_team(id) ON DELETE CASCADE,
    event_date  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    person_id   TEXT REFERENCES person(id),
    detail      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_team_event_team ON team_event(team_id, event_date);
CREATE INDEX idx_team_event_owner ON team_event(owner);

CREATE INDEX idx_person_initials ON person(name_initials);
CREATE INDEX idx_training_audience ON training(audience, start_date);
