-- What a position report needs of a check-in, handed to the location module by the patrol module
-- when the check-in opens and closes (location.PatrolSessions), so that the hot path never asks
-- the patrol module: a report reads this table at most once per phone while its copy is cached.
-- Check-ins belong to the patrol module, so their keys are held without a foreign key.
CREATE TABLE location_check_in (
    check_in_id    BIGINT      PRIMARY KEY,
    account_id     BIGINT      NOT NULL,
    community_id   BIGINT      NOT NULL,
    team_id        BIGINT      NOT NULL,
    grid_ids       BIGINT[]    NOT NULL,
    window_start   TIMESTAMPTZ NOT NULL,
    window_end     TIMESTAMPTZ NOT NULL CHECK (window_end > window_start),
    checked_in_at  TIMESTAMPTZ NOT NULL,
    checked_out_at TIMESTAMPTZ,
    -- the captain who checked a member without a smartphone in, and reports for them; or null
    reported_by    BIGINT,
    -- when the late-report window after the check-out had passed and the coverage was made final
    coverage_final_at TIMESTAMPTZ
);

-- the closed check-ins whose coverage is not final yet
CREATE INDEX location_check_in_not_final ON location_check_in (checked_out_at) WHERE coverage_final_at IS NULL;

-- a phone's report looks up its account's newest check-in
CREATE INDEX location_check_in_account ON location_check_in (account_id, checked_in_at DESC);

-- the check-ins of before this table, so that patrols open during the upgrade go on reporting
INSERT INTO location_check_in (check_in_id, account_id, community_id, team_id, grid_ids, window_start, window_end,
                               checked_in_at, checked_out_at, reported_by, coverage_final_at)
SELECT c.id, c.account_id, t.community_id, s.team_id,
       coalesce((SELECT array_agg(g.grid_id ORDER BY g.grid_id) FROM shift_grid g WHERE g.shift_id = s.id), '{}'),
       s.starts_at, s.ends_at, c.checked_in_at, c.checked_out_at, c.reported_by,
       CASE WHEN c.checked_out_at IS NOT NULL THEN now() END
FROM check_in c
JOIN shift s ON s.id = c.shift_id
JOIN team t ON t.id = s.team_id;
