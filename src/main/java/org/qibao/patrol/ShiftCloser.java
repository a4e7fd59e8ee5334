package org.qibao.patrol;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.qibao.patrol.Rows.at;

/**
 * After a shift's end plus grace: closes forgotten check-outs and records no-shows. Runs on every
 * instance; each closure is a conditional update and each no-show an insert on a unique key, so
 * whichever instance comes first does the work and the others find nothing left.
 */
@Component
class ShiftCloser {

	private final JdbcClient jdbc;

	private final CheckIns checkIns;

	private final PatrolProperties properties;

	private final Clock clock;

	ShiftCloser(JdbcClient jdbc, CheckIns checkIns, PatrolProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.checkIns = checkIns;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.patrol.close-initial-delay:PT30S}", fixedDelayString = "${qibao.patrol.close-every:PT1M}")
	void closeOverdue() {
		closeOverdue(this.clock.instant());
	}

	/** Returns how many check-ins this call closed. */
	int closeOverdue(Instant now) {
		Instant endedBefore = now.minus(this.properties.checkOutGrace());
		List<long[]> overdue = this.jdbc.sql("""
				SELECT c.id, extract(epoch FROM s.ends_at)::bigint FROM check_in c JOIN shift s ON s.id = c.shift_id
				WHERE c.checked_out_at IS NULL AND s.ends_at <= ? ORDER BY c.id""")
			.param(at(endedBefore))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		int closed = 0;
		for (long[] row : overdue) {
			Instant at = Instant.ofEpochSecond(row[1]).plus(this.properties.checkOutGrace());
			if (this.checkIns.closeAutomatically(row[0], at, now)) {
				closed++;
			}
		}
		recordNoShows(endedBefore);
		return closed;
	}

	private void recordNoShows(Instant endedBefore) {
		this.jdbc.sql("""
				INSERT INTO no_show (shift_id, account_id)
				SELECT u.shift_id, u.account_id FROM shift_signup u JOIN shift s ON s.id = u.shift_id
				WHERE NOT s.closed AND s.status = 'SCHEDULED' AND s.ends_at <= ? AND u.status = 'CONFIRMED'
				  AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.shift_id = u.shift_id AND c.account_id = u.account_id)
				ON CONFLICT (shift_id, account_id) DO NOTHING""")
			.param(at(endedBefore))
			.update();
		this.jdbc.sql("UPDATE shift SET closed = true WHERE NOT closed AND ends_at <= ?").param(at(endedBefore)).update();
	}

}
