-- The audit log (#15): every administrative action and role change, kept in the transaction of the
-- change. invariants: entries are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); an entry
-- names who did what, when, to what, and what mattered about it before and after.
CREATE TABLE audit_entry (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor_id     bigint NOT NULL REFERENCES account (id),
    -- null for what lies above communities (districts, streets)
    community_id bigint REFERENCES community (id),
    action       text NOT NULL CHECK (action ~ '^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$'),
    subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Za-z0-9]*$'),
    subject_id   bigint NOT NULL,
    before       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(before) = 'object'),
    after        jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(after) = 'object')
);

-- an administrator reads their community's log newest first, filtered by action or person
CREATE INDEX audit_entry_community_time ON audit_entry (community_id, at DESC, id DESC);
CREATE INDEX audit_entry_community_actor ON audit_entry (community_id, actor_id, at DESC);
CREATE INDEX audit_entry_community_action ON audit_entry (community_id, action, at DESC);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
