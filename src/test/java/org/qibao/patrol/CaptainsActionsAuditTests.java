package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolTestConfiguration.AdministrativeActions;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** What a captain does to schedules, shifts and members is published for the audit log, with before and after. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class CaptainsActionsAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	AdministrativeActions actions;

	@Test
	void schedulesShiftsAndMembershipsChangedByACaptainArePublishedAsAdministrativeActions() {
		Crew crew = this.fixture.crew(1);
		HttpGraphQlTester captain = crew.captain().client(this.port);
		long captainId = crew.captain().account().id();
		String grid = GlobalId.encode("Grid", crew.dt01().id());

		String schedule = captain.document("""
				mutation($input: ShiftScheduleCreateInput!) { shiftScheduleCreate(input: $input) { schedule { id } } }""")
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid), "weekdays", List.of(3),
					"startTime", "18:00", "endTime", "20:00", "minPatrollers", 2, "maxPatrollers", 6))
			.execute().path("shiftScheduleCreate.schedule.id").entity(String.class).get();
		captain.document("mutation($input: ShiftScheduleEndInput!) { shiftScheduleEnd(input: $input) { schedule { id } } }")
			.variable("input", Map.of("scheduleId", schedule)).execute();
		long scheduleId = GlobalId.keyOf(schedule, "ShiftSchedule");
		assertThat(only("patrol.shiftScheduleCreate", scheduleId, captainId).after()).containsEntry("startTime", "18:00");
		assertThat(only("patrol.shiftScheduleEnd", scheduleId, captainId))
			.satisfies(a -> assertThat(a.before()).containsEntry("active", true))
			.satisfies(a -> assertThat(a.after()).containsEntry("active", false));

		Instant start = Instant.now().plus(Duration.ofDays(1));
		String shift = captain.document("mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id } } }")
			.variable("input", Map.of("teamId", crew.teamId(), "gridIds", List.of(grid), "startsAt", start.toString(),
					"endsAt", start.plus(Duration.ofHours(2)).toString(), "minPatrollers", 1, "maxPatrollers", 4))
			.execute().path("shiftCreate.shift.id").entity(String.class).get();
		captain.document("mutation($input: ShiftCancelInput!) { shiftCancel(input: $input) { shift { id } } }")
			.variable("input", Map.of("shiftId", shift, "reason", "台风")).execute();
		long shiftId = GlobalId.keyOf(shift, "Shift");
		assertThat(only("patrol.shiftCreate", shiftId, captainId).after()).containsEntry("maxPatrollers", 4);
		assertThat(only("patrol.shiftCancel", shiftId, captainId).after()).containsEntry("status", "CANCELLED")
			.containsEntry("cancelReason", "台风");

		captain.document("""
				mutation($input: TeamMemberStatusSetInput!) { teamMemberStatusSet(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("teamId", crew.teamId(), "accountId", crew.volunteer(0).id(), "status", "INACTIVE"))
			.execute();
		assertThat(only("patrol.teamMemberStatusSet", crew.team().id(), captainId))
			.satisfies(a -> assertThat(a.before()).containsEntry("status", "ACTIVE"))
			.satisfies(a -> assertThat(a.after()).containsEntry("status", "INACTIVE"));

		String request = this.fixture.outsider().client(this.port)
			.document("mutation($input: TeamJoinRequestInput!) { teamJoinRequest(input: $input) { joinRequest { id } } }")
			.variable("input", Map.of("teamId", crew.teamId())).execute()
			.path("teamJoinRequest.joinRequest.id").entity(String.class).get();
		captain.document("""
				mutation($input: JoinRequestDecideInput!) { joinRequestDecide(input: $input) { joinRequest { status } } }""")
			.variable("input", Map.of("requestId", request, "approve", false)).execute();
		assertThat(only("patrol.joinRequestDecide", GlobalId.keyOf(request, "JoinRequest"), captainId).after())
			.containsEntry("status", "DECLINED");
	}

	private AdministrativeAction only(String action, long subjectId, long actorId) {
		List<AdministrativeAction> published = this.actions.of(action, subjectId);
		assertThat(published).as(action).hasSize(1);
		assertThat(published.get(0).actorAccountId()).isEqualTo(actorId);
		assertThat(published.get(0).communityId()).isEqualTo(this.fixture.geography.gridAt(PatrolFixture.IN_DT01).orElseThrow().communityId());
		return published.get(0);
	}

}
