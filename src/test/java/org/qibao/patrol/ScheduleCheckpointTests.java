package org.qibao.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolTestConfiguration.AdministrativeActions;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A captain places a schedule's checkpoints; shifts not started follow; a schedule's plaque counts on the shift being patrolled. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class ScheduleCheckpointTests {

	static final String SET = """
			mutation($input: ScheduleCheckpointsSetInput!) { scheduleCheckpointsSet(input: $input) {
			  schedule { id checkpoints { id name code position { longitude latitude } } } userErrors { code message field } } }""";

	/** In DT-01, some 20 m from {@link PatrolFixture#IN_DT01}. */
	static final GeoPoint ALSO_IN_DT01 = new GeoPoint(114.3532, 30.5671);

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdministrativeActions actions;

	@Autowired
	ScheduleEditing editing;

	@Autowired
	Signups signups;

	@Autowired
	CheckIns checkIns;

	@Test
	void aCaptainPlacesRenamesMovesAndRemovesCheckpointsAndTheShiftsNotStartedFollow() {
		Crew crew = this.fixture.crew(1);
		ShiftSchedule schedule = daily(crew, List.of(1, 2, 3, 4, 5, 6, 7), "09:00", "11:00");
		String scheduleId = GlobalId.encode("ShiftSchedule", schedule.id());
		GraphQlTester.Response placed = set(crew, scheduleId, List.of(spec(null, "3 栋门口", PatrolFixture.IN_DT01),
				spec(null, "花园", ALSO_IN_DT01)));
		List<String> ids = placed.path("scheduleCheckpointsSet.schedule.checkpoints[*].id").entityList(String.class).get();
		List<String> codes = placed.path("scheduleCheckpointsSet.schedule.checkpoints[*].code").entityList(String.class)
			.hasSize(2).get();
		assertThat(futureCheckpoints(schedule)).as("every shift not started carries both plaques")
			.allSatisfy(row -> assertThat(row).isIn(codes)).hasSize(2 * futureShifts(schedule));

		set(crew, scheduleId, List.of(spec(ids.get(0), "东门", ALSO_IN_DT01)))
			.path("scheduleCheckpointsSet.schedule.checkpoints[*].name").entityList(String.class).containsExactly("东门");
		assertThat(futureCheckpoints(schedule)).hasSize(futureShifts(schedule)).containsOnly(codes.get(0));
		assertThat(this.jdbc.sql("""
				SELECT DISTINCT name || ' ' || longitude FROM checkpoint c JOIN shift s ON s.id = c.shift_id
				WHERE s.schedule_id = ? AND s.starts_at > now()""").param(schedule.id()).query(String.class).list())
			.containsExactly("东门 " + ALSO_IN_DT01.longitude());

		set(crew, scheduleId, List.of(spec(ids.get(0), "东门", PatrolFixture.EAST_OF_DT02)))
			.path("scheduleCheckpointsSet.schedule").valueIsNull()
			.path("scheduleCheckpointsSet.userErrors[0].code").entity(String.class).isEqualTo("CHECKPOINT_OUTSIDE_GRIDS")
			.path("scheduleCheckpointsSet.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("东门"));
		crew.volunteer(0).client(this.port).document("query($id: ID!) { node(id: $id) { ... on ShiftSchedule { checkpoints { name code } } } }")
			.variable("id", scheduleId).execute()
			.path("node.checkpoints[0].name").entity(String.class).isEqualTo("东门")
			.path("node.checkpoints[0].code").valueIsNull();
		TeamAdministrationTests.assertForbidden(this.fixture.crew(0).captain().client(this.port).document(SET)
			.variable("input", Map.of("scheduleId", scheduleId, "checkpoints", List.of())).execute());
		assertThat(this.actions.of("patrol.scheduleCheckpointsSet", schedule.id())).hasSize(2);
	}

	@Test
	void aSchedulesPlaqueCountsOnTheShiftThePersonIsCheckedInto() {
		Instant now = Instant.now();
		// a community whose wall clock is well inside a day now, so that today's shift starts and ends today
		ZoneId zone = Stream.of("Asia/Shanghai", "UTC", "America/New_York")
			.map(ZoneId::of)
			.filter(z -> now.atZone(z).toLocalTime().isAfter(LocalTime.of(1, 0)) && now.atZone(z).toLocalTime().isBefore(LocalTime.of(22, 0)))
			.findFirst().orElseThrow();
		LocalTime local = now.atZone(zone).toLocalTime();
		Crew crew = this.fixture.crewElsewhere(zone.getId(), 1);
		LocalDate today = LocalDate.now(zone);
		List<Integer> notToday = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
		notToday.remove(Integer.valueOf(today.getDayOfWeek().getValue()));
		String start = local.minusMinutes(10).truncatedTo(ChronoUnit.MINUTES).toString();
		String end = local.plusMinutes(50).truncatedTo(ChronoUnit.MINUTES).toString();
		ShiftSchedule schedule = daily(crew, notToday, start, end);
		String code = set(crew, GlobalId.encode("ShiftSchedule", schedule.id()), List.of(spec(null, "3 栋门口", PatrolFixture.ELSEWHERE)))
			.path("scheduleCheckpointsSet.schedule.checkpoints[0].code").entity(String.class).get();
		// today joins the schedule: today's shift, ten minutes old, is generated with the plaque
		this.editing.update(new ScheduleEditing.Edit(schedule.id(), 0, null, schedule.gridIds(), List.of(1, 2, 3, 4, 5, 6, 7),
				start, end, 1, 5), crew.captain().account().id());
		long todays = this.jdbc.sql("SELECT id FROM shift WHERE schedule_id = ? AND starts_at <= now() AND ends_at > now()")
			.param(schedule.id()).query(Long.class).single();
		long member = crew.volunteer(0).account().id();
		this.signups.signUp(todays, member, false, now.minusSeconds(3600));
		this.checkIns.checkIn(todays, member, new CheckIns.Fix(PatrolFixture.ELSEWHERE, 10.0), null, Instant.now());
		Checkpoint scanned = this.checkIns.scan(code, member, new CheckIns.Fix(PatrolFixture.ELSEWHERE, 10.0), Instant.now());
		assertThat(scanned.shiftId()).isEqualTo(todays);
		assertThat(this.jdbc.sql("SELECT count(*) FROM checkpoint WHERE code = ?").param(code).query(Integer.class).single())
			.as("the same plaque on each of the schedule's shifts").isGreaterThan(1);
	}

	private ShiftSchedule daily(Crew crew, List<Integer> weekdays, String start, String end) {
		return this.fixture.planning.createSchedule(crew.team().id(), List.of(crew.dt01().id()), weekdays, start, end, 1, 5,
				crew.captain().account().id(), Instant.now());
	}

	private GraphQlTester.Response set(Crew crew, String scheduleId, List<Map<String, Object>> checkpoints) {
		return crew.captain().client(this.port).document(SET)
			.variable("input", Map.of("scheduleId", scheduleId, "checkpoints", checkpoints)).execute();
	}

	private static Map<String, Object> spec(String id, String name, GeoPoint where) {
		Map<String, Object> spec = new java.util.HashMap<>();
		spec.put("id", id);
		spec.put("name", name);
		spec.put("position", PatrolFixture.position(where));
		return spec;
	}

	private List<String> futureCheckpoints(ShiftSchedule schedule) {
		return this.jdbc.sql("""
				SELECT c.code FROM checkpoint c JOIN shift s ON s.id = c.shift_id WHERE s.schedule_id = ? AND s.starts_at > now()""")
			.param(schedule.id()).query(String.class).list();
	}

	private int futureShifts(ShiftSchedule schedule) {
		return this.jdbc.sql("SELECT count(*) FROM shift WHERE schedule_id = ? AND starts_at > now()").param(schedule.id())
			.query(Integer.class).single();
	}

}
