-- A captain edits a recurring schedule from a date on (#15). The version makes two captains'
-- edits of one schedule refuse the later instead of losing the earlier; applies_from keeps the
-- generator from adding shifts of the new form on dates already generated in the old one.
ALTER TABLE shift_schedule
    ADD COLUMN version      BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0),
    ADD COLUMN applies_from DATE;

-- a volunteer is told when a schedule change moves the shift they signed up for
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('SHIFT_CANCELLED', 'SIGNUP_PROMOTED', 'JOIN_APPROVED', 'JOIN_DECLINED', 'TEAM_INVITATION', 'SHIFT_MOVED'));
