package org.qibao.timebank;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers give minutes to neighbours within the community's limits, and nothing else moves. */
@QibaoTest
class GiftTests {

	private static final String SEND = """
			mutation($input: GiftSendInput!) { giftSend(input: $input) {
			  gift { minutes note sender { displayName } recipient { displayName } } passbook { balance }
			  userErrors { code message field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	private TimeBankFixtures fixtures;

	private TimeBankFixtures.Volunteer giver;

	private TimeBankFixtures.Volunteer neighbour;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		this.giver = this.fixtures.volunteer(400);
		this.neighbour = this.fixtures.volunteer(0);
	}

	@Test
	void aVolunteerGivesMinutesToANeighbour() {
		send(gift(45, "key-ok")).path("giftSend.userErrors").entityList(Object.class).hasSize(0)
			.path("giftSend.gift.minutes").entity(Integer.class).isEqualTo(45)
			.path("giftSend.gift.note").entity(String.class).isEqualTo("谢谢邻居")
			.path("giftSend.gift.recipient.displayName").entity(String.class).isEqualTo("测试志愿者")
			.path("giftSend.passbook.balance").entity(Integer.class).isEqualTo(355);
		assertThat(this.fixtures.balance(this.neighbour)).isEqualTo(45);
	}

	@Test
	void aGiftIsAnnouncedOnceInTheEventPublicationRegistryForTheModulesThatRecogniseHelp() {
		send(gift(15, "key-event")).path("giftSend.userErrors").entityList(Object.class).hasSize(0);
		send(gift(15, "key-event")).path("giftSend.userErrors").entityList(Object.class).hasSize(0);
		long giftId = this.jdbc.sql("SELECT id FROM gift WHERE sender_id = ?").param(this.giver.accountId()).query(Long.class).single();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE event_type LIKE '%GiftGiven' AND serialized_event LIKE ?""")
			.param("%\"giftId\":" + giftId + ",%")
			.query(Integer.class)
			.single()).as("publications of the gift, one per listener").isEqualTo(1);
	}

	@Test
	void giftingToOneselfIsRefused() {
		Map<String, Object> input = gift(10, "key-self");
		input.put("recipientPhone", this.giver.phone());
		refused(input, "GIFT_TO_SELF");
	}

	@Test
	void aGiftOverTheLimitPerGiftIsRefused() {
		refused(gift(121, "key-big"), "GIFT_OVER_LIMIT");
	}

	@Test
	void giftsOverTheMonthlyLimitAreRefused() {
		send(gift(120, "key-m1"));
		send(gift(120, "key-m2"));
		GraphQlTester.Response response = refused(gift(61, "key-m3"), "GIFT_MONTHLY_LIMIT");
		response.path("giftSend.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("60"));
		assertThat(this.fixtures.balance(this.giver)).isEqualTo(160);
	}

	@Test
	void zeroAndNegativeAmountsAreRefused() {
		refused(gift(0, "key-zero"), "INVALID_AMOUNT");
		refused(gift(-5, "key-negative"), "INVALID_AMOUNT");
	}

	@Test
	void aNonIntegerAmountIsABadRequest() {
		Map<String, Object> input = gift(1, "key-fraction");
		input.put("minutes", 1.5);
		Clients.signedIn(this.port, this.giver.phone()).document(SEND).variable("input", input).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		assertThat(this.fixtures.balance(this.giver)).isEqualTo(400);
	}

	@Test
	void anUnknownRecipientIsRefused() {
		Map<String, Object> input = gift(10, "key-unknown");
		input.put("recipientPhone", "10000000000");
		refused(input, "RECIPIENT_NOT_FOUND");
	}

	@Test
	void spendingMoreThanTheBalanceIsRefused() {
		Map<String, Object> input = gift(10, "key-poor");
		input.put("recipientPhone", this.giver.phone());
		GraphQlTester.Response response = Clients.signedIn(this.port, this.neighbour.phone()).document(SEND)
			.variable("input", input).execute();
		response.path("giftSend.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_MINUTES");
		assertThat(this.fixtures.balance(this.giver)).isEqualTo(400);
	}

	@Test
	void theSameKeyWithOtherContentIsRefused() {
		send(gift(10, "key-same"));
		refused(gift(11, "key-same"), "IDEMPOTENCY_KEY_REUSED");
		assertThat(this.fixtures.balance(this.neighbour)).isEqualTo(10);
	}

	@Test
	void actingInAnotherCommunityIsForbidden() {
		Map<String, Object> input = gift(10, "key-elsewhere");
		input.put("communityId", org.qibao.shared.GlobalId.encode("Community", 999_999));
		Clients.signedIn(this.port, this.giver.phone()).document(SEND).variable("input", input).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		Clients.anonymous(this.port).document(SEND).variable("input", gift(10, "key-anonymous")).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
		assertThat(this.fixtures.balance(this.giver)).isEqualTo(400);
	}

	private GraphQlTester.Response refused(Map<String, Object> input, String code) {
		GraphQlTester.Response response = send(input);
		response.path("giftSend.gift").valueIsNull();
		response.path("giftSend.userErrors[0].code").entity(String.class).isEqualTo(code);
		assertThat(this.fixtures.balance(this.neighbour)).as("nothing reached the neighbour").isLessThanOrEqualTo(240);
		return response;
	}

	private GraphQlTester.Response send(Map<String, Object> input) {
		return Clients.signedIn(this.port, this.giver.phone()).document(SEND).variable("input", input).execute();
	}

	private Map<String, Object> gift(int minutes, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("recipientPhone", this.neighbour.phone());
		input.put("minutes", minutes);
		input.put("note", "谢谢邻居");
		input.put("idempotencyKey", key + "-" + this.giver.accountId());
		return input;
	}

}
