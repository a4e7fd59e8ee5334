package org.qibao.patrol;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.patrol.AttendanceTests.Patrol;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.signUp;

/** A volunteer hears the captain's decision on their attendance in review, once, with its minutes or reason. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class ReviewNotificationTests {

	private static final String DECIDE = """
			mutation($approve: AttendanceApproveInput!, $reject: AttendanceRejectInput!, $approving: Boolean!) {
			  attendanceApprove(input: $approve) @include(if: $approving) { userErrors { code } }
			  attendanceReject(input: $reject) @skip(if: $approving) { userErrors { code } } }""";

	private static final String LIST = "{ myNotifications { nodes { kind message shift { id } team { name } } } }";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	PatrolTestConfiguration.ChosenCoverage coverage;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApprovalTellsTheVolunteerTheMinutesOnceAboutTheShift() {
		Patrol patrol = patrolInReview();
		String id = GlobalId.encode("Attendance", patrol.checkOut().id());
		decide(patrol, id, true);
		decide(patrol, id, true);
		HttpGraphQlTester phone = patrol.volunteer().client(this.port).mutate().header("Accept-Language", "en").build();
		// the time bank credits the approved minutes after the decision commits, and says so too
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> phone.document(LIST).execute()
			.path("myNotifications.nodes[*].kind").entityList(String.class)
			.containsExactly("PATROL_MINUTES_CREDITED", "ATTENDANCE_APPROVED"));
		phone.document(LIST).execute()
			.path("myNotifications.nodes[1].shift.id").entity(String.class).isEqualTo(PatrolFixture.id(patrol.shift()))
			.path("myNotifications.nodes[1].team.name").entity(String.class).isEqualTo(patrol.crew().team().name())
			.path("myNotifications.nodes[1].message").entity(String.class)
			.satisfies(m -> assertThat(m).startsWith("Your patrol with " + patrol.crew().team().name()).endsWith("was approved: 40 minutes."))
			.path("myNotifications.nodes[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).startsWith("Your passbook was credited 40 minutes for your patrol with " + patrol.crew().team().name()));
		assertThat(notices(patrol.crew().captain().account().id())).as("the captain is told nothing").isZero();
	}

	@Test
	void aRejectionTellsTheVolunteerTheCaptainsReasonInTheirLanguage() {
		Patrol patrol = patrolInReview();
		decide(patrol, GlobalId.encode("Attendance", patrol.checkOut().id()), false);
		patrol.volunteer().client(this.port).mutate().header("Accept-Language", "zh-CN").build().document(LIST).execute()
			.path("myNotifications.nodes[*].kind").entityList(String.class).containsExactly("ATTENDANCE_REJECTED")
			.path("myNotifications.nodes[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("的巡逻未获通过：手机放在家里"));
		assertThat(notices(patrol.volunteer().account().id())).isEqualTo(1);
	}

	private void decide(Patrol patrol, String attendanceId, boolean approve) {
		patrol.crew().captain().client(this.port).document(DECIDE)
			.variable("approve", Map.of("attendanceId", attendanceId, "minutes", 40))
			.variable("reject", Map.of("attendanceId", attendanceId, "reason", "手机放在家里"))
			.variable("approving", approve)
			.execute();
	}

	private int notices(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ?").param(accountId).query(Integer.class).single();
	}

	/** An hour's patrol whose phone sent no positions: its attendance goes to the captain. */
	private Patrol patrolInReview() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofSeconds(-1), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		this.jdbc.sql("UPDATE check_in SET checked_in_at = ? WHERE shift_id = ? AND checked_out_at IS NULL")
			.params(Rows.at(shift.startsAt()), shift.id())
			.update();
		this.coverage.choose(crew.volunteer(0).account().id(), null);
		return new Patrol(crew, crew.volunteer(0), shift, this.checkIns, this.jdbc);
	}

}
