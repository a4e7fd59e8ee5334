package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo community as the location tests use it, and volunteers of their own who check in
 * and report positions through the real GraphQL endpoint.
 */
final class Patrol {

	static final String PASSWORD = "patrol-test-2026";

	static final String REPORT = """
			mutation($input: PositionReportInput!) { positionReport(input: $input) {
			  accepted coalesced dropped { reason count } patroller { checkInId insidePatrolArea grid { code } }
			  userErrors { code field } } }""";

	static final String BATCH = """
			mutation($input: PositionReportBatchInput!) { positionReportBatch(input: $input) {
			  accepted coalesced dropped { reason count } droppedReports { index reason } userErrors { code field } } }""";

	/** A point well inside DT-01, and one inside DT-02. */
	static final double[] IN_DT01 = { 114.3530, 30.5675 };

	static final double[] IN_DT02 = { 114.3590, 30.5676 };

	final int port;

	final long communityId;

	final long teamId;

	final long dt01;

	final long dt02;

	final long dt03;

	private final Accounts accounts;

	private final TestCheckIns checkIns;

	Patrol(int port, JdbcClient jdbc, Accounts accounts, TestCheckIns checkIns) {
		this.port = port;
		this.accounts = accounts;
		this.checkIns = checkIns;
		this.communityId = jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		this.teamId = jdbc.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single();
		this.dt01 = grid(jdbc, "DT-01");
		this.dt02 = grid(jdbc, "DT-02");
		this.dt03 = grid(jdbc, "DT-03");
	}

	private long grid(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT id FROM grid WHERE community_id = ? AND code = ?")
			.params(this.communityId, code)
			.query(Long.class)
			.single();
	}

	/** A volunteer of the demo community, signed in. */
	Volunteer volunteer(String name) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, PASSWORD, "en");
		this.accounts.grant(account.id(), Role.VOLUNTEER, this.communityId);
		return new Volunteer(account, phone, Clients.signedIn(this.port, phone, PASSWORD));
	}

	/** A volunteer checked in to a shift of the Seven Treasures team in DT-01 and DT-02 whose window began twenty minutes ago. */
	Volunteer checkedIn(String name) {
		Volunteer volunteer = volunteer(name);
		volunteer.checkIn = checkIn(volunteer.account.id(), null);
		return volunteer;
	}

	ActiveCheckIn checkIn(long accountId, Long reportedBy) {
		Instant start = Instant.now().minus(Duration.ofMinutes(20));
		return this.checkIns.open(accountId, this.communityId, this.teamId, List.of(this.dt01, this.dt02), start,
				start.plus(Duration.ofHours(2)), reportedBy);
	}

	String community() {
		return GlobalId.encode("Community", this.communityId);
	}

	String grid(long id) {
		return GlobalId.encode("Grid", id);
	}

	static Map<String, Object> position(double[] lonLat, double accuracy, Instant at) {
		Map<String, Object> input = new HashMap<>();
		input.put("position", Map.of("longitude", lonLat[0], "latitude", lonLat[1]));
		input.put("accuracy", accuracy);
		input.put("recordedAt", at.toString());
		return input;
	}

	/** A lon/lat this many metres east of another. */
	static double[] east(double[] lonLat, double metres) {
		return new double[] { lonLat[0] + metres / (111_320 * Math.cos(Math.toRadians(lonLat[1]))), lonLat[1] };
	}

	static final class Volunteer {

		final Account account;

		final String phoneNumber;

		final HttpGraphQlTester phone;

		ActiveCheckIn checkIn;

		Volunteer(Account account, String phoneNumber, HttpGraphQlTester phone) {
			this.account = account;
			this.phoneNumber = phoneNumber;
			this.phone = phone;
		}

		GraphQlTester.Response report(double[] lonLat, Instant at) {
			return this.phone.document(REPORT).variable("input", position(lonLat, 10, at)).execute();
		}

		GraphQlTester.Response batch(List<Map<String, Object>> reports) {
			return this.phone.document(BATCH).variable("input", Map.of("reports", reports)).execute();
		}

		String checkInId() {
			return GlobalId.encode("CheckIn", this.checkIn.checkInId());
		}

	}

}
