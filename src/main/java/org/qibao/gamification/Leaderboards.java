package org.qibao.gamification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers' and teams' points per community, street and city, this week, this month and of all
 * time. Entries are added to the Redis boards as they are written; a board Redis has lost (or
 * that missed an add) is rebuilt from the points ledger when it is next read, and a whole city
 * can be rebuilt on command. A rebuild scores exactly as the adds do: the sum of the points and
 * the latest minute that counted.
 */
@Service
class Leaderboards {

	private final JdbcClient jdbc;

	private final BoardStore store;

	private final CommunityPlaces places;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Leaderboards(JdbcClient jdbc, BoardStore store, CommunityPlaces places, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.store = store;
		this.places = places;
		this.clock = clock;
		this.events = events;
	}

	/** Adds written entries to every board they count on. */
	void add(List<PointsEntry> entries) {
		for (PointsEntry entry : entries) {
			long minute = Board.minute(entry.countsAt());
			for (Board board : boardsOf(entry)) {
				long member = board.subject() == Board.Subject.VOLUNTEERS ? entry.accountId() : entry.teamId();
				this.store.add(board, member, entry.points(), minute);
			}
		}
	}

	private static List<Board> boardsOf(PointsEntry entry) {
		List<Board> boards = new ArrayList<>();
		for (Board.Subject subject : Board.Subject.values()) {
			if (subject == Board.Subject.TEAMS && entry.teamId() == null) {
				continue;
			}
			for (Board.Scope scope : Board.Scope.values()) {
				long place = scope.placeOf(entry);
				for (String period : List.of(Board.ALL_TIME, entry.countsWeek(), entry.countsMonth())) {
					boards.add(new Board(subject, scope, place, period));
				}
			}
		}
		return boards;
	}

	/** The board as it stands now, for a place and period; null when the place has no activity here yet. */
	Board current(Board.Subject subject, Board.Scope scope, long placeId, Board.Period period) {
		ZoneId zone = this.places.zoneOf(scope.column, placeId).orElse(null);
		if (zone == null) {
			return null;
		}
		Instant now = this.clock.instant();
		CommunityPlace at = new CommunityPlace(0, 0, 0, zone);
		String id = switch (period) {
			case WEEK -> at.week(now);
			case MONTH -> at.month(now);
			case ALL_TIME -> Board.ALL_TIME;
		};
		return new Board(subject, scope, placeId, id);
	}

	/** Boards being rebuilt on this instance: readers of a lost board wait for one rebuild, not run one each. */
	private final Map<String, Object> rebuilding = new java.util.concurrent.ConcurrentHashMap<>();

	/** Builds the board from PostgreSQL unless Redis holds it. */
	void ensureBuilt(Board board) {
		if (this.store.built(board)) {
			return;
		}
		Object lock = this.rebuilding.computeIfAbsent(board.key(), k -> new Object());
		synchronized (lock) {
			if (!this.store.built(board)) {
				rebuild(board);
			}
		}
		this.rebuilding.remove(board.key(), lock);
	}

	/** Rebuilds one board from the points ledger. */
	int rebuild(Board board) {
		List<BoardStore.Score> scores = scoresOf(board);
		this.store.replace(board, scores);
		return scores.size();
	}

	/**
	 * Rebuilds every current board of a city (its communities, streets and itself, for both
	 * subjects, this week, this month and all time) with one query per subject: a single pass over
	 * the city's entries grouped by community, street and city at once, each period a filtered sum.
	 * Weeks and months are the city's time zone's (that of its first community). Returns the
	 * volunteers on the city's all-time board.
	 */
	/**
	 * A city administrator's rebuild, kept in the audit log (above communities: community null);
	 * the entry and the rebuild's own reads share one transaction.
	 */
	@Transactional
	int rebuildCity(long cityId, long administratorId) {
		int volunteers = rebuildCity(cityId);
		this.events.publishEvent(new AdministrativeAction(administratorId, null, "gamification.leaderboardRebuild", "City",
				cityId, Map.of(), Map.of("volunteers", volunteers)));
		return volunteers;
	}

