package org.qibao.timebank;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Accounts;
import org.qibao.patrol.AttendanceVerified;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified patrol minutes reach the passbook exactly once, through Spring Modulith's event
 * publication registry, whatever happens to the delivery.
 */
@QibaoTest
class PatrolEarningTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	IncompleteEventPublications incompletePublications;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	@Autowired
	TimeBank timeBank;

	@Autowired
	Policies policies;

	@Autowired
	Geography geography;

	private TimeBankFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
	}

	@Test
	void verifiedAttendanceIsCreditedFromTheCommunitysIssuingAccount() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		AttendanceVerified attendance = this.fixtures.attendance(volunteer.accountId(), 95, Instant.now());
		publish(attendance);
		awaitUntil(() -> credits(attendance) == 1);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(95);
		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).honourMinutes()).isZero();
		awaitUntil(() -> incompletePublicationsOf(attendance) == 0);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void anAttendanceEventDeliveredTwiceCreditsOnce() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		AttendanceVerified attendance = this.fixtures.attendance(volunteer.accountId(), 60, Instant.now());
		publish(attendance);
		publish(attendance);
		awaitUntil(() -> publicationsOf(attendance) == 2 && incompletePublicationsOf(attendance) == 0);
		assertThat(credits(attendance)).isEqualTo(1);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(60);
	}

	@Test
	void aCrashBetweenVerificationAndCreditingStillCreditsOnceAfterRestart() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		AttendanceVerified delivered = this.fixtures.attendance(volunteer.accountId(), 30, Instant.now());
		publish(delivered);
		awaitUntil(() -> credits(delivered) == 1 && incompletePublicationsOf(delivered) == 0);

		// the patrol module's transaction committed its event publication, then the server died
		// before the time bank's listener ran: the registry holds it, incomplete
		AttendanceVerified stranded = this.fixtures.attendance(volunteer.accountId(), 40, Instant.now());
		strandPublicationLike(delivered, stranded);
		assertThat(credits(stranded)).isZero();

		// what a restart does (republish-outstanding-events-on-restart), done here twice over
		this.incompletePublications.resubmitIncompletePublications(p -> isAbout(p.getEvent(), stranded));
		awaitUntil(() -> credits(stranded) == 1 && incompletePublicationsOf(stranded) == 0);
		this.incompletePublications.resubmitIncompletePublications(p -> isAbout(p.getEvent(), stranded));
		this.earnings.credit(stranded);

		assertThat(credits(stranded)).isEqualTo(1);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(70);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void minutesOverTheCommunitysCapsBecomeHonourMinutes() {
		long community = this.jdbc.sql("SELECT street_id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		long capped = this.geography.createCommunity(community, "封顶社区" + System.nanoTime() % 1_000_000, "Asia/Shanghai");
		this.policies.set(new TimeBankPolicy(capped, 60, 100, 120, 300));
		long person = this.fixtures.volunteer(0).accountId();
		Instant dayOne = Instant.parse("2026-03-02T02:00:00Z");
		Instant dayTwo = Instant.parse("2026-03-03T02:00:00Z");

		assertThat(this.earnings.credit(TimeBankFixtures.attendance(person, capped, 50, dayOne))).isEqualTo(50);
		assertThat(this.earnings.credit(TimeBankFixtures.attendance(person, capped, 30, dayOne))).as("daily cap").isEqualTo(10);
		assertThat(this.earnings.credit(TimeBankFixtures.attendance(person, capped, 80, dayTwo))).as("total cap").isEqualTo(40);
		assertThat(this.earnings.credit(TimeBankFixtures.attendance(person, capped, 30, dayTwo.plusSeconds(86_400)))).isZero();

		Passbook passbook = this.timeBank.passbook(capped, person);
		assertThat(passbook.balance()).isEqualTo(100);
		assertThat(passbook.available()).isEqualTo(100);
		assertThat(passbook.honourMinutes()).isEqualTo(20 + 40 + 30);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void zeroVerifiedMinutesMoveNothing() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		AttendanceVerified attendance = this.fixtures.attendance(volunteer.accountId(), 0, Instant.now());
		assertThat(this.earnings.credit(attendance)).isZero();
		assertThat(credits(attendance)).isZero();
		assertThat(this.fixtures.balance(volunteer)).isZero();
	}

	private void publish(AttendanceVerified attendance) {
		this.transaction.executeWithoutResult(status -> this.events.publishEvent(attendance));
	}

	/** Stores a publication of the stranded event as the registry would have, never completed. */
	private void strandPublicationLike(AttendanceVerified delivered, AttendanceVerified stranded) {
		var row = this.jdbc.sql("""
				SELECT listener_id, event_type, serialized_event FROM event_publication
				WHERE serialized_event LIKE ? AND listener_id LIKE '%timebank.PatrolEarnings%'
				ORDER BY publication_date DESC LIMIT 1""")
			.param("%\"attendanceId\":" + delivered.attendanceId() + ",%")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		String serialized = row[2].replace("\"attendanceId\":" + delivered.attendanceId() + ",",
				"\"attendanceId\":" + stranded.attendanceId() + ",")
			.replace("\"verifiedMinutes\":" + delivered.verifiedMinutes() + ",", "\"verifiedMinutes\":" + stranded.verifiedMinutes() + ",");
		this.jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
				VALUES (?, ?, ?, ?, now() - interval '1 minute', 'PUBLISHED', 1)""")
			.params(UUID.randomUUID(), row[0], row[1], serialized)
			.update();
	}

	private static boolean isAbout(Object event, AttendanceVerified attendance) {
		return event instanceof AttendanceVerified a && a.attendanceId() == attendance.attendanceId();
	}

	private int credits(AttendanceVerified attendance) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE idempotency_key = ?")
			.param("attendance:" + attendance.attendanceId())
			.query(Integer.class)
			.single();
	}

	private int publicationsOf(AttendanceVerified attendance) {
		return countPublications(attendance, "");
	}

	private int incompletePublicationsOf(AttendanceVerified attendance) {
		return countPublications(attendance, " AND completion_date IS NULL");
	}

	private int countPublications(AttendanceVerified attendance, String condition) {
		// the time bank's own deliveries: other modules (gamification) listen to the same event
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%AttendanceVerified' "
				+ "AND listener_id LIKE '%timebank.PatrolEarnings%' AND serialized_event LIKE ?" + condition)
			.param("%\"attendanceId\":" + attendance.attendanceId() + ",%")
			.query(Integer.class)
			.single();
	}

	private static void awaitUntil(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not reached within 30 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
