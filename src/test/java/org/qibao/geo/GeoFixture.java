package org.qibao.geo;

import java.util.Map;
import java.util.Set;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;

/**
 * A city of its own for one test (city, district, street, community), away from the demo and
 * from other tests, with its city administrator and the community's administrator.
 */
record GeoFixture(long cityId, long districtId, long streetId, long communityId, Account cityAdministrator,
		Account administrator, double originLon, double originLat) {

	static GeoFixture create(Geography geography, Accounts accounts) {
		String unique = Long.toString(System.nanoTime(), 36);
		long city = geography.createCity("测试市" + unique);
		long district = geography.createDistrict(city, "测试区");
		long street = geography.createStreet(district, "测试街道");
		long community = geography.createCommunity(street, "测试社区", "Asia/Shanghai");
		Account cityAdministrator = accounts.register(Clients.uniquePhone(), "市管理员", Clients.DEMO_PASSWORD, "zh-CN");
		accounts.grant(cityAdministrator.id(), Role.CITY_ADMINISTRATOR, city);
		Account administrator = accounts.register(Clients.uniquePhone(), "社区书记", Clients.DEMO_PASSWORD, "zh-CN");
		accounts.grant(administrator.id(), Role.ADMINISTRATOR, community);
		accounts.grant(administrator.id(), Role.VOLUNTEER, community);
		// a place of its own on the globe: grids of other runs never lie near
		double lon = 20 + (System.nanoTime() % 1_000_000) / 10_000.0;
		double lat = -40 - (System.nanoTime() % 997) / 100.0;
		return new GeoFixture(city, district, street, community, cityAdministrator, administrator, lon, lat);
	}

	Actor administratorActor() {
		return new Actor(this.administrator.id(), this.administrator.displayName(),
				Set.of(new ScopedRole(Role.ADMINISTRATOR, this.communityId)));
	}

	Actor cityAdministratorActor() {
		return new Actor(this.cityAdministrator.id(), this.cityAdministrator.displayName(),
				Set.of(new ScopedRole(Role.CITY_ADMINISTRATOR, this.cityId)));
	}

	/** A square of {@code size} degrees whose south-west corner lies {@code east}, {@code north} degrees from the origin. */
	Map<String, Object> square(double east, double north, double size) {
		double lon = this.originLon + east;
		double lat = this.originLat + north;
		return Map.of("type", "Polygon", "coordinates", new double[][][] {
				{ { lon, lat }, { lon + size, lat }, { lon + size, lat + size }, { lon, lat + size }, { lon, lat } } });
	}

	String squareJson(double east, double north, double size) {
		double lon = this.originLon + east;
		double lat = this.originLat + north;
		return String.format(java.util.Locale.ROOT,
				"{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}", lon, lat, lon + size, lat,
				lon + size, lat + size, lon, lat + size, lon, lat);
	}

}
