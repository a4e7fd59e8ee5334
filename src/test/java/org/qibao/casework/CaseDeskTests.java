package org.qibao.casework;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;
import org.qibao.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

/** Who works, handles and sees a case, as a rule without a server. */
class CaseDeskTests {

	private static final long COMMUNITY = 7;

	private static final long OWN_GRID = 71;

	private static final long OTHER_GRID = 72;

	private static final long NOBODYS_GRID = 73;

	private static final long REPORTER = 1;

	@Test
	void aGridWorkerWorksTheirGridsCasesAndThoseNobodyElseWorksButNotAnotherWorkersGrid() {
		CaseDesk desk = desk(new Actor(2, "网格员", Set.of(new ScopedRole(Role.GRID_WORKER, OWN_GRID))));

		assertThat(desk.works(caseIn(OWN_GRID, false))).isTrue();
		assertThat(desk.works(caseIn(null, false))).as("outside every grid").isTrue();
		assertThat(desk.works(caseIn(NOBODYS_GRID, false))).as("a grid nobody works").isTrue();
		assertThat(desk.works(caseIn(OTHER_GRID, false))).isFalse();
	}

	@Test
	void theAdministratorWorksEveryCaseOfTheCommunity() {
		CaseDesk desk = desk(new Actor(3, "书记", Set.of(new ScopedRole(Role.ADMINISTRATOR, COMMUNITY))));

		assertThat(desk.works(caseIn(OTHER_GRID, false))).isTrue();
		assertThat(desk.administrator()).isTrue();
	}

	@Test
	void anAnonymousReporterIsHiddenFromOtherVolunteersButNotFromGridWorkersOrThemselves() {
		Case anonymous = caseIn(OWN_GRID, true);
		CaseDesk neighbour = desk(new Actor(4, "邻居", Set.of(new ScopedRole(Role.VOLUNTEER, COMMUNITY))));
		CaseDesk gridWorker = desk(new Actor(2, "网格员", Set.of(new ScopedRole(Role.GRID_WORKER, OTHER_GRID))));
		CaseDesk reporter = desk(new Actor(REPORTER, "上报人", Set.of(new ScopedRole(Role.VOLUNTEER, COMMUNITY))));

		assertThat(neighbour.sees(anonymous)).isTrue();
		assertThat(neighbour.seesReporter(anonymous)).isFalse();
		assertThat(gridWorker.seesReporter(anonymous)).isTrue();
		assertThat(reporter.seesReporter(anonymous)).isTrue();
		assertThat(neighbour.seesReporter(caseIn(OWN_GRID, false))).isTrue();
	}

	@Test
	void someoneOfAnotherCommunitySeesNothingUnlessTheyHandleTheCase() {
		CaseDesk stranger = desk(new Actor(5, "外人", Set.of(new ScopedRole(Role.VOLUNTEER, COMMUNITY + 1))));
		CaseDesk departmentMember = new CaseDesk(new Actor(6, "物业", Set.of()), COMMUNITY,
				Set.of(OWN_GRID, OTHER_GRID, NOBODYS_GRID), Set.of(NOBODYS_GRID), Set.of(99L));
		Case dispatchedToDepartment = new Case(10, COMMUNITY, 1, OWN_GRID, REPORTER, "r", "d", new GeoPoint(114, 30), false,
				Instant.EPOCH, CaseStage.DISPATCHED, 3, Instant.EPOCH, Instant.EPOCH, null, null, null, null, 99L, null,
				null, null, null, 0, null);

		assertThat(stranger.sees(caseIn(OWN_GRID, false))).isFalse();
		assertThat(departmentMember.sees(dispatchedToDepartment)).isTrue();
		assertThat(departmentMember.handles(dispatchedToDepartment)).isTrue();
		assertThat(departmentMember.works(dispatchedToDepartment)).isFalse();
	}

	private static CaseDesk desk(Actor actor) {
		return new CaseDesk(actor, COMMUNITY, Set.of(OWN_GRID, OTHER_GRID, NOBODYS_GRID), Set.of(NOBODYS_GRID), Set.of());
	}

	private static Case caseIn(Long grid, boolean anonymous) {
		return new Case(10, COMMUNITY, 1, grid, REPORTER, "r", "d", new GeoPoint(114, 30), anonymous, Instant.EPOCH,
				CaseStage.REPORTED, 1, Instant.EPOCH, null, null, null, null, null, null, null, null, null, null, 0, null);
	}

}
