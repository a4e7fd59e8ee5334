package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A captain ends a recurring schedule of their team; nobody else may. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class ScheduleEndTests {

	private static final String CREATE = """
			mutation($input: ShiftScheduleCreateInput!) { shiftScheduleCreate(input: $input) { schedule { id } userErrors { code } } }""";

	private static final String END = """
			mutation($input: ShiftScheduleEndInput!) { shiftScheduleEnd(input: $input) {
			  schedule { id startTime team { name } } userErrors { code field } } }""";

	private static final String SCHEDULES = "query { myTeams { id schedules { id } } }";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Test
	void anEndedScheduleIsNoLongerTheTeams() {
		Crew crew = this.fixture.crew(0);
		String schedule = schedule(crew);
		assertThat(schedulesOf(crew)).containsExactly(schedule);
		crew.captain().client(this.port).document(END).variable("input", Map.of("scheduleId", schedule)).execute()
			.path("shiftScheduleEnd.userErrors").entityList(Object.class).hasSize(0)
			.path("shiftScheduleEnd.schedule.id").entity(String.class).isEqualTo(schedule)
			.path("shiftScheduleEnd.schedule.startTime").entity(String.class).isEqualTo("08:00");
		assertThat(schedulesOf(crew)).isEmpty();
	}

	@Test
	void onlyTheTeamsCaptainEndsItsSchedule() {
		Crew crew = this.fixture.crew(1);
		Crew other = this.fixture.crew(0);
		String schedule = schedule(crew);
		Map<String, Object> input = Map.of("scheduleId", schedule);
		assertRefused(crew.volunteer(0).client(this.port).document(END).variable("input", input).execute(), "FORBIDDEN");
		assertRefused(other.captain().client(this.port).document(END).variable("input", input).execute(), "FORBIDDEN");
		assertRefused(Clients.anonymous(this.port).document(END).variable("input", input).execute(), "UNAUTHORIZED");
		assertRefused(crew.captain().client(this.port).document(END)
			.variable("input", Map.of("scheduleId", GlobalId.encode("ShiftSchedule", -1L))).execute(), "FORBIDDEN");
		assertThat(schedulesOf(crew)).containsExactly(schedule);
	}

	private String schedule(Crew crew) {
		return crew.captain().client(this.port).document(CREATE)
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(GlobalId.encode("Grid", crew.dt01().id())),
					"weekdays", List.of(2, 4), "startTime", "08:00", "endTime", "10:00", "minPatrollers", 1, "maxPatrollers", 7))
			.execute()
			.path("shiftScheduleCreate.schedule.id").entity(String.class).get();
	}

	private List<String> schedulesOf(Crew crew) {
		return crew.captain().client(this.port).document(SCHEDULES).execute()
			.path("myTeams[?(@.id == '" + crew.teamId() + "')].schedules[*].id").entityList(String.class).get();
	}

	private static void assertRefused(GraphQlTester.Response response, String classification) {
		response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
			.allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("classification", classification)));
	}

}
