package org.qibao.patrol;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class ScheduleTests {

	private static final String CREATE = """
			mutation($input: ShiftScheduleCreateInput!) { shiftScheduleCreate(input: $input) {
			  schedule { id startTime endTime timeZone weekdays team { upcomingShifts { startsAt } } } userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	ShiftGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDailyNineOClockShiftStaysAtNineOnTheWallClockAcrossTheChangeToSummerTime() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		// Saturday before the last Sunday of March 2026, when Berlin moves from UTC+1 to UTC+2
		Instant now = ZonedDateTime.of(2026, 3, 28, 0, 0, 0, 0, berlin).toInstant();
		List<ScheduleCalendar.Occurrence> shifts = ScheduleCalendar.ahead(List.of(1, 2, 3, 4, 5, 6, 7), LocalTime.of(9, 0),
				LocalTime.of(11, 0), berlin, now, 3);
		assertThat(shifts).extracting(o -> o.start().toString())
			.containsExactly("2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z");
		assertThat(shifts).allSatisfy(o -> assertThat(o.start().atZone(berlin).getHour()).isEqualTo(9));
	}

	@Test
	void aShiftAcrossTheNightOfTheChangeBackToWinterTimeLastsItsRealLength() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Instant now = ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, berlin).toInstant();
		// 00:00–04:00 on 25 October 2026 has an hour twice, so it lasts five hours
		ScheduleCalendar.Occurrence night = ScheduleCalendar.ahead(List.of(7), LocalTime.of(0, 0), LocalTime.of(4, 0), berlin,
				now, 3).get(0);
		assertThat(java.time.Duration.between(night.start(), night.end()).toHours()).isEqualTo(5);
	}

	@Test
	void shanghaiHasNoDaylightSavingSoItsShiftsKeepTheirUtcTime() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		Instant now = ZonedDateTime.of(2026, 3, 28, 0, 0, 0, 0, shanghai).toInstant();
		List<ScheduleCalendar.Occurrence> shifts = ScheduleCalendar.ahead(List.of(6, 7), LocalTime.of(15, 0), LocalTime.of(17, 0),
				shanghai, now, 8);
		assertThat(shifts).extracting(o -> o.start().toString())
			.containsExactly("2026-03-28T07:00:00Z", "2026-03-29T07:00:00Z", "2026-04-04T07:00:00Z");
	}

	@Test
	void aCaptainsScheduleGeneratesShiftsAheadOnceEvenWhenTwoInstancesGenerateAtOnce() throws Exception {
		Crew crew = this.fixture.crew(0);
		this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()), List.of(1, 2, 3, 4, 5, 6, 7), "09:00",
				"11:00", 3, 7, crew.captain().account().id(), Instant.now());
		int generated = shiftCount(crew);
		assertThat(generated).isBetween(13, 14);
		CheckInTests.atOnce(() -> this.generator.generateAhead(Instant.now()), () -> this.generator.generateAhead(Instant.now()));
		assertThat(shiftCount(crew)).isEqualTo(generated);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM shift s WHERE s.team_id = ?
				  AND to_char(s.starts_at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') <> '09:00'""")
			.param(crew.team().id()).query(Integer.class).single()).isZero();
	}

	@Test
	void aCaptainCreatesAScheduleThroughTheApi() {
		Crew crew = this.fixture.crew(0);
		crew.captain().client(this.port).document(CREATE).variable("input", input(crew, "15:00", "17:00", List.of(1, 3, 5)))
			.execute()
			.path("shiftScheduleCreate.schedule.startTime").entity(String.class).isEqualTo("15:00")
			.path("shiftScheduleCreate.schedule.timeZone").entity(String.class).isEqualTo("Asia/Shanghai")
			.path("shiftScheduleCreate.schedule.team.upcomingShifts").entityList(Object.class).hasSizeGreaterThan(4);
	}

	@Test
	void badSchedulesAreRefusedAndNothingIsGenerated() {
		Crew crew = this.fixture.crew(0);
		assertRefused(crew, input(crew, "11:00", "09:00", List.of(1)), "END_BEFORE_START");
		assertRefused(crew, input(crew, "9 o'clock", "11:00", List.of(1)), "INVALID_TIME");
		assertRefused(crew, input(crew, "09:00", "11:00", List.of(0, 8)), "INVALID_WEEKDAYS");
		Map<String, Object> tooFew = new java.util.HashMap<>(input(crew, "09:00", "11:00", List.of(1)));
		tooFew.put("minPatrollers", 5);
		tooFew.put("maxPatrollers", 4);
		assertRefused(crew, tooFew, "INVALID_PATROLLER_COUNTS");
		Map<String, Object> foreignGrid = new java.util.HashMap<>(input(crew, "09:00", "11:00", List.of(1)));
		long dt03 = this.fixture.geography.gridsOf(crew.team().communityId()).stream().filter(g -> g.code().equals("DT-03"))
			.findFirst().orElseThrow().id();
		foreignGrid.put("gridIds", List.of(GlobalId.encode("Grid", dt03)));
		assertRefused(crew, foreignGrid, "GRID_NOT_OF_TEAM");
		assertThat(shiftCount(crew)).isZero();
	}

	@Test
	void aVolunteerMayNotScheduleShifts() {
		Crew crew = this.fixture.crew(1);
		crew.volunteer(0).client(this.port).document(CREATE).variable("input", input(crew, "09:00", "11:00", List.of(1)))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	@Test
	void aCaptainCreatesAOneOffShiftWithACheckpointWhoseCodeOnlyCaptainsSee() {
		Crew crew = this.fixture.crew(1);
		Instant start = Instant.now().plus(java.time.Duration.ofDays(1));
		String shiftId = crew.captain().client(this.port).document(SHIFT_CREATE)
			.variable("input", shiftInput(crew, start, start.plus(java.time.Duration.ofHours(2))))
			.execute()
			.path("shiftCreate.shift.checkpoints[0].name").entity(String.class).isEqualTo("3 栋门口")
			.path("shiftCreate.shift.checkpoints[0].code").entity(String.class).satisfies(code -> assertThat(code).hasSizeGreaterThan(20))
			.path("shiftCreate.shift.id").entity(String.class).get();
		crew.volunteer(0).client(this.port)
			.document("query($id: ID!) { node(id: $id) { ... on Shift { checkpoints { name code } } } }")
			.variable("id", shiftId)
			.execute()
			.path("node.checkpoints[0].code").valueIsNull();
	}

	@Test
	void badOneOffShiftsAreRefused() {
		Crew crew = this.fixture.crew(0);
		Instant start = Instant.now().plus(java.time.Duration.ofDays(1));
		assertShiftRefused(crew, shiftInput(crew, start, start.minusSeconds(60)), "END_BEFORE_START");
		assertShiftRefused(crew, shiftInput(crew, start.minus(java.time.Duration.ofDays(2)),
				start.minus(java.time.Duration.ofDays(2)).plusSeconds(3600)), "SHIFT_IN_PAST");
		assertShiftRefused(crew, shiftInput(crew, start, start.plus(java.time.Duration.ofHours(30))), "SHIFT_TOO_LONG");
		Map<String, Object> badCheckpoint = new java.util.HashMap<>(shiftInput(crew, start, start.plusSeconds(3600)));
		badCheckpoint.put("checkpoints", List.of(Map.of("name", "坏点", "position", Map.of("longitude", 200, "latitude", 0))));
		assertShiftRefused(crew, badCheckpoint, "INVALID_COORDINATES");
		assertThat(shiftCount(crew)).isZero();
	}

	@Test
	void aOneOffShiftThatStartedLongBeforeItIsCreatedIsRefused() {
		Crew crew = this.fixture.crew(0);
		Instant now = Instant.now();
		assertShiftRefused(crew, shiftInput(crew, now.minus(java.time.Duration.ofHours(2)), now.plus(java.time.Duration.ofHours(1))),
				"SHIFT_STARTS_IN_PAST");
		assertThat(shiftCount(crew)).isZero();
		// a captain starting a patrol on the spot may type the round time a few minutes back
		crew.captain().client(this.port).document(SHIFT_CREATE)
			.variable("input", shiftInput(crew, now.minus(java.time.Duration.ofMinutes(5)), now.plus(java.time.Duration.ofHours(1))))
			.execute()
			.path("shiftCreate.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void aScheduleCreatedAfterTodaysShiftStartedBeginsTomorrow() {
		Crew crew = this.fixture.crew(0);
		java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
		Instant now = java.time.ZonedDateTime.of(2030, 6, 3, 10, 0, 0, 0, shanghai).toInstant();
		this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()), List.of(1, 2, 3, 4, 5, 6, 7),
				"09:00", "11:00", 1, 7, crew.captain().account().id(), now);
		Instant first = this.jdbc.sql("SELECT min(starts_at) FROM shift WHERE team_id = ?")
			.param(crew.team().id())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		assertThat(first).isEqualTo(java.time.ZonedDateTime.of(2030, 6, 4, 9, 0, 0, 0, shanghai).toInstant());
	}

	@Test
	void aCaptainOfAnotherTeamMayNotPlanThisTeamsShifts() {
		Crew crew = this.fixture.crew(0);
		Instant start = Instant.now().plus(java.time.Duration.ofDays(1));
		this.fixture.crew(0).captain().client(this.port).document(SHIFT_CREATE)
			.variable("input", shiftInput(crew, start, start.plusSeconds(3600)))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(shiftCount(crew)).isZero();
	}

	private static final String SHIFT_CREATE = """
			mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) {
			  shift { id checkpoints { name code } } userErrors { code field } } }""";

	private static Map<String, Object> shiftInput(Crew crew, Instant start, Instant end) {
		return Map.of("teamId", crew.teamId(), "gridIds", List.of(GlobalId.encode("Grid", crew.dt01().id())), "startsAt",
				start.toString(), "endsAt", end.toString(), "minPatrollers", 1, "maxPatrollers", 7, "checkpoints",
				List.of(Map.of("name", "3 栋门口", "position", Map.of("longitude", 114.353, "latitude", 30.567))));
	}

	private void assertShiftRefused(Crew crew, Map<String, Object> input, String code) {
		crew.captain().client(this.port).document(SHIFT_CREATE).variable("input", input).execute()
			.path("shiftCreate.shift").valueIsNull()
			.path("shiftCreate.userErrors[0].code").entity(String.class).isEqualTo(code);
	}

	private void assertRefused(Crew crew, Map<String, Object> input, String code) {
		crew.captain().client(this.port).document(CREATE).variable("input", input).execute()
			.path("shiftScheduleCreate.schedule").valueIsNull()
			.path("shiftScheduleCreate.userErrors[0].code").entity(String.class).isEqualTo(code);
	}

	private static Map<String, Object> input(Crew crew, String start, String end, List<Integer> weekdays) {
		return Map.of("teamId", crew.teamId(), "gridIds", List.of(GlobalId.encode("Grid", crew.dt01().id())), "weekdays",
				weekdays, "startTime", start, "endTime", end, "minPatrollers", 3, "maxPatrollers", 7);
	}

	private int shiftCount(Crew crew) {
		return this.jdbc.sql("SELECT count(*) FROM shift WHERE team_id = ?").param(crew.team().id()).query(Integer.class).single();
	}

}
