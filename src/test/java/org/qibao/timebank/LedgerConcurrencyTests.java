package org.qibao.timebank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's invariants hold under concurrency, proved against the real PostgreSQL. */
@QibaoTest
class LedgerConcurrencyTests {

	private static final int THREADS = 24;

	/**
	 * Repeats of one gift sent at once: each counts against the giver's hourly gift limit
	 * ({@code qibao.rate-limits.giftSend}, 10), so the burst stays within it.
	 */
	private static final int GIFT_REPEATS = 10;

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	@Autowired
	Courses courses;

	@Autowired
	TimeBank timeBank;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	private TimeBankFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
	}

	@Test
	void manyConcurrentSpendsAgainstOneBalanceNeverTakeItBelowZero() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		long passbook = this.fixtures.passbookId(volunteer);
		long school = this.transaction.execute(s -> this.ledger.open(AccountRef.school(this.fixtures.dongting(), this.fixtures.school())));
		List<Boolean> outcomes = Bursts.race(THREADS, i -> () -> {
			try {
				this.transaction.executeWithoutResult(s -> this.ledger.post(TransferRequest.of(TransferKind.SCHOOL_ENROLMENT,
						passbook, school, 10, "test", volunteer.accountId(), "spend-" + passbook + "-" + i)));
				return true;
			}
			catch (BusinessRuleException refused) {
				assertThat(refused.code()).isEqualTo("INSUFFICIENT_MINUTES");
				return false;
			}
		});
		assertThat(outcomes.stream().filter(ok -> ok).count()).as("spends that went through").isEqualTo(10);
		assertThat(this.fixtures.balance(volunteer)).isZero();
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void oneIdempotencyKeySentManyTimesAtOnceMovesMinutesOnce() throws Exception {
		TimeBankFixtures.Volunteer giver = this.fixtures.volunteer(200);
		TimeBankFixtures.Volunteer neighbour = this.fixtures.volunteer(0);
		HttpGraphQlTester client = Clients.signedIn(this.port, giver.phone());
		Map<String, Object> input = Map.of("recipientPhone", neighbour.phone(), "minutes", 30, "note", "给邻居",
				"idempotencyKey", "gift-once-" + System.nanoTime());
		Set<String> giftTimes = ConcurrentHashMap.newKeySet();
		List<Boolean> outcomes = Bursts.race(GIFT_REPEATS, i -> () -> {
			String sentAt = client.document("""
					mutation($input: GiftSendInput!) { giftSend(input: $input) { gift { minutes sentAt } userErrors { code } } }""")
				.variable("input", input)
				.execute()
				.path("giftSend.userErrors").entityList(Object.class).hasSize(0)
				.path("giftSend.gift.sentAt").entity(String.class).get();
			giftTimes.add(sentAt);
			return true;
		});
		assertThat(outcomes).hasSize(GIFT_REPEATS).containsOnly(true);
		assertThat(giftTimes).as("every repeat answers with the first gift").hasSize(1);
		assertThat(this.fixtures.balance(giver)).isEqualTo(170);
		assertThat(this.fixtures.balance(neighbour)).isEqualTo(30);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void theLastCourseSeatIsSoldToExactlyOneOfManyConcurrentBuyers() throws Exception {
		Course course = this.fixtures.course(1, 20);
		List<TimeBankFixtures.Volunteer> buyers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			buyers.add(this.fixtures.volunteer(60));
		}
		List<Boolean> outcomes = Bursts.race(buyers.size(), i -> () -> {
			try {
				this.courses.enrol(buyers.get(i).accountId(), course.id(), "seat-" + course.id() + "-" + i);
				return true;
			}
			catch (BusinessRuleException refused) {
				assertThat(refused.code()).isEqualTo("COURSE_FULL");
				return false;
			}
		});
		assertThat(outcomes.stream().filter(ok -> ok).count()).as("buyers who got the seat").isEqualTo(1);
		assertThat(this.courses.findAll(List.of(course.id())).get(course.id()).seatsLeft()).isZero();
		assertThat(buyers.stream().mapToLong(this.fixtures::balance).sum()).as("only the buyer paid").isEqualTo(12 * 60 - 20);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void concurrentEnrolmentsAndGiftsLeaveTheWholeLedgerSound() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(120);
		TimeBankFixtures.Volunteer neighbour = this.fixtures.volunteer(0);
		Course course = this.fixtures.course(50, 15);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		String courseId = GlobalId.encode("Course", course.id());
		Bursts.race(THREADS, i -> () -> {
			if (i % 2 == 0) {
				client.document("mutation($input: CourseEnrollInput!) { courseEnroll(input: $input) { userErrors { code } } }")
					.variable("input", Map.of("courseId", courseId, "idempotencyKey", "mixed-enrol-" + course.id() + "-" + i))
					.execute();
			}
			else {
				client.document("mutation($input: GiftSendInput!) { giftSend(input: $input) { userErrors { code } } }")
					.variable("input", Map.of("recipientPhone", neighbour.phone(), "minutes", 7,
							"idempotencyKey", "mixed-gift-" + course.id() + "-" + i))
					.execute();
			}
			return true;
		});
		assertThat(this.fixtures.balance(volunteer)).isBetween(0L, 120L);
		assertThat(this.fixtures.balance(volunteer) + this.fixtures.balance(neighbour)
				+ 15L * (50 - this.courses.findAll(List.of(course.id())).get(course.id()).seatsLeft()))
			.as("every minute is somewhere")
			.isEqualTo(120);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

}
