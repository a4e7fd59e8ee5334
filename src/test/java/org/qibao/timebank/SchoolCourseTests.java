package org.qibao.timebank;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers pay for community-school courses in minutes, and get them back when they cancel in time. */
@QibaoTest
class SchoolCourseTests {

	private static final String ENROL = """
			mutation($input: CourseEnrollInput!) { courseEnroll(input: $input) {
			  enrolment { cancellable course { title seatsLeft myEnrolment { cancellable } } }
			  passbook { balance available } userErrors { code message field } } }""";

	private static final String CANCEL = """
			mutation($input: CourseEnrolmentCancelInput!) { courseEnrolmentCancel(input: $input) {
			  enrolment { cancelledAt } passbook { balance } userErrors { code field } } }""";

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

	@Autowired
	TimeBank timeBank;

	private TimeBankFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
	}

	@Test
	void aVolunteerEnrolsPayingTheSchoolAndCancelsForARefund() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Course course = this.fixtures.course(5, 60);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		long schoolBefore = schoolBalance();
		client.document(ENROL).variable("input", input(course, "enrol-" + course.id())).execute()
			.path("courseEnroll.userErrors").entityList(Object.class).hasSize(0)
			.path("courseEnroll.enrolment.cancellable").entity(Boolean.class).isEqualTo(true)
			.path("courseEnroll.enrolment.course.seatsLeft").entity(Integer.class).isEqualTo(4)
			.path("courseEnroll.enrolment.course.myEnrolment.cancellable").entity(Boolean.class).isEqualTo(true)
			.path("courseEnroll.passbook.balance").entity(Integer.class).isEqualTo(40);
		assertThat(schoolBalance()).isEqualTo(schoolBefore + 60);

		client.document(CANCEL).variable("input", input(course, "cancel-" + course.id())).execute()
			.path("courseEnrolmentCancel.userErrors").entityList(Object.class).hasSize(0)
			.path("courseEnrolmentCancel.enrolment.cancelledAt").hasValue()
			.path("courseEnrolmentCancel.passbook.balance").entity(Integer.class).isEqualTo(100);
		assertThat(schoolBalance()).isEqualTo(schoolBefore);
		assertThat(this.courses.findAll(java.util.List.of(course.id())).get(course.id()).seatsLeft()).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE kind = 'REVERSAL' AND idempotency_key LIKE ?")
			.param("%school-cancel-" + course.id()).query(Integer.class).single()).isEqualTo(1);

		client.document(CANCEL).variable("input", input(course, "cancel-again-" + course.id())).execute()
			.path("courseEnrolmentCancel.userErrors[0].code").entity(String.class).isEqualTo("NOT_ENROLLED");
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void repeatingAnEnrolmentWithItsKeyReturnsTheFirstAndPaysOnce() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Course course = this.fixtures.course(5, 30);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		for (int i = 0; i < 3; i++) {
			client.document(ENROL).variable("input", input(course, "repeat-" + course.id())).execute()
				.path("courseEnroll.userErrors").entityList(Object.class).hasSize(0);
		}
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(70);
	}

	@Test
	void enrollingTwiceIsRefused() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Course course = this.fixtures.course(5, 30);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		client.document(ENROL).variable("input", input(course, "twice-1-" + course.id())).execute();
		refused(client, input(course, "twice-2-" + course.id()), "ALREADY_ENROLLED");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(70);
	}

	@Test
	void aFullCourseIsRefused() {
		Course course = this.fixtures.course(1, 10);
		Clients.signedIn(this.port, this.fixtures.volunteer(50).phone()).document(ENROL)
			.variable("input", input(course, "full-1-" + course.id())).execute();
		TimeBankFixtures.Volunteer late = this.fixtures.volunteer(50);
		refused(Clients.signedIn(this.port, late.phone()), input(course, "full-2-" + course.id()), "COURSE_FULL");
		assertThat(this.fixtures.balance(late)).isEqualTo(50);
	}

	@Test
	void spendingMoreThanTheAvailableBalanceIsRefused() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(20);
		Course course = this.fixtures.course(5, 30);
		refused(Clients.signedIn(this.port, volunteer.phone()), input(course, "poor-" + course.id()), "INSUFFICIENT_MINUTES");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(20);
		assertThat(this.courses.findAll(java.util.List.of(course.id())).get(course.id()).seatsLeft()).isEqualTo(5);
	}

	@Test
	void aStartedCourseTakesNoEnrolmentsAndGivesNoRefunds() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Course course = this.fixtures.course(5, 30);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		client.document(ENROL).variable("input", input(course, "started-" + course.id())).execute();
		this.jdbc.sql("UPDATE course SET starts_at = now() - interval '1 hour' WHERE id = ?").param(course.id()).update();
		client.document(CANCEL).variable("input", input(course, "started-cancel-" + course.id())).execute()
			.path("courseEnrolmentCancel.userErrors[0].code").entity(String.class).isEqualTo("COURSE_STARTED");
		refused(Clients.signedIn(this.port, this.fixtures.volunteer(100).phone()), input(course, "started-late-" + course.id()),
				"COURSE_STARTED");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(70);
	}

	@Test
	void aKeyReusedForAnotherCourseIsRefused() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Course first = this.fixtures.course(5, 10);
		Course second = this.fixtures.course(5, 10);
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		client.document(ENROL).variable("input", input(first, "reused-" + first.id())).execute();
		refused(client, input(second, "reused-" + first.id()), "IDEMPOTENCY_KEY_REUSED");
		refused(client, input(second, "short"), "INVALID_IDEMPOTENCY_KEY");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(90);
	}

	@Test
	void anUnknownCourseIsAUserErrorAndSigningInIsRequired() {
		Map<String, Object> unknown = Map.of("courseId", GlobalId.encode("Course", 999_999_999), "idempotencyKey", "unknown-course");
		refused(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE), unknown, "NOT_FOUND");
		Clients.anonymous(this.port).document(ENROL).variable("input", unknown).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	@Test
	void theSchoolListsItsUpcomingCoursesAndAnAdministratorAddsOne() {
		String school = GlobalId.encode("School", this.fixtures.school());
		String title = "书法班 " + System.nanoTime() % 10000;
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document("""
				mutation($input: CourseCreateInput!) { courseCreate(input: $input) { course { id title seatsLeft priceMinutes } userErrors { code } } }""")
			.variable("input", Map.of("schoolId", school, "title", title, "startsAt", Instant.now().plusSeconds(86_400).toString(),
					"seats", 12, "priceMinutes", 90))
			.execute()
			.path("courseCreate.course.seatsLeft").entity(Integer.class).isEqualTo(12);
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document("{ node(id: \"" + school + "\") { ... on School { courses { title } } } }")
			.execute()
			.path("node.courses[*].title").entityList(String.class).contains(title);
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document("""
				mutation($input: CourseCreateInput!) { courseCreate(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("schoolId", school, "title", "不允许", "startsAt", Instant.now().plusSeconds(86_400).toString(),
					"seats", 12, "priceMinutes", 90))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	private void refused(HttpGraphQlTester client, Map<String, Object> input, String code) {
		GraphQlTester.Response response = client.document(ENROL).variable("input", input).execute();
		response.path("courseEnroll.enrolment").valueIsNull();
		response.path("courseEnroll.userErrors[0].code").entity(String.class).isEqualTo(code);
	}

	private long schoolBalance() {
		return this.jdbc.sql("SELECT coalesce(max(balance), 0) FROM ledger_account WHERE kind = 'SCHOOL' AND owner_id = ?")
			.param(this.fixtures.school()).query(Long.class).single();
	}

	private static Map<String, Object> input(Course course, String key) {
		// every key but the one that tests the rule for keys is long enough to be valid
		return Map.of("courseId", GlobalId.encode("Course", course.id()), "idempotencyKey",
				key.equals("short") ? key : "school-" + key);
	}

}
