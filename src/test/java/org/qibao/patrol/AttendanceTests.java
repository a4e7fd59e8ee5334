package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.identity.Role;
import org.qibao.location.PatrolCoverage.Coverage;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.signUp;

/** Verified minutes: automatic for clean attendance, the captain's review for doubtful attendance. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class AttendanceTests {

	private static final String QUEUE = "{ reviewQueue { id status reviewReason checkedInMinutes coveredMinutes viewerCanReview volunteer { displayName } } }";

	private static final String APPROVE = """
			mutation($input: AttendanceApproveInput!) { attendanceApprove(input: $input) {
			  attendance { status verifiedMinutes decidedBy { id } } userErrors { code message } } }""";

	private static final String REJECT = """
			mutation($input: AttendanceRejectInput!) { attendanceReject(input: $input) {
			  attendance { status rejectionReason } userErrors { code message } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	PatrolTestConfiguration.ChosenCoverage coverage;

	@Autowired
	PatrolTestConfiguration.VerifiedEvents verified;

	@Autowired
	CheckIns checkIns;

	@Autowired
	PatrolTestConfiguration.AdministrativeActions actions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void cleanAttendanceIsVerifiedAutomaticallyWithTheCoveredMinutes() {
		Patrol patrol = patrolOfAnHour(coverage(0, 57, 0, 0, true));
		Attendance attendance = patrol.checkOut();
		assertThat(attendance.status()).isEqualTo("VERIFIED");
		assertThat(attendance.checkedInMinutes()).isEqualTo(60);
		assertThat(attendance.verifiedMinutes()).isEqualTo(57);
		assertThat(this.verified.of(patrol.volunteer().account().id())).singleElement()
			.satisfies(e -> assertThat(e.verifiedMinutes()).isEqualTo(57))
			.satisfies(e -> assertThat(e.attendanceId()).isEqualTo(attendance.id()));
	}

	@Test
	void tooLittleCoverageGoesToTheCaptainWhoApprovesSomeMinutes() {
		Patrol patrol = patrolOfAnHour(coverage(0, 20, 0, 0, true));
		Attendance attendance = patrol.checkOut();
		assertThat(attendance.status()).isEqualTo("IN_REVIEW");
		assertThat(attendance.reviewReason()).isEqualTo("LOW_COVERAGE");
		assertThat(this.verified.of(patrol.volunteer().account().id())).isEmpty();
		HttpGraphQlTester captain = patrol.crew().captain().client(this.port);
		String id = GlobalId.encode("Attendance", attendance.id());
		captain.document(QUEUE).execute()
			.path("reviewQueue[*].id").entityList(String.class).contains(id);
		captain.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 500)).execute()
			.path("attendanceApprove.userErrors[0].code").entity(String.class).isEqualTo("INVALID_MINUTES");
		captain.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 45)).execute()
			.path("attendanceApprove.attendance.status").entity(String.class).isEqualTo("APPROVED")
			.path("attendanceApprove.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(45);
		assertThat(this.verified.of(patrol.volunteer().account().id())).singleElement()
			.satisfies(e -> assertThat(e.verifiedMinutes()).isEqualTo(45))
			.satisfies(e -> assertThat(e.verifiedBy()).isEqualTo(patrol.crew().captain().account().id()));
		captain.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 45)).execute()
			.path("attendanceApprove.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_DECIDED");
		assertThat(this.verified.of(patrol.volunteer().account().id())).hasSize(1);
		assertThat(this.actions.of("patrol.attendanceApprove", attendance.id())).singleElement()
			.satisfies(a -> assertThat(a.actorAccountId()).isEqualTo(patrol.crew().captain().account().id()))
			.satisfies(a -> assertThat(a.before()).containsEntry("status", "IN_REVIEW"))
			.satisfies(a -> assertThat(a.after()).containsEntry("status", "APPROVED").containsEntry("verifiedMinutes", 45));
	}

	@Test
	void doubtfulAttendanceIsSentToReviewWithItsReason() {
		assertThat(patrolOfAnHour(coverage(0, 60, 100, 0, true)).checkOut().reviewReason()).isEqualTo("POSITIONS_OUTSIDE");
		assertThat(patrolOfAnHour(coverage(0, 60, 0, 20, true)).checkOut().reviewReason()).isEqualTo("IMPLAUSIBLE_POSITIONS");
		assertThat(patrolOfAnHour(new Coverage(List.of(), 0, 0, 0, true)).checkOut().reviewReason()).isEqualTo("NO_POSITIONS");
		assertThat(patrolOfAnHour(coverage(0, 60, 0, 0, false)).checkOut().reviewReason()).isEqualTo("COVERAGE_INCOMPLETE");
		assertThat(patrolOfAnHour(null).checkOut().reviewReason()).isEqualTo("NO_COVERAGE");
	}

	@Test
	void aCaptainRejectsDoubtfulAttendanceWithAReasonAndNothingIsCredited() {
		Patrol patrol = patrolOfAnHour(null);
		Attendance attendance = patrol.checkOut();
		String reject = """
				mutation($input: AttendanceRejectInput!) { attendanceReject(input: $input) {
				  attendance { status rejectionReason } userErrors { code } } }""";
		HttpGraphQlTester captain = patrol.crew().captain().client(this.port);
		String id = GlobalId.encode("Attendance", attendance.id());
		captain.document(reject).variable("input", Map.of("attendanceId", id, "reason", " ")).execute()
			.path("attendanceReject.userErrors[0].code").entity(String.class).isEqualTo("REASON_REQUIRED");
		captain.document(reject).variable("input", Map.of("attendanceId", id, "reason", "手机放在家里")).execute()
			.path("attendanceReject.attendance.status").entity(String.class).isEqualTo("REJECTED")
			.path("attendanceReject.attendance.rejectionReason").entity(String.class).isEqualTo("手机放在家里");
		assertThat(this.verified.of(patrol.volunteer().account().id())).isEmpty();
		assertThat(this.actions.of("patrol.attendanceReject", attendance.id())).singleElement()
			.satisfies(a -> assertThat(a.after()).containsEntry("status", "REJECTED").containsEntry("rejectionReason", "手机放在家里"));
	}

	@Test
	void onlyTheTeamsCaptainMayReview() {
		Patrol patrol = patrolOfAnHour(null);
		Attendance attendance = patrol.checkOut();
		Map<String, Object> input = Map.of("attendanceId", GlobalId.encode("Attendance", attendance.id()), "minutes", 30);
		for (HttpGraphQlTester stranger : List.of(patrol.volunteer().client(this.port),
				this.fixture.crew(0).captain().client(this.port))) {
			stranger.document(APPROVE).variable("input", input).execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		}
		assertThat(this.verified.of(patrol.volunteer().account().id())).isEmpty();
	}

	@Test
	void nobodyApprovesTheirOwnAttendanceAnotherCaptainOrTheAdministratorDoes() {
		Crew crew = this.fixture.crew(0);
		Person captain = crew.captain();
		Person deputy = this.fixture.person("副队长", crew.team());
		this.fixture.accounts.grant(deputy.account().id(), Role.CAPTAIN, crew.team().id());
		Person administrator = this.fixture.outsider();
		this.fixture.accounts.grant(administrator.account().id(), Role.ADMINISTRATOR, crew.team().communityId());
		// the captain patrolled themselves, one minute with no positions, and would like seventeen
		Patrol own = patrolOfAnHour(crew, captain, null);
		String id = GlobalId.encode("Attendance", own.checkOutAt(own.shift().startsAt().plusSeconds(90)).id());
		HttpGraphQlTester captainsPhone = captain.client(this.port);
		captainsPhone.document(QUEUE).execute()
			.path("reviewQueue[?(@.id == '" + id + "')].viewerCanReview").entityList(Boolean.class).containsExactly(false);
		captainsPhone.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 17)).execute()
			.path("attendanceApprove.attendance").valueIsNull()
			.path("attendanceApprove.userErrors[0].code").entity(String.class).isEqualTo("OWN_ATTENDANCE")
			.path("attendanceApprove.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("another captain"));
		captainsPhone.document(REJECT).variable("input", Map.of("attendanceId", id, "reason", "算了")).execute()
			.path("attendanceReject.userErrors[0].code").entity(String.class).isEqualTo("OWN_ATTENDANCE");
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		assertThat(this.verified.of(captain.account().id())).isEmpty();
		// another captain of the team may decide, and credit only the minute checked in
		HttpGraphQlTester deputysPhone = deputy.client(this.port);
		deputysPhone.document(QUEUE).execute()
			.path("reviewQueue[?(@.id == '" + id + "')].viewerCanReview").entityList(Boolean.class).containsExactly(true);
		deputysPhone.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 17)).execute()
			.path("attendanceApprove.userErrors[0].code").entity(String.class).isEqualTo("INVALID_MINUTES")
			.path("attendanceApprove.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("between 0 and 1 minutes"));
		// so does the community's administrator, as in a team with a single captain
		HttpGraphQlTester administratorsPhone = administrator.client(this.port);
		administratorsPhone.document(QUEUE).execute()
			.path("reviewQueue[?(@.id == '" + id + "')].viewerCanReview").entityList(Boolean.class).containsExactly(true);
		administratorsPhone.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 1)).execute()
			.path("attendanceApprove.attendance.status").entity(String.class).isEqualTo("APPROVED")
			.path("attendanceApprove.attendance.decidedBy.id").entity(String.class).isEqualTo(administrator.id());
		administratorsPhone.document("query($id: ID!) { node(id: $id) { ... on Attendance { status } } }")
			.variable("id", id)
			.execute()
			.path("node.status").entity(String.class).isEqualTo("APPROVED");
		assertThat(this.verified.of(captain.account().id())).singleElement()
			.satisfies(e -> assertThat(e.verifiedMinutes()).isEqualTo(1));
	}

	@Test
	void anApprovalNeverCreditsMoreThanTheMinutesCheckedIn() {
		Patrol patrol = patrolOfAnHour(coverage(0, 1, 0, 0, true));
		Attendance attendance = patrol.checkOutAt(patrol.shift().startsAt().plusSeconds(150));
		assertThat(attendance.checkedInMinutes()).isEqualTo(2);
		assertThat(attendance.reviewReason()).isEqualTo("LOW_COVERAGE");
		HttpGraphQlTester captain = patrol.crew().captain().client(this.port);
		String id = GlobalId.encode("Attendance", attendance.id());
		for (int minutes : new int[] { 3, 60, -1 }) {
			captain.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", minutes)).execute()
				.path("attendanceApprove.attendance").valueIsNull()
				.path("attendanceApprove.userErrors[0].code").entity(String.class).isEqualTo("INVALID_MINUTES");
		}
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		captain.document(APPROVE).variable("input", Map.of("attendanceId", id, "minutes", 2)).execute()
			.path("attendanceApprove.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void theVolunteerSeesTheirAttendanceHistory() {
		Patrol patrol = patrolOfAnHour(coverage(0, 60, 0, 0, true));
		patrol.checkOut();
		patrol.volunteer().client(this.port)
			.document("{ myAttendance(first: 5) { totalCount nodes { status verifiedMinutes shift { id } } } }")
			.execute()
			.path("myAttendance.totalCount").entity(Integer.class).isEqualTo(1)
			.path("myAttendance.nodes[0].verifiedMinutes").entity(Integer.class).isEqualTo(60);
	}

	/** A volunteer checked in from the start of an hour-long shift that began a moment ago. */
	record Patrol(Crew crew, Person volunteer, Shift shift, CheckIns checkIns, JdbcClient jdbc) {

		Attendance checkOut() {
			return checkOutAt(this.shift.endsAt().plusSeconds(60));
		}

		Attendance checkOutAt(Instant end) {
			CheckIn closed = this.checkIns.checkOut(this.shift.id(), this.volunteer.account().id(),
					new CheckIns.Fix(IN_DT01, 10.0), null, end);
			return this.jdbc.sql(Attendance.SELECT + " WHERE a.check_in_id = ?").param(closed.id()).query(Rows.ATTENDANCE).single();
		}

	}

	private Patrol patrolOfAnHour(Coverage chosen) {
		Crew crew = this.fixture.crew(1);
		return patrolOfAnHour(crew, crew.volunteer(0), chosen);
	}

	private Patrol patrolOfAnHour(Crew crew, Person volunteer, Coverage chosen) {
		Shift shift = this.fixture.shift(crew, Duration.ofSeconds(-1), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		// count the check-in from the shift's start, as if the phone had been a second quicker
		this.jdbc.sql("UPDATE check_in SET checked_in_at = ? WHERE shift_id = ? AND checked_out_at IS NULL")
			.params(Rows.at(shift.startsAt()), shift.id())
			.update();
		this.coverage.choose(volunteer.account().id(), chosen);
		return new Patrol(crew, volunteer, shift, this.checkIns, this.jdbc);
	}

	private String status(String attendanceId) {
		return this.jdbc.sql("SELECT status FROM attendance WHERE id = ?")
			.param(GlobalId.keyOf(attendanceId, "Attendance"))
			.query(String.class)
			.single();
	}

	private static Coverage coverage(int from, int minutes, int outside, int implausible, boolean complete) {
		return new Coverage(IntStream.range(from, from + minutes).boxed().toList(), minutes * 4, outside, implausible,
				complete);
	}

}
