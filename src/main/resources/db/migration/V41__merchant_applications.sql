-- Merchant applications: any signed-in person applies for a shop in a community; the community's
-- administrator approves it or rejects it with a reason. The applicant owns the shop: approval
-- makes them its staff (role_assignment MERCHANT_STAFF), and only they add and remove its other
-- staff. Shops created before applications (the demo's) have no owner.

ALTER TABLE merchant DROP CONSTRAINT merchant_status_check;
ALTER TABLE merchant ADD CONSTRAINT merchant_status_check
    CHECK (status IN ('PENDING', 'APPROVED', 'SUSPENDED', 'REJECTED'));

ALTER TABLE merchant
    ADD COLUMN owner_id         BIGINT      REFERENCES account (id),
    ADD COLUMN contact_phone    TEXT        CHECK (contact_phone ~ '^[0-9]{5,20}$'),
    ADD COLUMN applied_at       TIMESTAMPTZ,
    ADD COLUMN decided_at       TIMESTAMPTZ,
    ADD COLUMN decided_by       BIGINT      REFERENCES account (id),
    ADD COLUMN rejection_reason TEXT        CHECK (length(trim(rejection_reason)) BETWEEN 1 AND 200);

-- an application names who applied, when, and how to reach the shop; only a rejection has a reason
ALTER TABLE merchant ADD CONSTRAINT merchant_application_complete
    CHECK ((owner_id IS NULL) = (applied_at IS NULL) AND (owner_id IS NULL) = (contact_phone IS NULL));
ALTER TABLE merchant ADD CONSTRAINT merchant_pending_has_applicant
    CHECK (status <> 'PENDING' OR owner_id IS NOT NULL);
ALTER TABLE merchant ADD CONSTRAINT merchant_rejected_with_reason
    CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL));
ALTER TABLE merchant ADD CONSTRAINT merchant_address_length
    CHECK (length(trim(address)) BETWEEN 1 AND 200) NOT VALID;

-- a rejected application does not hold on to the shop's name: the same shop may apply again
ALTER TABLE merchant DROP CONSTRAINT merchant_community_id_name_key;
CREATE UNIQUE INDEX merchant_live_name ON merchant (community_id, name) WHERE status <> 'REJECTED';

CREATE INDEX merchant_by_owner ON merchant (owner_id) WHERE owner_id IS NOT NULL;
