package org.qibao.patrol;

import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** A captain edits a recurring schedule of their team. */
@Controller
class ScheduleEditController {

	private final ScheduleEditing editing;

	private final PatrolQueries queries;

	private final UserErrors userErrors;

	ScheduleEditController(ScheduleEditing editing, PatrolQueries queries, UserErrors userErrors) {
		this.editing = editing;
		this.queries = queries;
		this.userErrors = userErrors;
	}

	@MutationMapping
	ShiftController.SchedulePayload shiftScheduleUpdate(@Argument UpdateInput input, Actor actor, Locale locale) {
		long id = GlobalId.keyOf(input.scheduleId(), "ShiftSchedule");
		ShiftSchedule schedule = this.queries.schedules(List.of(id)).get(id);
		if (schedule == null) {
			throw new AccessDeniedException("Not allowed");
		}
		Actor.signedIn(actor).require(Role.CAPTAIN, schedule.teamId());
		List<Long> gridIds = input.gridIds() == null ? List.of()
				: input.gridIds().stream().map(g -> GlobalId.keyOf(g, "Grid")).toList();
		ScheduleEditing.Edit edit = new ScheduleEditing.Edit(id, input.version(), input.from(), gridIds, input.weekdays(),
				input.startTime(), input.endTime(), input.minPatrollers(), input.maxPatrollers());
		try {
			return new ShiftController.SchedulePayload(this.editing.update(edit, actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new ShiftController.SchedulePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record UpdateInput(String scheduleId, long version, String from, List<String> gridIds, List<Integer> weekdays,
			String startTime, String endTime, int minPatrollers, int maxPatrollers) {
	}

}
