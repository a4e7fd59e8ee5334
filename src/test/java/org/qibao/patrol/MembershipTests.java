package org.qibao.patrol;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class MembershipTests {

	private static final String REQUEST = """
			mutation($input: TeamJoinRequestInput!) { teamJoinRequest(input: $input) { joinRequest { id kind status } userErrors { code } } }""";

	private static final String INVITE = """
			mutation($input: TeamInviteInput!) { teamInvite(input: $input) { joinRequest { id kind } userErrors { code message } } }""";

	private static final String DECIDE = """
			mutation($input: JoinRequestDecideInput!) { joinRequestDecide(input: $input) { joinRequest { status } userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Test
	void aCaptainApprovesAJoinRequestAndTheNewcomerBecomesAMemberAndVolunteer() {
		Crew crew = this.fixture.crew(0);
		Person newcomer = this.fixture.outsider();
		HttpGraphQlTester phone = newcomer.client(this.port);
		String requestId = phone.document(REQUEST).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamJoinRequest.joinRequest.id").entity(String.class).get();
		phone.document(REQUEST).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamJoinRequest.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_REQUESTED");
		HttpGraphQlTester captain = crew.captain().client(this.port);
		captain.document("query($id: ID!) { node(id: $id) { ... on Team { joinRequests { id account { displayName } } } } }")
			.variable("id", crew.teamId()).execute()
			.path("node.joinRequests[*].id").entityList(String.class).containsExactly(requestId);
		captain.document(DECIDE).variable("input", Map.of("requestId", requestId, "approve", true)).execute()
			.path("joinRequestDecide.joinRequest.status").entity(String.class).isEqualTo("APPROVED");
		phone.document("{ myTeams { id } myNotifications { nodes { kind } } }").execute()
			.path("myTeams[*].id").entityList(String.class).containsExactly(crew.teamId())
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("JOIN_APPROVED");
		assertThat(this.fixture.accounts.rolesOf(newcomer.account().id()))
			.contains(new ScopedRole(Role.VOLUNTEER, crew.team().communityId()));
		captain.document(DECIDE).variable("input", Map.of("requestId", requestId, "approve", false)).execute()
			.path("joinRequestDecide.userErrors[0].code").entity(String.class).isEqualTo("NOT_PENDING");
	}

	@Test
	void aJoinRequestAndANotificationAreFoundByTheirIdsByThoseWhoMaySeeThem() {
		Crew crew = this.fixture.crew(1);
		Person newcomer = this.fixture.outsider();
		HttpGraphQlTester phone = newcomer.client(this.port);
		String requestId = phone.document(REQUEST).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamJoinRequest.joinRequest.id").entity(String.class).get();
		String byId = "query($id: ID!) { node(id: $id) { id ... on JoinRequest { status } ... on Notification { kind message } } }";
		phone.document(byId).variable("id", requestId).execute().path("node.status").entity(String.class).isEqualTo("PENDING");
		HttpGraphQlTester captain = crew.captain().client(this.port);
		captain.document(byId).variable("id", requestId).execute().path("node.id").entity(String.class).isEqualTo(requestId);
		crew.volunteer(0).client(this.port).document(byId).variable("id", requestId).execute().path("node").valueIsNull();
		this.fixture.crew(0).captain().client(this.port).document(byId).variable("id", requestId).execute()
			.path("node").valueIsNull();

		captain.document(DECIDE).variable("input", Map.of("requestId", requestId, "approve", true)).execute()
			.path("joinRequestDecide.joinRequest.status").entity(String.class).isEqualTo("APPROVED");
		String notificationId = phone.document("{ myNotifications { nodes { id } } }").execute()
			.path("myNotifications.nodes[0].id").entity(String.class).get();
		phone.document(byId).variable("id", notificationId).execute()
			.path("node.kind").entity(String.class).isEqualTo("JOIN_APPROVED")
			.path("node.message").entity(String.class).satisfies(message -> assertThat(message).contains(crew.team().name()));
		captain.document(byId).variable("id", notificationId).execute().path("node").valueIsNull();
	}

	@Test
	void onlyACaptainOfTheTeamDecidesJoinRequests() {
		Crew crew = this.fixture.crew(1);
		Person newcomer = this.fixture.outsider();
		String requestId = newcomer.client(this.port).document(REQUEST).variable("input", Map.of("teamId", crew.teamId()))
			.execute().path("teamJoinRequest.joinRequest.id").entity(String.class).get();
		for (HttpGraphQlTester stranger : new HttpGraphQlTester[] { newcomer.client(this.port),
				crew.volunteer(0).client(this.port), this.fixture.crew(0).captain().client(this.port) }) {
			stranger.document(DECIDE).variable("input", Map.of("requestId", requestId, "approve", true)).execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		}
	}

	@Test
	void anInvitedPersonAcceptsAndAMemberCanLeave() {
		Crew crew = this.fixture.crew(0);
		Person invited = this.fixture.outsider();
		String invitationId = crew.captain().client(this.port)
			.document("mutation($input: TeamInviteInput!) { teamInvite(input: $input) { joinRequest { id kind } userErrors { code } } }")
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", invited.id()))
			.execute()
			.path("teamInvite.joinRequest.kind").entity(String.class).isEqualTo("INVITATION")
			.path("teamInvite.joinRequest.id").entity(String.class).get();
		HttpGraphQlTester phone = invited.client(this.port);
		phone.document("{ myInvitations { id team { name } } }").execute()
			.path("myInvitations[*].id").entityList(String.class).containsExactly(invitationId);
		phone.document(DECIDE).variable("input", Map.of("requestId", invitationId, "approve", true)).execute()
			.path("joinRequestDecide.joinRequest.status").entity(String.class).isEqualTo("APPROVED");
		String leave = "mutation($input: TeamLeaveInput!) { teamLeave(input: $input) { team { members { id } } userErrors { code } } }";
		phone.document(leave).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamLeave.team.members[*].id").entityList(String.class).doesNotContain(invited.id());
		phone.document(leave).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamLeave.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
	}

	@Test
	void aCaptainInvitesByPhoneNumberAsPeopleTypeIt() {
		Crew crew = this.fixture.crew(1);
		Person invited = this.fixture.outsider();
		HttpGraphQlTester captain = crew.captain().client(this.port);
		String typed = "+86 " + invited.phone().substring(0, 3) + "-" + invited.phone().substring(3);
		String invitationId = captain.document(INVITE)
			.variable("input", Map.of("teamId", crew.teamId(), "phone", typed))
			.execute()
			.path("teamInvite.userErrors").entityList(Object.class).hasSize(0)
			.path("teamInvite.joinRequest.kind").entity(String.class).isEqualTo("INVITATION")
			.path("teamInvite.joinRequest.id").entity(String.class).get();
		invited.client(this.port).document("{ myInvitations { id } myNotifications { nodes { kind } } }").execute()
			.path("myInvitations[*].id").entityList(String.class).containsExactly(invitationId)
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("TEAM_INVITATION");
		captain.document(INVITE).variable("input", Map.of("teamId", crew.teamId(), "phone", invited.phone())).execute()
			.path("teamInvite.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_REQUESTED");
		captain.document(INVITE).variable("input", Map.of("teamId", crew.teamId(), "phone", crew.volunteer(0).phone()))
			.execute()
			.path("teamInvite.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MEMBER");
	}

	@Test
	void anInvitationByPhoneNamesSomeoneWithAnAccountAndOnlyOnce() {
		Crew crew = this.fixture.crew(1);
		Person invited = this.fixture.outsider();
		HttpGraphQlTester captain = crew.captain().client(this.port);
		Map<String, Object> noAccount = Map.of("teamId", crew.teamId(), "phone", "139 0000 0000 0");
		Map<String, Object> notANumber = Map.of("teamId", crew.teamId(), "phone", "call me");
		Map<String, Object> both = Map.of("teamId", crew.teamId(), "phone", invited.phone(), "accountId", invited.id());
		Map<String, Object> neither = Map.of("teamId", crew.teamId());
		Map<Map<String, Object>, String> refusals = Map.of(noAccount, "INVITEE_NOT_FOUND", notANumber, "INVALID_PHONE",
				both, "INVALID_INPUT", neither, "INVALID_INPUT");
		refusals.forEach((input, code) -> captain.document(INVITE).variable("input", input).execute()
			.path("teamInvite.joinRequest").valueIsNull()
			.path("teamInvite.userErrors[0].code").entity(String.class).isEqualTo(code)
			.path("teamInvite.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank()));
		invited.client(this.port).document("{ myInvitations { id } }").execute()
			.path("myInvitations").entityList(Object.class).hasSize(0);
	}

	@Test
	void onlyACaptainOfTheTeamInvites() {
		Crew crew = this.fixture.crew(1);
		Person invited = this.fixture.outsider();
		for (HttpGraphQlTester stranger : new HttpGraphQlTester[] { crew.volunteer(0).client(this.port),
				this.fixture.crew(0).captain().client(this.port) }) {
			stranger.document(INVITE).variable("input", Map.of("teamId", crew.teamId(), "phone", invited.phone())).execute()
				.errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		}
		invited.client(this.port).document("{ myInvitations { id } }").execute()
			.path("myInvitations").entityList(Object.class).hasSize(0);
	}

	@Test
	void aMemberCannotAskToJoinAgain() {
		Crew crew = this.fixture.crew(1);
		crew.volunteer(0).client(this.port).document(REQUEST).variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamJoinRequest.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MEMBER");
	}

}
