-- The secret Open311 media URLs are signed with (casework.Open311Media): one for all instances,
-- made by the first that needs it, so a URL one instance wrote works on every other.
CREATE TABLE open311_media_secret (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    secret BYTEA    NOT NULL CHECK (octet_length(secret) = 32)
);
