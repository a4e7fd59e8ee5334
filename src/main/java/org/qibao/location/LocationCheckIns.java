package org.qibao.location;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The location module's own copy of the check-ins the patrol module hands it (table
 * {@code location_check_in}), and an in-process cache of each reporting account's newest one, so a
 * phone's report costs no query while its check-in is cached and at most one indexed read when it
 * is not. Another instance's check-out is caught by the closed mark on the live map (the store
 * refuses, and the check-in is read again), so a cached copy never lets a position in after it.
 */
@Service
class LocationCheckIns implements PatrolSessions {

	private static final int MAX_CACHED = 200_000;

	private static final String COLUMNS = """
			check_in_id, account_id, community_id, team_id, grid_ids, window_start, window_end, checked_in_at,
			checked_out_at, reported_by""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final LocationProperties properties;

	private final Cache<Long, ActiveCheckIn> byAccount;

	private final Clock clock;

	LocationCheckIns(JdbcClient jdbc, JdbcTemplate template, LocationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.properties = properties;
		this.byAccount = Caffeine.newBuilder()
			.maximumSize(MAX_CACHED)
			.expireAfterWrite(properties.checkInCache())
			.build();
		this.clock = clock;
	}

	@Override
	public void opened(ActiveCheckIn checkIn) {
		this.template.update("INSERT INTO location_check_in (" + COLUMNS + """
				) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (check_in_id) DO NOTHING""", ps -> {
			ps.setLong(1, checkIn.checkInId());
			ps.setLong(2, checkIn.accountId());
			ps.setLong(3, checkIn.communityId());
			ps.setLong(4, checkIn.teamId());
			ps.setArray(5, ps.getConnection().createArrayOf("bigint", checkIn.gridIds().toArray()));
			ps.setTimestamp(6, Timestamp.from(checkIn.windowStart()));
			ps.setTimestamp(7, Timestamp.from(checkIn.windowEnd()));
			ps.setTimestamp(8, Timestamp.from(checkIn.checkedInAt()));
			ps.setTimestamp(9, (checkIn.checkedOutAt() == null) ? null : Timestamp.from(checkIn.checkedOutAt()));
			ps.setObject(10, checkIn.reportedBy());
		});
		afterCommit(() -> this.byAccount.put(checkIn.accountId(), checkIn));
	}

	@Override
	public void closed(long checkInId, Instant checkedOutAt) {
		Optional<Long> account = this.jdbc.sql("""
				UPDATE location_check_in SET checked_out_at = coalesce(checked_out_at, ?) WHERE check_in_id = ?
				RETURNING account_id""")
			.params(Timestamp.from(checkedOutAt), checkInId)
			.query(Long.class)
			.optional();
		account.ifPresent(accountId -> afterCommit(() -> this.byAccount.invalidate(accountId)));
	}

	/**
	 * The account's check-in that takes positions now: the open one, or the one closed within the
	 * late-report window (positions queued on the phone before the check-out may still come in).
	 */
	Optional<ActiveCheckIn> of(long accountId) {
		ActiveCheckIn checkIn = this.byAccount.getIfPresent(accountId);
		if (checkIn == null) {
			checkIn = newest(accountId).orElse(null);
			if (checkIn == null) {
				return Optional.empty();
			}
			this.byAccount.put(accountId, checkIn);
		}
		Instant closed = checkIn.checkedOutAt();
		boolean takesPositions = closed == null
				|| this.clock.instant().isBefore(closed.plus(this.properties.lateReportWindow()));
		return takesPositions ? Optional.of(checkIn) : Optional.empty();
	}

	/** Any check-in, open or closed. */
	Optional<ActiveCheckIn> find(long checkInId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM location_check_in WHERE check_in_id = ?")
			.param(checkInId)
			.query(LocationCheckIns::checkIn)
			.optional();
	}

	/** Forgets the cached copy, so that the next report reads the account's check-in again. */
	void forget(long accountId) {
		this.byAccount.invalidate(accountId);
	}

	private Optional<ActiveCheckIn> newest(long accountId) {
		return this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM location_check_in WHERE account_id = ? ORDER BY checked_in_at DESC LIMIT 1")
			.param(accountId)
			.query(LocationCheckIns::checkIn)
			.optional();
	}

	private static ActiveCheckIn checkIn(ResultSet rs, int row) throws SQLException {
		Timestamp out = rs.getTimestamp("checked_out_at");
		Long reportedBy = rs.getObject("reported_by", Long.class);
		return new ActiveCheckIn(rs.getLong("check_in_id"), rs.getLong("account_id"), rs.getLong("community_id"),
				rs.getLong("team_id"), gridIds(rs.getArray("grid_ids")), rs.getTimestamp("window_start").toInstant(),
				rs.getTimestamp("window_end").toInstant(), rs.getTimestamp("checked_in_at").toInstant(),
				(out == null) ? null : out.toInstant(), reportedBy);
	}

	private static List<Long> gridIds(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	/** After the transaction commits (a rolled-back check-in is never cached), or now outside one. */
	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
