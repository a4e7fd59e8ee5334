-- A city administrator (CITY_ADMINISTRATOR) holds a city: the role above a community's
-- administrators, who draws the city's districts, streets and communities.
ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_role_check;
ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check
    CHECK (role IN ('VOLUNTEER', 'CAPTAIN', 'GRID_WORKER', 'MERCHANT_STAFF', 'ADMINISTRATOR', 'CITY_ADMINISTRATOR'));
