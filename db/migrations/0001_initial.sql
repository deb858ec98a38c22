-- 0001_initial: every record family of DESIGN.md, so later work extends tables rather than reshaping them.
-- Conventions: text ids (time-ordered UUIDv7), owner = the office code that created the row,
-- created_at / updated_at as ISO-8601 local time, updated_by = the user name.
-- Dates are 'YYYY-MM-DD' text, months 'YYYY-MM'. Booleans are 0/1 integers.

CREATE TABLE office (
    code        TEXT PRIMARY KEY,           -- 140224 (county) or a 9-digit township code
    name        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('county', 'township')),
    parent_code TEXT REFERENCES office(code),
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,              -- JSON
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE app_user (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL REFERENCES office(code),
    name          TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('admin', 'clerk', 'viewer')),
    password_hash TEXT NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE village (
    id                TEXT PRIMARY KEY,
    owner             TEXT NOT NULL REFERENCES office(code),
    township_code     TEXT NOT NULL REFERENCES office(code),
    code              TEXT NOT NULL UNIQUE,   -- 12-digit 统计用区划代码
    name              TEXT NOT NULL,
    name_initials     TEXT NOT NULL DEFAULT '',
    is_poor           INTEGER NOT NULL DEFAULT 0,   -- 是否贫困村
    status            TEXT NOT NULL DEFAULT '未退出' CHECK (status IN ('未退出', '已退出')),
    planned_exit_year INTEGER,
    exit_year         INTEGER,
    population        INTEGER NOT NULL DEFAULT 0,
    household_count   INTEGER NOT NULL DEFAULT 0,
    collective_income REAL NOT NULL DEFAULT 0,      -- 村集体经济收入（元/年）
    remarks           TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_village_township ON village(township_code, code);
CREATE INDEX idx_village_owner ON village(owner);

CREATE TABLE person (
    id              TEXT PRIMARY KEY,
    owner           TEXT NOT NULL REFERENCES office(code),
    township_code   TEXT REFERENCES office(code),
    name            TEXT NOT NULL,
    name_initials   TEXT NOT NULL DEFAULT '',
    id_number       TEXT NOT NULL DEFAULT '',
    sex             TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', '男', '女')),
    phone           TEXT NOT NULL DEFAULT '',
    unit            TEXT NOT NULL DEFAULT '',       -- 派出单位 / 工作单位
    unit_level      TEXT NOT NULL DEFAULT '',       -- 省直 / 市直 / 县直 / 乡镇 / 村级
    post            TEXT NOT NULL DEFAULT '',       -- 职务
    kind            TEXT NOT NULL DEFAULT '',       -- 干部 / 工作队员 / 第一书记 / 帮扶责任人 / 村干部 (comma list)
    is_party_member INTEGER NOT NULL DEFAULT 0,
    remarks         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_person_owner ON person(owner);
CREATE INDEX idx_person_name ON person(name);
CREATE INDEX idx_person_id_number ON person(id_number);
CREATE INDEX idx_person_township ON person(township_code, name);

CREATE TABLE household (
    id                   TEXT PRIMARY KEY,
    owner                TEXT NOT NULL REFERENCES office(code),
    township_code        TEXT NOT NULL REFERENCES office(code),
    village_id           TEXT NOT NULL REFERENCES village(id),
    group_name           TEXT NOT NULL DEFAULT '',      -- 组
    head_name            TEXT NOT NULL,
    head_initials        TEXT NOT NULL DEFAULT '',      -- pinyin initials, every reading, space separated
    head_id_number       TEXT NOT NULL,
    phone                TEXT NOT NULL DEFAULT '',
    standard             TEXT NOT NULL DEFAULT '国家标准',  -- 识别标准
    attribute            TEXT NOT NULL DEFAULT '一般贫困户', -- 贫困户属性
    main_cause           TEXT NOT NULL DEFAULT '',      -- 主要致贫原因
    other_causes         TEXT NOT NULL DEFAULT '',      -- 其他致贫原因 (comma list, up to 2)
    member_count         INTEGER NOT NULL DEFAULT 1,
    status               TEXT NOT NULL DEFAULT '未脱贫' CHECK (status IN ('未脱贫', '已脱贫', '返贫', '已销户')),
    identified_year      INTEGER,
    exit_year            INTEGER,
    per_capita_income    REAL,                          -- 人均纯收入（元）, latest year
    bank_name            TEXT NOT NULL DEFAULT '',
    bank_account         TEXT NOT NULL DEFAULT '',
    arable_land_mu       REAL NOT NULL DEFAULT 0,
    forest_land_mu       REAL NOT NULL DEFAULT 0,
    housing_area         REAL NOT NULL DEFAULT 0,
    housing_structure    TEXT NOT NULL DEFAULT '',
    housing_danger_grade TEXT NOT NULL DEFAULT '',      -- 危房等级: '' / A / B / C / D
    safe_water           INTEGER NOT NULL DEFAULT 1,
    has_electricity      INTEGER NOT NULL DEFAULT 1,
    relocation           INTEGER NOT NULL DEFAULT 0,    -- 易地搬迁户
    remarks              TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    updated_by           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_household_village ON household(village_id, head_name);
CREATE INDEX idx_household_township ON household(township_code, village_id);
CREATE INDEX idx_household_status ON household(status, township_code);
CREATE INDEX idx_household_id_number ON household(head_id_number);
CREATE INDEX idx_household_name ON household(head_name);
CREATE INDEX idx_household_owner ON household(owner);

CREATE TABLE household_member (
    id                TEXT PRIMARY KEY,
    owner             TEXT NOT NULL REFERENCES office(code),
    household_id      TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    name_initials     TEXT NOT NULL DEFAULT '',
    id_number         TEXT NOT NULL DEFAULT '',
    sex               TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', '男', '女')),
    relation          TEXT NOT NULL DEFAULT '',     -- 与户主关系
    ethnicity         TEXT NOT NULL DEFAULT '汉族',
    education         TEXT NOT NULL DEFAULT '',
    school_status     TEXT NOT NULL DEFAULT '',
    health            TEXT NOT NULL DEFAULT '健康',
    labor_ability     TEXT NOT NULL DEFAULT '',
    work_status       TEXT NOT NULL DEFAULT '',
    work_months       INTEGER NOT NULL DEFAULT 0,
    dibao             INTEGER NOT NULL DEFAULT 0,   -- 低保
    medical_insurance INTEGER NOT NULL DEFAULT 1,   -- 新农合/大病保险
    pension           INTEGER NOT NULL DEFAULT 0,   -- 养老保险
    sort_order        INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_member_household ON household_member(household_id, sort_order);
CREATE INDEX idx_member_id_number ON household_member(id_number);
CREATE INDEX idx_member_owner ON household_member(owner);

CREATE TABLE household_income (
    id             TEXT PRIMARY KEY,
    owner          TEXT NOT NULL REFERENCES office(code),
    household_id   TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
    year           INTEGER NOT NULL,
    wage           REAL NOT NULL DEFAULT 0,   -- 工资性收入
    business       REAL NOT NULL DEFAULT 0,   -- 家庭经营性收入
    transfer       REAL NOT NULL DEFAULT 0,   -- 转移性收入
    property       REAL NOT NULL DEFAULT 0,   -- 财产性收入
    costs          REAL NOT NULL DEFAULT 0,   -- 生产经营性支出
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL DEFAULT '',
    UNIQUE (household_id, year)
);
CREATE INDEX idx_income_owner ON household_income(owner);

CREATE TABLE helper_assignment (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL REFERENCES office(code),
    household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES person(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,
    remarks      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_helper_household ON helper_assignment(household_id, start_date);
CREATE INDEX idx_helper_person ON helper_assignment(person_id);
CREATE INDEX idx_helper_owner ON helper_assignment(owner);

CREATE TABLE work_team (
    id                      TEXT PRIMARY KEY,
    owner                   TEXT NOT NULL REFERENCES office(code),
    township_code           TEXT NOT NULL REFERENCES office(code),
    village_id              TEXT NOT NULL REFERENCES village(id),
    name                    TEXT NOT NULL,
    sending_unit            TEXT NOT NULL DEFAULT '',   -- 派出单位
    leader_person_id        TEXT REFERENCES person(id),
    first_secretary_id      TEXT REFERENCES person(id),
    start_date              TEXT NOT NULL,
    end_date                TEXT,
    status                  TEXT NOT NULL DEFAULT '在岗' CHECK (status IN ('在岗', '召回', '期满')),
    remarks                 TEXT NOT NULL DEFAULT '',
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    updated_by              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_team_village ON work_team(village_id);
CREATE INDEX idx_team_township ON work_team(township_code, status);
CREATE INDEX idx_team_owner ON work_team(owner);

CREATE TABLE team_membership (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    team_id     TEXT NOT NULL REFERENCES work_team(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person(id),
    role        TEXT NOT NULL DEFAULT '队员' CHECK (role IN ('第一书记', '队长', '队员')),
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    status      TEXT NOT NULL DEFAULT '在岗' CHECK (status IN ('在岗', '召回', '期满')),
    remarks     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_membership_team ON team_membership(team_id, status);
CREATE INDEX idx_membership_person ON team_membership(person_id);
CREATE INDEX idx_membership_owner ON team_membership(owner);

CREATE TABLE attendance (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    team_id     TEXT NOT NULL REFERENCES work_team(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person(id),
    day         TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('在村', '请假', '出差', '缺勤')),
    leave_type  TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    approver    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    UNIQUE (team_id, person_id, day)
);
CREATE INDEX idx_attendance_person ON attendance(person_id, day);
CREATE INDEX idx_attendance_owner ON attendance(owner);

CREATE TABLE spot_check (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    team_id     TEXT NOT NULL REFERENCES work_team(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person(id),
    check_date  TEXT NOT NULL,
    checker     TEXT NOT NULL,
    present     INTEGER NOT NULL,
    excused     INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_spot_check_person ON spot_check(person_id, check_date);
CREATE INDEX idx_spot_check_team ON spot_check(team_id, check_date);
CREATE INDEX idx_spot_check_owner ON spot_check(owner);

CREATE TABLE visit (
    id                TEXT PRIMARY KEY,
    owner             TEXT NOT NULL REFERENCES office(code),
    township_code     TEXT NOT NULL REFERENCES office(code),
    village_id        TEXT NOT NULL REFERENCES village(id),
    team_id           TEXT REFERENCES work_team(id),
    household_id      TEXT REFERENCES household(id),   -- NULL: a general village log (民情日记)
    visit_date        TEXT NOT NULL,
    kind              TEXT NOT NULL,
    weather           TEXT NOT NULL DEFAULT '',
    situation         TEXT NOT NULL DEFAULT '',
    problems          TEXT NOT NULL DEFAULT '',
    actions           TEXT NOT NULL DEFAULT '',
    promise           TEXT NOT NULL DEFAULT '',
    follow_up_due     TEXT,
    follow_up_done_at TEXT,
    follow_up_done_by TEXT NOT NULL DEFAULT '',
    signed            TEXT NOT NULL DEFAULT '' CHECK (signed IN ('', '签字', '手印')),
    photo_ref         TEXT NOT NULL DEFAULT '',
    visitor_names     TEXT NOT NULL DEFAULT '',          -- denormalised for the list
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_visit_date ON visit(visit_date, id);
CREATE INDEX idx_visit_township ON visit(township_code, visit_date);
CREATE INDEX idx_visit_village ON visit(village_id, visit_date);
CREATE INDEX idx_visit_team ON visit(team_id, visit_date);
CREATE INDEX idx_visit_household ON visit(household_id, visit_date);
CREATE INDEX idx_visit_follow_up ON visit(follow_up_due) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL;
CREATE INDEX idx_visit_owner ON visit(owner);

CREATE TABLE visit_visitor (
    visit_id   TEXT NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES person(id),
    owner      TEXT NOT NULL REFERENCES office(code),
    PRIMARY KEY (visit_id, person_id)
) WITHOUT ROWID;
CREATE INDEX idx_visit_visitor_person ON visit_visitor(person_id, visit_id);
CREATE INDEX idx_visit_visitor_owner ON visit_visitor(owner);

CREATE TABLE training (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL REFERENCES office(code),
    township_code TEXT REFERENCES office(code),
    title         TEXT NOT NULL,
    topic         TEXT NOT NULL DEFAULT '',
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    time_slots    TEXT NOT NULL DEFAULT '',     -- e.g. 上午 9:00-11:30；下午 14:30-17:00
    hours         REAL NOT NULL DEFAULT 0,      -- 学时
    venue         TEXT NOT NULL DEFAULT '',
    trainer       TEXT NOT NULL DEFAULT '',
    trainer_post  TEXT NOT NULL DEFAULT '',
    organiser     TEXT NOT NULL DEFAULT '',
    audience      TEXT NOT NULL,                -- 驻村工作队员 / 第一书记 / 村"两委"干部 / 贫困户技能培训
    remarks       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_training_date ON training(start_date);
CREATE INDEX idx_training_township ON training(township_code, start_date);
CREATE INDEX idx_training_owner ON training(owner);

CREATE TABLE training_attendee (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL REFERENCES office(code),
    training_id  TEXT NOT NULL REFERENCES training(id) ON DELETE CASCADE,
    person_id    TEXT REFERENCES person(id),     -- NULL when typed in
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    post         TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    attended     INTEGER,                        -- NULL until marked after the session
    sort_order   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_attendee_training ON training_attendee(training_id, sort_order);
CREATE INDEX idx_attendee_person ON training_attendee(person_id);
CREATE INDEX idx_attendee_owner ON training_attendee(owner);

CREATE TABLE letter (
    id                    TEXT PRIMARY KEY,
    owner                 TEXT NOT NULL REFERENCES office(code),
    kind                  TEXT NOT NULL CHECK (kind IN ('目标责任书', '军令状')),
    year                  INTEGER NOT NULL,
    level                 TEXT NOT NULL CHECK (level IN ('县对乡', '乡对村')),
    title                 TEXT NOT NULL DEFAULT '',
    issuer_code           TEXT NOT NULL,     -- office code of the issuing party
    issuer_name           TEXT NOT NULL,
    receiver_code         TEXT NOT NULL,     -- township code, or a village code
    receiver_name         TEXT NOT NULL,
    issuer_signer1_name   TEXT NOT NULL DEFAULT '',
    issuer_signer1_title  TEXT NOT NULL DEFAULT '',
    issuer_signer2_name   TEXT NOT NULL DEFAULT '',
    issuer_signer2_title  TEXT NOT NULL DEFAULT '',
    receiver_signer1_name  TEXT NOT NULL DEFAULT '',
    receiver_signer1_title TEXT NOT NULL DEFAULT '',
    receiver_signer2_name  TEXT NOT NULL DEFAULT '',
    receiver_signer2_title TEXT NOT NULL DEFAULT '',
    clauses               TEXT NOT NULL DEFAULT '',
    template_key          TEXT NOT NULL DEFAULT '',
    drafted_on            TEXT,
    signed_on             TEXT,
    deadline              TEXT,
    status                TEXT NOT NULL DEFAULT '草拟' CHECK (status IN ('草拟', '已签订', '执行中', '已考核')),
    scan_name             TEXT NOT NULL DEFAULT '',
    scan_sha256           TEXT NOT NULL DEFAULT '',
    scan_data             BLOB,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_letter_year ON letter(year, level);
CREATE INDEX idx_letter_receiver ON letter(receiver_code, year);
CREATE INDEX idx_letter_owner ON letter(owner);

CREATE TABLE indicator (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    letter_id   TEXT NOT NULL REFERENCES letter(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    baseline    REAL NOT NULL DEFAULT 0,
    target      REAL NOT NULL,
    direction   TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
    weight      REAL NOT NULL DEFAULT 1,
    deadline    TEXT,
    source      TEXT NOT NULL DEFAULT 'manual',  -- 'manual' or the key of a computed source
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_indicator_letter ON indicator(letter_id, sort_order);
CREATE INDEX idx_indicator_owner ON indicator(owner);

CREATE TABLE indicator_progress (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL REFERENCES office(code),
    indicator_id  TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    month         TEXT NOT NULL,          -- YYYY-MM
    value         REAL NOT NULL,
    computed      INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, month)
);
CREATE INDEX idx_progress_month ON indicator_progress(month);
CREATE INDEX idx_progress_owner ON indicator_progress(owner);

CREATE TABLE assessment (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL REFERENCES office(code),
    year          INTEGER NOT NULL,
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('person', 'team', 'village', 'township')),
    subject_id    TEXT NOT NULL,
    score         REAL,
    rating        TEXT NOT NULL DEFAULT '',
    capped_by     TEXT NOT NULL DEFAULT '',   -- why a rule capped the rating
    assessor      TEXT NOT NULL DEFAULT '',
    remarks       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    UNIQUE (year, subject_kind, subject_id)
);
CREATE INDEX idx_assessment_owner ON assessment(owner);

CREATE TABLE meeting (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    kind        TEXT NOT NULL CHECK (kind IN ('联席会', '例会')),
    meeting_date TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    attendees   TEXT NOT NULL DEFAULT '',
    minutes     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_meeting_date ON meeting(kind, meeting_date);
CREATE INDEX idx_meeting_owner ON meeting(owner);

CREATE TABLE meeting_decision (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    meeting_id  TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    decision    TEXT NOT NULL,
    responsible TEXT NOT NULL DEFAULT '',
    due_date    TEXT,
    done        INTEGER NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_decision_meeting ON meeting_decision(meeting_id, sort_order);
CREATE INDEX idx_decision_owner ON meeting_decision(owner);

CREATE TABLE work_group (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL REFERENCES office(code),
    name        TEXT NOT NULL,
    leader      TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    UNIQUE (owner, name)
);

CREATE TABLE board_item (
    id            TEXT PRIMARY KEY,
    owner         TEXT NOT NULL REFERENCES office(code),
    group_id      TEXT NOT NULL REFERENCES work_group(id) ON DELETE CASCADE,
    week_start    TEXT NOT NULL,          -- the Monday of the meeting week
    section       TEXT NOT NULL CHECK (section IN ('上月完成', '本周计划')),
    content       TEXT NOT NULL,
    responsible   TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT '未开始' CHECK (status IN ('未开始', '进行中', '已完成', '滞后')),
    carried_from  TEXT REFERENCES board_item(id),
    sort_order    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_board_week ON board_item(week_start, group_id, section);
CREATE INDEX idx_board_owner ON board_item(owner);

CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,           -- time-ordered, so ORDER BY id is ORDER BY time
    owner       TEXT NOT NULL,
    at          TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import', 'system')),
    table_name  TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX idx_audit_row ON audit_log(table_name, row_id);
CREATE INDEX idx_audit_owner ON audit_log(owner, id);

CREATE TABLE export_log (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL REFERENCES office(code),
    at           TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    sequence     INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    counts_json  TEXT NOT NULL DEFAULT '{}',
    sha256       TEXT NOT NULL,
    drive        TEXT NOT NULL DEFAULT '',
    path         TEXT NOT NULL DEFAULT '',
    received_at  TEXT
);
CREATE INDEX idx_export_log_recipient ON export_log(recipient, sequence);