	int rebuildCity(long cityId) {
		Board anyBoard = current(Board.Subject.VOLUNTEERS, Board.Scope.CITY, cityId, Board.Period.WEEK);
		if (anyBoard == null) {
			return 0;
		}
		String week = anyBoard.period();
		String month = current(Board.Subject.VOLUNTEERS, Board.Scope.CITY, cityId, Board.Period.MONTH).period();
		List<long[]> communities = this.jdbc.sql("SELECT community_id, street_id FROM gamification_community WHERE city_id = ?")
			.param(cityId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		Map<Board.Scope, List<Long>> places = Map.of(Board.Scope.CITY, List.of(cityId), Board.Scope.STREET,
				communities.stream().map(c -> c[1]).distinct().toList(), Board.Scope.COMMUNITY,
				communities.stream().map(c -> c[0]).toList());
		int volunteers = 0;
		for (Board.Subject subject : Board.Subject.values()) {
			Map<Board, List<BoardStore.Score>> scores = scoresInCity(cityId, subject, week, month);
			// every place's board is replaced, an empty one too, so none keeps scores of an earlier build
			for (Board.Scope scope : Board.Scope.values()) {
				for (long place : places.get(scope)) {
					for (String period : List.of(Board.ALL_TIME, week, month)) {
						Board board = new Board(subject, scope, place, period);
						this.store.replace(board, scores.getOrDefault(board, List.of()));
					}
				}
			}
			if (subject == Board.Subject.VOLUNTEERS) {
				volunteers = scores.getOrDefault(new Board(subject, Board.Scope.CITY, cityId, Board.ALL_TIME), List.of()).size();
			}
		}
		return volunteers;
	}

	private Map<Board, List<BoardStore.Score>> scoresInCity(long cityId, Board.Subject subject, String week, String month) {
		String member = subject == Board.Subject.VOLUNTEERS ? "account_id" : "team_id";
		String sql = """
				SELECT community_id, street_id, GROUPING(community_id, street_id) AS level, %1$s AS member,
				       sum(points) AS all_points, max(counts_at) AS all_latest,
				       sum(points) FILTER (WHERE counts_week = ?) AS week_points, max(counts_at) FILTER (WHERE counts_week = ?) AS week_latest,
				       sum(points) FILTER (WHERE counts_month = ?) AS month_points, max(counts_at) FILTER (WHERE counts_month = ?) AS month_latest
				FROM points_entry WHERE city_id = ? AND %1$s IS NOT NULL
				GROUP BY GROUPING SETS ((community_id, %1$s), (street_id, %1$s), (%1$s))""".formatted(member);
		Map<Board, List<BoardStore.Score>> scores = new java.util.HashMap<>();
		this.jdbc.sql(sql).params(week, week, month, month, cityId).query((java.sql.ResultSet rs) -> {
			int level = rs.getInt("level");
			Board.Scope scope = level == 1 ? Board.Scope.COMMUNITY : level == 2 ? Board.Scope.STREET : Board.Scope.CITY;
			long place = switch (scope) {
				case COMMUNITY -> rs.getLong("community_id");
				case STREET -> rs.getLong("street_id");
				case CITY -> cityId;
			};
			long id = rs.getLong("member");
			for (String[] period : new String[][] { { Board.ALL_TIME, "all" }, { week, "week" }, { month, "month" } }) {
				java.sql.Timestamp latest = rs.getTimestamp(period[1] + "_latest");
				if (latest != null) {
					scores.computeIfAbsent(new Board(subject, scope, place, period[0]), b -> new ArrayList<>())
						.add(new BoardStore.Score(id, rs.getLong(period[1] + "_points"), Board.minute(latest.toInstant())));
				}
			}
		});
		return scores;
	}

	private static String periodFilter(String period) {
		return switch (period.length()) {
			case 3 -> "";
			case 7 -> " AND counts_month = ?";
			default -> " AND counts_week = ?";
		};
	}

	private List<BoardStore.Score> scoresOf(Board board) {
		String member = board.subject() == Board.Subject.VOLUNTEERS ? "account_id" : "team_id";
		String period = periodFilter(board.period());
		String sql = "SELECT " + member + " AS member, sum(points) AS points, max(counts_at) AS latest FROM points_entry WHERE "
				+ board.scope().column + " = ?" + period + " AND " + member + " IS NOT NULL GROUP BY " + member;
		var statement = this.jdbc.sql(sql).param(board.placeId());
		if (!period.isEmpty()) {
			statement = statement.param(board.period());
		}
		return statement.query((rs, n) -> new BoardStore.Score(rs.getLong("member"), rs.getLong("points"),
				Board.minute(rs.getTimestamp("latest").toInstant())))
			.list();
	}

	/** A page of a board, built first if Redis does not hold it. */
	Map<Long, Long> page(Board board, int offset, int count) {
		ensureBuilt(board);
		return this.store.page(board, offset, count);
	}

	long size(Board board) {
		return this.store.size(board);
	}

	Long position(Board board, long memberId) {
		return this.store.position(board, memberId);
	}

	Long pointsOf(Board board, long memberId) {
		return this.store.pointsOf(board, memberId);
	}

}
