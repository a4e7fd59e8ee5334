package org.qibao.geo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator redraws a grid and assigns its grid workers; nobody else may. */
@QibaoTest
class GridChangeTests {

	private static final String CREATE = """
			mutation($input: GridCreateInput!) { gridCreate(input: $input) { grid { id } userErrors { code } } }""";

	private static final String REDRAW = """
			mutation($input: GridBoundaryUpdateInput!) {
			  gridBoundaryUpdate(input: $input) { grid { id code center { longitude latitude } } userErrors { code field } } }""";

	private static final String ASSIGN = """
			mutation($input: GridWorkerAssignInput!) {
			  gridWorkerAssign(input: $input) { grid { code workers { displayName } } userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aRedrawnGridHoldsThePointsOfItsNewBoundaryOnly() {
		double lon = -170 + (System.nanoTime() % 100_000) / 1000.0;
		String code = "R" + (System.nanoTime() % 100000);
		String grid = newGrid(code, square(lon, -62.0));
		administrator().document(REDRAW).variable("input", Map.of("gridId", grid, "boundary", square(lon, -62.5))).execute()
			.path("gridBoundaryUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("gridBoundaryUpdate.grid.center.latitude").entity(Double.class).satisfies(lat -> assertThat(lat).isBetween(-62.5, -62.499));
		assertThat(gridAt(lon + 0.0005, -62.4995)).isEqualTo(code);
		assertThat(gridAt(lon + 0.0005, -61.9995)).isNull();
	}

	@Test
	void anInvalidNewBoundaryIsRefusedAndTheOldOneStays() {
		double lon = -170 + (System.nanoTime() % 100_000) / 1000.0;
		String code = "B" + (System.nanoTime() % 100000);
		String grid = newGrid(code, square(lon, -63.0));
		Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates",
				new double[][][] { { { lon, -63.5 }, { lon + 1, -62.5 }, { lon + 1, -63.5 }, { lon, -62.5 }, { lon, -63.5 } } });
		administrator().document(REDRAW).variable("input", Map.of("gridId", grid, "boundary", bowTie)).execute()
			.path("gridBoundaryUpdate.grid").valueIsNull()
			.path("gridBoundaryUpdate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_POLYGON");
		assertThat(gridAt(lon + 0.0005, -62.9995)).isEqualTo(code);
	}

	@Test
	void onlyTheCommunitysAdministratorRedrawsAGrid() {
		String dt01 = GlobalId.encode("Grid", this.jdbc.sql("SELECT id FROM grid WHERE code = 'DT-01'").query(Long.class).list().get(0));
		Map<String, Object> input = Map.of("gridId", dt01, "boundary", square(-100, -70));
		assertRefused(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(REDRAW).variable("input", input).execute(), "FORBIDDEN");
		assertRefused(Clients.anonymous(this.port).document(REDRAW).variable("input", input).execute(), "UNAUTHORIZED");
		assertThat(gridAt(114.353, 30.567)).isEqualTo("DT-01");
	}

	@Test
	void anAssignedGridWorkerIsListedOnTheGridOnce() {
		String code = "W" + (System.nanoTime() % 100000);
		String grid = newGrid(code, square(-170 + (System.nanoTime() % 100_000) / 1000.0, -64.0));
		Account worker = this.accounts.register(Clients.uniquePhone(), "新网格员", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(worker.id(), org.qibao.identity.Role.VOLUNTEER, GlobalId.keyOf(dongting(), "Community"));
		Map<String, Object> input = Map.of("gridId", grid, "accountId", GlobalId.encode("Account", worker.id()));
		administrator().document(ASSIGN).variable("input", input).execute()
			.path("gridWorkerAssign.userErrors").entityList(Object.class).hasSize(0)
			.path("gridWorkerAssign.grid.workers[*].displayName").entityList(String.class).containsExactly("新网格员");
		administrator().document(ASSIGN).variable("input", input).execute()
			.path("gridWorkerAssign.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ASSIGNED");
		administrator().document(ASSIGN).variable("input", Map.of("gridId", grid, "accountId", GlobalId.encode("Account", -1L)))
			.execute()
			.path("gridWorkerAssign.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		assertRefused(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(ASSIGN).variable("input", input).execute(), "FORBIDDEN");
		assertRefused(Clients.anonymous(this.port).document(ASSIGN).variable("input", input).execute(), "UNAUTHORIZED");
		assertThat(this.accounts.rolesOf(worker.id())).hasSize(2);
	}

	private String newGrid(String code, Map<String, Object> boundary) {
		return administrator().document(CREATE)
			.variable("input", Map.of("communityId", dongting(), "code", code, "name", "测试网格", "boundary", boundary))
			.execute()
			.path("gridCreate.grid.id").entity(String.class).get();
	}

	/** The code of the grid the point lies in, or null. */
	private String gridAt(double longitude, double latitude) {
		return Clients.anonymous(this.port)
			.document("query($p: GeoPointInput!) { gridAt(point: $p) { code } }")
			.variable("p", Map.of("longitude", longitude, "latitude", latitude))
			.execute()
			.returnResponse()
			.field("gridAt.code")
			.getValue();
	}

	private HttpGraphQlTester administrator() {
		return Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE);
	}

	private String dongting() {
		return GlobalId.encode("Community", this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single());
	}

	private static Map<String, Object> square(double lon, double lat) {
		return Map.of("type", "Polygon", "coordinates", new double[][][] {
				{ { lon, lat }, { lon + 0.001, lat }, { lon + 0.001, lat + 0.001 }, { lon, lat + 0.001 }, { lon, lat } } });
	}

	private static void assertRefused(GraphQlTester.Response response, String classification) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("classification", classification)));
	}

}
