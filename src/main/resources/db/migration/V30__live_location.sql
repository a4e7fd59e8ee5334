-- Live patrol locations: what must outlive Redis. Check-ins belong to the patrol module, so
-- these tables hold their keys without a foreign key (the location module does not own them).

-- The minute coverage of a closed check-in, written once when it closes.
CREATE TABLE patrol_coverage (
    check_in_id           BIGINT      PRIMARY KEY,
    account_id            BIGINT      NOT NULL,
    community_id          BIGINT      NOT NULL,
    covered_minutes       INT[]       NOT NULL,
    accepted_positions    INT         NOT NULL CHECK (accepted_positions >= 0),
    outside_positions     INT         NOT NULL CHECK (outside_positions >= 0),
    implausible_positions INT         NOT NULL CHECK (implausible_positions >= 0),
    complete              BOOLEAN     NOT NULL,
    closed_at             TIMESTAMPTZ NOT NULL
);

-- The raw track of a closed check-in, kept for the retention period and then deleted.
CREATE TABLE patrol_track (
    check_in_id  BIGINT           NOT NULL,
    account_id   BIGINT           NOT NULL,
    community_id BIGINT           NOT NULL,
    recorded_at  TIMESTAMPTZ      NOT NULL,
    longitude    DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    latitude     DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    accuracy     DOUBLE PRECISION NOT NULL CHECK (accuracy > 0),
    inside       BOOLEAN          NOT NULL,
    PRIMARY KEY (check_in_id, recorded_at)
);

CREATE INDEX patrol_track_recorded_at ON patrol_track (recorded_at);

-- Check-ins during which Redis failed: their coverage may miss minutes, so a captain reviews it.
CREATE TABLE live_location_outage (
    check_in_id BIGINT      PRIMARY KEY,
    first_at    TIMESTAMPTZ NOT NULL
);

-- When a once-across-instances job last ran.
CREATE TABLE location_job_run (
    job     TEXT        PRIMARY KEY,
    last_at TIMESTAMPTZ NOT NULL
);
