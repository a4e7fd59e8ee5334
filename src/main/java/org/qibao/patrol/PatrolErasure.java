package org.qibao.patrol;

import java.sql.Timestamp;
import java.util.Optional;

import org.qibao.identity.AccountErased;
import org.qibao.identity.ErasureObjection;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Patrol's part of erasing a person: their places on shifts to come are given up (waitlists move
 * up), their memberships end, their open requests to join are declined, their
 * calendar feed go, and the positions kept with their check-ins and checkpoint scans are wiped.
 * Shifts they walked stay (without their name), so that the team's history and the time bank's
 * credits still add up. Runs in the erasing transaction. Nobody can be erased while checked in.
 */
@Component
class PatrolErasure implements ErasureObjection {

	private final JdbcClient jdbc;

	private final Signups signups;

	PatrolErasure(JdbcClient jdbc, Signups signups) {
		this.jdbc = jdbc;
		this.signups = signups;
	}

	@Override
	public Optional<String> objection(long accountId) {
		boolean checkedIn = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM check_in WHERE account_id = ? AND checked_out_at IS NULL)")
			.param(accountId).query(Boolean.class).single();
		return checkedIn ? Optional.of("OPEN_CHECK_IN") : Optional.empty();
	}

	@EventListener
	void on(AccountErased erased) {
		long accountId = erased.accountId();
		Timestamp now = Timestamp.from(erased.erasedAt());
		this.jdbc.sql("""
				SELECT u.shift_id FROM shift_signup u JOIN shift s ON s.id = u.shift_id
				WHERE u.account_id = ? AND u.status <> 'CANCELLED' AND s.starts_at > ?""")
			.params(accountId, now)
			.query(Long.class)
			.list()
			.forEach(shiftId -> this.signups.cancel(shiftId, accountId, erased.erasedAt()));
		this.jdbc.sql("UPDATE team_member SET status = 'LEFT', changed_at = ? WHERE account_id = ? AND status <> 'LEFT'")
			.params(now, accountId).update();
		this.jdbc.sql("""
				UPDATE team_join_request SET status = 'DECLINED', decided_at = ?, decided_by = account_id
				WHERE account_id = ? AND status = 'PENDING'""")
			.params(now, accountId).update();
		this.jdbc.sql("DELETE FROM calendar_feed WHERE account_id = ?").param(accountId).update();
		// the columns are required for every check-in: the places become (0, 0), which no patrol is at
		this.jdbc.sql("""
				UPDATE check_in SET in_longitude = 0, in_latitude = 0,
				       out_longitude = CASE WHEN out_longitude IS NULL THEN NULL ELSE 0 END,
				       out_latitude = CASE WHEN out_latitude IS NULL THEN NULL ELSE 0 END
				WHERE account_id = ?""")
			.param(accountId).update();
		this.jdbc.sql("""
				UPDATE checkpoint_visit SET longitude = NULL, latitude = NULL, accuracy = NULL
				WHERE check_in_id IN (SELECT id FROM check_in WHERE account_id = ?)""")
			.param(accountId).update();
	}

}
