-- The notification list becomes the notification module's, written by patrol, timebank and
-- merchant alike: its messages are worded at read time from language-neutral parameters, a
-- once-key makes a redelivered event tell once, and read_at gives the home screen its badge.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (
    'SHIFT_CANCELLED', 'SIGNUP_PROMOTED', 'JOIN_APPROVED', 'JOIN_DECLINED', 'TEAM_INVITATION',
    'ATTENDANCE_APPROVED', 'ATTENDANCE_REJECTED', 'PATROL_MINUTES_CREDITED', 'GIFT_RECEIVED',
    'MERCHANT_APPROVED', 'MERCHANT_REJECTED', 'MERCHANT_SUSPENDED', 'MERCHANT_REINSTATED'));

ALTER TABLE notification
    ADD COLUMN params   JSONB       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(params) = 'array'),
    ADD COLUMN once_key TEXT,
    ADD COLUMN read_at  TIMESTAMPTZ;

-- the patrol notices kept so far: their team's name and the shift's start in the team's community
UPDATE notification n SET params = jsonb_build_array(
    coalesce((SELECT t.name FROM team t WHERE t.id = n.team_id), ''),
    coalesce((SELECT to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI')
              FROM shift s JOIN team t ON t.id = s.team_id JOIN community c ON c.id = t.community_id
              WHERE s.id = n.shift_id), ''));

CREATE UNIQUE INDEX notification_once ON notification (account_id, once_key) WHERE once_key IS NOT NULL;
CREATE INDEX notification_unread ON notification (account_id) WHERE read_at IS NULL;
