package org.qibao.patrol;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** Schedules and shifts: what captains plan and everyone reads. */
@Controller
class ShiftController {

	private final ShiftPlanning planning;

	private final PatrolQueries queries;

	private final Teams teams;

	private final Geography geography;

	private final PatrolProperties properties;

	private final ShiftReaders readers;

	private final UserErrors userErrors;

	private final Clock clock;

	ShiftController(ShiftPlanning planning, PatrolQueries queries, Teams teams, Geography geography,
			PatrolProperties properties, ShiftReaders readers, UserErrors userErrors, Clock clock) {
		this.planning = planning;
		this.queries = queries;
		this.teams = teams;
		this.geography = geography;
		this.properties = properties;
		this.readers = readers;
		this.userErrors = userErrors;
		this.clock = clock;
	}

	@QueryMapping
	List<Shift> atRiskShifts(Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		Instant now = this.clock.instant();
		return this.queries.shortShifts(signedIn.scopes(Role.CAPTAIN), signedIn.scopes(Role.GRID_WORKER), now,
				now.plus(this.properties.atRiskWithin()));
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<Shift>> upcomingShifts(List<Team> teams) {
		Instant now = this.clock.instant();
		return Batches.many(teams, Team::id,
				this.queries.shiftsOfTeams(Batches.keys(teams, Team::id), now, now.plus(Duration.ofDays(14))), Shift::teamId);
	}

	@BatchMapping(typeName = "Team")
	Map<Team, List<ShiftSchedule>> schedules(List<Team> teams) {
		return Batches.many(teams, Team::id, this.queries.schedulesOfTeams(Batches.keys(teams, Team::id)),
				ShiftSchedule::teamId);
	}

	@BatchMapping(typeName = "Shift", field = "team")
	Map<Shift, Team> shiftTeam(List<Shift> shifts) {
		return Batches.one(shifts, Shift::teamId, this.teams.findAll(Batches.keys(shifts, Shift::teamId)));
	}

	@BatchMapping(typeName = "Shift", field = "grids")
	Map<Shift, List<Grid>> shiftGrids(List<Shift> shifts) {
		Map<Long, List<Long>> ids = this.queries.gridIdsOfShifts(Batches.keys(shifts, Shift::id));
		Map<Long, Grid> grids = this.geography.grids(ids.values().stream().flatMap(List::stream).distinct().toList());
		return Batches.manyByIds(shifts, Shift::id, ids, grids);
	}

	@BatchMapping(typeName = "Shift")
	Map<Shift, ShiftSchedule> schedule(List<Shift> shifts) {
		return Batches.one(shifts, Shift::scheduleId, this.queries.schedules(Batches.keys(shifts, Shift::scheduleId)));
	}

	@BatchMapping(typeName = "Shift")
	Map<Shift, Boolean> atRisk(List<Shift> shifts) {
		Instant now = this.clock.instant();
		Instant soon = now.plus(this.properties.atRiskWithin());
		return shifts.stream()
			.collect(Collectors.toMap(Function.identity(), s -> !s.cancelled() && s.confirmedCount() < s.minPatrollers()
					&& s.startsAt().isAfter(now) && !s.startsAt().isAfter(soon)));
	}

	@BatchMapping(typeName = "Shift")
	Map<Shift, List<Checkpoint>> checkpoints(List<Shift> shifts) {
		return Batches.many(shifts, Shift::id, this.queries.checkpointsOfShifts(Batches.keys(shifts, Shift::id)),
				Checkpoint::shiftId);
	}

	/** Who patrols when is for the team's members, its captains and the grid workers of its grids; empty for others. */
	@BatchMapping(typeName = "Shift")
	Map<Shift, List<ShiftSignup>> signups(List<Shift> shifts, Principal principal) {
		Set<Long> readable = this.readers.rosterReadable(Viewer.of(principal), shifts);
		List<Shift> visible = shifts.stream().filter(s -> readable.contains(s.id())).toList();
		return Batches.many(shifts, Shift::id, this.queries.signupsOfShifts(Batches.keys(visible, Shift::id)),
				ShiftSignup::shiftId);
	}

	@BatchMapping(typeName = "Shift")
	Map<Shift, ShiftSignup> mySignup(List<Shift> shifts, Principal principal) {
		Actor actor = Viewer.of(principal);
		Map<Long, ShiftSignup> mine = actor == null ? Map.of()
				: this.queries.signupsOfShifts(Batches.keys(shifts, Shift::id))
					.stream()
					.filter(s -> s.accountId() == actor.accountId())
					.collect(Collectors.toMap(ShiftSignup::shiftId, Function.identity()));
		return Batches.one(shifts, Shift::id, mine);
	}

	@BatchMapping(typeName = "Checkpoint")
	Map<Checkpoint, String> code(List<Checkpoint> checkpoints, Principal principal) {
		Actor actor = Viewer.of(principal);
		Map<Long, Shift> shifts = this.queries.shifts(Batches.keys(checkpoints, Checkpoint::shiftId));
		Map<Checkpoint, String> result = new java.util.LinkedHashMap<>();
		checkpoints.forEach(c -> result.put(c,
				actor != null && actor.has(Role.CAPTAIN, shifts.get(c.shiftId()).teamId()) ? c.code() : null));
		return result;
	}

	@SchemaMapping(typeName = "Checkpoint")
	GeoPoint position(Checkpoint checkpoint) {
		return checkpoint.position();
	}

	@BatchMapping(typeName = "ShiftSchedule", field = "team")
	Map<ShiftSchedule, Team> scheduleTeam(List<ShiftSchedule> schedules) {
		return Batches.one(schedules, ShiftSchedule::teamId, this.teams.findAll(Batches.keys(schedules, ShiftSchedule::teamId)));
	}

	@BatchMapping(typeName = "ShiftSchedule", field = "grids")
	Map<ShiftSchedule, List<Grid>> scheduleGrids(List<ShiftSchedule> schedules) {
		Map<Long, Grid> grids = this.geography
			.grids(schedules.stream().flatMap(s -> s.gridIds().stream()).distinct().toList());
		return schedules.stream()
			.collect(Collectors.toMap(Function.identity(), s -> s.gridIds().stream().map(grids::get).toList()));
	}

	@BatchMapping(typeName = "ShiftSchedule")
	Map<ShiftSchedule, String> timeZone(List<ShiftSchedule> schedules) {
		return schedules.stream()
			.collect(Collectors.toMap(Function.identity(), s -> this.planning.zoneOf(s.teamId()).getId()));
	}

	@MutationMapping
	SchedulePayload shiftScheduleCreate(@Argument ScheduleInput input, Actor actor,
			Locale locale) {
		long teamId = captainOf(input.teamId(), actor);
		return schedule(() -> this.planning.createSchedule(teamId, keys(input.gridIds(), "Grid"), input.weekdays(),
				input.startTime(), input.endTime(), input.minPatrollers(), input.maxPatrollers(), actor.accountId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	SchedulePayload shiftScheduleEnd(@Argument ScheduleEndInput input, Actor actor,
			Locale locale) {
		long id = GlobalId.keyOf(input.scheduleId(), "ShiftSchedule");
		ShiftSchedule schedule = this.queries.schedules(List.of(id)).get(id);
		if (schedule == null) {
			throw new AccessDeniedException("Not allowed");
		}
		Actor.signedIn(actor).require(Role.CAPTAIN, schedule.teamId());
		return schedule(() -> this.planning.endSchedule(id, actor.accountId()), locale);
	}

	@MutationMapping
	ShiftPayload shiftCreate(@Argument ShiftCreateInput input, Actor actor, Locale locale) {
		long teamId = captainOf(input.teamId(), actor);
		return shift(() -> this.planning.createShift(teamId, keys(input.gridIds(), "Grid"), input.startsAt(),
				input.endsAt(), input.minPatrollers(), input.maxPatrollers(), input.checkpoints(), actor.accountId(),
				this.clock.instant()), locale);
	}

	@MutationMapping
	ShiftPayload shiftCancel(@Argument ShiftCancelInput input, Actor actor, Locale locale) {
		Shift shift = captainsShift(input.shiftId(), actor, this.queries);
		return shift(() -> this.planning.cancel(shift.id(), input.reason(), actor.accountId(), this.clock.instant()),
				locale);
	}

	/** The shift behind an ID, when the actor captains its team; otherwise forbidden (also when it does not exist). */
	static Shift captainsShift(String shiftId, Actor actor, PatrolQueries queries) {
		Actor signedIn = Actor.signedIn(actor);
		Shift shift = queries.shift(GlobalId.keyOf(shiftId, "Shift"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		signedIn.require(Role.CAPTAIN, shift.teamId());
		return shift;
	}

	private static long captainOf(String teamId, Actor actor) {
		long id = GlobalId.keyOf(teamId, "Team");
		Actor.signedIn(actor).require(Role.CAPTAIN, id);
		return id;
	}

	private static List<Long> keys(List<String> ids, String type) {
		return ids == null ? List.of() : ids.stream().map(id -> GlobalId.keyOf(id, type)).toList();
	}

	private SchedulePayload schedule(Supplier<ShiftSchedule> change, Locale locale) {
		try {
			return new SchedulePayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new SchedulePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private ShiftPayload shift(Supplier<Shift> change, Locale locale) {
		try {
			return new ShiftPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new ShiftPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record ScheduleInput(String teamId, List<String> gridIds, List<Integer> weekdays, String startTime, String endTime,
			int minPatrollers, int maxPatrollers) {
	}

	record ScheduleEndInput(String scheduleId) {
	}

	record ShiftCreateInput(String teamId, List<String> gridIds, Instant startsAt, Instant endsAt, int minPatrollers,
			int maxPatrollers, List<ShiftPlanning.CheckpointSpec> checkpoints) {
	}

	record ShiftCancelInput(String shiftId, String reason) {
	}

	record SchedulePayload(ShiftSchedule schedule, List<UserError> userErrors) {
	}

	record ShiftPayload(Shift shift, List<UserError> userErrors) {
	}

}
