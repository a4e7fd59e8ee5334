package org.qibao.pair;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qibao.pair.Pair.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.pair.Pair.a;
import static org.qibao.pair.Pair.b;

/** Signing in on one instance and out on another, as a phone behind a load balancer does. */
@EnabledIfSystemProperty(named = Pair.URLS, matches = ".+")
class SignInAcrossInstancesPairTests {

	private static final String SIGN_OUT = """
			mutation($input: AccountSignOutInput!) { accountSignOut(input: $input) { signedOut userErrors { code } } }""";

	private static final String CASE_UPDATES = """
			subscription($community: ID!) { caseUpdates(communityId: $community) { id } }""";

	@Test
	void aVolunteersTokenFromOneInstanceWorksOnTheOther() {
		String fromA = Pair.demoToken(a(), "13900000004");
		String fromB = Pair.demoToken(b(), "13900000004");
		Pair.withToken(b(), fromA).document("{ me { displayName } }").execute()
			.path("me.displayName").entity(String.class).isEqualTo("肖建国");
		Pair.withToken(a(), fromB).document("{ me { displayName } }").execute()
			.path("me.displayName").entity(String.class).isEqualTo("肖建国");
	}

	@Test
	void anInvitationMadeOnOneInstanceIsAcceptedOnTheOtherAndItsTokenWorksOnBoth() {
		Person joined = Pair.invitedVolunteer("两台入队");
		for (String instance : new String[] { a(), b() }) {
			joined.on(instance).document("{ me { displayName roles { role scopeName } } }").execute()
				.path("me.displayName").entity(String.class).isEqualTo("两台入队")
				.path("me.roles[*].role").entityList(String.class).contains("VOLUNTEER");
		}
	}

	@Test
	void signingOutOnOneInstanceEndsTheTokenOnTheOtherAndClosesItsSubscription() throws Exception {
		String token = Pair.demoToken(a(), Pair.GRID_WORKER);
		String otherPhone = Pair.demoToken(b(), Pair.GRID_WORKER);
		try (PairSocket signedOut = PairSocket.signedIn(b(), token);
				PairSocket stillIn = PairSocket.signedIn(b(), otherPhone)) {
			signedOut.subscribe("board", CASE_UPDATES, Map.of("community", Pair.community()));
			stillIn.subscribe("board", CASE_UPDATES, Map.of("community", Pair.community()));
			assertThat(Pair.status(b(), token)).as("the token on the other instance before").isEqualTo(200);

			Pair.withToken(a(), token).document(SIGN_OUT).variable("input", Map.of()).execute()
				.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true);

			assertThat(Pair.status(a(), token)).as("the next request where it signed out").isEqualTo(401);
			await().atMost(Pair.ACROSS).untilAsserted(() -> assertThat(Pair.status(b(), token)).isEqualTo(401));
			assertThat(signedOut.closeCode()).as("its subscription on the other instance").isEqualTo(4401);
			assertThat(Pair.status(b(), otherPhone)).as("the same person's other phone").isEqualTo(200);
			assertThat(stillIn.isOpen()).as("the other phone's subscription").isTrue();
		}
	}

	@Test
	void signingOutOfAllPhonesOnOneInstanceEndsEveryTokenOnTheOther() throws Exception {
		Person volunteer = Pair.invitedVolunteer("全部退出");
		String secondPhone = Pair.token(a(), volunteer.phone(), Pair.PASSWORD);
		try (PairSocket onB = PairSocket.signedIn(b(), volunteer.token())) {
			assertThat(Pair.status(b(), volunteer.token())).isEqualTo(200);

			Pair.withToken(a(), secondPhone).document(SIGN_OUT).variable("input", Map.of("everywhere", true)).execute()
				.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true);

			await().atMost(Pair.ACROSS).untilAsserted(() -> {
				assertThat(Pair.status(b(), volunteer.token())).as("the first phone's token").isEqualTo(401);
				assertThat(Pair.status(b(), secondPhone)).as("the phone that signed out").isEqualTo(401);
			});
			assertThat(Pair.status(a(), volunteer.token())).isEqualTo(401);
			assertThat(onB.closeCode()).as("the first phone's connection to the other instance").isEqualTo(4401);
		}
		assertThat(Pair.token(b(), volunteer.phone(), Pair.PASSWORD)).as("signing in again").isNotBlank();
	}

}
