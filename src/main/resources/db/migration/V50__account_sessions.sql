-- Tokens can be ended before they expire, and role changes count from the next request on every
-- instance. Each token carries its account's token generation: raising it (sign out everywhere,
-- a password change) refuses every token issued before. A single token is ended by its ID.
-- roles_version rises with every grant or revoke, so that each instance's cached roles are
-- compared with it on every request instead of being trusted for a while.
ALTER TABLE account
    ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0 CHECK (token_generation >= 0),
    ADD COLUMN roles_version    BIGINT  NOT NULL DEFAULT 0 CHECK (roles_version >= 0);

CREATE TABLE revoked_token (
    token_id   UUID        PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    -- after this the token is refused anyway, and the row can go
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX revoked_token_by_expiry ON revoked_token (expires_at);
