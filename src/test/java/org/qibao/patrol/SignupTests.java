package org.qibao.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.patrol.PatrolFixture.id;
import static org.qibao.patrol.PatrolFixture.signUp;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class SignupTests {

	private static final String CANCEL = """
			mutation($input: ShiftSignupCancelInput!) { shiftSignupCancel(input: $input) { signup { status } userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFullShiftWaitlistsInOrderAndTheFirstMovesUpOnACancellation() {
		Crew crew = this.fixture.crew(4);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 2);
		List<String> statuses = crew.volunteers().stream()
			.map(v -> signUp(v.client(this.port), shift).path("shiftSignUp.signup.status").entity(String.class).get())
			.toList();
		assertThat(statuses).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED");
		crew.volunteer(0).client(this.port).document(CANCEL).variable("input", Map.of("shiftId", id(shift))).execute()
			.path("shiftSignupCancel.signup.status").entity(String.class).isEqualTo("CANCELLED");
		assertThat(status(shift, crew.volunteer(2).account().id())).isEqualTo("CONFIRMED");
		assertThat(status(shift, crew.volunteer(3).account().id())).isEqualTo("WAITLISTED");
		crew.volunteer(2).client(this.port).document("{ myNotifications(first: 5) { nodes { kind message shift { id } } } }")
			.execute()
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("SIGNUP_PROMOTED")
			.path("myNotifications.nodes[0].shift.id").entity(String.class).isEqualTo(id(shift));
	}

	@Test
	void aVolunteerWhoWouldRatherNotWaitIsToldTheShiftIsFull() {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 1);
		signUp(crew.volunteer(0).client(this.port), shift);
		crew.volunteer(1).client(this.port)
			.document("mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { signup { id } userErrors { code } } }")
			.variable("input", Map.of("shiftId", id(shift), "joinWaitlist", false))
			.execute()
			.path("shiftSignUp.userErrors[0].code").entity(String.class).isEqualTo("SHIFT_FULL");
		assertThat(signupCount(shift)).isEqualTo(1);
	}

	@Test
	void theLastSeatTakenByTwoAtOnceGoesToOneAndTheOtherWaits() throws Exception {
		Crew crew = this.fixture.crew(3);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 2);
		signUp(crew.volunteer(0).client(this.port), shift);
		HttpGraphQlTester first = crew.volunteer(1).client(this.port);
		HttpGraphQlTester second = crew.volunteer(2).client(this.port);
		List<String> statuses = CheckInTests.atOnce(
				() -> signUp(first, shift).path("shiftSignUp.signup.status").entity(String.class).get(),
				() -> signUp(second, shift).path("shiftSignUp.signup.status").entity(String.class).get());
		assertThat(statuses).containsExactlyInAnyOrder("CONFIRMED", "WAITLISTED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM shift_signup WHERE shift_id = ? AND status = 'CONFIRMED'")
			.param(shift.id()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void overlappingShiftsAndSigningUpTwiceAreRefused() {
		Crew crew = this.fixture.crew(1);
		Shift morning = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 7);
		Shift overlapping = this.fixture.shift(crew, Duration.ofHours(4), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, morning);
		signUp(phone, morning).path("shiftSignUp.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_SIGNED_UP");
		signUp(phone, overlapping).path("shiftSignUp.userErrors[0].code").entity(String.class).isEqualTo("OVERLAPPING_SHIFT");
		assertThat(signupCount(overlapping)).isZero();
	}

	@Test
	void onlyActiveMembersOfTheTeamMaySignUp() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 7);
		signUp(this.fixture.outsider().client(this.port), shift).path("shiftSignUp.userErrors[0].code").entity(String.class)
			.isEqualTo("NOT_A_MEMBER");
		crew.captain().client(this.port).document("""
				mutation($input: TeamMemberStatusSetInput!) { teamMemberStatusSet(input: $input) { team { members { id } } userErrors { code } } }""")
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", crew.volunteer(0).id(), "status", "INACTIVE"))
			.execute()
			.path("teamMemberStatusSet.team.members[*].id").entityList(String.class).doesNotContain(crew.volunteer(0).id());
		signUp(crew.volunteer(0).client(this.port), shift).path("shiftSignUp.userErrors[0].code").entity(String.class)
			.isEqualTo("NOT_A_MEMBER");
		assertThat(signupCount(shift)).isZero();
	}

	@Test
	void aMemberWhoLeavesGivesUpTheirPlaceToTheFirstOnTheWaitlist() {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 1);
		crew.volunteers().forEach(v -> signUp(v.client(this.port), shift));
		crew.volunteer(0).client(this.port)
			.document("mutation($input: TeamLeaveInput!) { teamLeave(input: $input) { team { id } userErrors { code } } }")
			.variable("input", Map.of("teamId", crew.teamId()))
			.execute()
			.path("teamLeave.userErrors").entityList(Object.class).hasSize(0);
		assertThat(status(shift, crew.volunteer(1).account().id())).isEqualTo("CONFIRMED");
		assertThat(signupCount(shift)).isEqualTo(1);
	}

	@Test
	void cancellingAShiftTellsEveryoneSignedUp() {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 1);
		crew.volunteers().forEach(v -> signUp(v.client(this.port), shift));
		String cancel = """
				mutation($input: ShiftCancelInput!) { shiftCancel(input: $input) { shift { status cancelReason } userErrors { code } } }""";
		crew.volunteer(0).client(this.port).document(cancel).variable("input", Map.of("shiftId", id(shift), "reason", "暴雨"))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		crew.captain().client(this.port).document(cancel).variable("input", Map.of("shiftId", id(shift), "reason", "暴雨"))
			.execute()
			.path("shiftCancel.shift.status").entity(String.class).isEqualTo("CANCELLED");
		for (int i = 0; i < 2; i++) {
			crew.volunteer(i).client(this.port).document("{ myNotifications { totalCount nodes { kind message } } }").execute()
				.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("SHIFT_CANCELLED")
				.path("myNotifications.nodes[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("暴雨"));
		}
	}

	@Test
	void aShortShiftStartingSoonIsAtRiskForTheCaptainAndTheGridWorker() {
		Crew crew = this.fixture.crew(1);
		Shift soon = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 3, 7);
		Shift later = this.fixture.shift(crew, Duration.ofDays(5), Duration.ofHours(2), 3, 7);
		signUp(crew.volunteer(0).client(this.port), soon);
		crew.captain().client(this.port).document("{ atRiskShifts { id confirmedCount atRisk } }").execute()
			.path("atRiskShifts[*].id").entityList(String.class).contains(id(soon)).doesNotContain(id(later));
		// 鲁红新 works DT-01, the shift's grid
		Clients.signedIn(this.port, "13900000002").document("{ atRiskShifts { id } }").execute()
			.path("atRiskShifts[*].id").entityList(String.class).contains(id(soon));
		crew.volunteer(0).client(this.port).document("{ atRiskShifts { id } }").execute()
			.path("atRiskShifts").entityList(Object.class).hasSize(0);
	}

	@Test
	void whoPatrolsWhenIsHiddenFromPeopleOutsideTheTeam() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(2), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		String roster = "query($id: ID!) { node(id: $id) { ... on Shift { confirmedCount signups { volunteer { displayName } } } } }";
		crew.captain().client(this.port).document(roster).variable("id", id(shift)).execute()
			.path("node.signups[0].volunteer.displayName").entity(String.class).isEqualTo("队员0");
		this.fixture.outsider().client(this.port).document(roster).variable("id", id(shift)).execute()
			.path("node.confirmedCount").entity(Integer.class).isEqualTo(1)
			.path("node.signups").entityList(Object.class).hasSize(0);
	}

	private String status(Shift shift, long accountId) {
		return this.jdbc.sql("SELECT status FROM shift_signup WHERE shift_id = ? AND account_id = ? AND status <> 'CANCELLED'")
			.params(shift.id(), accountId).query(String.class).single();
	}

	private int signupCount(Shift shift) {
		return this.jdbc.sql("SELECT count(*) FROM shift_signup WHERE shift_id = ? AND status <> 'CANCELLED'")
			.param(shift.id()).query(Integer.class).single();
	}

}
