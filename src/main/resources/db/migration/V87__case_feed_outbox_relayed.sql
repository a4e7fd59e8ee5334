-- The feed's upkeep finds the cities whose streams may hold entries to trim, and the outbox rows
-- old enough to go, by the time they were relayed.
CREATE INDEX case_feed_outbox_relayed ON case_feed_outbox (relayed_at) WHERE relayed_at IS NOT NULL;
