-- Checkpoints of a recurring schedule (#15): one plaque per place, hung once, valid on every shift the
-- schedule generates. Each generated shift carries a copy (its own row, so a visit names the shift's
-- checkpoint) with the plaque's code; the code is therefore unique per shift, no longer in the table.
CREATE TABLE schedule_checkpoint (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id BIGINT           NOT NULL REFERENCES shift_schedule (id),
    name        TEXT             NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    longitude   DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    latitude    DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    code        TEXT             NOT NULL UNIQUE,
    removed     BOOLEAN          NOT NULL DEFAULT false
);

CREATE INDEX schedule_checkpoint_by_schedule ON schedule_checkpoint (schedule_id) WHERE NOT removed;

ALTER TABLE checkpoint ADD COLUMN schedule_checkpoint_id BIGINT REFERENCES schedule_checkpoint (id);
ALTER TABLE checkpoint DROP CONSTRAINT checkpoint_code_key;
CREATE UNIQUE INDEX checkpoint_code_once_per_shift ON checkpoint (code, shift_id);
