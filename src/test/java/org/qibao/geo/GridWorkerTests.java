package org.qibao.geo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.geo.GridDrawingTests.assertClassification;

/** A community's administrator appoints grid workers from the community's own people, and takes them off again. */
@QibaoTest
class GridWorkerTests {

	private static final String ASSIGN = """
			mutation($input: GridWorkerAssignInput!) {
			  gridWorkerAssign(input: $input) { grid { workers { displayName } } userErrors { code field } } }""";

	private static final String UNASSIGN = """
			mutation($input: GridWorkerUnassignInput!) {
			  gridWorkerUnassign(input: $input) { grid { workers { displayName } } userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	GeoFixture city;

	String grid;

	@BeforeEach
	void aCityWithAGrid() {
		this.city = GeoFixture.create(this.geography, this.accounts);
		this.grid = GlobalId.encode("Grid",
				this.geography.createGrid(this.city.communityId(), "W1", "一网格", this.city.squareJson(0, 0, 0.001)).id());
	}

	@Test
	void aVolunteerOfTheCommunityIsAssignedByPhoneAndUnassigned() {
		Account resident = this.accounts.register(Clients.uniquePhone(), "居民", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(resident.id(), Role.VOLUNTEER, this.city.communityId());
		administrator().document(ASSIGN).variable("input", Map.of("gridId", this.grid, "phone", resident.phone()))
			.execute()
			.path("gridWorkerAssign.grid.workers[*].displayName").entityList(String.class).containsExactly("居民");
		Map<String, Object> input = Map.of("gridId", this.grid, "accountId", GlobalId.encode("Account", resident.id()));
		administrator().document(UNASSIGN).variable("input", input)
			.execute()
			.path("gridWorkerUnassign.grid.workers").entityList(Object.class).hasSize(0);
		administrator().document(UNASSIGN).variable("input", input)
			.execute()
			.path("gridWorkerUnassign.userErrors[0].code").entity(String.class).isEqualTo("NOT_ASSIGNED");
		assertThat(this.accounts.rolesOf(resident.id())).extracting(r -> r.role()).containsExactly(Role.VOLUNTEER);
	}

	@Test
	void someoneFromAnotherCommunityIsNotAssigned() {
		GeoFixture elsewhere = GeoFixture.create(this.geography, this.accounts);
		Account outsider = this.accounts.register(Clients.uniquePhone(), "外人", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(outsider.id(), Role.VOLUNTEER, elsewhere.communityId());
		administrator().document(ASSIGN)
			.variable("input", Map.of("gridId", this.grid, "accountId", GlobalId.encode("Account", outsider.id())))
			.execute()
			.path("gridWorkerAssign.grid").valueIsNull()
			.path("gridWorkerAssign.userErrors[0].code").entity(String.class).isEqualTo("NOT_IN_COMMUNITY");
		assertThat(this.accounts.holds(outsider.id(), Role.GRID_WORKER, GlobalId.keyOf(this.grid, "Grid"))).isFalse();
	}

	@Test
	void onlyTheCommunitysAdministratorAssignsAndUnassigns() {
		Map<String, Object> input = Map.of("gridId", this.grid, "accountId",
				GlobalId.encode("Account", this.city.administrator().id()));
		HttpGraphQlTester demoAdministrator = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE);
		assertClassification(demoAdministrator.document(ASSIGN).variable("input", input).execute(), "FORBIDDEN");
		assertClassification(demoAdministrator.document(UNASSIGN).variable("input", input).execute(), "FORBIDDEN");
		assertClassification(Clients.anonymous(this.port).document(UNASSIGN).variable("input", input).execute(),
				"UNAUTHORIZED");
	}

	private HttpGraphQlTester administrator() {
		return Clients.signedIn(this.port, this.city.administrator().phone());
	}

}
