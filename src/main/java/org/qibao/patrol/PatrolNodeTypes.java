package org.qibao.patrol;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.Identified;
import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Patrol objects by ID. Teams, schedules and shifts are public, as {@code Community.teams} and
 * {@code Team.upcomingShifts} are. A sign-up is seen by its volunteer and by those who see its
 * shift's sign-ups; a check-in by its volunteer and those who oversee the shift
 * ({@link ShiftReaders}); an attendance by its volunteer and the team's captains, who review it. A join
 * request and a no-show are the volunteer's own; captains also see their team's
 * requests and no-shows.
 */
@Configuration(proxyBeanMethods = false)
class PatrolNodeTypes {

	@Bean
	NodeType<Team> teamNodeType(Teams teams) {
		return NodeType.visibleToAll("Team", teams::findAll);
	}

	@Bean
	NodeType<Shift> shiftNodeType(PatrolQueries queries) {
		return NodeType.visibleToAll("Shift", queries::shifts);
	}

	@Bean
	NodeType<ShiftSchedule> shiftScheduleNodeType(PatrolQueries queries) {
		return NodeType.visibleToAll("ShiftSchedule", queries::schedules);
	}

	@Bean
	NodeType<ScheduleCheckpoint> scheduleCheckpointNodeType(ScheduleCheckpoints checkpoints) {
		return NodeType.visibleToAll("ScheduleCheckpoint", checkpoints::find);
	}

	@Bean
	NodeType<ShiftSignup> shiftSignupNodeType(PatrolQueries queries, ShiftReaders readers) {
		return NodeType.of("ShiftSignup", queries::signups, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			Set<Long> shifts = readers.rosterReadable(actor, queries.shifts(shiftIds(found, ShiftSignup::shiftId)).values());
			return own(found, actor, ShiftSignup::accountId, signup -> shifts.contains(signup.shiftId()));
		});
	}

	@Bean
	NodeType<CheckIn> checkInNodeType(PatrolQueries queries, ShiftReaders readers) {
		return NodeType.of("CheckIn", queries::checkIns, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			Set<Long> shifts = readers.overseen(actor, queries.shifts(shiftIds(found, CheckIn::shiftId)).values());
			return own(found, actor, CheckIn::accountId, checkIn -> shifts.contains(checkIn.shiftId()));
		});
	}

	@Bean
	NodeType<Attendance> attendanceNodeType(PatrolQueries queries) {
		return NodeType.of("Attendance", queries::attendances, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			// its reviewers see it, as in their review queue: the team's captains and the community's administrators
			return own(found, actor, Attendance::accountId, attendance -> ReviewPolicy.hasAuthority(actor, attendance));
		});
	}

	@Bean
	NodeType<JoinRequest> joinRequestNodeType(PatrolQueries queries) {
		// the person asked or invited, and the team's captains, who decide it
		return NodeType.of("JoinRequest", queries::joinRequests, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			return own(found, actor, JoinRequest::accountId, request -> actor.has(Role.CAPTAIN, request.teamId()));
		});
	}

	@Bean
	NodeType<NoShow> noShowNodeType(PatrolQueries queries) {
		// the volunteer, and the captains of the shift's team, who may clear it
		return NodeType.of("NoShow", queries::noShows, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			Map<Long, Shift> shifts = queries.shifts(shiftIds(found, NoShow::shiftId));
			return own(found, actor, NoShow::accountId, noShow -> actor.has(Role.CAPTAIN, shifts.get(noShow.shiftId()).teamId()));
		});
	}

	private static <T> Set<Long> shiftIds(Map<Long, T> found, ToLongFunction<T> shiftId) {
		return found.values().stream().map(shiftId::applyAsLong).collect(Collectors.toSet());
	}

	/** The records that are the actor's own or that the rule lets them see; none when signed out. */
	private static <T extends Identified> Map<Long, T> own(Map<Long, T> found, Actor actor, ToLongFunction<T> accountId,
			Predicate<T> otherwise) {
		if (actor == null) {
			return Map.of();
		}
		return found.entrySet()
			.stream()
			.filter(e -> accountId.applyAsLong(e.getValue()) == actor.accountId() || otherwise.test(e.getValue()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
