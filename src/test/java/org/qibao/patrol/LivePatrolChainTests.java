package org.qibao.patrol;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.checkOut;
import static org.qibao.patrol.PatrolFixture.signUp;

/**
 * The patrol and location modules joined with no test double between them: check-ins made through
 * GraphQL, positions reported through GraphQL and stored in Redis, coverage read at check-out,
 * attendance verified and credited by the time bank.
 */
@QibaoTest
@Import(PatrolFixture.class)
@TestPropertySource(properties = { "qibao.location.late-report-window=5s", "qibao.location.final-coverage-period=1s" })
class LivePatrolChainTests {

	private static final String BATCH = """
			mutation($input: PositionReportBatchInput!) { positionReportBatch(input: $input) {
			  accepted droppedReports { index reason } userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ShiftPlanning planning;

	@Autowired
	Signups signups;

	@Autowired
	CheckIns checkIns;

	@Test
	void aReportNeverAsksThePatrolModuleAboutItsCheckIn() throws Exception {
		Crew crew = this.fixture.crew(1);
		Person volunteer = crew.volunteer(0);
		Shift shift = this.fixture.shift(crew, Duration.ofSeconds(-1), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);

		// the patrol module's tables are locked while the phone reports: a report that asked the
		// patrol module about its check-in would wait for them
		try (Connection locker = this.dataSource.getConnection(); Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			statement.execute("LOCK TABLE check_in, shift, shift_grid, team IN ACCESS EXCLUSIVE MODE");
			try {
				phone.document(BATCH)
					.variable("input", Map.of("reports", List.of(position(IN_DT01, Instant.now()))))
					.execute()
					.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(1);
			}
			finally {
				locker.rollback();
			}
		}
	}

	@Test
	void aCaptainsPhoneReportsForAMemberTheyCheckedInAndTheMemberIsCredited() {
		Crew crew = this.fixture.crew(1);
		Person member = crew.volunteer(0);
		Person captain = crew.captain();
		// a shift planned, signed up for and checked into (by the captain, for the member) ten minutes ago
		// ten whole minutes and a half before the check-out: ten minutes checked in, however fast the test runs
		Duration earlier = Duration.ofMinutes(10).plusSeconds(30);
		Instant then = Instant.now().minus(earlier);
		Shift shift = this.planning.createShift(crew.team().id(), List.of(crew.dt01().id()), then.plusSeconds(1),
				then.plus(Duration.ofHours(1)), 1, 7, List.of(), crew.captain().account().id(), then.minusSeconds(60));
		this.signups.signUp(shift.id(), member.account().id(), false, then);
		this.checkIns.checkIn(shift.id(), member.account().id(), new CheckIns.Fix(IN_DT01, 10.0),
				captain.account().id(), then.plusSeconds(1));
		HttpGraphQlTester captainsPhone = captain.client(this.port);
		Map<String, Object> byProxy = Map.of("shiftId", PatrolFixture.id(shift), "position",
				PatrolFixture.position(IN_DT01), "accuracy", 10, "forAccountId", member.id());

		// the captain's phone reports for the member every 15 s of those ten minutes
		Instant now = Instant.now();
		List<Map<String, Object>> reports = new ArrayList<>();
		for (Instant at = now.minus(earlier).plusSeconds(5); at.isBefore(now); at = at.plusSeconds(15)) {
			reports.add(position(IN_DT01, at));
		}
		captainsPhone.document(BATCH)
			.variable("input", Map.of("reports", reports, "forAccountId", member.id()))
			.execute()
			.path("positionReportBatch.userErrors").entityList(Object.class).hasSize(0)
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(reports.size());

		captainsPhone.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) {
				  checkIn { attendance { status verifiedMinutes } } userErrors { code } } }""")
			.variable("input", byProxy)
			.execute()
			.path("shiftCheckOut.checkIn.attendance.status").entity(String.class).isEqualTo("VERIFIED")
			.path("shiftCheckOut.checkIn.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(10);

		String community = GlobalId.encode("Community", crew.team().communityId());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> member.client(this.port)
			.document("query($c: ID) { passbook(communityId: $c) { balance } }")
			.variable("c", community)
			.execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(10));
	}

	@Test
	void positionsQueuedInADeadZoneAndSentAfterTheCheckOutCountForThePatrol() {
		Crew crew = this.fixture.crew(1);
		Person volunteer = crew.volunteer(0);
		// ten whole minutes and a half before the check-out: ten minutes checked in, however fast the test runs
		Duration earlier = Duration.ofMinutes(10).plusSeconds(30);
		Instant then = Instant.now().minus(earlier);
		Shift shift = this.planning.createShift(crew.team().id(), List.of(crew.dt01().id()), then.plusSeconds(1),
				then.plus(Duration.ofHours(1)), 1, 7, List.of(), crew.captain().account().id(), then.minusSeconds(60));
		this.signups.signUp(shift.id(), volunteer.account().id(), false, then);
		long checkInId = this.checkIns.checkIn(shift.id(), volunteer.account().id(), new CheckIns.Fix(IN_DT01, 10.0),
				null, then.plusSeconds(1)).id();
		HttpGraphQlTester phone = volunteer.client(this.port);
		Instant now = Instant.now();
		List<Map<String, Object>> beforeTheDeadZone = new ArrayList<>();
		List<Map<String, Object>> inTheDeadZone = new ArrayList<>();
		for (Instant at = then.plusSeconds(5); at.isBefore(now); at = at.plusSeconds(15)) {
			(at.isBefore(then.plus(Duration.ofMinutes(2))) ? beforeTheDeadZone : inTheDeadZone).add(position(IN_DT01, at));
		}
		phone.document(BATCH).variable("input", Map.of("reports", beforeTheDeadZone)).execute()
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(beforeTheDeadZone.size());
		phone.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) {
				  checkIn { attendance { status reviewReason } } userErrors { code } } }""")
			.variable("input", Map.of("shiftId", PatrolFixture.id(shift), "position", PatrolFixture.position(IN_DT01),
					"accuracy", 10))
			.execute()
			.path("shiftCheckOut.checkIn.attendance.status").entity(String.class).isEqualTo("IN_REVIEW")
			.path("shiftCheckOut.checkIn.attendance.reviewReason").entity(String.class).isEqualTo("LOW_COVERAGE");

		// out of the dead zone, the phone sends what it queued there, and one position taken after the check-out
		List<Map<String, Object>> queued = new ArrayList<>(inTheDeadZone);
		queued.add(position(IN_DT01, Instant.now().plusSeconds(1)));
		phone.document(BATCH).variable("input", Map.of("reports", queued)).execute()
			.path("positionReportBatch.userErrors").entityList(Object.class).hasSize(0)
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(inTheDeadZone.size())
			.path("positionReportBatch.droppedReports[0].reason").entity(String.class).isEqualTo("OUTSIDE_CHECK_IN");

		// once the late-report window has passed, the coverage is final and the attendance verified, once
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.jdbc
			.sql("SELECT status || ' ' || coalesce(verified_minutes, 0) FROM attendance WHERE check_in_id = ?")
			.param(checkInId)
			.query(String.class)
			.single()).isEqualTo("VERIFIED 10"));
		String community = GlobalId.encode("Community", crew.team().communityId());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> volunteer.client(this.port)
			.document("query($c: ID) { passbook(communityId: $c) { balance } }")
			.variable("c", community)
			.execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(10));
	}

	@Test
	void checkInAndTheLiveMapAgreeWhereAPatrollerIsAndAPositionOutsideTheAreaKeepsItsGrid() {
		// about 69 m west of DT-01, in no grid: inside with a 50 m fix (25 m + the accuracy)
		GeoPoint westOfDt01 = new GeoPoint(114.349374, 30.5675);
		GeoPoint inDt03 = new GeoPoint(114.3510, 30.5640);
		Crew crew = this.fixture.crew(1);
		Person volunteer = crew.volunteer(0);
		Shift shift = this.fixture.shift(crew, Duration.ofSeconds(-1), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, westOfDt01, 50).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		String report = """
				mutation($input: PositionReportInput!) { positionReport(input: $input) {
				  accepted patroller { insidePatrolArea grid { code } } userErrors { code } } }""";
		Instant now = Instant.now();
		phone.document(report)
			.variable("input", Map.of("position", PatrolFixture.position(westOfDt01), "accuracy", 50, "recordedAt",
					now.minusSeconds(55).toString()))
			.execute()
			.path("positionReport.patroller.insidePatrolArea").entity(Boolean.class).isEqualTo(true)
			.path("positionReport.patroller.grid.code").entity(String.class).isEqualTo("DT-01");
		// DT-03 is not the shift's: outside the patrol area, but still in DT-03 (a walk of 6.7 m/s)
		phone.document(report)
			.variable("input", Map.of("position", PatrolFixture.position(inDt03), "accuracy", 10, "recordedAt",
					now.toString()))
			.execute()
			.path("positionReport.patroller.insidePatrolArea").entity(Boolean.class).isEqualTo(false)
			.path("positionReport.patroller.grid.code").entity(String.class).isEqualTo("DT-03");
	}

	private static Map<String, Object> position(GeoPoint point, Instant at) {
		return Map.of("position", PatrolFixture.position(point), "accuracy", 10, "recordedAt", at.toString());
	}

}
