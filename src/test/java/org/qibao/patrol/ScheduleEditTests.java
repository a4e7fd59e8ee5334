package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolTestConfiguration.AdministrativeActions;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A captain changes a schedule: future shifts follow, people keep their places and are told, the past stays. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class ScheduleEditTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String UPDATE = """
			mutation($input: ShiftScheduleUpdateInput!) { shiftScheduleUpdate(input: $input) {
			  schedule { id startTime endTime weekdays version appliesFrom } userErrors { code message field } } }""";

	static final String NOTIFICATIONS = "{ myNotifications(first: 20) { nodes { kind message shift { id startsAt status } } } }";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	PatrolQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdministrativeActions actions;

	@Test
	void aScheduleMovedToALaterHourTakesItsShiftsAlongAndTheirPeopleKeepTheirPlacesAndAreTold() {
		Crew crew = this.fixture.crew(1);
		ShiftSchedule schedule = daily(crew, "09:00", "11:00");
		int shifts = shiftsOf(schedule).size();
		Shift theirs = shiftOn(schedule, LocalDate.now(SHANGHAI).plusDays(2));
		PatrolFixture.signUp(crew.volunteer(0).client(this.port), theirs).path("shiftSignUp.signup.status")
			.entity(String.class).isEqualTo("CONFIRMED");

		update(crew, schedule, edit(schedule, "10:00", "12:00", List.of(1, 2, 3, 4, 5, 6, 7), null))
			.path("shiftScheduleUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftScheduleUpdate.schedule.startTime").entity(String.class).isEqualTo("10:00")
			.path("shiftScheduleUpdate.schedule.version").entity(Integer.class).isEqualTo(1);

		Shift moved = this.queries.shift(theirs.id()).orElseThrow();
		assertThat(moved.startsAt().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
		assertThat(moved.endsAt().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(12, 0));
		assertThat(moved.confirmedCount()).isEqualTo(1);
		assertThat(shiftsOf(schedule)).as("moved, not generated again").hasSize(shifts);
		crew.volunteer(0).client(this.port).document(NOTIFICATIONS).execute()
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("SHIFT_MOVED")
			.path("myNotifications.nodes[0].shift.id").entity(String.class).isEqualTo(PatrolFixture.id(theirs))
			.path("myNotifications.nodes[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("09:00").contains("10:00"));
		AdministrativeAction edited = this.actions.of("patrol.shiftScheduleUpdate", schedule.id()).get(0);
		assertThat(edited.actorAccountId()).isEqualTo(crew.captain().account().id());
		assertThat(edited.before()).containsEntry("startTime", "09:00").containsEntry("version", 0L);
		assertThat(edited.after()).containsEntry("startTime", "10:00").containsEntry("version", 1L);
	}

	@Test
	void aWeekdayTakenOffTheScheduleCancelsItsShiftsAndTellsThePeopleSignedUp() {
		Crew crew = this.fixture.crew(1);
		ShiftSchedule schedule = daily(crew, "09:00", "11:00");
		LocalDate date = LocalDate.now(SHANGHAI).plusDays(3);
		Shift theirs = shiftOn(schedule, date);
		PatrolFixture.signUp(crew.volunteer(0).client(this.port), theirs);
		List<Integer> otherDays = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
		otherDays.remove(Integer.valueOf(date.getDayOfWeek().getValue()));

		update(crew, schedule, edit(schedule, "09:00", "11:00", otherDays, null))
			.path("shiftScheduleUpdate.userErrors").entityList(Object.class).hasSize(0);

		assertThat(this.queries.shift(theirs.id()).orElseThrow().status()).isEqualTo("CANCELLED");
		crew.volunteer(0).client(this.port).document(NOTIFICATIONS).execute()
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("SHIFT_CANCELLED")
			.path("myNotifications.nodes[0].shift.status").entity(String.class).isEqualTo("CANCELLED");
		this.fixture.generatorRuns();
		assertThat(shiftsOf(schedule)).as("the dropped day is not generated again")
			.filteredOn(s -> s.startsAt().atZone(SHANGHAI).toLocalDate().equals(date))
			.singleElement().satisfies(s -> assertThat(s.cancelled()).isTrue());
	}

	@Test
	void aChangeFromALaterDateLeavesTheDaysBeforeItAsTheyWere() {
		Crew crew = this.fixture.crew(0);
		ShiftSchedule schedule = daily(crew, "09:00", "11:00");
		LocalDate from = LocalDate.now(SHANGHAI).plusDays(4);
		update(crew, schedule, edit(schedule, "15:00", "17:00", List.of(1, 2, 3, 4, 5, 6, 7), from.toString()))
			.path("shiftScheduleUpdate.schedule.appliesFrom").entity(String.class).isEqualTo(from.toString());
		assertThat(shiftOn(schedule, from.minusDays(1)).startsAt().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(shiftOn(schedule, from).startsAt().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(15, 0));
		this.fixture.generatorRuns();
		assertThat(shiftsOf(schedule).stream().map(s -> s.startsAt().atZone(SHANGHAI).toLocalDate()))
			.as("one shift a day").doesNotHaveDuplicates();
	}

	@Test
	void aShiftThatHasStartedNeverChanges() {
		Instant now = Instant.now();
		LocalTime local = now.atZone(SHANGHAI).toLocalTime();
		// today's shift must have started and not ended, within one date of the community's wall clock
		Assumptions.assumeTrue(local.isAfter(LocalTime.of(0, 40)) && local.isBefore(LocalTime.of(23, 50)));
		Crew crew = this.fixture.crew(0);
		String start = local.minusMinutes(30).truncatedTo(ChronoUnit.MINUTES).toString();
		String end = (local.isAfter(LocalTime.of(22, 50)) ? LocalTime.of(23, 59) : local.plusMinutes(60))
			.truncatedTo(ChronoUnit.MINUTES).toString();
		ShiftSchedule schedule = this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()),
				List.of(1, 2, 3, 4, 5, 6, 7), start, end, 1, 5, crew.captain().account().id(), now.minus(Duration.ofHours(1)));
		Shift started = shiftOn(schedule, LocalDate.now(SHANGHAI));
		update(crew, schedule, edit(schedule, "06:00", "07:00", List.of(1, 2, 3, 4, 5, 6, 7), null))
			.path("shiftScheduleUpdate.userErrors").entityList(Object.class).hasSize(0);
		Shift after = this.queries.shift(started.id()).orElseThrow();
		assertThat(after.startsAt()).isEqualTo(started.startsAt());
		assertThat(after.endsAt()).isEqualTo(started.endsAt());
	}

	@Test
	void ofManyEditsMadeOnOneVersionAtOnceOneCountsAndTheOthersAreToldToReload() throws Exception {
		Crew crew = this.fixture.crew(0);
		ShiftSchedule schedule = daily(crew, "09:00", "11:00");
		List<String> codes = Bursts.race(4, i -> () -> update(crew, schedule,
				edit(schedule, "1" + i + ":00", "1" + i + ":30", List.of(1, 2, 3, 4, 5, 6, 7), null))
			.path("shiftScheduleUpdate.userErrors[*].code").entityList(String.class).get()
			.stream().findFirst().orElse("OK"));
		assertThat(codes).containsOnlyOnce("OK").filteredOn(c -> !c.equals("OK"))
			.containsOnly("SCHEDULE_CHANGED_MEANWHILE").hasSize(3);
		ShiftSchedule after = this.queries.schedules(List.of(schedule.id())).get(schedule.id());
		assertThat(after.version()).isEqualTo(1);
		assertThat(this.actions.of("patrol.shiftScheduleUpdate", schedule.id())).hasSize(1);
		assertThat(shiftsOf(schedule)).filteredOn(s -> s.startsAt().isAfter(Instant.now()))
			.allSatisfy(s -> assertThat(s.startsAt().atZone(SHANGHAI).toLocalTime()).isEqualTo(after.startTime()));
	}

	@Test
	void onlyTheTeamsCaptainEditsItsScheduleAndBadEditsChangeNothing() {
		Crew crew = this.fixture.crew(1);
		Crew other = this.fixture.crew(0);
		ShiftSchedule schedule = daily(crew, "09:00", "11:00");
		Map<String, Object> input = edit(schedule, "10:00", "12:00", List.of(1), null);
		assertRefused(other.captain().client(this.port).document(UPDATE).variable("input", input).execute());
		assertRefused(crew.volunteer(0).client(this.port).document(UPDATE).variable("input", input).execute());
		assertCode(crew, schedule, edit(schedule, "12:00", "10:00", List.of(1), null), "END_BEFORE_START");
		assertCode(crew, schedule, edit(schedule, "10:00", "12:00", List.of(1), LocalDate.now(SHANGHAI).minusDays(1).toString()),
				"FROM_IN_PAST");
		assertCode(crew, schedule, edit(schedule, "10:00", "12:00", List.of(1), LocalDate.now(SHANGHAI).plusDays(30).toString()),
				"FROM_TOO_FAR");
		Map<String, Object> otherGrid = new HashMap<>(input);
		otherGrid.put("gridIds", List.of(GlobalId.encode("Grid", this.fixture.gridElsewhere().id())));
		assertCode(crew, schedule, otherGrid, "GRID_NOT_OF_TEAM");
		Map<String, Object> stale = new HashMap<>(input);
		stale.put("version", 7);
		assertCode(crew, schedule, stale, "SCHEDULE_CHANGED_MEANWHILE");
		ShiftSchedule after = this.queries.schedules(List.of(schedule.id())).get(schedule.id());
		assertThat(after.version()).isZero();
		assertThat(after.startTime()).isEqualTo(LocalTime.of(9, 0));
	}

	private ShiftSchedule daily(Crew crew, String start, String end) {
		return this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()), List.of(1, 2, 3, 4, 5, 6, 7),
				start, end, 1, 5, crew.captain().account().id(), Instant.now());
	}

	private List<Shift> shiftsOf(ShiftSchedule schedule) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM shift WHERE schedule_id = ?").param(schedule.id()).query(Long.class).list();
		return List.copyOf(this.queries.shifts(ids).values());
	}

	private Shift shiftOn(ShiftSchedule schedule, LocalDate date) {
		return shiftsOf(schedule).stream()
			.filter(s -> s.startsAt().atZone(SHANGHAI).toLocalDate().equals(date))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> edit(ShiftSchedule schedule, String start, String end, List<Integer> weekdays,
			String from) {
		Map<String, Object> input = new HashMap<>();
		input.put("scheduleId", GlobalId.encode("ShiftSchedule", schedule.id()));
		input.put("version", (int) schedule.version());
		input.put("from", from);
		input.put("gridIds", schedule.gridIds().stream().map(g -> GlobalId.encode("Grid", g)).toList());
		input.put("weekdays", weekdays);
		input.put("startTime", start);
		input.put("endTime", end);
		input.put("minPatrollers", 1);
		input.put("maxPatrollers", 5);
		return input;
	}

	private GraphQlTester.Response update(Crew crew, ShiftSchedule schedule, Map<String, Object> input) {
		return crew.captain().client(this.port).document(UPDATE).variable("input", input).execute();
	}

	private void assertCode(Crew crew, ShiftSchedule schedule, Map<String, Object> input, String code) {
		update(crew, schedule, input).path("shiftScheduleUpdate.schedule").valueIsNull()
			.path("shiftScheduleUpdate.userErrors[0].code").entity(String.class).isEqualTo(code);
	}

	private static void assertRefused(GraphQlTester.Response response) {
		TeamAdministrationTests.assertForbidden(response);
	}

}
