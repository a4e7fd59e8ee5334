package org.qibao.geo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GeographyRepository {

	private static final String GRID_COLUMNS = "id, community_id, code, name, boundary::text AS boundary, center_lon, center_lat";

	private final JdbcClient jdbc;

	GeographyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertCity(String name) {
		return insert("INSERT INTO city (name) VALUES (?) RETURNING id", name);
	}

	long insertDistrict(long cityId, String name) {
		return insert("INSERT INTO district (city_id, name) VALUES (?, ?) RETURNING id", cityId, name);
	}

	long insertStreet(long districtId, String name) {
		return insert("INSERT INTO street (district_id, name) VALUES (?, ?) RETURNING id", districtId, name);
	}

	long insertCommunity(long streetId, String name, String timeZone) {
		return insert("INSERT INTO community (street_id, name, time_zone) VALUES (?, ?, ?) RETURNING id", streetId, name,
				timeZone);
	}

	Grid insertGrid(long communityId, String code, String name, String geoJson, Envelope box, GeoPoint center) {
		return this.jdbc.sql("""
				INSERT INTO grid (community_id, code, name, boundary, min_lon, min_lat, max_lon, max_lat, center_lon, center_lat)
				VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
				RETURNING """ + " " + GRID_COLUMNS)
			.params(communityId, code, name, geoJson, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(),
					center.longitude(), center.latitude())
			.query(Grid.class)
			.single();
	}

	Grid updateGrid(long gridId, String code, String name, String geoJson, Envelope box, GeoPoint center) {
		return this.jdbc.sql("""
				UPDATE grid SET code = ?, name = ?, boundary = ?::jsonb, min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?,
				    center_lon = ?, center_lat = ?
				WHERE id = ?
				RETURNING """ + " " + GRID_COLUMNS)
			.params(code, name, geoJson, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), center.longitude(),
					center.latitude(), gridId)
			.query(Grid.class)
			.single();
	}

	/** Locks the community's row until the transaction ends: its grids are drawn one change at a time. False when there is none. */
	boolean lockCommunity(long communityId) {
		return this.jdbc.sql("SELECT id FROM community WHERE id = ? FOR UPDATE").param(communityId).query(Long.class)
			.optional()
			.isPresent();
	}

	boolean gridCodeTaken(long communityId, String code, long exceptGridId) {
		return this.jdbc.sql("SELECT count(*) FROM grid WHERE community_id = ? AND code = ? AND id <> ?")
			.params(communityId, code, exceptGridId)
			.query(Integer.class)
			.single() > 0;
	}

	void renameDistrict(long districtId, String name) {
		this.jdbc.sql("UPDATE district SET name = ? WHERE id = ?").params(name, districtId).update();
	}

	void renameStreet(long streetId, String name) {
		this.jdbc.sql("UPDATE street SET name = ? WHERE id = ?").params(name, streetId).update();
	}

	void updateCommunity(long communityId, String name, String timeZone) {
		this.jdbc.sql("UPDATE community SET name = ?, time_zone = ? WHERE id = ?").params(name, timeZone, communityId).update();
	}

	/** Whether a sibling under the same parent already has this name (the tables' UNIQUE constraints, asked first). */
	boolean nameTaken(String table, String parentColumn, long parentId, String name, long exceptId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + parentColumn + " = ? AND name = ? AND id <> ?)")
			.params(parentId, name, exceptId)
			.query(Boolean.class)
			.single();
	}

	Optional<Long> cityNamed(String name) {
		return this.jdbc.sql("SELECT id FROM city WHERE name = ?").param(name).query(Long.class).optional();
	}

	/** Serialises the first start of a fresh install across instances, until the transaction ends. */
	void lockSetup() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('qibao.setup'))").query((rs, n) -> 1).list();
	}

	List<Place.City> cities() {
		return this.jdbc.sql("SELECT id, name FROM city ORDER BY name").query(Place.City.class).list();
	}

	List<Place.City> cities(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id, name FROM city WHERE id = ANY(?)").param(array(ids)).query(Place.City.class).list();
	}

	List<Place.District> districts(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id, city_id, name FROM district WHERE id = ANY(?)")
			.param(array(ids))
			.query(Place.District.class)
			.list();
	}

	List<Place.District> districtsOfCities(Collection<Long> cityIds) {
		return this.jdbc.sql("SELECT id, city_id, name FROM district WHERE city_id = ANY(?) ORDER BY name")
			.param(array(cityIds))
			.query(Place.District.class)
			.list();
	}

	List<Place.Street> streets(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id, district_id, name FROM street WHERE id = ANY(?)")
			.param(array(ids))
			.query(Place.Street.class)
			.list();
	}

	List<Place.Street> streetsOfDistricts(Collection<Long> districtIds) {
		return this.jdbc.sql("SELECT id, district_id, name FROM street WHERE district_id = ANY(?) ORDER BY name")
			.param(array(districtIds))
			.query(Place.Street.class)
			.list();
	}

	List<Community> communities(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id, street_id, name, time_zone FROM community WHERE id = ANY(?)")
			.param(array(ids))
			.query(Community.class)
			.list();
	}

	List<Community> communitiesOfStreets(Collection<Long> streetIds) {
		return this.jdbc.sql("SELECT id, street_id, name, time_zone FROM community WHERE street_id = ANY(?) ORDER BY name")
			.param(array(streetIds))
			.query(Community.class)
			.list();
	}

	List<Community> communityPage(int offset, int limit) {
		return this.jdbc.sql("SELECT id, street_id, name, time_zone FROM community ORDER BY name, id OFFSET ? LIMIT ?")
			.params(offset, limit)
			.query(Community.class)
			.list();
	}

	Map<Long, Long> citiesOfCommunities(Collection<Long> communityIds) {
		Map<Long, Long> cities = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT c.id, d.city_id FROM community c JOIN street s ON s.id = c.street_id
				JOIN district d ON d.id = s.district_id WHERE c.id = ANY(?)""")
			.param(array(communityIds))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> cities.put(e.getKey(), e.getValue()));
		return cities;
	}

	int communityCount() {
		return this.jdbc.sql("SELECT count(*) FROM community").query(Integer.class).single();
	}

	List<Grid> grids(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + GRID_COLUMNS + " FROM grid WHERE id = ANY(?)")
			.param(array(ids))
			.query(Grid.class)
			.list();
	}

	List<Grid> gridsOfCommunities(Collection<Long> communityIds) {
		return this.jdbc.sql("SELECT " + GRID_COLUMNS + " FROM grid WHERE community_id = ANY(?) ORDER BY code")
			.param(array(communityIds))
			.query(Grid.class)
			.list();
	}

	/** The grids whose bounding box holds the point: the only ones that can contain it. */
	List<Grid> gridsAround(GeoPoint point) {
		return this.jdbc.sql("SELECT " + GRID_COLUMNS
				+ " FROM grid WHERE ? BETWEEN min_lon AND max_lon AND ? BETWEEN min_lat AND max_lat ORDER BY id")
			.params(point.longitude(), point.latitude())
			.query(Grid.class)
			.list();
	}

	private long insert(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static Long[] array(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
