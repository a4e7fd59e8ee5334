package org.qibao.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.gamification.PastPatrols;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.timebank.Courses;
import org.qibao.timebank.School;
import org.qibao.timebank.Schools;
import org.qibao.timebank.TimeBank;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's time bank: a few weeks of patrol credits in the Seven Treasures' passbooks and
 * three upcoming courses at 东亭社区学校; the same patrols earn gamification points. Loaded once,
 * while the ledger is empty.
 *
 * Like DemoPatrol it runs when the application is ready, the only moment reliably after
 * DemoCommunity. Its patrol credits use negative attendance IDs, which the patrol module never
 * issues, so they can never be mistaken for a real attendance.
 */
@Component
@ConditionalOnBooleanProperty("qibao.demo.enabled")
class DemoTimeBank {

	private static final Log log = LogFactory.getLog(DemoTimeBank.class);

	/** Verified minutes of each past patrol, walked by the team member at the same position in turn. */
	private static final int[] PATROLS = { 120, 95, 118, 120, 110, 87, 120 };

	private final Accounts accounts;

	private final Schools schools;

	private final Courses courses;

	private final TimeBank timeBank;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Teams teams;

	private final PastPatrols pastPatrols;

	DemoTimeBank(Accounts accounts, Schools schools, Courses courses, TimeBank timeBank, JdbcClient jdbc,
			TransactionTemplate transaction, Teams teams, PastPatrols pastPatrols) {
		this.teams = teams;
		this.pastPatrols = pastPatrols;
		this.accounts = accounts;
		this.schools = schools;
		this.courses = courses;
		this.timeBank = timeBank;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Account secretary = this.accounts.findByPhone(DemoData.ADMINISTRATOR.phone()).orElse(null);
		boolean ledgerEmpty = this.jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM ledger_transfer) AND NOT EXISTS (SELECT 1 FROM course)")
			.query(Boolean.class)
			.single();
		if (secretary == null || !ledgerEmpty) {
			return;
		}
		long community = this.accounts.rolesOf(secretary.id()).stream()
			.filter(r -> r.role() == Role.ADMINISTRATOR)
			.findFirst()
			.orElseThrow()
			.scopeId();
		this.transaction.executeWithoutResult(status -> {
			credits(community);
			courses(community);
		});
		log.info("Loaded the demo time bank: patrol credits and courses of 东亭社区学校");
	}

	private void credits(long community) {
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(3));
		List<DemoData.Person> team = DemoData.SEVEN_TREASURES;
		long attendance = -1;
		for (int week = 3; week >= 1; week--) {
			for (int member = 0; member < team.size(); member++) {
				Account account = this.accounts.findByPhone(team.get(member).phone()).orElseThrow();
				Instant verifiedAt = today.minus(Duration.ofDays(week * 7L - member % 3));
				int minutes = PATROLS[(member + week) % PATROLS.length];
				Instant start = verifiedAt.minus(Duration.ofMinutes(minutes));
				AttendanceVerified verified = new AttendanceVerified(attendance--, account.id(), community, minutes, verifiedAt,
						null, team(community).map(t -> new AttendanceVerified.Patrol(t.id(), List.of(), start, start, verifiedAt, 2,
								null)).orElse(null));
				this.timeBank.creditPatrol(verified);
				// the same history earns points, badges, a streak and places on the boards
				this.pastPatrols.recognise(verified);
			}
		}
	}

	private java.util.Optional<Team> team(long community) {
		return this.teams.named(community, "七宝巡逻队");
	}

	private void courses(long community) {
		School school = this.schools.ofCommunities(List.of(community)).get(community);
		if (school == null) {
			return;
		}
		Instant nextWeek = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7)).plus(Duration.ofHours(1));
		this.courses.create(school.id(), "智能手机入门", nextWeek, 20, 120);
		this.courses.create(school.id(), "太极拳", nextWeek.plus(Duration.ofDays(2)), 15, 90);
		this.courses.create(school.id(), "书法", nextWeek.plus(Duration.ofDays(5)), 12, 60);
	}

}
