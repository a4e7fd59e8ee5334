package org.qibao.pair;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qibao.pair.Pair.Person;
import org.qibao.shared.GlobalId;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.pair.Pair.a;
import static org.qibao.pair.Pair.b;

/**
 * The scheduled jobs run on both instances (every 2 s on the pair): each piece of work is done
 * once. A test brings a deadline into the past in PostgreSQL, waits for the job's effect, then
 * watches it stay single while both instances keep running the job.
 */
@EnabledIfSystemProperty(named = Pair.URLS, matches = ".+")
class JobsAcrossInstancesPairTests {

	/** Long enough for each instance to run the job a few more times after the first did the work. */
	private static final Duration STAYS = Duration.ofSeconds(8);

	private static final String CODE_REQUEST = """
			mutation($input: RedemptionCodeRequestInput!) { redemptionCodeRequest(input: $input) {
			  redemption { id code status minutes } userErrors { code message } } }""";

	private static final String CASE_REPORT = """
			mutation($input: CaseReportInput!) { caseReport(input: $input) { case { id } userErrors { code message } } }""";

	private final JdbcClient jdbc = Pair.jdbc();

	@Test
	void aCheckInForgottenPastItsShiftsEndIsClosedOnceWithOneAttendance() {
		Person volunteer = Pair.invitedVolunteer("忘了签退");
		String shift = Pair.shiftOnNow(a());
		long checkIn = Pair.key(Pair.signedUpAndCheckedIn(volunteer, shift, a(), b()));
		// the shift ends now; the pair's check-out grace is a second
		this.jdbc.sql("UPDATE shift SET ends_at = now() WHERE id = ?").param(Pair.key(shift)).update();

		await().atMost(Pair.JOB_PATIENCE).until(() -> closedHow(checkIn) != null);
		assertThat(closedHow(checkIn)).isEqualTo("AUTOMATIC");
		await().during(STAYS).atMost(STAYS.plusSeconds(30)).untilAsserted(() -> {
			assertThat(count("SELECT count(*) FROM attendance WHERE check_in_id = ?", checkIn)).as("attendances").isEqualTo(1);
			assertThat(count("SELECT count(*) FROM check_in WHERE account_id = ?", volunteer.accountId())).isEqualTo(1);
		});
		Pair.withToken(b(), volunteer.token()).document("{ me { displayName } }").execute()
			.path("me.displayName").entity(String.class).isEqualTo("忘了签退");
	}

	@Test
	void aCodeNobodyUsedExpiresOnceAndItsMinutesComeBackOnce() {
		String volunteer = Pair.demoToken(a(), "13900000006");
		long account = accountOf("13900000006");
		long[] before = passbook(account);
		long redemption = requestCode(volunteer, "理发");
		assertThat(passbook(account)[1]).as("held while the code is out").isEqualTo(before[1] + 60);
		this.jdbc.sql("UPDATE redemption SET expires_at = now() - interval '1 second' WHERE id = ?").param(redemption).update();

		await().atMost(Pair.JOB_PATIENCE).until(() -> "EXPIRED".equals(redemptionStatus(redemption)));
		await().during(STAYS).atMost(STAYS.plusSeconds(30)).untilAsserted(() -> {
			assertThat(redemptionStatus(redemption)).isEqualTo("EXPIRED");
			assertThat(holdStatus(redemption)).isEqualTo("RELEASED");
			assertThat(passbook(account)).as("balance and held minutes").containsExactly(before);
			assertThat(count("SELECT count(*) FROM ledger_transfer WHERE hold_id = (SELECT hold_id FROM redemption WHERE id = ?)",
					redemption)).as("transfers of its hold").isZero();
		});
	}

	@Test
	void aHoldPastItsTimeExpiresOnceAndItsMinutesComeBackOnce() {
		String volunteer = Pair.demoToken(b(), "13900000007");
		long account = accountOf("13900000007");
		long[] before = passbook(account);
		long redemption = requestCode(volunteer, "刮脸修面");
		assertThat(passbook(account)[1]).isEqualTo(before[1] + 30);
		this.jdbc.sql("UPDATE ledger_hold SET expires_at = now() - interval '1 second' WHERE id = (SELECT hold_id FROM redemption WHERE id = ?)")
			.param(redemption)
			.update();

		await().atMost(Pair.JOB_PATIENCE).until(() -> "EXPIRED".equals(holdStatus(redemption)));
		await().during(STAYS).atMost(STAYS.plusSeconds(30)).untilAsserted(() -> {
			assertThat(holdStatus(redemption)).isEqualTo("EXPIRED");
			assertThat(passbook(account)).as("balance and held minutes").containsExactly(before);
		});
	}

