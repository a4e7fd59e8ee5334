package org.qibao.gamification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

	Leaderboards(JdbcClient jdbc, BoardStore store, CommunityPlaces places, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.places = places;
		this.clock = clock;
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

	/** Builds the board from PostgreSQL unless Redis holds it. */
	void ensureBuilt(Board board) {
		if (!this.store.built(board)) {
			rebuild(board);
		}
	}

	/** Rebuilds one board from the points ledger. */
	int rebuild(Board board) {
		List<BoardStore.Score> scores = scoresOf(board);
		this.store.replace(board, scores);
		return scores.size();
	}

	/**
	 * Rebuilds every current board of a city (its communities, streets and itself, for both
	 * subjects) with one query per subject, scope and period, each grouping the city's entries by
	 * place and member. Weeks and months are the city's time zone's (that of its first community).
	 * Returns the volunteers on the city's all-time board.
	 */
	int rebuildCity(long cityId) {
		List<long[]> communities = this.jdbc.sql("SELECT community_id, street_id FROM gamification_community WHERE city_id = ?")
			.param(cityId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		Map<Board.Scope, List<Long>> places = Map.of(Board.Scope.CITY, List.of(cityId), Board.Scope.STREET,
				communities.stream().map(c -> c[1]).distinct().toList(), Board.Scope.COMMUNITY,
				communities.stream().map(c -> c[0]).toList());
		int volunteers = 0;
		for (Board.Subject subject : Board.Subject.values()) {
			for (Board.Period period : Board.Period.values()) {
				Board cityBoard = current(subject, Board.Scope.CITY, cityId, period);
				if (cityBoard == null) {
					return 0;
				}
				for (Board.Scope scope : Board.Scope.values()) {
					Map<Long, List<BoardStore.Score>> byPlace = scoresInCity(cityId, subject, scope, cityBoard.period());
					// every place's board is replaced, an empty one too, so none keeps scores of an earlier build
					for (long place : places.get(scope)) {
						this.store.replace(new Board(subject, scope, place, cityBoard.period()),
								byPlace.getOrDefault(place, List.of()));
					}
					if (subject == Board.Subject.VOLUNTEERS && scope == Board.Scope.CITY && period == Board.Period.ALL_TIME) {
						volunteers = byPlace.getOrDefault(cityId, List.of()).size();
					}
				}
			}
		}
		return volunteers;
	}

	private Map<Long, List<BoardStore.Score>> scoresInCity(long cityId, Board.Subject subject, Board.Scope scope,
			String period) {
		String member = subject == Board.Subject.VOLUNTEERS ? "account_id" : "team_id";
		String sql = "SELECT " + scope.column + " AS place, " + member + " AS member, sum(points) AS points, "
				+ "max(counts_at) AS latest FROM points_entry WHERE city_id = ?" + periodFilter(period) + " AND " + member
				+ " IS NOT NULL GROUP BY 1, 2";
		var statement = this.jdbc.sql(sql).param(cityId);
		if (!periodFilter(period).isEmpty()) {
			statement = statement.param(period);
		}
		Map<Long, List<BoardStore.Score>> byPlace = new java.util.HashMap<>();
		statement.query((java.sql.ResultSet rs) -> {
			byPlace.computeIfAbsent(rs.getLong("place"), k -> new ArrayList<>())
				.add(new BoardStore.Score(rs.getLong("member"), rs.getLong("points"),
						Board.minute(rs.getTimestamp("latest").toInstant())));
		});
		return byPlace;
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
