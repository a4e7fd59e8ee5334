package org.qibao.timebank;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbour's gift reaches its recipient's notification list once, in the language they read in,
 * for their eyes only; reading it clears the badge, however many times the phone says so at once.
 */
@QibaoTest
class GiftNotificationTests {

	private static final String SEND = """
			mutation($input: GiftSendInput!) { giftSend(input: $input) { gift { minutes } userErrors { code } } }""";

	private static final String LIST = "{ myNotifications(first: 5) { totalCount unreadCount nodes { id kind message read } } }";

	private static final String MARK_READ = """
			mutation($input: NotificationsMarkReadInput!) { notificationsMarkRead(input: $input) {
			  unreadCount userErrors { code field } } }""";

	private static final String BY_ID = "query($id: ID!) { node(id: $id) { id ... on Notification { kind message } } }";

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

	private TimeBankFixtures.Volunteer giver;

	private TimeBankFixtures.Volunteer neighbour;

	@BeforeEach
	void fixtures() {
		TimeBankFixtures fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		this.giver = fixtures.volunteer(400);
		this.neighbour = fixtures.volunteer(0);
	}

	@Test
	void theRecipientIsToldOnceWhoGaveHowManyMinutesAndTheirNote() {
		give(30, "key-once");
		give(30, "key-once");
		recipient().mutate().header("Accept-Language", "zh-CN").build().document(LIST).execute()
			.path("myNotifications.totalCount").entity(Integer.class).isEqualTo(1)
			.path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(1)
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("GIFT_RECEIVED")
			.path("myNotifications.nodes[0].read").entity(Boolean.class).isEqualTo(false)
			.path("myNotifications.nodes[0].message").entity(String.class).isEqualTo("测试志愿者赠送给您 30 分钟：“谢谢邻居”");
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ? AND kind = 'GIFT_RECEIVED'")
			.param(this.neighbour.accountId()).query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ?")
			.param(this.giver.accountId()).query(Integer.class).single()).as("the giver is told nothing").isZero();
	}

	@Test
	void theMessageIsWordedInTheLanguageTheRecipientReadsInNow() {
		give(20, "key-language");
		recipient().mutate().header("Accept-Language", "en").build().document(LIST).execute()
			.path("myNotifications.nodes[0].message").entity(String.class).isEqualTo("测试志愿者 gave you 20 minutes: “谢谢邻居”");
		recipient().mutate().header("Accept-Language", "zh-CN").build().document(LIST).execute()
			.path("myNotifications.nodes[0].message").entity(String.class).isEqualTo("测试志愿者赠送给您 20 分钟：“谢谢邻居”");
	}

	@Test
	void aNotificationIsFoundByItsIdOnlyByItsAddressee() {
		give(10, "key-visible");
		String id = recipient().document(LIST).execute().path("myNotifications.nodes[0].id").entity(String.class).get();
		recipient().document(BY_ID).variable("id", id).execute()
			.path("node.kind").entity(String.class).isEqualTo("GIFT_RECEIVED");
		Clients.signedIn(this.port, this.giver.phone()).document(BY_ID).variable("id", id).execute()
			.path("node").valueIsNull();
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document(BY_ID).variable("id", id).execute()
			.path("node").valueIsNull();
		Clients.anonymous(this.port).document(BY_ID).variable("id", id).execute().path("node").valueIsNull();
	}

	@Test
	void markingReadClearsTheBadgeAndOthersCannotMarkOnesNotifications() {
		give(10, "key-read-1");
		give(11, "key-read-2");
		List<String> ids = recipient().document(LIST).execute()
			.path("myNotifications.nodes[*].id").entityList(String.class).hasSize(2).get();
		Clients.signedIn(this.port, this.giver.phone()).document(MARK_READ).variable("input", Map.of("upTo", ids.get(0)))
			.execute()
			.path("notificationsMarkRead.unreadCount").entity(Integer.class).isEqualTo(0);
		recipient().document(LIST).execute().path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(2);
		recipient().document(MARK_READ).variable("input", Map.of("ids", List.of(ids.get(1)))).execute()
			.path("notificationsMarkRead.unreadCount").entity(Integer.class).isEqualTo(1);
		recipient().document(LIST).execute()
			.path("myNotifications.nodes[*].read").entityList(Boolean.class).containsExactly(false, true);
		recipient().document(MARK_READ).variable("input", Map.of("upTo", ids.get(0))).execute()
			.path("notificationsMarkRead.unreadCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void markingNothingIsAClearErrorThatChangesNothing() {
		give(10, "key-nothing");
		recipient().document(MARK_READ).variable("input", Map.of("ids", List.of())).execute()
			.path("notificationsMarkRead.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
			.path("notificationsMarkRead.unreadCount").entity(Integer.class).isEqualTo(1);
		Clients.anonymous(this.port).document(MARK_READ).variable("input", Map.of("upTo", "x")).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void aBurstOfTheSameMarkReadMarksEachOnceAndLeavesNothingUnread() throws Exception {
		give(10, "key-burst-1");
		give(12, "key-burst-2");
		String newest = recipient().document(LIST).execute().path("myNotifications.nodes[0].id").entity(String.class).get();
		List<Integer> unread = Bursts.race(8, i -> () -> recipient().document(MARK_READ)
			.variable("input", Map.of("upTo", newest))
			.execute()
			.path("notificationsMarkRead.unreadCount")
			.entity(Integer.class)
			.get());
		assertThat(unread).containsOnly(0);
		assertThat(this.jdbc.sql("SELECT count(DISTINCT read_at) FROM notification WHERE account_id = ?")
			.param(this.neighbour.accountId()).query(Integer.class).single()).as("each marked by one request").isBetween(1, 2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ? AND read_at IS NULL")
			.param(this.neighbour.accountId()).query(Integer.class).single()).isZero();
	}

	private HttpGraphQlTester recipientClient;

	private HttpGraphQlTester recipient() {
		if (this.recipientClient == null) {
			this.recipientClient = Clients.signedIn(this.port, this.neighbour.phone());
		}
		return this.recipientClient;
	}

	private void give(int minutes, String key) {
		Clients.signedIn(this.port, this.giver.phone()).document(SEND)
			.variable("input", Map.of("recipientPhone", this.neighbour.phone(), "minutes", minutes, "note", "谢谢邻居",
					"idempotencyKey", key + "-" + this.giver.accountId()))
			.execute()
			.path("giftSend.userErrors").entityList(Object.class).hasSize(0);
	}

}
