package org.qibao.patrol;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The checkpoints of a recurring schedule, as its team's captains set them and everyone reads them. */
@Controller
class ScheduleCheckpointController {

	private final ScheduleCheckpoints checkpoints;

	private final PatrolQueries queries;

	private final UserErrors userErrors;

	ScheduleCheckpointController(ScheduleCheckpoints checkpoints, PatrolQueries queries, UserErrors userErrors) {
		this.checkpoints = checkpoints;
		this.queries = queries;
		this.userErrors = userErrors;
	}

	@BatchMapping(typeName = "ShiftSchedule", field = "checkpoints")
	Map<ShiftSchedule, List<ScheduleCheckpoint>> scheduleCheckpoints(List<ShiftSchedule> schedules) {
		return Batches.many(schedules, ShiftSchedule::id,
				this.checkpoints.ofSchedules(Batches.keys(schedules, ShiftSchedule::id)).values().stream()
					.flatMap(List::stream).toList(),
				ScheduleCheckpoint::scheduleId);
	}

	@SchemaMapping(typeName = "ScheduleCheckpoint")
	GeoPoint position(ScheduleCheckpoint checkpoint) {
		return checkpoint.position();
	}

	/** The plaque's code is for the team's captains, who print it. */
	@BatchMapping(typeName = "ScheduleCheckpoint", field = "code")
	Map<ScheduleCheckpoint, String> code(List<ScheduleCheckpoint> found, Principal principal) {
		Actor actor = Viewer.of(principal);
		Map<Long, ShiftSchedule> schedules = this.queries.schedules(Batches.keys(found, ScheduleCheckpoint::scheduleId));
		Map<ScheduleCheckpoint, String> result = new java.util.LinkedHashMap<>();
		found.forEach(c -> result.put(c,
				actor != null && actor.has(Role.CAPTAIN, schedules.get(c.scheduleId()).teamId()) ? c.code() : null));
		return result;
	}

	@MutationMapping
	ShiftController.SchedulePayload scheduleCheckpointsSet(@Argument SetInput input, Actor actor, Locale locale) {
		long id = GlobalId.keyOf(input.scheduleId(), "ShiftSchedule");
		ShiftSchedule schedule = this.queries.schedules(List.of(id)).get(id);
		if (schedule == null) {
			throw new AccessDeniedException("Not allowed");
		}
		Actor.signedIn(actor).require(Role.CAPTAIN, schedule.teamId());
		List<ScheduleCheckpoints.Spec> specs = input.checkpoints() == null ? null : input.checkpoints().stream()
			.map(c -> new ScheduleCheckpoints.Spec(c.id() == null ? null : GlobalId.keyOf(c.id(), "ScheduleCheckpoint"),
					c.name(), c.position()))
			.toList();
		try {
			this.checkpoints.set(id, specs, actor.accountId());
			return new ShiftController.SchedulePayload(this.queries.schedules(List.of(id)).get(id), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new ShiftController.SchedulePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record CheckpointInput(String id, String name, GeoPoint position) {
	}

	record SetInput(String scheduleId, List<CheckpointInput> checkpoints) {
	}

}
