package org.qibao.gamification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/**
 * Leaderboard pages, answered from Redis; only the names of the page's members are read from
 * PostgreSQL, in one batch each.
 */
@Controller
class LeaderboardController {

	private final Leaderboards leaderboards;

	private final Viewers viewers;

	private final Accounts accounts;

	private final Teams teams;

	private final JdbcClient jdbc;

	private final Clock clock;

	LeaderboardController(Leaderboards leaderboards, Viewers viewers, Accounts accounts, Teams teams, JdbcClient jdbc,
			Clock clock) {
		this.leaderboards = leaderboards;
		this.viewers = viewers;
		this.accounts = accounts;
		this.teams = teams;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Entry(int rank, long points, String displayName, boolean nameMasked, Account account, Team team) {
	}

	@QueryMapping
	Connection<Entry> leaderboard(@Argument Board.Subject subject, @Argument Board.Scope scope, @Argument String placeId,
			@Argument Board.Period period, @Argument Integer first, @Argument String after, Actor actor) {
		Connection.Page page = Connection.Page.of(first, after);
		String type = switch (scope) {
			case COMMUNITY -> "Community";
			case STREET -> "Street";
			case CITY -> "City";
		};
		Board board = this.leaderboards.current(subject, scope, GlobalId.keyOf(placeId, type), period);
		if (board == null) {
			return Connection.of(List.of(), page, 0);
		}
		Map<Long, Long> rows = this.leaderboards.page(board, page.offset(), page.limit());
		int total = (int) this.leaderboards.size(board);
		List<Entry> entries = subject == Board.Subject.VOLUNTEERS ? volunteers(rows, page.offset(), actor)
				: teams(rows, page.offset());
		return Connection.of(entries, page, total);
	}

	private List<Entry> volunteers(Map<Long, Long> rows, int offset, Actor actor) {
		Map<Long, Account> people = this.accounts.findAll(rows.keySet());
		Set<Long> hidden = hidden(rows.keySet());
		Set<Long> seen = this.viewers.seesHiddenNamesOf(actor, rows.keySet());
		List<Entry> entries = new ArrayList<>();
		int rank = offset;
		for (Map.Entry<Long, Long> row : rows.entrySet()) {
			Account person = people.get(row.getKey());
			String name = person == null ? "" : person.displayName();
			boolean masked = hidden.contains(row.getKey()) && !seen.contains(row.getKey())
					&& (actor == null || actor.accountId() != row.getKey());
			entries.add(new Entry(++rank, row.getValue(), masked ? NameMask.of(name) : name, masked,
					masked ? null : person, null));
		}
		return entries;
	}

	private List<Entry> teams(Map<Long, Long> rows, int offset) {
		Map<Long, Team> found = this.teams.findAll(rows.keySet());
		List<Entry> entries = new ArrayList<>();
		int rank = offset;
		for (Map.Entry<Long, Long> row : rows.entrySet()) {
			Team team = found.get(row.getKey());
			entries.add(new Entry(++rank, row.getValue(), team == null ? "" : team.name(), false, null, team));
		}
		return entries;
	}

	private Set<Long> hidden(Set<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT account_id FROM leaderboard_name_hidden WHERE account_id = ANY(?)")
			.param(accountIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	record NameHideInput(boolean hidden) {
	}

	record NameHidePayload(boolean hidden, List<UserError> userErrors) {
	}

	@MutationMapping
	NameHidePayload leaderboardNameHide(@Argument NameHideInput input, Actor actor) {
		long me = Actor.signedIn(actor).accountId();
		if (input.hidden()) {
			this.jdbc.sql("INSERT INTO leaderboard_name_hidden (account_id, hidden_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(me, Timestamp.from(this.clock.instant()))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM leaderboard_name_hidden WHERE account_id = ?").param(me).update();
		}
		return new NameHidePayload(input.hidden(), List.of());
	}

	record RebuildInput(String cityId) {
	}

	record RebuildPayload(int volunteers, List<UserError> userErrors) {
	}

	@MutationMapping
	RebuildPayload leaderboardRebuild(@Argument RebuildInput input, Actor actor) {
		long city = GlobalId.keyOf(input.cityId(), "City");
		if (!this.viewers.administersIn(Actor.signedIn(actor), city)) {
			throw new AccessDeniedException("Not allowed");
		}
		return new RebuildPayload(this.leaderboards.rebuildCity(city, actor.accountId()), List.of());
	}

}
