-- Recurring schedules, the concrete shifts they generate (or one-off shifts), checkpoints,
-- sign-ups with an ordered waitlist, and notifications to volunteers.
CREATE TABLE shift_schedule (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id        BIGINT      NOT NULL REFERENCES team (id),
    grid_ids       BIGINT[]    NOT NULL CHECK (cardinality(grid_ids) >= 1),
    weekdays       INT[]       NOT NULL CHECK (cardinality(weekdays) >= 1 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]),
    start_time     TIME        NOT NULL,
    end_time       TIME        NOT NULL CHECK (end_time > start_time),
    min_patrollers INT         NOT NULL CHECK (min_patrollers >= 1),
    max_patrollers INT         NOT NULL CHECK (max_patrollers >= min_patrollers AND max_patrollers <= 100),
    active         BOOLEAN     NOT NULL DEFAULT true,
    created_by     BIGINT      NOT NULL REFERENCES account (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE shift (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id        BIGINT      NOT NULL REFERENCES team (id),
    schedule_id    BIGINT REFERENCES shift_schedule (id),
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    min_patrollers INT         NOT NULL CHECK (min_patrollers >= 1),
    max_patrollers INT         NOT NULL CHECK (max_patrollers >= min_patrollers AND max_patrollers <= 100),
    status         TEXT        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    cancel_reason  TEXT,
    closed         BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a schedule generates each of its shifts once, however many instances run the generator
    UNIQUE (schedule_id, starts_at)
);

CREATE INDEX shift_by_team_and_start ON shift (team_id, starts_at);
CREATE INDEX shift_open_by_end ON shift (ends_at) WHERE NOT closed;

CREATE TABLE shift_grid (
    shift_id BIGINT NOT NULL REFERENCES shift (id),
    grid_id  BIGINT NOT NULL REFERENCES grid (id),
    PRIMARY KEY (shift_id, grid_id)
);

CREATE TABLE checkpoint (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id  BIGINT           NOT NULL REFERENCES shift (id),
    name      TEXT             NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    longitude DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    latitude  DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    -- the QR payload printed on the plaque: random and opaque, so it cannot be guessed
    code      TEXT             NOT NULL UNIQUE
);

CREATE TABLE shift_signup (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id     BIGINT      NOT NULL REFERENCES shift (id),
    account_id   BIGINT      NOT NULL REFERENCES account (id),
    status       TEXT        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    signed_up_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    cancelled_at TIMESTAMPTZ
);

CREATE UNIQUE INDEX shift_signup_one_active ON shift_signup (shift_id, account_id) WHERE status <> 'CANCELLED';
CREATE INDEX shift_signup_by_account ON shift_signup (account_id) WHERE status <> 'CANCELLED';

CREATE TABLE notification (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    kind       TEXT        NOT NULL CHECK (kind IN ('SHIFT_CANCELLED', 'SIGNUP_PROMOTED', 'JOIN_APPROVED', 'JOIN_DECLINED', 'TEAM_INVITATION')),
    shift_id   BIGINT REFERENCES shift (id),
    team_id    BIGINT REFERENCES team (id),
    detail     TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX notification_by_account ON notification (account_id, id DESC);

CREATE TABLE calendar_feed (
    account_id BIGINT PRIMARY KEY REFERENCES account (id),
    token      TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
