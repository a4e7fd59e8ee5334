package org.qibao.patrol;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see the people of a shift: its sign-ups are for the team's active members, its
 * captains and the grid workers of the shift's grids; check-ins are for the captains and those
 * grid workers, who oversee the shift. Everyone sees their own records.
 */
@Component
class ShiftReaders {

	private final Memberships memberships;

	private final PatrolQueries queries;

	ShiftReaders(Memberships memberships, PatrolQueries queries) {
		this.memberships = memberships;
		this.queries = queries;
	}

	/** The shifts, of these, whose sign-ups the actor sees; none for an anonymous request (null). */
	Set<Long> rosterReadable(Actor actor, Collection<Shift> shifts) {
		if (actor == null) {
			return Set.of();
		}
		Set<Long> teams = new HashSet<>(this.memberships.activeTeamsOf(actor.accountId()));
		teams.addAll(actor.scopes(Role.CAPTAIN));
		return readable(actor, shifts, teams);
	}

	/** The shifts, of these, the actor oversees: captains of the team, grid workers of its grids. */
	Set<Long> overseen(Actor actor, Collection<Shift> shifts) {
		return actor == null ? Set.of() : readable(actor, shifts, actor.scopes(Role.CAPTAIN));
	}

	private Set<Long> readable(Actor actor, Collection<Shift> shifts, Set<Long> teams) {
		Set<Long> grids = actor.scopes(Role.GRID_WORKER);
		Map<Long, List<Long>> shiftGrids = grids.isEmpty() ? Map.of()
				: this.queries.gridIdsOfShifts(shifts.stream().map(Shift::id).toList());
		return shifts.stream()
			.filter(s -> teams.contains(s.teamId())
					|| shiftGrids.getOrDefault(s.id(), List.of()).stream().anyMatch(grids::contains))
			.map(Shift::id)
			.collect(Collectors.toSet());
	}

}
