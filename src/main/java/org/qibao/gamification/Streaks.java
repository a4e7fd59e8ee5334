package org.qibao.gamification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Volunteers' weekly streaks, from their verified patrols and their captains' pauses. */
@Service
class Streaks {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Streaks(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** A pause a captain set, as days in the community's time zone. */
	record Pause(LocalDate from, LocalDate until, String reason) {
	}

	StreakPolicy.State of(long accountId, CommunityPlace place) {
		Set<LocalDate> counted = new HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT (patrolled_at AT TIME ZONE ?)::date FROM patrol_fact
				WHERE account_id = ? AND community_id = ? AND reversed_at IS NULL AND verified_minutes > 0""")
			.params(place.zone().getId(), accountId, place.communityId())
			.query((rs, n) -> StreakPolicy.weekOf(rs.getDate(1).toLocalDate()))
			.list());
		Set<LocalDate> paused = new HashSet<>();
		for (Pause pause : pauses(accountId, place.communityId())) {
			for (LocalDate w = StreakPolicy.weekOf(pause.from()); !w.isAfter(pause.until()); w = w.plusWeeks(1)) {
				paused.add(w);
			}
		}
		LocalDate today = this.clock.instant().atZone(place.zone()).toLocalDate();
		return StreakPolicy.of(counted, paused, StreakPolicy.weekOf(today));
	}

	/** The pause covering today, if any. */
	Pause pauseToday(long accountId, CommunityPlace place) {
		LocalDate today = this.clock.instant().atZone(place.zone()).toLocalDate();
		return pauses(accountId, place.communityId()).stream()
			.filter(p -> !today.isBefore(p.from()) && !today.isAfter(p.until()))
			.findFirst()
			.orElse(null);
	}

	List<Pause> pauses(long accountId, long communityId) {
		return this.jdbc.sql("SELECT from_day, until_day, reason FROM streak_pause WHERE account_id = ? AND community_id = ? ORDER BY id")
			.params(accountId, communityId)
			.query((rs, n) -> new Pause(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getString(3)))
			.list();
	}

	@Transactional
	Pause pause(long communityId, long teamId, long accountId, Pause pause, long captainId) {
		this.jdbc.sql("""
				INSERT INTO streak_pause (community_id, team_id, account_id, from_day, until_day, reason, set_by, set_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, teamId, accountId, pause.from(), pause.until(), pause.reason(), captainId,
					java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.events.publishEvent(new AdministrativeAction(captainId, communityId, "gamification.streakPauseSet", "Account",
				accountId, Map.of(), Map.of("from", pause.from().toString(), "until", pause.until().toString(), "reason",
						pause.reason())));
		return pause;
	}

}
