-- Gamification keeps its own copy of the verified facts it hears about (events from patrol,
-- casework, the time bank), so that points, badges, streaks and leaderboards can be recomputed
-- from its tables alone, without reading another module's.

-- Where a community lies (street, city) and its time zone, as geography told us.
CREATE TABLE gamification_community (
    community_id BIGINT PRIMARY KEY,
    street_id    BIGINT NOT NULL,
    city_id      BIGINT NOT NULL,
    time_zone    TEXT   NOT NULL
);

-- One verified patrol (attendance), with what gamification needs to recognise it.
CREATE TABLE patrol_fact (
    attendance_id    BIGINT PRIMARY KEY,
    account_id       BIGINT      NOT NULL,
    community_id     BIGINT      NOT NULL,
    team_id          BIGINT,
    grid_ids         BIGINT[]    NOT NULL DEFAULT '{}',
    -- when the patrol happened: the check-in, or the verification when the check-in is not known
    patrolled_at     TIMESTAMPTZ NOT NULL,
    shift_starts_at  TIMESTAMPTZ,
    checked_out_at   TIMESTAMPTZ,
    verified_minutes INT         NOT NULL CHECK (verified_minutes >= 0),
    checkpoints      INT         NOT NULL DEFAULT 0 CHECK (checkpoints >= 0),
    -- the captain who checked the member in (a proxy patrol), or null
    proxied_by       BIGINT,
    verified_at      TIMESTAMPTZ NOT NULL,
    reversed_at      TIMESTAMPTZ
);

CREATE INDEX patrol_fact_by_account ON patrol_fact (account_id, patrolled_at);
CREATE INDEX patrol_fact_by_community ON patrol_fact (community_id, patrolled_at);
CREATE INDEX patrol_fact_by_proxy ON patrol_fact (proxied_by) WHERE proxied_by IS NOT NULL;
CREATE INDEX patrol_fact_by_grid ON patrol_fact USING gin (grid_ids);

-- One incident report verified by a grid worker.
CREATE TABLE report_fact (
    case_id      BIGINT PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL,
    grid_id      BIGINT,
    verified_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX report_fact_by_account ON report_fact (account_id);

-- The points ledger: append-only; an event delivered twice awards once (the UNIQUE key), and a
-- reversal is a new negative entry that names the entry it takes back.
CREATE TABLE points_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL,
    street_id    BIGINT      NOT NULL,
    city_id      BIGINT      NOT NULL,
    team_id      BIGINT,
    source       TEXT        NOT NULL CHECK (source IN ('PATROL', 'CHECKPOINTS', 'PROXY_PATROL', 'VERIFIED_REPORT',
                                                        'GIFT', 'REVERSAL')),
    -- the attendance, case or gift; for a reversal, the entry it takes back
    source_id    BIGINT      NOT NULL,
    points       INT         NOT NULL,
    -- when it was written
    recorded_at  TIMESTAMPTZ NOT NULL,
    -- when the activity happened: decides the week and month boards and the tie order;
    -- a reversal keeps its entry's, so it comes off the same boards
    counts_at    TIMESTAMPTZ NOT NULL,
    -- the week and month of counts_at in the community's time zone, e.g. 2026-W49 and 2026-12
    counts_week  TEXT        NOT NULL,
    counts_month TEXT        NOT NULL,
    UNIQUE (source, source_id, account_id),
    CHECK (CASE WHEN source = 'REVERSAL' THEN points <= 0 ELSE points >= 0 END)
);

CREATE INDEX points_entry_by_account ON points_entry (account_id, community_id, id);
CREATE INDEX points_entry_by_city ON points_entry (city_id);

CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the points ledger is append-only: % is not allowed', TG_OP;
END $$;

CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();

-- Levels: rows without a community are the standard ladder a community starts with.
CREATE TABLE gamification_level (
    community_id BIGINT,
    number       INT  NOT NULL CHECK (number >= 1),
    threshold    INT  NOT NULL CHECK (threshold >= 0),
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (community_id, number)
);

INSERT INTO gamification_level (community_id, number, threshold, name_zh, name_en) VALUES
    (NULL, 1, 0, '新手巡逻员', 'Newcomer'),
    (NULL, 2, 600, '巡逻员', 'Patroller'),
    (NULL, 3, 3000, '守望者', 'Watcher'),
    (NULL, 4, 12000, '老街坊', 'Neighbourhood keeper'),
    (NULL, 5, 30000, '社区之星', 'Community star'),
    (NULL, 6, 60000, '平安卫士', 'Guardian of the peace');

-- Badges as data. Rows without a community are the standard set a community starts with.
CREATE TABLE badge (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id       BIGINT,
    key                TEXT    NOT NULL CHECK (key ~ '^[a-z0-9-]{1,40}$'),
    name_zh            TEXT    NOT NULL,
    name_en            TEXT    NOT NULL,
    description_zh     TEXT    NOT NULL,
    description_en     TEXT    NOT NULL,
    metric             TEXT    NOT NULL,
    threshold          INT     NOT NULL CHECK (threshold >= 1),
    time_window        TEXT    NOT NULL,
    before_time        TIME,
    weekday            INT CHECK (weekday BETWEEN 1 AND 7),
    active             BOOLEAN NOT NULL DEFAULT true,
    -- raised by every change of the rule; the past is evaluated once per version
    rule_version       INT     NOT NULL DEFAULT 1,
    backfilled_version INT     NOT NULL DEFAULT 0,
    UNIQUE NULLS NOT DISTINCT (community_id, key)
);

