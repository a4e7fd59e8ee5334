-- Team membership with a lifecycle: members join by request (or invitation) and a captain's
-- approval, may leave, and a captain may mark them inactive. Rows are kept for history.
ALTER TABLE team_member
    ADD COLUMN status     TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'LEFT')),
    ADD COLUMN changed_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE TABLE team_join_request (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id     BIGINT      NOT NULL REFERENCES team (id),
    account_id  BIGINT      NOT NULL REFERENCES account (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('REQUEST', 'INVITATION')),
    status      TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  BIGINT      NOT NULL REFERENCES account (id),
    decided_at  TIMESTAMPTZ,
    decided_by  BIGINT REFERENCES account (id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);

-- one open request or invitation per person and team: asking twice cannot create two
CREATE UNIQUE INDEX team_join_request_one_pending ON team_join_request (team_id, account_id) WHERE status = 'PENDING';
