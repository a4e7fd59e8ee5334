-- A grid worker's board holds their grids' cases, those outside every grid and those of grids nobody
-- works: each is a range of this index (a handful of cases) instead of a pass over the community's.
CREATE INDEX grid_case_grid ON grid_case (community_id, grid_id, reported_at);
