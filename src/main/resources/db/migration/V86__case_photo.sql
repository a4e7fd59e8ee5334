-- Photos of cases (casework.photo): uploaded first, re-encoded as JPEG without metadata, and
-- attached to a case when the report (or a handler's feedback) is filed. Kept in PostgreSQL so
-- that every instance serves them; a photo never attached is deleted after a day.
-- Cases belong to the casework core's tables, which may be written later in the same module, so
-- the case is held without a foreign key.
CREATE TABLE case_photo (
    id           UUID        PRIMARY KEY,
    uploaded_by  BIGINT      NOT NULL REFERENCES account (id),
    uploaded_at  TIMESTAMPTZ NOT NULL,
    case_id      BIGINT,
    attached_at  TIMESTAMPTZ,
    content_type TEXT        NOT NULL CHECK (content_type = 'image/jpeg'),
    width        INT         NOT NULL CHECK (width BETWEEN 1 AND 10000),
    height       INT         NOT NULL CHECK (height BETWEEN 1 AND 10000),
    bytes        BYTEA       NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 20971520),
    CHECK ((case_id IS NULL) = (attached_at IS NULL))
);

-- a case's photos, in the order they were attached
CREATE INDEX case_photo_case ON case_photo (case_id, attached_at) WHERE case_id IS NOT NULL;

-- the unattached photos a person uploaded (and the clean-up of those never attached)
CREATE INDEX case_photo_unattached ON case_photo (uploaded_by, uploaded_at) WHERE case_id IS NULL;
