package org.qibao.geo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A community's administrator draws grids that are valid polygons and do not overlap their neighbours. */
@QibaoTest
class GridDrawingTests {

	private static final String CREATE = """
			mutation($input: GridCreateInput!) {
			  gridCreate(input: $input) { grid { id code } userErrors { code message field } } }""";

	private static final String UPDATE = """
			mutation($input: GridUpdateInput!) {
			  gridUpdate(input: $input) { grid { id code name boundary } userErrors { code message field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	GeoFixture city;

	@BeforeEach
	void aCityOfItsOwn() {
		this.city = GeoFixture.create(this.geography, this.accounts);
	}

	@Test
	void aSelfIntersectingBoundaryIsRefusedNamingWhere() {
		double lon = this.city.originLon();
		double lat = this.city.originLat();
		Map<String, Object> bowTie = polygon(new double[][] { { lon, lat }, { lon + 0.001, lat + 0.001 },
				{ lon + 0.001, lat }, { lon, lat + 0.001 }, { lon, lat } });
		String message = refused(create("A1", bowTie), "INVALID_POLYGON");
		assertThat(message).contains("self-intersection near").contains(String.format(java.util.Locale.ROOT, "%.4f", lon + 0.0005));
		assertThat(gridCount()).isZero();
	}

	@Test
	void anUnclosedRingIsRefused() {
		double lon = this.city.originLon();
		double lat = this.city.originLat();
		Map<String, Object> open = polygon(new double[][] { { lon, lat }, { lon + 0.001, lat }, { lon + 0.001, lat + 0.001 },
				{ lon, lat + 0.001 } });
		assertThat(refused(create("A1", open), "INVALID_POLYGON")).contains("does not end where it starts");
	}

	@Test
	void aRingOfTooFewPointsIsRefused() {
		double lon = this.city.originLon();
		double lat = this.city.originLat();
		Map<String, Object> line = polygon(new double[][] { { lon, lat }, { lon + 0.001, lat }, { lon, lat } });
		assertThat(refused(create("A1", line), "INVALID_POLYGON")).contains("at least 4");
	}

	@Test
	void coordinatesOutsideSensibleRangesAreRefused() {
		Map<String, Object> offTheMap = polygon(new double[][] { { 179.9, 86 }, { 180.5, 86 }, { 180.5, 87 }, { 179.9, 87 },
				{ 179.9, 86 } });
		assertThat(refused(create("A1", offTheMap), "INVALID_POLYGON")).contains("outside longitude");
	}

	@Test
	void anAbsurdlyLargeBoundaryIsRefused() {
		assertThat(refused(create("A1", this.city.square(0, 0, 1.0)), "INVALID_POLYGON")).contains("km²");
	}

	@Test
	void aGridOverlappingItsNeighbourIsRefusedNamingIt() {
		assertThat(accepted(create("N1", this.city.square(0, 0, 0.002)))).isNotNull();
		String message = refused(create("N2", this.city.square(0.001, 0.001, 0.002)), "GRID_OVERLAP");
		assertThat(message).contains("N1");
		assertThat(gridCount()).isEqualTo(1);
	}

	@Test
	void gridsThatOnlyTouchAreAllowedAndSoIsASliverAlongTheSharedBorder() {
		accepted(create("T1", this.city.square(0, 0, 0.002)));
		accepted(create("T2", this.city.square(0.002, 0, 0.002)));
		// a border drawn a metre (0.00001°) into the neighbour, as GPS drawing does
		accepted(create("T3", this.city.square(-0.00199, 0, 0.002)));
		assertThat(gridCount()).isEqualTo(3);
	}

	@Test
	void aGridRedrawnOntoItsNeighbourIsRefusedAndKeepsItsBoundary() {
		accepted(create("R1", this.city.square(0, 0, 0.002)));
		String second = accepted(create("R2", this.city.square(0.003, 0, 0.002)));
		GraphQlTester.Response response = administrator().document(UPDATE)
			.variable("input", Map.of("gridId", second, "boundary", this.city.square(0.001, 0, 0.002)))
			.execute();
		assertThat(refused(response, "gridUpdate", "GRID_OVERLAP")).contains("R1");
		administrator().document(UPDATE)
			.variable("input", Map.of("gridId", second, "code", "R2b", "name", "改名网格"))
			.execute()
			.path("gridUpdate.grid.code").entity(String.class).isEqualTo("R2b")
			.path("gridUpdate.grid.name").entity(String.class).isEqualTo("改名网格");
	}

	@Test
	void someoneWhoDoesNotAdministerTheCommunityIsForbidden() {
		Map<String, Object> input = Map.of("communityId", GlobalId.encode("Community", this.city.communityId()), "code",
				"F1", "name", "网格", "boundary", this.city.square(0, 0, 0.001));
		assertClassification(Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document(CREATE)
			.variable("input", input).execute(), "FORBIDDEN");
		assertClassification(Clients.signedIn(this.port, this.city.cityAdministrator().phone()).document(CREATE)
			.variable("input", input).execute(), "FORBIDDEN");
		assertThat(gridCount()).isZero();
	}

	@Test
	void twoNeighboursDrawnAtOnceOntoEachOtherAreNotBothAccepted() throws Exception {
		List<GraphQlTester.Response> responses = Bursts.race(2,
				i -> () -> create("C" + i, this.city.square(i * 0.001, 0, 0.002)));
		long accepted = responses.stream()
			.filter(r -> r.returnResponse().field("gridCreate.grid").getValue() != null)
			.count();
		assertThat(accepted).isEqualTo(1);
		assertThat(gridCount()).isEqualTo(1);
	}

	private GraphQlTester.Response create(String code, Map<String, Object> boundary) {
		return administrator().document(CREATE)
			.variable("input", Map.of("communityId", GlobalId.encode("Community", this.city.communityId()), "code", code,
					"name", "网格 " + code, "boundary", boundary))
			.execute();
	}

	private HttpGraphQlTester administrator() {
		return Clients.signedIn(this.port, this.city.administrator().phone(), Clients.DEMO_PASSWORD)
			.mutate()
			.header("Accept-Language", "en")
			.build();
	}

	private static String accepted(GraphQlTester.Response response) {
		response.path("gridCreate.userErrors").entityList(Object.class).hasSize(0);
		return response.path("gridCreate.grid.id").entity(String.class).get();
	}

	private static String refused(GraphQlTester.Response response, String code) {
		return refused(response, "gridCreate", code);
	}

	private static String refused(GraphQlTester.Response response, String mutation, String code) {
		response.path(mutation + ".grid").valueIsNull();
		response.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
		return response.path(mutation + ".userErrors[0].message").entity(String.class).get();
	}

	private int gridCount() {
		return this.jdbc.sql("SELECT count(*) FROM grid WHERE community_id = ?")
			.param(this.city.communityId())
			.query(Integer.class)
			.single();
	}

	private static Map<String, Object> polygon(double[][] ring) {
		return Map.of("type", "Polygon", "coordinates", new double[][][] { ring });
	}

	static void assertClassification(GraphQlTester.Response response, String classification) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("classification", classification)));
	}

}
