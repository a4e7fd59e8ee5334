package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.geo.Grid;
import org.qibao.identity.Role;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.patrol.PatrolTestConfiguration.AdministrativeActions;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A community's administrators form teams and appoint their captains; captains tend their team's grids. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class TeamAdministrationTests {

	static final String CREATE = """
			mutation($input: TeamCreateInput!) { teamCreate(input: $input) {
			  team { id name grids { code } captains { displayName } } userErrors { code message field } } }""";

	static final String UPDATE = """
			mutation($input: TeamUpdateInput!) { teamUpdate(input: $input) {
			  team { id name grids { code } } userErrors { code message field } } }""";

	static final String APPOINT = """
			mutation($input: TeamCaptainAppointInput!) { teamCaptainAppoint(input: $input) {
			  team { id captains { id } members { id } } userErrors { code message field } } }""";

	static final String REMOVE = """
			mutation($input: TeamCaptainRemoveInput!) { teamCaptainRemove(input: $input) {
			  team { id captains { id } members { id } } userErrors { code message field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	AdministrativeActions actions;

	@Test
	void anAdministratorFormsATeamAndItsNewCaptainPlansFromTheirNextRequest() {
		Crew crew = this.fixture.crew(1);
		Person admin = this.fixture.administrator(crew.team().communityId());
		Person future = this.fixture.person("新队长", crew.team());
		HttpGraphQlTester futuresPhone = future.client(this.port);
		String teamId = admin.client(this.port).document(CREATE)
			.variable("input", Map.of("communityId", community(crew), "name", "  夜巡队" + System.nanoTime() % 100000 + " ",
					"gridIds", List.of(grid(crew.dt01()), grid(crew.dt02()))))
			.execute()
			.path("teamCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("teamCreate.team.grids[*].code").entityList(String.class).containsExactly("DT-01", "DT-02")
			.path("teamCreate.team.id").entity(String.class).get();
		long team = GlobalId.keyOf(teamId, "Team");
		admin.client(this.port).document(APPOINT).variable("input", Map.of("teamId", teamId, "phone", future.phone()))
			.execute()
			.path("teamCaptainAppoint.userErrors").entityList(Object.class).hasSize(0)
			.path("teamCaptainAppoint.team.captains[*].id").entityList(String.class).containsExactly(future.id())
			.path("teamCaptainAppoint.team.members[*].id").entityList(String.class).containsExactly(future.id());
		// the same signed-in phone, no new sign-in: the captain's rights count from the next request
		futuresPhone.document("""
				mutation($input: ShiftScheduleCreateInput!) { shiftScheduleCreate(input: $input) { schedule { id } userErrors { code } } }""")
			.variable("input", Map.of("teamId", teamId, "gridIds", List.of(grid(crew.dt01())), "weekdays", List.of(1),
					"startTime", "09:00", "endTime", "11:00", "minPatrollers", 1, "maxPatrollers", 5))
			.execute()
			.path("shiftScheduleCreate.userErrors").entityList(Object.class).hasSize(0);
		AdministrativeAction created = this.actions.of("patrol.teamCreate", team).get(0);
		assertThat(created.actorAccountId()).isEqualTo(admin.account().id());
		assertThat(created.communityId()).isEqualTo(crew.team().communityId());
		assertThat(created.before()).isEmpty();
		assertThat(created.after()).containsEntry("gridIds", List.of(crew.dt01().id(), crew.dt02().id()));
		AdministrativeAction appointed = this.actions.of("patrol.teamCaptainAppoint", team).get(0);
		assertThat(appointed.before()).containsEntry("captainIds", List.of());
		assertThat(appointed.after()).containsEntry("captainIds", List.of(future.account().id()));
	}

	@Test
	void aBlankOrLongNameATakenNameAndAGridOfAnotherCommunityAreRefusedAndNoTeamIsFormed() {
		Crew crew = this.fixture.crew(0);
		HttpGraphQlTester admin = this.fixture.administrator(crew.team().communityId()).client(this.port);
		Grid elsewhere = this.fixture.gridElsewhere();
		int before = this.fixture.teams.ofCommunities(List.of(crew.team().communityId())).size();
		assertCreateRefused(admin, crew, "   ", List.of(grid(crew.dt01())), "INVALID_TEAM_NAME", "name");
		assertCreateRefused(admin, crew, "队".repeat(61), List.of(grid(crew.dt01())), "INVALID_TEAM_NAME", "name");
		assertCreateRefused(admin, crew, crew.team().name(), List.of(grid(crew.dt01())), "TEAM_NAME_TAKEN", "name");
		assertCreateRefused(admin, crew, "新队", List.of(grid(crew.dt01()), grid(elsewhere)), "GRID_NOT_OF_COMMUNITY",
				"gridIds");
		assertCreateRefused(admin, crew, "新队", List.of(), "GRIDS_REQUIRED", "gridIds");
		assertThat(this.fixture.teams.ofCommunities(List.of(crew.team().communityId()))).hasSize(before);
	}

	@Test
	void onlyTheCommunitysAdministratorsFormTeamsAndRenameThemWhileCaptainsChangeOnlyTheirTeamsGrids() {
		Crew crew = this.fixture.crew(1);
		Person stranger = this.fixture.administrator(this.fixture.gridElsewhere().communityId());
		Map<String, Object> create = Map.of("communityId", community(crew), "name", "未获准的队", "gridIds",
				List.of(grid(crew.dt01())));
		assertForbidden(crew.volunteer(0).client(this.port).document(CREATE).variable("input", create).execute());
		assertForbidden(crew.captain().client(this.port).document(CREATE).variable("input", create).execute());
		assertForbidden(stranger.client(this.port).document(CREATE).variable("input", create).execute());
		assertForbidden(crew.captain().client(this.port).document(UPDATE)
			.variable("input", Map.of("teamId", crew.teamId(), "name", "队长改名")).execute());
		assertForbidden(crew.volunteer(0).client(this.port).document(UPDATE)
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid(crew.dt01())))).execute());
		crew.captain().client(this.port).document(UPDATE)
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid(this.fixture.gridElsewhere()))))
			.execute()
			.path("teamUpdate.userErrors[0].code").entity(String.class).isEqualTo("GRID_NOT_OF_COMMUNITY");
		crew.captain().client(this.port).document(UPDATE)
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid(crew.dt02()))))
			.execute()
			.path("teamUpdate.team.grids[*].code").entityList(String.class).containsExactly("DT-02");
		AdministrativeAction regridded = this.actions.of("patrol.teamUpdate", crew.team().id()).get(0);
		assertThat(regridded.actorAccountId()).isEqualTo(crew.captain().account().id());
		assertThat(regridded.before()).containsEntry("gridIds", List.of(crew.dt01().id(), crew.dt02().id()));
		assertThat(regridded.after()).containsEntry("gridIds", List.of(crew.dt02().id()));
		Person admin = this.fixture.administrator(crew.team().communityId());
		admin.client(this.port).document(UPDATE).variable("input", Map.of("teamId", crew.teamId(), "name", crew.team().name() + "二"))
			.execute()
			.path("teamUpdate.team.name").entity(String.class).isEqualTo(crew.team().name() + "二");
	}

	@Test
	void aGridAScheduleStillPatrolsStaysWithTheTeam() {
		Crew crew = this.fixture.crew(0);
		this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()), List.of(1), "09:00", "10:00", 1, 3,
				crew.captain().account().id(), java.time.Instant.now());
		crew.captain().client(this.port).document(UPDATE)
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid(crew.dt02()))))
			.execute()
			.path("teamUpdate.userErrors[0].code").entity(String.class).isEqualTo("GRID_IN_USE");
		assertThat(this.fixture.teams.gridIds(List.of(crew.team().id())).get(crew.team().id()))
			.containsExactly(crew.dt01().id(), crew.dt02().id());
	}

	@Test
	void aCaptainFromAnotherCommunityIsRefusedAndSoIsANumberWithoutAnAccount() {
		Crew crew = this.fixture.crew(0);
		HttpGraphQlTester admin = this.fixture.administrator(crew.team().communityId()).client(this.port);
		Person elsewhere = this.fixture.outsider();
		this.fixture.accounts.grant(elsewhere.account().id(), Role.VOLUNTEER, this.fixture.gridElsewhere().communityId());
		admin.document(APPOINT).variable("input", Map.of("teamId", crew.teamId(), "accountId", elsewhere.id())).execute()
			.path("teamCaptainAppoint.userErrors[0].code").entity(String.class).isEqualTo("NOT_IN_COMMUNITY")
			.path("teamCaptainAppoint.team").valueIsNull();
		admin.document(APPOINT).variable("input", Map.of("teamId", crew.teamId(), "phone", org.qibao.Clients.uniquePhone()))
			.execute()
			.path("teamCaptainAppoint.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_NOT_FOUND");
		assertThat(this.fixture.accounts.rolesOf(elsewhere.account().id())).noneMatch(r -> r.role() == Role.CAPTAIN);
		assertThat(this.fixture.teams.activeMembers(crew.team().id())).doesNotContain(elsewhere.account().id());
	}

	@Test
	void theLastCaptainOfATeamWithMembersStaysUntilAnotherIsAppointed() {
		Crew crew = this.fixture.crew(1);
		HttpGraphQlTester admin = this.fixture.administrator(crew.team().communityId()).client(this.port);
		Map<String, Object> removeCaptain = Map.of("teamId", crew.teamId(), "accountId", crew.captain().id());
		admin.document(REMOVE).variable("input", removeCaptain).execute()
			.path("teamCaptainRemove.userErrors[0].code").entity(String.class).isEqualTo("LAST_CAPTAIN");
		admin.document(APPOINT).variable("input", Map.of("teamId", crew.teamId(), "accountId", crew.volunteer(0).id()))
			.execute()
			.path("teamCaptainAppoint.userErrors").entityList(Object.class).hasSize(0);
		admin.document(REMOVE).variable("input", removeCaptain).execute()
			.path("teamCaptainRemove.userErrors").entityList(Object.class).hasSize(0)
			.path("teamCaptainRemove.team.captains[*].id").entityList(String.class).containsExactly(crew.volunteer(0).id())
			.path("teamCaptainRemove.team.members[*].id").entityList(String.class).contains(crew.captain().id());
		assertForbidden(crew.captain().client(this.port).document("""
				mutation($input: TeamMemberStatusSetInput!) { teamMemberStatusSet(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", crew.volunteer(0).id(), "status", "INACTIVE"))
			.execute());
	}

	@Test
	void theOnlyCaptainOfATeamWithoutOtherMembersMayBeRemoved() {
		Crew crew = this.fixture.crew(0);
		HttpGraphQlTester admin = this.fixture.administrator(crew.team().communityId()).client(this.port);
		admin.document(REMOVE).variable("input", Map.of("teamId", crew.teamId(), "accountId", crew.captain().id())).execute()
			.path("teamCaptainRemove.userErrors").entityList(Object.class).hasSize(0)
			.path("teamCaptainRemove.team.captains").entityList(Object.class).hasSize(0);
		assertThat(this.actions.of("patrol.teamCaptainRemove", crew.team().id())).singleElement()
			.satisfies(a -> assertThat(a.before()).containsEntry("captainIds", List.of(crew.captain().account().id())));
	}

	@Test
	void twoAdministratorsRemovingTheTwoCaptainsAtOnceLeaveOne() throws Exception {
		Crew crew = this.fixture.crew(2);
		Person second = crew.volunteer(0);
		this.fixture.accounts.grant(second.account().id(), Role.CAPTAIN, crew.team().id());
		List<Person> admins = List.of(this.fixture.administrator(crew.team().communityId()),
				this.fixture.administrator(crew.team().communityId()));
		List<Person> captains = List.of(crew.captain(), second);
		List<String> codes = Bursts.race(2, i -> () -> admins.get(i).client(this.port).document(REMOVE)
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", captains.get(i).id()))
			.execute()
			.path("teamCaptainRemove.userErrors[*].code").entityList(String.class).get()
			.stream().findFirst().orElse("OK"));
		assertThat(codes).containsExactlyInAnyOrder("OK", "LAST_CAPTAIN");
		assertThat(this.fixture.accounts.holders(Role.CAPTAIN, List.of(crew.team().id())).get(crew.team().id())).hasSize(1);
	}

	static void assertCreateRefused(HttpGraphQlTester admin, Crew crew, String name, List<String> grids, String code,
			String field) {
		admin.document(CREATE)
			.variable("input", Map.of("communityId", community(crew), "name", name, "gridIds", grids))
			.execute()
			.path("teamCreate.team").valueIsNull()
			.path("teamCreate.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("teamCreate.userErrors[0].field").entityList(String.class).containsExactly("input", field)
			.path("teamCreate.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank().isNotEqualTo(code));
	}

	static String community(Crew crew) {
		return GlobalId.encode("Community", crew.team().communityId());
	}

	static String grid(Grid grid) {
		return GlobalId.encode("Grid", grid.id());
	}

	static void assertForbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
	}

}
