package org.qibao.patrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.AnotherInstance;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Role;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.patrol.PatrolTestConfiguration.AdministrativeActions;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A community's administrators appoint and remove each other, never the last; and a role given or
 * taken away counts on every instance from the person's next request.
 */
@QibaoTest
@Import(PatrolTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityAdministratorTests {

	static final String APPOINT = """
			mutation($input: CommunityAdministratorAppointInput!) { communityAdministratorAppoint(input: $input) {
			  community { id administrators { id } } userErrors { code message field } } }""";

	static final String REMOVE = """
			mutation($input: CommunityAdministratorRemoveInput!) { communityAdministratorRemove(input: $input) {
			  community { id administrators { id } } userErrors { code message field } } }""";

	/** What another instance must see a change within: it hears of it through Redis. */
	static final Duration ACROSS = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	AdministrativeActions actions;

	@Autowired
	Environment environment;

	AnotherInstance otherInstance;

	@BeforeAll
	void startAnotherInstance() {
		this.otherInstance = AnotherInstance.start(this.environment);
	}

	@AfterAll
	void stopIt() {
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@Test
	void anAdministratorAppointsAnotherByPhoneAndTheLastAdministratorStays() {
		long community = this.fixture.gridElsewhere().communityId();
		String communityId = GlobalId.encode("Community", community);
		Person first = this.fixture.administrator(community);
		Person second = this.fixture.outsider();
		HttpGraphQlTester firstsPhone = first.client(this.port);
		firstsPhone.document(APPOINT).variable("input", Map.of("communityId", communityId, "phone", second.phone())).execute()
			.path("communityAdministratorAppoint.userErrors").entityList(Object.class).hasSize(0)
			.path("communityAdministratorAppoint.community.administrators[*].id").entityList(String.class)
			.contains(first.id(), second.id()).hasSize(2);
		firstsPhone.document(APPOINT).variable("input", Map.of("communityId", communityId, "accountId", second.id())).execute()
			.path("communityAdministratorAppoint.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ADMINISTRATOR");
		firstsPhone.document(APPOINT).variable("input", Map.of("communityId", communityId, "phone", Clients.uniquePhone()))
			.execute()
			.path("communityAdministratorAppoint.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_NOT_FOUND");
		second.client(this.port).document(REMOVE).variable("input", Map.of("communityId", communityId, "accountId", first.id()))
			.execute()
			.path("communityAdministratorRemove.community.administrators[*].id").entityList(String.class)
			.containsExactly(second.id());
		second.client(this.port).document(REMOVE).variable("input", Map.of("communityId", communityId, "accountId", second.id()))
			.execute()
			.path("communityAdministratorRemove.userErrors[0].code").entity(String.class).isEqualTo("LAST_ADMINISTRATOR")
			.path("communityAdministratorRemove.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank());
		assertThat(this.fixture.accounts.holders(Role.ADMINISTRATOR, List.of(community)).get(community)).hasSize(1);
		var removed = this.actions.of("patrol.communityAdministratorRemove", community).get(0);
		assertThat(removed.actorAccountId()).isEqualTo(second.account().id());
		assertThat(removed.before()).containsEntry("administratorIds",
				List.of(first.account().id(), second.account().id()).stream().sorted().toList());
		assertThat(removed.after()).containsEntry("administratorIds", List.of(second.account().id()));
	}

	@Test
	void onlyTheCommunitysAdministratorsChangeItsAdministrators() {
		long community = this.fixture.gridElsewhere().communityId();
		Person admin = this.fixture.administrator(community);
		Person otherAdmin = this.fixture.administrator(this.fixture.gridElsewhere().communityId());
		Map<String, Object> input = Map.of("communityId", GlobalId.encode("Community", community), "accountId", admin.id());
		TeamAdministrationTests.assertForbidden(otherAdmin.client(this.port).document(REMOVE).variable("input", input).execute());
		TeamAdministrationTests.assertForbidden(otherAdmin.client(this.port).document(APPOINT)
			.variable("input", Map.of("communityId", GlobalId.encode("Community", community), "accountId", otherAdmin.id()))
			.execute());
		otherAdmin.client(this.port).document("query($id: ID!) { node(id: $id) { ... on Community { administrators { id } } } }")
			.variable("id", GlobalId.encode("Community", community)).execute()
			.path("node.administrators").entityList(Object.class).hasSize(0);
	}

	@Test
	void theCitysAdministratorAppointsANewCommunitysFirstAdministratorAndAnotherCitysCannot() {
		long community = this.fixture.gridElsewhere().communityId();
		String communityId = GlobalId.encode("Community", community);
		long city = this.fixture.geography.citiesOf(List.of(community)).get(community);
		Person cityAdministrator = this.fixture.outsider();
		this.fixture.accounts.grant(cityAdministrator.account().id(), Role.CITY_ADMINISTRATOR, city);
		long otherCommunity = this.fixture.gridElsewhere().communityId();
		Person otherCitys = this.fixture.outsider();
		this.fixture.accounts.grant(otherCitys.account().id(), Role.CITY_ADMINISTRATOR,
				this.fixture.geography.citiesOf(List.of(otherCommunity)).get(otherCommunity));
		Person first = this.fixture.outsider();

		TeamAdministrationTests.assertForbidden(otherCitys.client(this.port).document(APPOINT)
			.variable("input", Map.of("communityId", communityId, "phone", first.phone())).execute());
		cityAdministrator.client(this.port).document(APPOINT)
			.variable("input", Map.of("communityId", communityId, "phone", first.phone())).execute()
			.path("communityAdministratorAppoint.userErrors").entityList(Object.class).hasSize(0)
			.path("communityAdministratorAppoint.community.administrators[*].id").entityList(String.class)
			.containsExactly(first.id());
		assertThat(this.fixture.accounts.holders(Role.ADMINISTRATOR, List.of(community)).get(community))
			.extracting(a -> a.id()).containsExactly(first.account().id());
	}

	@Test
	void twoAdministratorsRemovingEachOtherAtOnceLeaveOne() throws Exception {
		long community = this.fixture.gridElsewhere().communityId();
		List<Person> admins = List.of(this.fixture.administrator(community), this.fixture.administrator(community));
		List<String> outcomes = Bursts.race(2, i -> () -> outcome(admins.get(i).client(this.port).document(REMOVE)
			.variable("input", Map.of("communityId", GlobalId.encode("Community", community), "accountId",
					admins.get(1 - i).id()))
			.execute(), "communityAdministratorRemove"));
		// the other is refused as the last administrator, or, when the first removal came before its own check, as
		// no longer an administrator at all
		assertThat(outcomes).containsOnlyOnce("OK").hasSize(2)
			.anySatisfy(o -> assertThat(o).isIn("LAST_ADMINISTRATOR", "FORBIDDEN"));
		assertThat(this.fixture.accounts.holders(Role.ADMINISTRATOR, List.of(community)).get(community)).hasSize(1);
	}

	@Test
	void aCaptainAppointedOnOneInstanceIsACaptainOnTheOtherFromTheirNextRequest() {
		Crew crew = this.fixture.crew(1);
		Person admin = this.fixture.administrator(crew.team().communityId());
		Person member = crew.volunteer(0);
		HttpGraphQlTester onOther = member.client(this.otherInstance.port());
		String roster = "query($id: ID!) { node(id: $id) { ... on Team { memberships { account { id } } } } }";
		assertThat(memberships(onOther, roster, crew.teamId())).as("a member, not yet a captain").isEmpty();
		admin.client(this.port).document(TeamAdministrationTests.APPOINT)
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", member.id())).execute()
			.path("teamCaptainAppoint.userErrors").entityList(Object.class).hasSize(0);
		await("after the appointment").atMost(ACROSS)
			.untilAsserted(() -> assertThat(memberships(onOther, roster, crew.teamId())).isNotEmpty());
		admin.client(this.port).document(TeamAdministrationTests.REMOVE)
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", member.id())).execute()
			.path("teamCaptainRemove.userErrors").entityList(Object.class).hasSize(0);
		await("after the removal").atMost(ACROSS)
			.untilAsserted(() -> assertThat(memberships(onOther, roster, crew.teamId())).isEmpty());
	}

	/** "OK", the first user error's code, or the top-level error's classification. */
	static String outcome(GraphQlTester.Response response, String mutation) {
		List<org.springframework.graphql.ResponseError> errors = new ArrayList<>();
		response.errors().satisfy(errors::addAll);
		if (!errors.isEmpty()) {
			return String.valueOf(errors.get(0).getExtensions().get("classification"));
		}
		return response.path(mutation + ".userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK");
	}

	private static List<Object> memberships(GraphQlTester client, String document, String teamId) {
		List<Object> found = new ArrayList<>();
		found.addAll(client.document(document).variable("id", teamId).execute()
			.path("node.memberships").entityList(Object.class).get());
		return found;
	}

}
