package org.qibao.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.location.PatrolCoverage.Coverage;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.patrol.PatrolFixture.EAST_OF_DT02;
import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.checkOut;
import static org.qibao.patrol.PatrolFixture.signUp;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class CheckInTests {

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	PatrolTestConfiguration.ChosenCoverage coverage;

	@Autowired
	PatrolTestConfiguration.VerifiedEvents verified;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckIns checkIns;

	@Test
	void aSignedUpVolunteerChecksInInsideTheGridAndOutAgain() {
		Crew crew = this.fixture.crew(1);
		Person volunteer = crew.volunteer(0);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(-30), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		signUp(phone, shift).path("shiftSignUp.signup.status").entity(String.class).isEqualTo("CONFIRMED");
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		// thirty minutes checked in, all of them covered: verified automatically, in whole minutes
		this.coverage.choose(volunteer.account().id(), new Coverage(List.of(30, 31), 8, 0, 0, true));
		checkOut(phone, shift, IN_DT01, 10)
			.path("shiftCheckOut.checkIn.closedHow").entity(String.class).isEqualTo("SELF")
			.path("shiftCheckOut.checkIn.attendance.status").entity(String.class).isEqualTo("VERIFIED")
			.path("shiftCheckOut.checkIn.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(0);
		// checked in and out within the same minute: no minute of patrol, nothing to doubt
		assertThat(this.verified.of(volunteer.account().id())).hasSize(1);
		assertThat(this.verified.of(volunteer.account().id()).get(0).verifiedMinutes()).isZero();
		assertThat(this.verified.of(volunteer.account().id()).get(0).verifiedBy()).isNull();
	}

	@Test
	void checkInBeforeTheWindowOpensSaysHowLongToWait() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(90), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10)
			.path("shiftCheckIn.checkIn").valueIsNull()
			.path("shiftCheckIn.userErrors[0].code").entity(String.class).isEqualTo("CHECK_IN_NOT_OPEN")
			.path("shiftCheckIn.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("60"));
		assertThat(checkInCount(shift)).isZero();
	}

	@Test
	void aShiftCreatedAfterItStartedCannotBeCheckedInto() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(-40), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		// written into the roster forty minutes after its start, as before creation refused it
		this.jdbc.sql("UPDATE shift SET created_at = now() WHERE id = ?").param(shift.id()).update();
		checkIn(phone, shift, IN_DT01, 10)
			.path("shiftCheckIn.checkIn").valueIsNull()
			.path("shiftCheckIn.userErrors[0].code").entity(String.class).isEqualTo("SHIFT_CREATED_AFTER_START");
		assertThat(checkInCount(shift)).isZero();
	}

	@Test
	void checkInOutsideTheGridSaysHowFarOutside() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, EAST_OF_DT02, 20)
			.path("shiftCheckIn.userErrors[0].code").entity(String.class).isEqualTo("OUTSIDE_AREA")
			.path("shiftCheckIn.userErrors[0].field").entityList(String.class).containsExactly("input", "position")
			.path("shiftCheckIn.userErrors[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("东亭一网格").containsPattern("\\d{3} "));
		assertThat(checkInCount(shift)).isZero();
	}

	@Test
	void aPoorFixJustOutsideTheGridIsAcceptedWithinItsTolerance() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		// about 50 m west of DT-01's western edge
		GeoPoint justOutside = new GeoPoint(114.34948, 30.567);
		checkIn(phone, shift, justOutside, 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("OUTSIDE_AREA");
		checkIn(phone, shift, justOutside, 60).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void badCoordinatesAndAccuracyAreRefused() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, new GeoPoint(114.35, 95), 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_COORDINATES");
		checkIn(phone, shift, IN_DT01, -5).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_ACCURACY");
		checkIn(phone, shift, IN_DT01, 900).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("ACCURACY_TOO_POOR");
		assertThat(checkInCount(shift)).isZero();
	}

	@Test
	void checkInWithoutASignUpOrTwiceIsRefused() {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		checkIn(crew.volunteer(1).client(this.port), shift, IN_DT01, 10).path("shiftCheckIn.userErrors[0].code")
			.entity(String.class).isEqualTo("NOT_SIGNED_UP");
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("ALREADY_CHECKED_IN");
		assertThat(checkInCount(shift)).isEqualTo(1);
	}

	@Test
	void aVolunteerOnTheWaitlistOrCheckedInToAnotherShiftIsRefused() {
		Crew crew = this.fixture.crew(2);
		Shift now = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 1);
		Shift later = this.fixture.shift(crew, Duration.ofHours(3), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester first = crew.volunteer(0).client(this.port);
		HttpGraphQlTester waiting = crew.volunteer(1).client(this.port);
		signUp(first, now);
		waiting.document("""
				mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { signup { status } } }""")
			.variable("input", java.util.Map.of("shiftId", PatrolFixture.id(now), "joinWaitlist", true))
			.execute()
			.path("shiftSignUp.signup.status").entity(String.class).isEqualTo("WAITLISTED");
		checkIn(waiting, now, IN_DT01, 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("NOT_SIGNED_UP");
		signUp(first, later);
		checkIn(first, now, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		// refused for the open check-in before the later shift's window is even looked at
		checkIn(first, later, IN_DT01, 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("CHECKED_IN_ELSEWHERE");
		assertThat(checkInCount(now)).isEqualTo(1);
		assertThat(checkInCount(later)).isZero();
	}

	@Test
	void aVolunteerChecksInAgainAfterCheckingOutAndEachMinuteIsCreditedOnce() throws Exception {
		Crew crew = this.fixture.crew(1);
		Person volunteer = crew.volunteer(0);
		long accountId = volunteer.account().id();
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(-60), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		signUp(phone, shift);
		// the phone had a position in the area in every minute of the window
		this.coverage.choose(accountId, new Coverage(IntStream.range(0, 120).boxed().toList(), 480, 0, 0, true));
		// the first half hour of the shift, then a break
		CheckIns.Fix here = new CheckIns.Fix(IN_DT01, 10.0);
		this.checkIns.checkIn(shift.id(), accountId, here, null, shift.startsAt());
		this.checkIns.checkOut(shift.id(), accountId, here, null, shift.startsAt().plus(Duration.ofMinutes(30)));
		// back on patrol: a second check-in to the same shift is accepted
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors").entityList(Object.class).hasSize(0);
		checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors[0].code").entity(String.class)
			.isEqualTo("ALREADY_CHECKED_IN");
		// dated back into the first patrol (two instances' clocks apart), its minutes must not count twice
		this.jdbc.sql("UPDATE check_in SET checked_in_at = ? WHERE shift_id = ? AND checked_out_at IS NULL")
			.params(Rows.at(shift.startsAt().plus(Duration.ofMinutes(20))), shift.id())
			.update();
		checkOut(phone, shift, IN_DT01, 10)
			.path("shiftCheckOut.checkIn.attendance.status").entity(String.class).isEqualTo("VERIFIED")
			.path("shiftCheckOut.checkIn.attendance.checkedInMinutes").entity(Integer.class).isEqualTo(30)
			.path("shiftCheckOut.checkIn.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(30);
		assertThat(this.verified.of(accountId)).extracting(AttendanceVerified::verifiedMinutes).containsExactly(30, 30);
		// the event tells what the patrol was, for gamification: the team, the shift's start and the check-in
		assertThat(this.verified.of(accountId)).extracting(AttendanceVerified::patrol)
			.allSatisfy(patrol -> assertThat(patrol.teamId()).isEqualTo(shift.teamId()))
			.allSatisfy(patrol -> assertThat(patrol.shiftStartsAt()).isEqualTo(shift.startsAt()))
			.allSatisfy(patrol -> assertThat(patrol.checkedInBy()).isNull());
		// the passbook is credited once per attendance: the sixty minutes from the first check-in to the last check-out
		awaitUntil(() -> passbookBalance(phone) == 60);
		phone.document("{ passbook { entries(first: 10) { nodes { kind minutes } } } }").execute()
			.path("passbook.entries.nodes[*].minutes").entityList(Integer.class).containsExactly(30, 30)
			.path("passbook.entries.nodes[*].kind").entityList(String.class).containsExactly("PATROL_EARNING", "PATROL_EARNING");
		phone.document("{ myOpenCheckIn { id } }").execute().path("myOpenCheckIn").valueIsNull();
	}

	@Test
	void twoDevicesCheckingTheSameVolunteerInAtOnceGiveOneCheckIn() throws Exception {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		HttpGraphQlTester tablet = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		List<String> codes = atOnce(
				() -> String.valueOf(checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.userErrors[*].code").entityList(String.class).get()),
				() -> String.valueOf(checkIn(tablet, shift, IN_DT01, 10).path("shiftCheckIn.userErrors[*].code").entityList(String.class).get()));
		assertThat(codes).containsExactlyInAnyOrder("[]", "[ALREADY_CHECKED_IN]");
		assertThat(checkInCount(shift)).isEqualTo(1);
	}

	@Test
	void aCaptainChecksAMemberWithoutASmartphoneInAndOut() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		HttpGraphQlTester captain = crew.captain().client(this.port);
		Map<String, Object> input = Map.of("shiftId", PatrolFixture.id(shift), "position", PatrolFixture.position(IN_DT01),
				"accuracy", 15, "forAccountId", crew.volunteer(0).id());
		captain.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) {
				  checkIn { volunteer { displayName } reportedBy { id } } userErrors { code } } }""")
			.variable("input", input)
			.execute()
			.path("shiftCheckIn.checkIn.volunteer.displayName").entity(String.class).isEqualTo("队员0")
			.path("shiftCheckIn.checkIn.reportedBy.id").entity(String.class).isEqualTo(crew.captain().id());
		captain.document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) { checkIn { closedHow } userErrors { code } } }""")
			.variable("input", input)
			.execute()
			.path("shiftCheckOut.checkIn.closedHow").entity(String.class).isEqualTo("CAPTAIN");
	}

	@Test
	void aVolunteerCannotCheckInSomeoneElse() {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		crew.volunteer(1).client(this.port).document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) { checkIn { id } userErrors { code } } }""")
			.variable("input", Map.of("shiftId", PatrolFixture.id(shift), "position", PatrolFixture.position(IN_DT01),
					"accuracy", 15, "forAccountId", crew.volunteer(0).id()))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(checkInCount(shift)).isZero();
	}

	@Test
	void aCaptainOfAnotherTeamCannotCheckInThisTeamsMembers() {
		Crew crew = this.fixture.crew(1);
		Crew other = this.fixture.crew(0);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(2), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		other.captain().client(this.port).document("""
				mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) { checkIn { id } userErrors { code } } }""")
			.variable("input", Map.of("shiftId", PatrolFixture.id(shift), "position", PatrolFixture.position(IN_DT01),
					"accuracy", 15, "forAccountId", crew.volunteer(0).id()))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	@Test
	void aCheckpointScannedDuringTheShiftIsRecordedOnTheCheckIn() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(-5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		String code = this.jdbc.sql("SELECT code FROM checkpoint WHERE shift_id = ?").param(shift.id()).query(String.class).single();
		scan(phone, code, IN_DT01, 10).path("checkpointScan.userErrors[0].code").entity(String.class).isEqualTo("NOT_CHECKED_IN");
		checkIn(phone, shift, IN_DT01, 10);
		scan(phone, "not-a-code", IN_DT01, 10).path("checkpointScan.userErrors[0].code").entity(String.class)
			.isEqualTo("UNKNOWN_CHECKPOINT");
		scan(phone, code, IN_DT01, 10)
			.path("checkpointScan.checkpoint.name").entity(String.class).isEqualTo("3 栋门口");
		phone.document("{ myOpenCheckIn { visitedCheckpoints } }").execute()
			.path("myOpenCheckIn.visitedCheckpoints").entityList(String.class).containsExactly("3 栋门口");
		assertThat(this.jdbc.sql("SELECT accuracy FROM checkpoint_visit v JOIN check_in c ON c.id = v.check_in_id WHERE c.shift_id = ?")
			.param(shift.id()).query(Double.class).single()).isEqualTo(10.0);
	}

	@Test
	void aCheckpointScannedFarFromItsPlaqueIsRefused() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(-5), Duration.ofHours(2), 1, 7);
		HttpGraphQlTester phone = crew.volunteer(0).client(this.port);
		signUp(phone, shift);
		checkIn(phone, shift, IN_DT01, 10);
		String code = this.jdbc.sql("SELECT code FROM checkpoint WHERE shift_id = ?").param(shift.id()).query(String.class).single();
		// a photo of the plaque, scanned a kilometre away
		scan(phone, code, EAST_OF_DT02, 10)
			.path("checkpointScan.checkpoint").valueIsNull()
			.path("checkpointScan.userErrors[0].code").entity(String.class).isEqualTo("TOO_FAR_FROM_CHECKPOINT")
			.path("checkpointScan.userErrors[0].field").entityList(String.class).containsExactly("input", "position")
			.path("checkpointScan.userErrors[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("3 栋门口").containsPattern("\\d{3,4} m").contains("35 m"));
		// about 50 m from the plaque: too far with a sharp fix, within the tolerance of a poor one
		GeoPoint fiftyMetresWest = new GeoPoint(IN_DT01.longitude() - 0.00052, IN_DT01.latitude());
		scan(phone, code, fiftyMetresWest, 10).path("checkpointScan.userErrors[0].code").entity(String.class)
			.isEqualTo("TOO_FAR_FROM_CHECKPOINT");
		scan(phone, code, IN_DT01, -1).path("checkpointScan.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ACCURACY");
		scan(phone, code, new GeoPoint(114.35, 95), 10).path("checkpointScan.userErrors[0].code").entity(String.class)
			.isEqualTo("INVALID_COORDINATES");
		assertThat(visits(shift)).isZero();
		scan(phone, code, fiftyMetresWest, 40).path("checkpointScan.checkpoint.name").entity(String.class).isEqualTo("3 栋门口");
		assertThat(visits(shift)).isEqualTo(1);
	}

	private static GraphQlTester.Response scan(HttpGraphQlTester phone, String code, GeoPoint where, double accuracy) {
		return phone.document("""
				mutation($input: CheckpointScanInput!) { checkpointScan(input: $input) {
				  checkpoint { name } userErrors { code message field } } }""")
			.variable("input", Map.of("code", code, "position", PatrolFixture.position(where), "accuracy", accuracy))
			.execute();
	}

	private int visits(Shift shift) {
		return this.jdbc.sql("SELECT count(*) FROM checkpoint_visit v JOIN check_in c ON c.id = v.check_in_id WHERE c.shift_id = ?")
			.param(shift.id())
			.query(Integer.class)
			.single();
	}

	private static int passbookBalance(HttpGraphQlTester phone) {
		return phone.document("{ passbook { balance } }").execute().path("passbook.balance").entity(Integer.class).get();
	}

	/** Waits for the time bank, which credits attendance after the patrol's transaction has committed. */
	private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s for the time bank").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private int checkInCount(Shift shift) {
		return this.jdbc.sql("SELECT count(*) FROM check_in WHERE shift_id = ?").param(shift.id()).query(Integer.class).single();
	}

	@SafeVarargs
	static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new java.util.ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
