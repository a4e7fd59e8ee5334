-- Keys of the Open311 GeoReport v2 endpoint (/open311/v2/), each issued by an administrator of a
-- community for one city system; requests posted with it are reported in the administrator's name.
-- Only a hash of the key is kept: the key itself is shown once, when it is issued.
CREATE TABLE open311_api_key (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id BIGINT      NOT NULL REFERENCES community (id),
    issued_by    BIGINT      NOT NULL REFERENCES account (id),
    label        TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
    key_hash     TEXT        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    issued_at    TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

CREATE INDEX open311_api_key_community ON open311_api_key (community_id, issued_at);
