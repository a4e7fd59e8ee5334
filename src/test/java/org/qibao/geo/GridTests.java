package org.qibao.geo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
class GridTests {

	private static final String CREATE = """
			mutation($input: GridCreateInput!) {
			  gridCreate(input: $input) { grid { id code name community { name } center { longitude latitude } } userErrors { code field } }
			}""";

	private static final Map<String, Object> FAR_AWAY_SQUARE = Map.of("type", "Polygon", "coordinates",
			new double[][][] { { { 100.0, 10.0 }, { 100.01, 10.0 }, { 100.01, 10.01 }, { 100.0, 10.01 }, { 100.0, 10.0 } } });

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPointInTheDemoCommunityLiesInItsGrid() {
		Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { code community { name } } }")
			.execute()
			.path("gridAt.code").entity(String.class).isEqualTo("DT-01")
			.path("gridAt.community.name").entity(String.class).isEqualTo("东亭社区");
	}

	@Test
	void aPointOutsideEveryGridLiesInNone() {
		Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 0.5, latitude: 0.5}) { code } }")
			.execute()
			.path("gridAt").valueIsNull();
	}

	@Test
	void invalidCoordinatesAreRefusedWithABadRequestError() {
		Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.3, latitude: 95}) { code } }")
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST");
			});
	}

	@Test
	void anAdministratorDrawsAGridThatPointsThenFallIn() {
		String code = "T" + (System.nanoTime() % 100000);
		// a square of its own, away from any grid earlier runs left in the database
		double lon = -170 + (System.nanoTime() % 100_000) / 1000.0;
		double lat = -60.0;
		Map<String, Object> square = Map.of("type", "Polygon", "coordinates", new double[][][] {
				{ { lon, lat }, { lon + 0.001, lat }, { lon + 0.001, lat + 0.001 }, { lon, lat + 0.001 }, { lon, lat } } });
		GraphQlTester.Response response = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", code, "name", "测试网格", "boundary", square))
			.execute();
		response.path("gridCreate.userErrors").entityList(Object.class).hasSize(0);
		response.path("gridCreate.grid.community.name").entity(String.class).isEqualTo("东亭社区");
		Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: " + (lon + 0.0005) + ", latitude: " + (lat + 0.0005) + "}) { code } }")
			.execute()
			.path("gridAt.code").entity(String.class).isEqualTo(code);
	}

	@Test
	void anInvalidBoundaryIsRefusedAndNothingIsStored() {
		int before = gridCount();
		Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates",
				new double[][][] { { { 0, 0 }, { 1, 1 }, { 1, 0 }, { 0, 1 }, { 0, 0 } } });
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", "BAD1", "name", "坏网格", "boundary", bowTie))
			.execute()
			.path("gridCreate.grid").valueIsNull()
			.path("gridCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_POLYGON")
			.path("gridCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "boundary");
		assertThat(gridCount()).isEqualTo(before);
	}

	@Test
	void aDuplicateCodeIsRefused() {
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", "DT-01", "name", "重复", "boundary", FAR_AWAY_SQUARE))
			.execute()
			.path("gridCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_CODE");
	}

	@Test
	void aVolunteerMayNotDrawGrids() {
		int before = gridCount();
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", "NOPE", "name", "不允许", "boundary", FAR_AWAY_SQUARE))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(gridCount()).isEqualTo(before);
	}

	@Test
	void signingInIsRequiredToDrawGrids() {
		Clients.anonymous(this.port)
			.document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", "ANON", "name", "匿名", "boundary", FAR_AWAY_SQUARE))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	@Test
	void gridWorkersAreListedOnTheirGrids() {
		Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { workers { displayName } } }")
			.execute()
			.path("gridAt.workers[*].displayName").entityList(String.class).contains("鲁红新");
	}

	private String dongting() {
		long id = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		return org.qibao.shared.GlobalId.encode("Community", id);
	}

	private int gridCount() {
		return this.jdbc.sql("SELECT count(*) FROM grid").query(Integer.class).single();
	}

}
