-- Accounts sign in with a phone number and password; roles are scoped to the object they
-- apply to (a community, team, grid or merchant).
CREATE TABLE account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone         TEXT        NOT NULL UNIQUE CHECK (phone ~ '^[0-9]{5,20}$'),
    display_name  TEXT        NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 60),
    password_hash TEXT        NOT NULL,
    locale        TEXT        NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE role_assignment (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id),
    role       TEXT        NOT NULL CHECK (role IN ('VOLUNTEER', 'CAPTAIN', 'GRID_WORKER', 'MERCHANT_STAFF', 'ADMINISTRATOR')),
    scope_id   BIGINT      NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, role, scope_id)
);

CREATE INDEX role_assignment_by_scope ON role_assignment (role, scope_id);
