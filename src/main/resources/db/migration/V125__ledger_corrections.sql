-- Corrections of the time bank's ledger by a community's administrators: a reversal of an
-- earlier transfer, or an adjustment of a passbook from or to the community's issuing account.
-- A correction is never an edit: it is a request that, once applied, points at the new
-- transfer it made. Above the community's threshold a second administrator must approve it.

ALTER TABLE timebank_policy
    ADD COLUMN correction_approval_threshold INT NOT NULL DEFAULT 120
        CHECK (correction_approval_threshold BETWEEN 0 AND 6000);

CREATE TABLE ledger_correction (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id         BIGINT      NOT NULL REFERENCES community (id),
    kind                 TEXT        NOT NULL CHECK (kind IN ('ADJUSTMENT', 'REVERSAL')),
    status               TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPLIED', 'REFUSED')),
    from_account_id      BIGINT      NOT NULL REFERENCES ledger_account (id),
    to_account_id        BIGINT      NOT NULL REFERENCES ledger_account (id),
    minutes              BIGINT      NOT NULL CHECK (minutes > 0),
    -- the volunteer whose passbook the correction touches, and by how much (signed), when it touches one
    passbook_owner_id    BIGINT,
    passbook_minutes     BIGINT      NOT NULL DEFAULT 0,
    reverses_transfer_id BIGINT      REFERENCES ledger_transfer (id),
    reason               TEXT        NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200),
    needs_approval       BOOLEAN     NOT NULL,
    requested_by         BIGINT      NOT NULL,
    requested_at         TIMESTAMPTZ NOT NULL,
    decided_by           BIGINT,
    decided_at           TIMESTAMPTZ,
    transfer_id          BIGINT      UNIQUE REFERENCES ledger_transfer (id),
    idempotency_key      TEXT        UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 250),
    CHECK (from_account_id <> to_account_id),
    CHECK ((kind = 'REVERSAL') = (reverses_transfer_id IS NOT NULL)),
    CHECK ((status = 'APPLIED') = (transfer_id IS NOT NULL)),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
    -- four eyes: who asked never approves
    CONSTRAINT ledger_correction_four_eyes CHECK (NOT needs_approval OR status <> 'APPLIED' OR decided_by <> requested_by)
);

-- a transfer is reversed at most once: one reversal asked for or made, refused ones aside
CREATE UNIQUE INDEX ledger_correction_one_reversal ON ledger_correction (reverses_transfer_id) WHERE status <> 'REFUSED';
CREATE INDEX ledger_correction_by_community ON ledger_correction (community_id, status, id);

-- A correction is decided once: only a pending one changes, and only its decision.
CREATE FUNCTION ledger_correction_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'ledger corrections are never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status <> 'PENDING' OR NEW.kind <> OLD.kind OR NEW.minutes <> OLD.minutes
            OR NEW.from_account_id <> OLD.from_account_id OR NEW.to_account_id <> OLD.to_account_id
            OR NEW.reason <> OLD.reason OR NEW.requested_by <> OLD.requested_by THEN
        RAISE EXCEPTION 'correction % is decided or its terms would change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_correction_decided_once BEFORE UPDATE OR DELETE ON ledger_correction
    FOR EACH ROW EXECUTE FUNCTION ledger_correction_decided_once();
