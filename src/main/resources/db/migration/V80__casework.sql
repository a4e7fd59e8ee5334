-- Casework: incident reports moving through the city case workflow (数字化城市管理).
-- invariants: one case per reporter and client report id; a case's stage moves only by a conditional
-- update on its version (exactly one of two concurrent steps wins); its events are append-only.

-- The categories every community starts with; a community's own copy is made the first time
-- casework serves it, and from then on its administrator keeps it.
CREATE TABLE case_category_template (
    service_code           text PRIMARY KEY,
    name_zh                text NOT NULL,
    name_en                text NOT NULL,
    accept_within_minutes  integer NOT NULL,
    resolve_within_minutes integer NOT NULL,
    position               integer NOT NULL
);

INSERT INTO case_category_template VALUES
    ('suspicious-person',  '可疑人员',       'Suspicious person',               30,  1440, 1),
    ('theft',              '盗窃',           'Theft',                           30,  2880, 2),
    ('traffic-hazard',     '交通隐患或事故', 'Traffic hazard or accident',      15,   720, 3),
    ('fire-hazard',        '消防隐患',       'Fire hazard',                     15,   480, 4),
    ('dispute',            '邻里纠纷',       'Dispute',                         60,  4320, 5),
    ('damaged-facility',   '公共设施损坏',   'Damaged public facility',        240, 10080, 6),
    ('resident-help',      '居民求助',       'Resident needing help',           30,  1440, 7),
    ('other',              '其他',           'Other',                          240, 10080, 8);

CREATE TABLE case_category (
    id                     bigserial PRIMARY KEY,
    community_id           bigint NOT NULL REFERENCES community (id),
    service_code           text NOT NULL CHECK (service_code ~ '^[a-z0-9-]{1,40}$'),
    name_zh                text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 40),
    name_en                text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    accept_within_minutes  integer NOT NULL CHECK (accept_within_minutes BETWEEN 5 AND 43200),
    resolve_within_minutes integer NOT NULL CHECK (resolve_within_minutes BETWEEN 5 AND 525600),
    position               integer NOT NULL DEFAULT 100,
    retired_at             timestamptz,
    UNIQUE (community_id, service_code)
);

CREATE TABLE case_department (
    id           bigserial PRIMARY KEY,
    community_id bigint NOT NULL REFERENCES community (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    created_at   timestamptz NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE case_department_member (
    department_id bigint NOT NULL REFERENCES case_department (id),
    account_id    bigint NOT NULL REFERENCES account (id),
    PRIMARY KEY (department_id, account_id)
);
CREATE INDEX case_department_member_account ON case_department_member (account_id);

CREATE TABLE grid_case (
    id                     bigserial PRIMARY KEY,
    community_id           bigint NOT NULL REFERENCES community (id),
    category_id            bigint NOT NULL REFERENCES case_category (id),
    grid_id                bigint REFERENCES grid (id),
    reporter_id            bigint NOT NULL REFERENCES account (id),
    report_key             text NOT NULL,
    description            text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    longitude              double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    latitude               double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    anonymous              boolean NOT NULL,
    reported_at            timestamptz NOT NULL,
    received_at            timestamptz NOT NULL,
    stage                  text NOT NULL CHECK (stage IN ('REPORTED', 'ACCEPTED', 'REJECTED', 'DISPATCHED',
                               'IN_PROGRESS', 'RESOLVED', 'REOPENED', 'VERIFIED', 'CLOSED')),
    version                integer NOT NULL DEFAULT 1,
    accept_due_at          timestamptz NOT NULL,
    resolve_within_minutes integer NOT NULL,
    resolve_due_at         timestamptz,
    accepted_at            timestamptz,
    resolved_at            timestamptz,
    verified_at            timestamptz,
    closed_at              timestamptz,
    handler_account_id     bigint REFERENCES account (id),
    handler_department_id  bigint REFERENCES case_department (id),
    rejection              text CHECK (rejection IN ('DUPLICATE', 'INVALID')),
    duplicate_of_id        bigint REFERENCES grid_case (id),
    rejection_reason       text,
    satisfaction           integer CHECK (satisfaction BETWEEN 1 AND 5),
    reopen_count           integer NOT NULL DEFAULT 0,
    extension_requested    boolean NOT NULL DEFAULT false,
    escalated_at           timestamptz,
    -- the reward for a true report is announced once, even when the case is reopened and verified again
    verified_announced     boolean NOT NULL DEFAULT false,
    UNIQUE (reporter_id, report_key),
    CHECK (handler_account_id IS NULL OR handler_department_id IS NULL),
    CHECK (duplicate_of_id IS NULL OR duplicate_of_id <> id)
);
CREATE INDEX grid_case_board ON grid_case (community_id, stage, reported_at, id);
CREATE INDEX grid_case_reporter ON grid_case (reporter_id, reported_at DESC, id DESC);
CREATE INDEX grid_case_open_due ON grid_case (accept_due_at, resolve_due_at)
    WHERE escalated_at IS NULL AND stage IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED');

-- The timeline: one row per transition or addition, never changed.
CREATE TABLE case_event (
    id        bigserial PRIMARY KEY,
    case_id   bigint NOT NULL REFERENCES grid_case (id),
    kind      text NOT NULL,
    stage     text NOT NULL,
    actor_id  bigint REFERENCES account (id),
    at        timestamptz NOT NULL,
    note      text NOT NULL DEFAULT '',
    photo_ids text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX case_event_case ON case_event (case_id, id);

CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case events are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();

CREATE TABLE case_extension (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES grid_case (id),
    requested_by    bigint NOT NULL REFERENCES account (id),
    requested_until timestamptz NOT NULL,
    reason          text NOT NULL,
    requested_at    timestamptz NOT NULL,
    granted         boolean,
    decided_by      bigint REFERENCES account (id),
    decided_at      timestamptz
);
-- at most one request waits for the administrator per case
CREATE UNIQUE INDEX case_extension_pending ON case_extension (case_id) WHERE granted IS NULL;
CREATE INDEX case_extension_case ON case_extension (case_id, id DESC);

-- In-app messages to reporters that their case moved on.
CREATE TABLE case_notification (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id),
    case_id    bigint NOT NULL REFERENCES grid_case (id),
    event_id   bigint NOT NULL REFERENCES case_event (id),
    kind       text NOT NULL,
    stage      text NOT NULL,
    at         timestamptz NOT NULL,
    UNIQUE (account_id, event_id)
);
CREATE INDEX case_notification_account ON case_notification (account_id, at DESC, id DESC);
