package org.qibao.casework;

import java.util.Set;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;

/**
 * What one person does in one community's case work: the community's administrator works every
 * case; a grid worker works the cases of their own grids and, with the community's other grid
 * workers, those outside every grid and in grids nobody works, so that no case is lost.
 *
 * @param unstaffedGrids the community's grids without a grid worker
 * @param departments the departments the person acts for
 */
record CaseDesk(Actor actor, long communityId, Set<Long> communityGrids, Set<Long> unstaffedGrids,
		Set<Long> departments) {

	boolean administrator() {
		return this.actor != null && this.actor.has(Role.ADMINISTRATOR, this.communityId);
	}

	/** The community's grids this person is a grid worker of. */
	Set<Long> ownGrids() {
		if (this.actor == null) {
			return Set.of();
		}
		Set<Long> own = new java.util.HashSet<>(this.actor.scopes(Role.GRID_WORKER));
		own.retainAll(this.communityGrids);
		return own;
	}

	boolean gridWorker() {
		return !ownGrids().isEmpty();
	}

	/** Accepts, rejects, dispatches and verifies this case. */
	boolean works(Case gridCase) {
		if (administrator()) {
			return true;
		}
		Long grid = gridCase.gridId();
		return grid != null && ownGrids().contains(grid)
				|| gridWorker() && (grid == null || this.unstaffedGrids.contains(grid));
	}

	/** Starts, resolves and asks for more time on this case. */
	boolean handles(Case gridCase) {
		return this.actor != null && (gridCase.handledBy(this.actor.accountId())
				|| gridCase.handlerDepartmentId() != null && this.departments.contains(gridCase.handlerDepartmentId()));
	}

	boolean reported(Case gridCase) {
		return this.actor != null && gridCase.reporterId() == this.actor.accountId();
	}

	/** Sees this department and its members: those who dispatch to it, and its own members. */
	boolean dispatchesTo(Department department) {
		return administrator() || gridWorker() || this.departments.contains(department.id());
	}

	/** Sees the case at all: its people, and the community's volunteers (who may add to it instead of reporting it again). */
	boolean sees(Case gridCase) {
		return this.actor != null && (reported(gridCase) || administrator() || gridWorker() || handles(gridCase)
				|| this.actor.has(Role.VOLUNTEER, this.communityId));
	}

	/** Sees who reported it: always, unless the reporter chose to be anonymous towards other volunteers. */
	boolean seesReporter(Case gridCase) {
		return !gridCase.anonymous() || reported(gridCase) || administrator() || gridWorker();
	}

	/** Shows the reporter as someone: when it sees them, and they did not delete their data (then they are nobody, to everyone). */
	boolean showsReporter(Case gridCase, boolean reporterErased) {
		return seesReporter(gridCase) && !reporterErased;
	}

	/** Shows who made a timeline entry: anyone, except the reporter where the case does not show them. */
	boolean showsActor(Case gridCase, long actorId, boolean reporterErased) {
		return actorId != gridCase.reporterId() || showsReporter(gridCase, reporterErased);
	}

}
