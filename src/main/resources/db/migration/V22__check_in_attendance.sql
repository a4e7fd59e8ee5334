-- On-the-spot check-in and check-out, checkpoint visits, attendance with its verification
-- or review, and no-shows.
CREATE TABLE check_in (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id       BIGINT           NOT NULL REFERENCES shift (id),
    account_id     BIGINT           NOT NULL REFERENCES account (id),
    checked_in_at  TIMESTAMPTZ      NOT NULL,
    in_longitude   DOUBLE PRECISION NOT NULL,
    in_latitude    DOUBLE PRECISION NOT NULL,
    in_accuracy    DOUBLE PRECISION NOT NULL,
    -- the captain who checked a member without a smartphone in, or null
    reported_by    BIGINT REFERENCES account (id),
    checked_out_at TIMESTAMPTZ,
    out_longitude  DOUBLE PRECISION,
    out_latitude   DOUBLE PRECISION,
    out_accuracy   DOUBLE PRECISION,
    closed_how     TEXT CHECK (closed_how IN ('SELF', 'CAPTAIN', 'AUTOMATIC')),
    closed_by      BIGINT REFERENCES account (id),
    CHECK ((checked_out_at IS NULL) = (closed_how IS NULL)),
    CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at),
    UNIQUE (shift_id, account_id)
);

-- one open check-in per volunteer: two devices checking in at once give one check-in
CREATE UNIQUE INDEX check_in_one_open ON check_in (account_id) WHERE checked_out_at IS NULL;

CREATE TABLE checkpoint_visit (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checkpoint_id BIGINT      NOT NULL REFERENCES checkpoint (id),
    check_in_id   BIGINT      NOT NULL REFERENCES check_in (id),
    visited_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (checkpoint_id, check_in_id)
);

CREATE TABLE attendance (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_in_id        BIGINT      NOT NULL UNIQUE REFERENCES check_in (id),
    status             TEXT        NOT NULL CHECK (status IN ('VERIFIED', 'IN_REVIEW', 'APPROVED', 'REJECTED')),
    checked_in_minutes INT         NOT NULL CHECK (checked_in_minutes >= 0),
    covered_minutes    INT         NOT NULL CHECK (covered_minutes >= 0),
    review_reason      TEXT CHECK (review_reason IN ('NO_COVERAGE', 'LOW_COVERAGE', 'POSITIONS_OUTSIDE',
                                                     'IMPLAUSIBLE_POSITIONS', 'NO_POSITIONS', 'COVERAGE_INCOMPLETE')),
    verified_minutes   INT CHECK (verified_minutes >= 0),
    decided_at         TIMESTAMPTZ,
    decided_by         BIGINT REFERENCES account (id),
    rejection_reason   TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status IN ('VERIFIED', 'APPROVED')) = (verified_minutes IS NOT NULL)),
    CHECK ((status = 'IN_REVIEW') = (decided_at IS NULL))
);

CREATE INDEX attendance_in_review ON attendance (id) WHERE status = 'IN_REVIEW';

CREATE TABLE no_show (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shift_id     BIGINT      NOT NULL REFERENCES shift (id),
    account_id   BIGINT      NOT NULL REFERENCES account (id),
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    cleared_at   TIMESTAMPTZ,
    cleared_by   BIGINT REFERENCES account (id),
    clear_reason TEXT,
    UNIQUE (shift_id, account_id),
    CHECK ((cleared_at IS NULL) = (clear_reason IS NULL))
);
