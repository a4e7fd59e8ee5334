package org.qibao.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each answer to a phone number typed by a person (a gift's recipient, a team's invitee) says
 * whether the number has an account, so each person may look up only a few numbers an hour:
 * a burst of lookups is cut at the limit, and then even a real number is not looked up.
 */
@QibaoTest
class PhoneLookupTests {

	/**
	 * {@code qibao.security.phone-lookups} as configured: below each mutation's own rate limit
	 * ({@code qibao.rate-limits.*}), so that it is the lookups, not the requests, that run out.
	 */
	private static final int LIMIT = 20;

	/** {@code qibao.rate-limits.giftSend.requests} as configured. */
	private static final int GIFTS = 10;

	private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000 * 100);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCaptainSweepingPhoneNumbersWithInvitationsIsStoppedAtTheLimit() throws Exception {
		long team = this.jdbc.sql("SELECT id FROM team ORDER BY id LIMIT 1").query(Long.class).single();
		HttpGraphQlTester captain = person(Role.CAPTAIN, team);
		String invite = """
				mutation($input: TeamInviteInput!) { teamInvite(input: $input) { userErrors { code field } } }""";
		List<String> outcomes = Bursts.race(LIMIT + 5, i -> () -> firstCode(captain.document(invite)
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team), "phone", unknownNumber()))
			.execute()
			.path("teamInvite.userErrors[*].code")
			.entityList(String.class)
			.get()));
		assertThat(outcomes.stream().filter("INVITEE_NOT_FOUND"::equals).count()).isEqualTo(LIMIT);
		assertThat(outcomes.stream().filter("TOO_MANY_PHONE_LOOKUPS"::equals).count()).isEqualTo(5);
		assertThat(captain.document(invite)
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team), "phone", Clients.VOLUNTEER_PHONE))
			.execute()
			.path("teamInvite.userErrors[0].code").entity(String.class).get())
			.as("a real number too").isEqualTo("TOO_MANY_PHONE_LOOKUPS");
	}

	@Test
	void theSameNumberLookedUpAgainCountsOnce() throws Exception {
		long team = this.jdbc.sql("SELECT id FROM team ORDER BY id LIMIT 1").query(Long.class).single();
		HttpGraphQlTester captain = person(Role.CAPTAIN, team);
		String invite = """
				mutation($input: TeamInviteInput!) { teamInvite(input: $input) { userErrors { code field } } }""";
		String again = unknownNumber();
		// within teamInvite's own rate limit (30 an hour) for this and what follows
		List<String> repeated = Bursts.race(8, i -> () -> firstCode(captain.document(invite)
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team), "phone", again))
			.execute()
			.path("teamInvite.userErrors[*].code")
			.entityList(String.class)
			.get()));
		assertThat(repeated).as("its answer tells nothing new").containsOnly("INVITEE_NOT_FOUND");
		List<String> others = Bursts.race(LIMIT, i -> () -> firstCode(captain.document(invite)
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team), "phone", unknownNumber()))
			.execute()
			.path("teamInvite.userErrors[*].code")
			.entityList(String.class)
			.get()));
		assertThat(others.stream().filter("INVITEE_NOT_FOUND"::equals).count()).isEqualTo(LIMIT - 1);
		assertThat(others.stream().filter("TOO_MANY_PHONE_LOOKUPS"::equals).count()).isEqualTo(1);
	}

	@Test
	void lookupsByGiftsAndByInvitationsCountTogether() throws Exception {
		long community = this.jdbc.sql("SELECT id FROM community ORDER BY id LIMIT 1").query(Long.class).single();
		long team = this.jdbc.sql("SELECT id FROM team WHERE community_id = ? ORDER BY id LIMIT 1")
			.param(community)
			.query(Long.class)
			.single();
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "查号测试", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, community);
		this.accounts.grant(account.id(), Role.CAPTAIN, team);
		HttpGraphQlTester person = Clients.signedIn(this.port, phone);
		String gift = """
				mutation($input: GiftSendInput!) { giftSend(input: $input) { gift { minutes } userErrors { code message } } }""";
		String invite = """
				mutation($input: TeamInviteInput!) { teamInvite(input: $input) { userErrors { code field } } }""";
		List<String> outcomes = Bursts.race(LIMIT + 5, i -> () -> firstCode((i < GIFTS)
				? person.document(gift)
					.variable("input", Map.of("communityId", GlobalId.encode("Community", community), "recipientPhone",
							unknownNumber(), "minutes", 10, "idempotencyKey", "sweep-" + i + "-" + System.nanoTime()))
					.execute()
					.path("giftSend.userErrors[*].code")
					.entityList(String.class)
					.get()
				: person.document(invite)
					.variable("input", Map.of("teamId", GlobalId.encode("Team", team), "phone", unknownNumber()))
					.execute()
					.path("teamInvite.userErrors[*].code")
					.entityList(String.class)
					.get()));
		assertThat(outcomes.stream().filter(c -> "RECIPIENT_NOT_FOUND".equals(c) || "INVITEE_NOT_FOUND".equals(c)).count())
			.isEqualTo(LIMIT);
		assertThat(outcomes.stream().filter("TOO_MANY_PHONE_LOOKUPS"::equals).count()).isEqualTo(5);
	}

	private HttpGraphQlTester person(Role role, long scope) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "查号测试", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), role, scope);
		return Clients.signedIn(this.port, phone);
	}

	private static String unknownNumber() {
		return "198" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000);
	}

	private static String firstCode(List<String> codes) {
		return codes.isEmpty() ? null : codes.get(0);
	}

}
