-- Merchant discounts: a merchant's standing with its community, its offers, and the one-time
-- codes through which volunteers redeem them. The database is the backstop: a live short code
-- is unique per merchant, a redemption settles once (ISSUED to one final status).

-- merchants that existed before (the demo's) were approved when they were created
ALTER TABLE merchant ADD COLUMN status TEXT NOT NULL DEFAULT 'APPROVED'
    CHECK (status IN ('PENDING', 'APPROVED', 'SUSPENDED'));

CREATE TABLE merchant_offer (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id   BIGINT      NOT NULL REFERENCES merchant (id),
    title         TEXT        NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
    description   TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    discount      TEXT        NOT NULL CHECK (length(trim(discount)) BETWEEN 1 AND 80),
    price_minutes INT         NOT NULL CHECK (price_minutes BETWEEN 1 AND 6000),
    valid_from    TIMESTAMPTZ NOT NULL,
    valid_until   TIMESTAMPTZ NOT NULL,
    daily_limit   INT         CHECK (daily_limit > 0),
    monthly_limit INT         CHECK (monthly_limit > 0),
    stock         INT         CHECK (stock >= 0),
    status        TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (valid_until > valid_from)
);

CREATE INDEX merchant_offer_by_merchant ON merchant_offer (merchant_id);

CREATE TABLE redemption (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id        BIGINT      NOT NULL REFERENCES merchant_offer (id),
    merchant_id     BIGINT      NOT NULL REFERENCES merchant (id),
    community_id    BIGINT      NOT NULL REFERENCES community (id),
    volunteer_id    BIGINT      NOT NULL REFERENCES account (id),
    minutes         INT         NOT NULL CHECK (minutes > 0),
    -- the time bank's hold on the volunteer's minutes (its own module's table)
    hold_id         BIGINT      NOT NULL UNIQUE,
    token           TEXT        NOT NULL UNIQUE CHECK (length(token) >= 32),
    short_code      TEXT        NOT NULL CHECK (short_code ~ '^[A-Z0-9]{6}$'),
    idempotency_key TEXT        NOT NULL UNIQUE,
    status          TEXT        NOT NULL DEFAULT 'ISSUED'
                                CHECK (status IN ('ISSUED', 'REDEEMED', 'CANCELLED', 'EXPIRED')),
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at      TIMESTAMPTZ,
    confirmed_by    BIGINT      REFERENCES account (id),
    transfer_id     BIGINT      UNIQUE,
    CHECK ((status = 'ISSUED') = (settled_at IS NULL)),
    CHECK ((status = 'REDEEMED') = (confirmed_by IS NOT NULL))
);

-- a short code names one live code at its merchant
CREATE UNIQUE INDEX redemption_live_short_code ON redemption (merchant_id, short_code) WHERE status = 'ISSUED';
CREATE INDEX redemption_issued_by_expiry ON redemption (expires_at) WHERE status = 'ISSUED';
CREATE INDEX redemption_by_offer_volunteer ON redemption (offer_id, volunteer_id, created_at);
CREATE INDEX redemption_by_merchant ON redemption (merchant_id, settled_at);
