-- The KPI screen reads a community's cases month by month, by when they were reported: each month
-- is a range of this index instead of a pass over all the community's cases for every month asked.
CREATE INDEX grid_case_reported ON grid_case (community_id, reported_at);
