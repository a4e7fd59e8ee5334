-- A roster the community office uploaded, read and checked but not yet applied: the preview
-- its administrator looks at before choosing to apply it. The rows are kept as read (JSON), each
-- with its errors; applying stamps applied_at, once, so that applying twice does nothing more.
-- Previews expire; an unapplied one past its expiry is refused and may be deleted.
CREATE TABLE roster_import (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id  BIGINT      NOT NULL REFERENCES community (id),
    uploaded_by   BIGINT      NOT NULL REFERENCES account (id),
    file_name     TEXT        NOT NULL CHECK (length(file_name) <= 255),
    rows          JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    applied_at    TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);

CREATE INDEX roster_import_by_community ON roster_import (community_id, created_at);

-- the invitations a roster's application made, so that the screen can list them afterwards
ALTER TABLE invitation ADD COLUMN roster_import_id BIGINT REFERENCES roster_import (id);
CREATE INDEX invitation_by_roster_import ON invitation (roster_import_id) WHERE roster_import_id IS NOT NULL;
