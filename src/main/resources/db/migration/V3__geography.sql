-- City → district → street → community → grid. A grid's boundary is GeoJSON (WGS84);
-- its bounding box narrows point-in-polygon tests to the few grids that can match.
CREATE TABLE city (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE district (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city_id BIGINT NOT NULL REFERENCES city (id),
    name    TEXT   NOT NULL,
    UNIQUE (city_id, name)
);

CREATE TABLE street (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id BIGINT NOT NULL REFERENCES district (id),
    name        TEXT   NOT NULL,
    UNIQUE (district_id, name)
);

CREATE TABLE community (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    street_id BIGINT NOT NULL REFERENCES street (id),
    name      TEXT   NOT NULL,
    time_zone TEXT   NOT NULL DEFAULT 'Asia/Shanghai',
    UNIQUE (street_id, name)
);

CREATE TABLE grid (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT           NOT NULL REFERENCES community (id),
    code         TEXT             NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
    name         TEXT             NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    boundary     JSONB            NOT NULL,
    min_lon      DOUBLE PRECISION NOT NULL CHECK (min_lon BETWEEN -180 AND 180),
    min_lat      DOUBLE PRECISION NOT NULL CHECK (min_lat BETWEEN -90 AND 90),
    max_lon      DOUBLE PRECISION NOT NULL CHECK (max_lon BETWEEN -180 AND 180),
    max_lat      DOUBLE PRECISION NOT NULL CHECK (max_lat BETWEEN -90 AND 90),
    center_lon   DOUBLE PRECISION NOT NULL,
    center_lat   DOUBLE PRECISION NOT NULL,
    UNIQUE (community_id, code),
    CHECK (min_lon <= max_lon AND min_lat <= max_lat)
);

CREATE INDEX grid_by_box ON grid (min_lon, max_lon, min_lat, max_lat);
