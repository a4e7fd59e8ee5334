-- A captain or a community administrator resets a member's password by handing them a one-time
-- code. Only a hash of the code is kept (bcrypt, like passwords), so a copy of the database does
-- not give anyone a way into an account. Rows stay once used, expired or superseded, so that a
-- second use of a code can be told apart from a wrong one; at most one code per person is open.
CREATE TABLE password_reset_code (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES account (id),
    code_hash     TEXT        NOT NULL,
    issued_by     BIGINT      NOT NULL REFERENCES account (id),
    issued_at     TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    superseded_at TIMESTAMPTZ,
    CHECK (expires_at > issued_at),
    CHECK (used_at IS NULL OR superseded_at IS NULL)
);

CREATE UNIQUE INDEX password_reset_code_one_open ON password_reset_code (account_id)
    WHERE used_at IS NULL AND superseded_at IS NULL;
CREATE INDEX password_reset_code_by_account ON password_reset_code (account_id, issued_at DESC);
