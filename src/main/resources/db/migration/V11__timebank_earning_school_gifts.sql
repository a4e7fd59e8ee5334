-- What the time bank's ledger is used for: patrol earnings (capped by community policy, the
-- rest kept as honour minutes), community-school courses and enrolments, and gifts.

-- A community's rules; a community without a row uses the defaults of the columns.
CREATE TABLE timebank_policy (
    community_id        BIGINT  PRIMARY KEY REFERENCES community (id),
    daily_earning_cap   INT     NOT NULL DEFAULT 240 CHECK (daily_earning_cap > 0),
    total_earning_cap   INT     CHECK (total_earning_cap > 0),
    gift_max_minutes    INT     NOT NULL DEFAULT 120 CHECK (gift_max_minutes > 0),
    gift_monthly_minutes INT    NOT NULL DEFAULT 300 CHECK (gift_monthly_minutes > 0)
);

-- One row per verified attendance: the key that makes crediting happen at most once.
CREATE TABLE patrol_earning (
    attendance_id    BIGINT      PRIMARY KEY,
    passbook_id      BIGINT      NOT NULL REFERENCES ledger_account (id),
    verified_minutes INT         NOT NULL CHECK (verified_minutes >= 0),
    credited_minutes INT         NOT NULL CHECK (credited_minutes >= 0),
    honour_minutes   INT         NOT NULL CHECK (honour_minutes >= 0),
    earned_on        DATE        NOT NULL,
    verified_at      TIMESTAMPTZ NOT NULL,
    transfer_id      BIGINT      UNIQUE REFERENCES ledger_transfer (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (credited_minutes + honour_minutes = verified_minutes),
    CHECK ((credited_minutes > 0) = (transfer_id IS NOT NULL))
);

CREATE INDEX patrol_earning_by_passbook ON patrol_earning (passbook_id, earned_on);

CREATE TABLE course (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id     BIGINT      NOT NULL REFERENCES school (id),
    title         TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 80),
    starts_at     TIMESTAMPTZ NOT NULL,
    seats         INT         NOT NULL CHECK (seats BETWEEN 1 AND 500),
    seats_taken   INT         NOT NULL DEFAULT 0,
    price_minutes INT         NOT NULL CHECK (price_minutes BETWEEN 1 AND 6000),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT course_not_oversold CHECK (seats_taken BETWEEN 0 AND seats)
);

CREATE INDEX course_by_school ON course (school_id, starts_at);

CREATE TABLE enrolment (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id          BIGINT      NOT NULL REFERENCES course (id),
    account_id         BIGINT      NOT NULL,
    transfer_id        BIGINT      NOT NULL UNIQUE REFERENCES ledger_transfer (id),
    refund_transfer_id BIGINT      UNIQUE REFERENCES ledger_transfer (id),
    enrolled_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    cancelled_at       TIMESTAMPTZ,
    CHECK ((cancelled_at IS NULL) = (refund_transfer_id IS NULL))
);

-- one seat per person and course, while the enrolment stands
CREATE UNIQUE INDEX enrolment_one_per_person ON enrolment (course_id, account_id) WHERE cancelled_at IS NULL;
CREATE INDEX enrolment_by_account ON enrolment (account_id);

CREATE TABLE gift (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT      NOT NULL REFERENCES community (id),
    sender_id    BIGINT      NOT NULL,
    recipient_id BIGINT      NOT NULL,
    minutes      INT         NOT NULL CHECK (minutes > 0),
    note         TEXT        CHECK (length(note) <= 100),
    transfer_id  BIGINT      NOT NULL UNIQUE REFERENCES ledger_transfer (id),
    sent_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (sender_id <> recipient_id)
);

CREATE INDEX gift_by_sender ON gift (sender_id, community_id, sent_at);
