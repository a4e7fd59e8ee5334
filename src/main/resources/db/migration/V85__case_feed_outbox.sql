-- The case feed's transactional outbox: every case event is written here in the same transaction
-- as the change to the case (casework.feed.CaseFeed), and a relay appends it to the city's Redis
-- Stream afterwards (casework.feed.CaseFeedRelay). Rows stay after they are relayed, so that a
-- stream Redis lost can be written again from here (docs/casework.md, "The feed").
-- Cases, cities and communities are other tables' (and modules'), so their keys are held without
-- foreign keys: an event outlives nothing it describes, and the outbox is append-only apart from
-- the relay's bookkeeping.
CREATE TABLE case_feed_outbox (
    -- the order events were recorded in; a case's events are recorded one transaction after
    -- another (its row is locked by the change), so this orders each case's events
    sequence     BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- the stable id a consumer keys its work by: the same in the stream however often it is relayed
    event_id     UUID        PRIMARY KEY,
    case_id      BIGINT      NOT NULL,
    city_id      BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL,
    type         TEXT        NOT NULL CHECK (type ~ '^[A-Za-z][A-Za-z0-9_.-]{0,63}$'),
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload      JSONB       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
    -- when the relay last appended it to the city's stream, and the entry's id there; null until then
    relayed_at   TIMESTAMPTZ,
    stream_entry_id TEXT,
    CHECK ((relayed_at IS NULL) = (stream_entry_id IS NULL))
);

-- the relay's work: each city's unrelayed events in order
CREATE INDEX case_feed_outbox_unrelayed ON case_feed_outbox (city_id, sequence) WHERE relayed_at IS NULL;

-- a replay reads a city's events of the stream's retention period in order
CREATE INDEX case_feed_outbox_city ON case_feed_outbox (city_id, occurred_at);
