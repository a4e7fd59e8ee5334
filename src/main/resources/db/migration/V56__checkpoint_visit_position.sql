-- A checkpoint scan is accepted only near the checkpoint's plaque: the visit keeps where the
-- phone was and how sure it was. Null for visits recorded before scans carried a position.
ALTER TABLE checkpoint_visit
    ADD COLUMN longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN latitude  DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN accuracy  DOUBLE PRECISION CHECK (accuracy > 0);
