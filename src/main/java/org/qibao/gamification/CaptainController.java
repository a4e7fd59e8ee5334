package org.qibao.gamification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.CalendarBounds;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/** What a captain does for the team: pausing a member's streak, and the review queue of implausible patterns. */
@Controller
class CaptainController {

	private final Teams teams;

	private final Accounts accounts;

	private final Streaks streaks;

	private final JdbcClient jdbc;

	private final UserErrors userErrors;

	CaptainController(Teams teams, Accounts accounts, Streaks streaks, JdbcClient jdbc, UserErrors userErrors) {
		this.teams = teams;
		this.accounts = accounts;
		this.streaks = streaks;
		this.jdbc = jdbc;
		this.userErrors = userErrors;
	}

	record StreakPauseSetInput(String teamId, String accountId, String from, String until, String reason) {
	}

	record StreakPauseSetPayload(ProfileController.PauseView pause, List<UserError> userErrors) {
	}

	@MutationMapping
	StreakPauseSetPayload streakPauseSet(@Argument StreakPauseSetInput input, Actor actor, Locale locale) {
		long teamId = GlobalId.keyOf(input.teamId(), "Team");
		long member = GlobalId.keyOf(input.accountId(), "Account");
		Actor captain = Actor.signedIn(actor);
		captain.require(Role.CAPTAIN, teamId);
		try {
			Team team = this.teams.findAll(List.of(teamId)).get(teamId);
			if (!this.teams.activeMembers(teamId).contains(member)) {
				throw new BusinessRuleException("NOT_A_TEAM_MEMBER", "accountId");
			}
			LocalDate from = day(input.from(), "from");
			LocalDate until = day(input.until(), "until");
			if (until.isBefore(from) || until.isAfter(from.plusWeeks(26))) {
				throw new BusinessRuleException("PAUSE_TOO_LONG", "until");
			}
			String reason = input.reason() == null ? "" : input.reason().strip();
			if (reason.isEmpty() || reason.length() > 100) {
				throw new BusinessRuleException("PAUSE_REASON_LENGTH", "reason");
			}
			Streaks.Pause pause = this.streaks.pause(team.communityId(), teamId, member, new Streaks.Pause(from, until, reason),
					captain.accountId());
			return new StreakPauseSetPayload(
					new ProfileController.PauseView(pause.from().toString(), pause.until().toString(), pause.reason()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new StreakPauseSetPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	/**
	 * A day within the calendar's bounds: a pause in the year -99999 or +999999999 is no pause at
	 * all, and only failed later in date arithmetic or in the database.
	 */
	private static LocalDate day(String text, String field) {
		LocalDate day;
		try {
			day = LocalDate.parse(text == null ? "" : text);
		}
		catch (DateTimeParseException ex) {
			day = null;
		}
		if (day == null || !CalendarBounds.within(day.getYear())) {
			throw new BusinessRuleException("INVALID_DAY", field);
		}
		return day;
	}

	record Flag(String kind, long accountId, Long teamId, java.time.Instant flaggedAt, String detail) {
	}

	@QueryMapping
	Connection<Flag> reviewFlags(@Argument String teamId, @Argument Integer first, @Argument String after, Actor actor) {
		long team = GlobalId.keyOf(teamId, "Team");
		requireCaptainOrAdministrator(Actor.signedIn(actor), team);
		Connection.Page page = Connection.Page.of(first, after);
		List<Flag> rows = this.jdbc.sql("""
				SELECT kind, account_id, team_id, flagged_at, detail FROM review_flag WHERE team_id = ?
				ORDER BY id DESC OFFSET ? LIMIT ?""")
			.params(team, page.offset(), page.limit())
			.query((rs, n) -> new Flag(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5)))
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM review_flag WHERE team_id = ?").param(team).query(Integer.class).single();
		return Connection.of(rows, page, total);
	}

	/** The team's captains, and the administrators of its community, who oversee every team there. */
	private void requireCaptainOrAdministrator(Actor actor, long teamId) {
		if (actor.has(Role.CAPTAIN, teamId)) {
			return;
		}
		Team team = this.teams.findAll(List.of(teamId)).get(teamId);
		actor.require(Role.ADMINISTRATOR, team == null ? -1 : team.communityId());
	}

	@BatchMapping(typeName = "ReviewFlag")
	java.util.Map<Flag, Account> account(List<Flag> flags) {
		java.util.Map<Long, Account> people = this.accounts.findAll(flags.stream().map(Flag::accountId).distinct().toList());
		java.util.Map<Flag, Account> out = new java.util.LinkedHashMap<>();
		flags.forEach(f -> out.put(f, people.get(f.accountId())));
		return out;
	}

	@BatchMapping(typeName = "ReviewFlag")
	java.util.Map<Flag, Team> team(List<Flag> flags) {
		java.util.Map<Long, Team> found = this.teams.findAll(flags.stream().map(Flag::teamId).distinct().toList());
		java.util.Map<Flag, Team> out = new java.util.LinkedHashMap<>();
		flags.forEach(f -> out.put(f, found.get(f.teamId())));
		return out;
	}

}
