-- A volunteer may check in again to a shift after checking out (a break, a phone that died);
-- there is still at most one open check-in per volunteer (check_in_one_open).
ALTER TABLE check_in DROP CONSTRAINT check_in_shift_id_account_id_key;
CREATE INDEX check_in_by_shift_and_account ON check_in (shift_id, account_id);

-- The minutes of the shift window (numbered from its start) whose position coverage an
-- attendance counted, so that a later check-in of the same person and shift never counts them
-- again. Empty for attendance recorded before check-in could be repeated.
ALTER TABLE attendance ADD COLUMN counted_minutes INT[] NOT NULL DEFAULT '{}';
