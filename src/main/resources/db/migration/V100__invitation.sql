-- Invitations to join a community (and optionally a team) that a captain, grid worker or
-- administrator makes for a phone number. The short code is kept only as its HMAC-SHA256 under a
-- key derived from the token secret (not in the database), so
-- that a copy of the database does not hand out working codes; the unique index on the hash is
-- also what makes each code unique.
CREATE TABLE invitation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash      TEXT        NOT NULL UNIQUE CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    community_id   BIGINT      NOT NULL REFERENCES community (id),
    team_id        BIGINT      REFERENCES team (id),
    phone          TEXT        NOT NULL CHECK (phone ~ '^[0-9]{5,20}$'),
    display_name   TEXT        NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 60),
    invited_by     BIGINT      NOT NULL REFERENCES account (id),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
    -- who accepted it and when, or who revoked it and when
    decided_at     TIMESTAMPTZ,
    accepted_by    BIGINT      REFERENCES account (id),
    CHECK (expires_at > created_at),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((status = 'ACCEPTED') = (accepted_by IS NOT NULL))
);

CREATE INDEX invitation_pending_by_inviter ON invitation (invited_by, created_at) WHERE status = 'PENDING';
CREATE INDEX invitation_by_community ON invitation (community_id, created_at);