	@Test
	void aCaseOverdueForAcceptanceIsEscalatedOnce() {
		Person reporter = Pair.invitedVolunteer("逾期上报");
		Map<String, Object> reported = Pair.must(reporter.on(b()), CASE_REPORT, "caseReport",
				Map.of("reportId", UUID.randomUUID().toString(), "categoryId",
						LiveUpdatesAcrossInstancesPairTests.category(reporter), "description", "井盖松动 " + UUID.randomUUID(),
						"position", Pair.IN_DT01));
		long gridCase = Pair.key((String) ((Map<?, ?>) reported.get("case")).get("id"));
		this.jdbc.sql("UPDATE grid_case SET accept_due_at = now() - interval '1 minute' WHERE id = ?").param(gridCase).update();

		await().atMost(Pair.JOB_PATIENCE)
			.until(() -> this.jdbc.sql("SELECT escalated_at IS NOT NULL FROM grid_case WHERE id = ?").param(gridCase)
				.query(Boolean.class).single());
		await().during(STAYS).atMost(STAYS.plusSeconds(30)).untilAsserted(() -> assertThat(
				count("SELECT count(*) FROM case_event WHERE case_id = ? AND kind = 'ESCALATED'", gridCase))
			.as("escalation events").isEqualTo(1));
		Pair.withToken(a(), Pair.demoToken(a(), Pair.ADMINISTRATOR))
			.document("query($id: ID!) { node(id: $id) { ... on Case { escalatedAt } } }")
			.variable("id", GlobalId.encode("Case", gridCase))
			.execute()
			.path("node.escalatedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
	}

	@Test
	void tracksPastTheirRetentionAreDeletedByOneInstanceAndNewerOnesKept() {
		long checkIn = -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) - 1;
		Instant old = Instant.now().minus(Duration.ofDays(40));
		Instant recent = Instant.now().minus(Duration.ofMinutes(5));
		for (Instant at : new Instant[] { old, recent }) {
			this.jdbc.sql("""
					INSERT INTO patrol_track (check_in_id, account_id, community_id, recorded_at, longitude, latitude, accuracy, inside)
					VALUES (?, ?, ?, ?, 114.353, 30.5675, 8, true)""")
				.params(checkIn, accountOf("13900000004"), Pair.dongting(), Timestamp.from(at))
				.update();
		}
		Instant due = Instant.now();
		// the job ran at start-up and waits 50 minutes before it is due again: make it due now
		this.jdbc.sql("UPDATE location_job_run SET last_at = now() - interval '1 hour' WHERE job = 'track-retention'").update();

		await().atMost(Pair.JOB_PATIENCE).until(() -> count("SELECT count(*) FROM patrol_track WHERE check_in_id = ? AND recorded_at = ?",
				checkIn, Timestamp.from(old)) == 0);
		assertThat(count("SELECT count(*) FROM patrol_track WHERE check_in_id = ?", checkIn)).as("the recent position").isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT last_at FROM location_job_run WHERE job = 'track-retention'").query(Timestamp.class).single()
			.toInstant()).as("the run recorded").isAfterOrEqualTo(due.minusSeconds(5));
	}

	private long requestCode(String token, String offerTitle) {
		long offer = this.jdbc.sql("SELECT id FROM merchant_offer WHERE title = ?").param(offerTitle).query(Long.class).single();
		Map<String, Object> requested = Pair.must(Pair.withToken(a(), token), CODE_REQUEST, "redemptionCodeRequest",
				Map.of("offerId", GlobalId.encode("Offer", offer), "idempotencyKey", "pair-" + UUID.randomUUID()));
		return Pair.key((String) ((Map<?, ?>) requested.get("redemption")).get("id"));
	}

	private String closedHow(long checkIn) {
		return this.jdbc.sql("SELECT closed_how FROM check_in WHERE id = ?").param(checkIn).query(String.class).optional().orElse(null);
	}

	private String redemptionStatus(long redemption) {
		return this.jdbc.sql("SELECT status FROM redemption WHERE id = ?").param(redemption).query(String.class).single();
	}

	private String holdStatus(long redemption) {
		return this.jdbc.sql("SELECT h.status FROM ledger_hold h JOIN redemption r ON r.hold_id = h.id WHERE r.id = ?")
			.param(redemption).query(String.class).single();
	}

	/** The passbook's balance and held minutes. */
	private long[] passbook(long account) {
		return this.jdbc.sql("SELECT balance, held FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ?")
			.param(account)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private long accountOf(String phone) {
		return this.jdbc.sql("SELECT id FROM account WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
