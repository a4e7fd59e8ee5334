package org.qibao.location;

import java.util.List;
import java.util.Map;

import org.qibao.identity.AccountErased;
import org.qibao.identity.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The positions kept of a person's patrols: theirs to see in "My data", and deleted outright when
 * they erase their data (in the erasing transaction). Live positions in Redis need no erasing:
 * nobody can be erased while checked in, and they go stale minutes after check-out.
 */
@Component
class LocationErasure implements PersonalData {

	private final JdbcClient jdbc;

	LocationErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "patrolPositions";
	}

	@Override
	public List<Map<String, Object>> of(long accountId) {
		return this.jdbc.sql("""
				SELECT check_in_id, recorded_at::text AS recorded_at, longitude, latitude, accuracy, inside
				FROM patrol_track WHERE account_id = ? ORDER BY recorded_at""")
			.param(accountId).query().listOfRows();
	}

	@EventListener
	void on(AccountErased erased) {
		this.jdbc.sql("DELETE FROM patrol_track WHERE account_id = ?").param(erased.accountId()).update();
	}

}