INSERT INTO badge (community_id, key, name_zh, name_en, description_zh, description_en, metric, threshold, time_window,
                   before_time, weekday) VALUES
    (NULL, 'first-patrol', '第一次巡逻', 'First patrol', '完成第一次经核实的巡逻。', 'Completed a first verified patrol.',
     'PATROLS', 1, 'ALL_TIME', NULL, NULL),
    (NULL, 'hours-10', '巡逻10小时', '10 hours', '经核实的巡逻累计10小时。', 'Ten hours of verified patrol.',
     'VERIFIED_PATROL_MINUTES', 600, 'ALL_TIME', NULL, NULL),
    (NULL, 'hours-50', '巡逻50小时', '50 hours', '经核实的巡逻累计50小时。', 'Fifty hours of verified patrol.',
     'VERIFIED_PATROL_MINUTES', 3000, 'ALL_TIME', NULL, NULL),
    (NULL, 'hours-100', '巡逻100小时', '100 hours', '经核实的巡逻累计100小时。', 'A hundred hours of verified patrol.',
     'VERIFIED_PATROL_MINUTES', 6000, 'ALL_TIME', NULL, NULL),
    (NULL, 'hours-500', '巡逻500小时', '500 hours', '经核实的巡逻累计500小时。', 'Five hundred hours of verified patrol.',
     'VERIFIED_PATROL_MINUTES', 30000, 'ALL_TIME', NULL, NULL),
    (NULL, 'early-bird', '早起的鸟儿', 'Early bird', '十次在早上7点前开始的巡逻。', 'Ten patrols starting before 7 in the morning.',
     'PATROLS_STARTING_BEFORE', 10, 'ALL_TIME', '07:00', NULL),
    (NULL, 'year-of-sundays', '一年的星期天', 'A year of Sundays', '一个日历年里在52个星期天巡逻。',
     'Patrolled on 52 Sundays of one calendar year.', 'PATROL_DAYS_ON_WEEKDAY', 52, 'CALENDAR_YEAR', NULL, 7),
    (NULL, 'sharp-eyes', '火眼金睛', 'Sharp eyes', '五次上报的事件经网格员核实。', 'Five incident reports verified by a grid worker.',
     'VERIFIED_REPORTS', 5, 'ALL_TIME', NULL, NULL),
    (NULL, 'mentor', '热心带队人', 'Mentor', '为没有手机的队员代签到十次巡逻。', 'Checked in members without a phone for ten patrols.',
     'PROXY_PATROLS', 10, 'ALL_TIME', NULL, NULL);

-- A badge earned: once per badge, person and window (e.g. "2026" for a calendar-year badge, "all").
CREATE TABLE badge_award (
    badge_id   BIGINT      NOT NULL REFERENCES badge (id),
    account_id BIGINT      NOT NULL,
    window_key TEXT        NOT NULL,
    earned_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (badge_id, account_id, window_key)
);

CREATE INDEX badge_award_by_account ON badge_award (account_id);

-- Weeks a captain excused from a member's streak (illness, travel).
CREATE TABLE streak_pause (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT      NOT NULL,
    team_id      BIGINT      NOT NULL,
    account_id   BIGINT      NOT NULL,
    from_day     DATE        NOT NULL,
    until_day    DATE        NOT NULL,
    reason       TEXT        NOT NULL,
    set_by       BIGINT      NOT NULL,
    set_at       TIMESTAMPTZ NOT NULL,
    CHECK (from_day <= until_day)
);

CREATE INDEX streak_pause_by_account ON streak_pause (account_id, community_id);

-- Volunteers who hide their name on public leaderboards.
CREATE TABLE leaderboard_name_hidden (
    account_id BIGINT PRIMARY KEY,
    hidden_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE community_goal (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT NOT NULL,
    month        DATE   NOT NULL CHECK (extract(day FROM month) = 1),
    metric       TEXT   NOT NULL CHECK (metric IN ('VERIFIED_PATROL_MINUTES', 'PATROLS', 'VERIFIED_REPORTS')),
    target       INT    NOT NULL CHECK (target BETWEEN 1 AND 10000000),
    title_zh     TEXT   NOT NULL,
    title_en     TEXT   NOT NULL,
    UNIQUE (community_id, month, metric)
);

-- Implausible patterns for the captain's review queue; one flag per pattern and subject.
CREATE TABLE review_flag (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('OVERLAPPING_ATTENDANCE', 'PROXY_ABOVE_USUAL')),
    account_id   BIGINT      NOT NULL,
    team_id      BIGINT,
    community_id BIGINT      NOT NULL,
    subject      TEXT        NOT NULL,
    detail       TEXT        NOT NULL,
    flagged_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, account_id, subject)
);

CREATE INDEX review_flag_by_team ON review_flag (team_id, id);
