package org.qibao.demo;

import java.time.LocalTime;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Shifts;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's patrol schedule: 七宝巡逻队 walks DT-01 every day 09:00–11:00 and 15:00–17:00,
 * three to seven at a time, with the next few shifts partly signed up (one of them short, so
 * the captain sees a shift at risk). Loaded once, when the team has no schedule yet.
 *
 * It runs when the application is ready rather than as an ordered runner: DemoCommunity has
 * no {@code @Order} (so the lowest precedence), and only the ready event reliably comes after it.
 */
@Component
@ConditionalOnBooleanProperty("qibao.demo.enabled")
class DemoPatrol {

	private static final Log log = LogFactory.getLog(DemoPatrol.class);

	/** How many volunteers sign up for each of the next shifts. */
	private static final int[] SIGNUPS = { 5, 7, 1, 3 };

	private final Geography geography;

	private final Teams teams;

	private final Shifts shifts;

	private final Accounts accounts;

	private final TransactionTemplate transaction;

	DemoPatrol(Geography geography, Teams teams, Shifts shifts, Accounts accounts, TransactionTemplate transaction) {
		this.geography = geography;
		this.teams = teams;
		this.shifts = shifts;
		this.accounts = accounts;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Grid dt01 = this.geography.gridAt(new GeoPoint(114.353, 30.567)).orElse(null);
		Team team = dt01 == null ? null : this.teams.named(dt01.communityId(), "七宝巡逻队").orElse(null);
		if (team == null || this.shifts.hasSchedules(team.id())) {
			return;
		}
		this.transaction.executeWithoutResult(status -> schedule(team, dt01));
		log.info("Loaded the demo patrol schedule of 七宝巡逻队");
	}

	private void schedule(Team team, Grid grid) {
		List<Account> captains = this.accounts.holders(Role.CAPTAIN, List.of(team.id())).get(team.id());
		long captain = captains.get(0).id();
		this.shifts.scheduleDaily(team.id(), List.of(grid.id()), LocalTime.of(9, 0), LocalTime.of(11, 0), 3, 7, captain);
		this.shifts.scheduleDaily(team.id(), List.of(grid.id()), LocalTime.of(15, 0), LocalTime.of(17, 0), 3, 7, captain);
		List<Long> members = this.teams.activeMembers(team.id());
		List<Long> next = this.shifts.upcoming(team.id(), SIGNUPS.length);
		for (int i = 0; i < next.size(); i++) {
			for (long member : members.subList(0, Math.min(SIGNUPS[i], members.size()))) {
				this.shifts.signUp(next.get(i), member);
			}
		}
	}

}
