package org.qibao.gamification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qibao.shared.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only points ledger. The UNIQUE key (source, source id, account) makes a second
 * delivery of the same fact write nothing; a reversal is a new entry naming the one it takes back.
 */
@Repository
class PointsLedger {

	private final JdbcClient jdbc;

	PointsLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the awards not written before; returns the entries written now. */
	List<PointsEntry> award(CommunityPlace place, Instant countsAt, Instant now, List<PointsPolicy.Award> awards) {
		List<PointsEntry> written = new ArrayList<>();
		for (PointsPolicy.Award award : awards) {
			this.jdbc.sql("""
					INSERT INTO points_entry (account_id, community_id, street_id, city_id, team_id, source, source_id, points,
					                          recorded_at, counts_at, counts_week, counts_month)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (source, source_id, account_id) DO NOTHING
					RETURNING\s""" + PointsEntry.COLUMNS)
				.params(award.accountId(), place.communityId(), place.streetId(), place.cityId(), award.teamId(),
						award.source(), award.sourceId(), award.points(), Timestamp.from(now), Timestamp.from(countsAt),
						place.week(countsAt), place.month(countsAt))
				.query(PointsLedger::entry)
				.optional()
				.ifPresent(written::add);
		}
		return written;
	}

	/** Takes back every award of these sources and id that has not been taken back yet. */
	List<PointsEntry> reverse(List<String> sources, long sourceId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO points_entry (account_id, community_id, street_id, city_id, team_id, source, source_id, points,
				                          recorded_at, counts_at, counts_week, counts_month)
				SELECT account_id, community_id, street_id, city_id, team_id, 'REVERSAL', id, -points, ?, counts_at,
				       counts_week, counts_month
				FROM points_entry WHERE source = ANY(?) AND source_id = ? AND points > 0
				ORDER BY id
				ON CONFLICT (source, source_id, account_id) DO NOTHING
				RETURNING\s""" + PointsEntry.COLUMNS)
			.params(Timestamp.from(now), sources.toArray(String[]::new), sourceId)
			.query(PointsLedger::entry)
			.list();
	}

	int balance(long accountId, long communityId) {
		return this.jdbc.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE account_id = ? AND community_id = ?")
			.params(accountId, communityId)
			.query(Integer.class)
			.single();
	}

	/** The account's entries in the community, newest first. */
	Connection<PointsEntry> history(long accountId, long communityId, Connection.Page page) {
		List<PointsEntry> rows = this.jdbc.sql("SELECT " + PointsEntry.COLUMNS
				+ " FROM points_entry WHERE account_id = ? AND community_id = ? ORDER BY id DESC OFFSET ? LIMIT ?")
			.params(accountId, communityId, page.offset(), page.limit())
			.query(PointsLedger::entry)
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM points_entry WHERE account_id = ? AND community_id = ?")
			.params(accountId, communityId)
			.query(Integer.class)
			.single();
		return Connection.of(rows, page, total);
	}

	static PointsEntry entry(ResultSet rs, int row) throws SQLException {
		long team = rs.getLong("team_id");
		Long teamId = rs.wasNull() ? null : team;
		return new PointsEntry(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("community_id"),
				rs.getLong("street_id"), rs.getLong("city_id"), teamId, rs.getString("source"),
				rs.getLong("source_id"), rs.getInt("points"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getTimestamp("counts_at").toInstant(), rs.getString("counts_week"), rs.getString("counts_month"));
	}

}
