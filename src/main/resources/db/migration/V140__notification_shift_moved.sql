-- Schedule editing (V115) and the one notification list (V135) each rewrote the kinds a
-- notification may have; this list holds both: a volunteer is told when a schedule change
-- moves the shift they signed up for.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (
    'SHIFT_CANCELLED', 'SIGNUP_PROMOTED', 'JOIN_APPROVED', 'JOIN_DECLINED', 'TEAM_INVITATION', 'SHIFT_MOVED',
    'ATTENDANCE_APPROVED', 'ATTENDANCE_REJECTED', 'PATROL_MINUTES_CREDITED', 'GIFT_RECEIVED',
    'MERCHANT_APPROVED', 'MERCHANT_REJECTED', 'MERCHANT_SUSPENDED', 'MERCHANT_REINSTATED'));
