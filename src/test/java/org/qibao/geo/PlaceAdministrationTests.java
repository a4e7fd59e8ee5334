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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.geo.GridDrawingTests.assertClassification;

/** A city's administrators draw its districts, streets and communities; a community's administrator renames it. */
@QibaoTest
class PlaceAdministrationTests {

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
	void aCityAdministratorDrawsADistrictAStreetAndACommunity() {
		String district = cityAdministrator().document("""
				mutation($input: DistrictCreateInput!) { districtCreate(input: $input) {
				  district { id name city { id } } userErrors { code } } }""")
			.variable("input", Map.of("cityId", GlobalId.encode("City", this.city.cityId()), "name", "新区"))
			.execute()
			.path("districtCreate.district.name").entity(String.class).isEqualTo("新区")
			.path("districtCreate.district.id").entity(String.class).get();
		cityAdministrator().document("""
				mutation($input: DistrictRenameInput!) { districtRename(input: $input) { district { name } userErrors { code } } }""")
			.variable("input", Map.of("districtId", district, "name", "新城区"))
			.execute()
			.path("districtRename.district.name").entity(String.class).isEqualTo("新城区");
		String street = cityAdministrator().document("""
				mutation($input: StreetCreateInput!) { streetCreate(input: $input) { street { id name district { name } } userErrors { code } } }""")
			.variable("input", Map.of("districtId", district, "name", "新街道"))
			.execute()
			.path("streetCreate.street.district.name").entity(String.class).isEqualTo("新城区")
			.path("streetCreate.street.id").entity(String.class).get();
		cityAdministrator().document("""
				mutation($input: StreetRenameInput!) { streetRename(input: $input) { street { name } userErrors { code } } }""")
			.variable("input", Map.of("streetId", street, "name", "新新街道"))
			.execute()
			.path("streetRename.street.name").entity(String.class).isEqualTo("新新街道");
		createCommunity(cityAdministrator(), street, "新社区", "Asia/Urumqi")
			.path("communityCreate.community.timeZone").entity(String.class).isEqualTo("Asia/Urumqi")
			.path("communityCreate.community.street.name").entity(String.class).isEqualTo("新新街道");
	}

	@Test
	void anUnknownTimeZoneIsRefusedAndNothingIsCreated() {
		String street = GlobalId.encode("Street", this.city.streetId());
		for (String zone : new String[] { "Asia/Atlantis", "+08:00", "" }) {
			createCommunity(cityAdministrator(), street, "时区社区", zone)
				.path("communityCreate.community").valueIsNull()
				.path("communityCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TIME_ZONE");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM community WHERE street_id = ?").param(this.city.streetId())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSecondPlaceOfTheSameNameIsRefused() {
		createCommunity(cityAdministrator(), GlobalId.encode("Street", this.city.streetId()), "测试社区", "Asia/Shanghai")
			.path("communityCreate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_NAME");
	}

	@Test
	void theAdministratorOfAnotherCityMayNotTouchThisCitysPlaces() {
		GeoFixture other = GeoFixture.create(this.geography, this.accounts);
		HttpGraphQlTester stranger = Clients.signedIn(this.port, other.cityAdministrator().phone());
		assertClassification(createCommunity(stranger, GlobalId.encode("Street", this.city.streetId()), "外市社区",
				"Asia/Shanghai"), "FORBIDDEN");
		assertClassification(updateCommunity(stranger, Map.of("name", "被改名")), "FORBIDDEN");
		assertClassification(updateCommunity(Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE),
				Map.of("name", "被改名")), "FORBIDDEN");
		assertThat(this.geography.communities(java.util.List.of(this.city.communityId())).get(this.city.communityId())
			.name()).isEqualTo("测试社区");
	}

	@Test
	void aCommunitysAdministratorRenamesItAndSetsItsTimeZoneButDrawsNoDistricts() {
		updateCommunity(Clients.signedIn(this.port, this.city.administrator().phone()),
				Map.of("name", "更名社区", "timeZone", "Asia/Chongqing"))
			.path("communityUpdate.community.name").entity(String.class).isEqualTo("更名社区")
			.path("communityUpdate.community.timeZone").entity(String.class).isEqualTo("Asia/Chongqing");
		updateCommunity(Clients.signedIn(this.port, this.city.administrator().phone()), Map.of("timeZone", "Mars/Olympus"))
			.path("communityUpdate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TIME_ZONE");
		assertClassification(Clients.signedIn(this.port, this.city.administrator().phone()).document("""
				mutation($input: DistrictCreateInput!) { districtCreate(input: $input) { district { id } userErrors { code } } }""")
			.variable("input", Map.of("cityId", GlobalId.encode("City", this.city.cityId()), "name", "越权区"))
			.execute(), "FORBIDDEN");
	}

	@Test
	void theCityAdministratorRoleIsScopedToItsCity() {
		Account administrator = this.city.cityAdministrator();
		Clients.signedIn(this.port, administrator.phone()).document("{ me { roles { role scope { id __typename } scopeName } } }")
			.execute()
			.path("me.roles[0].role").entity(String.class).isEqualTo(Role.CITY_ADMINISTRATOR.name())
			.path("me.roles[0].scope.__typename").entity(String.class).isEqualTo("City")
			.path("me.roles[0].scope.id").entity(String.class).isEqualTo(GlobalId.encode("City", this.city.cityId()))
			.path("me.roles[0].scopeName").entity(String.class).satisfies(name -> assertThat(name).startsWith("测试市"));
	}

	private GraphQlTester.Response createCommunity(HttpGraphQlTester who, String street, String name, String zone) {
		return who.document("""
				mutation($input: CommunityCreateInput!) { communityCreate(input: $input) {
				  community { id name timeZone street { name } } userErrors { code } } }""")
			.variable("input", Map.of("streetId", street, "name", name, "timeZone", zone))
			.execute();
	}

	private GraphQlTester.Response updateCommunity(HttpGraphQlTester who, Map<String, Object> change) {
		Map<String, Object> input = new java.util.HashMap<>(change);
		input.put("communityId", GlobalId.encode("Community", this.city.communityId()));
		return who.document("""
				mutation($input: CommunityUpdateInput!) { communityUpdate(input: $input) {
				  community { name timeZone } userErrors { code } } }""")
			.variable("input", input)
			.execute();
	}

	private HttpGraphQlTester cityAdministrator() {
		return Clients.signedIn(this.port, this.city.cityAdministrator().phone());
	}

}
