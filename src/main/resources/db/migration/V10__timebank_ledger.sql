-- The time bank's double-entry minute ledger. The database is the backstop for every
-- invariant: entries and transfers are append-only, an account's balance moves only with an
-- entry (and its held minutes only with a hold), no account but an issuing one goes below
-- zero counting holds, each transfer's two entries sum to zero, and an idempotency key is
-- used at most once.

CREATE TABLE ledger_account (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('PASSBOOK', 'ISSUING', 'SCHOOL', 'MERCHANT')),
    community_id   BIGINT      NOT NULL REFERENCES community (id),
    -- the person (PASSBOOK), the community (ISSUING), the school (SCHOOL) or the merchant (MERCHANT)
    owner_id       BIGINT      NOT NULL,
    balance        BIGINT      NOT NULL DEFAULT 0,
    held           BIGINT      NOT NULL DEFAULT 0 CHECK (held >= 0),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, community_id, owner_id),
    CONSTRAINT ledger_account_not_overdrawn CHECK (kind = 'ISSUING' OR balance - held >= 0)
);

CREATE TABLE ledger_hold (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      BIGINT      NOT NULL REFERENCES ledger_account (id),
    minutes         BIGINT      NOT NULL CHECK (minutes > 0),
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CAPTURED', 'RELEASED', 'EXPIRED')),
    reference       TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    idempotency_key TEXT        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 250),
    content_hash    TEXT        NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at      TIMESTAMPTZ,
    CHECK ((status = 'OPEN') = (settled_at IS NULL))
);

CREATE INDEX ledger_hold_open_by_expiry ON ledger_hold (expires_at) WHERE status = 'OPEN';

-- a hold is captured into exactly one transfer: UNIQUE (hold_id)
CREATE TABLE ledger_transfer (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('PATROL_EARNING', 'SCHOOL_ENROLMENT', 'GIFT',
                                                         'MERCHANT_REDEMPTION', 'REVERSAL', 'ADJUSTMENT')),
    from_account_id BIGINT      NOT NULL REFERENCES ledger_account (id),
    to_account_id   BIGINT      NOT NULL REFERENCES ledger_account (id),
    minutes         BIGINT      NOT NULL CHECK (minutes > 0),
    reference       TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    actor_id        BIGINT,
    idempotency_key TEXT        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 250),
    content_hash    TEXT        NOT NULL,
    reversal_of     BIGINT      UNIQUE REFERENCES ledger_transfer (id),
    hold_id         BIGINT      UNIQUE REFERENCES ledger_hold (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (from_account_id <> to_account_id),
    CHECK ((kind = 'REVERSAL') = (reversal_of IS NOT NULL))
);

CREATE INDEX ledger_transfer_by_created ON ledger_transfer (created_at);

CREATE TABLE ledger_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transfer_id   BIGINT      NOT NULL REFERENCES ledger_transfer (id),
    account_id    BIGINT      NOT NULL REFERENCES ledger_account (id),
    minutes       BIGINT      NOT NULL CHECK (minutes <> 0),
    -- the account's balance just after this entry: the passbook's running balance
    balance_after BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (transfer_id, account_id)
);

CREATE INDEX ledger_entry_by_account ON ledger_entry (account_id, id);


-- Append-only: transfers and entries are never changed or removed; corrections are reversals.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER ledger_transfer_append_only BEFORE UPDATE OR DELETE ON ledger_transfer
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_transfer_no_truncate BEFORE TRUNCATE ON ledger_transfer
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- An entry moves its account's balance in the same statement and records the running balance,
-- so a balance can never drift from the sum of its entries.
CREATE FUNCTION ledger_entry_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ledger_account SET balance = balance + NEW.minutes WHERE id = NEW.account_id
        RETURNING balance INTO NEW.balance_after;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no ledger account %', NEW.account_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_entry_post BEFORE INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_post();

-- A transfer is exactly two entries that sum to zero, checked when the transaction commits.
CREATE FUNCTION ledger_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total   BIGINT;
    entries INT;
BEGIN
    SELECT coalesce(sum(minutes), 0), count(*) INTO total, entries FROM ledger_entry WHERE transfer_id = NEW.transfer_id;
    IF total <> 0 OR entries <> 2 THEN
        RAISE EXCEPTION 'transfer % is unbalanced: % entries summing to %', NEW.transfer_id, entries, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_transfer_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balanced();

-- A hold moves its account's held minutes when it opens and when it is settled; a settled
-- hold never changes again.
CREATE FUNCTION ledger_hold_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'holds are never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'OPEN' THEN
            RAISE EXCEPTION 'a hold starts open' USING ERRCODE = 'check_violation';
        END IF;
        UPDATE ledger_account SET held = held + NEW.minutes WHERE id = NEW.account_id;
        RETURN NEW;
    END IF;
    IF OLD.status <> 'OPEN' OR NEW.account_id <> OLD.account_id OR NEW.minutes <> OLD.minutes
            OR NEW.idempotency_key <> OLD.idempotency_key OR NEW.content_hash <> OLD.content_hash THEN
        RAISE EXCEPTION 'hold % is settled or its terms would change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.status <> 'OPEN' THEN
        UPDATE ledger_account SET held = held - OLD.minutes WHERE id = OLD.account_id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_hold_track BEFORE INSERT OR UPDATE OR DELETE ON ledger_hold
    FOR EACH ROW EXECUTE FUNCTION ledger_hold_track();

-- Balances and held minutes are written only by the triggers above (nested trigger depth),
-- never by a statement of their own.
CREATE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'ledger accounts are never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (NEW.balance <> OLD.balance OR NEW.held <> OLD.held) AND pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'balances move only with entries and holds' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.kind <> OLD.kind OR NEW.community_id <> OLD.community_id OR NEW.owner_id <> OLD.owner_id THEN
        RAISE EXCEPTION 'a ledger account keeps its owner' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_account_guard BEFORE UPDATE OR DELETE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_account_guard();

CREATE FUNCTION ledger_account_opens_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.balance <> 0 OR NEW.held <> 0 THEN
        RAISE EXCEPTION 'a ledger account opens empty' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_account_opens_empty BEFORE INSERT ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_account_opens_empty();
