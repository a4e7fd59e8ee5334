-- The patrol teams, merchants and community school that roles and the demo refer to;
-- their own issues add schedules, offers and courses.
CREATE TABLE team (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT      NOT NULL REFERENCES community (id),
    name         TEXT        NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE team_grid (
    team_id BIGINT NOT NULL REFERENCES team (id),
    grid_id BIGINT NOT NULL REFERENCES grid (id),
    PRIMARY KEY (team_id, grid_id)
);

CREATE TABLE merchant (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT           NOT NULL REFERENCES community (id),
    name         TEXT             NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
    category     TEXT             NOT NULL CHECK (category ~ '^[A-Z_]{2,30}$'),
    address      TEXT             NOT NULL,
    longitude    DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    latitude     DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    created_at   TIMESTAMPTZ      NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE school (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT NOT NULL UNIQUE REFERENCES community (id),
    name         TEXT   NOT NULL
);

CREATE TABLE team_member (
    team_id    BIGINT      NOT NULL REFERENCES team (id),
    account_id BIGINT      NOT NULL REFERENCES account (id),
    joined_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, account_id)
);

CREATE INDEX team_member_by_account ON team_member (account_id);
