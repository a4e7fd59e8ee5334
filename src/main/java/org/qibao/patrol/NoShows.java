package org.qibao.patrol;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rules.require;

/** No-shows as a captain sees them, and clearing one with a reason (ill, called away…). */
@Service
class NoShows {

	private final JdbcClient jdbc;

	private final PatrolQueries queries;

	private final PatrolAudit audit;

	NoShows(JdbcClient jdbc, PatrolQueries queries, PatrolAudit audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
	}

	Optional<NoShow> find(long id) {
		return this.jdbc.sql("SELECT * FROM no_show WHERE id = ?").param(id).query(Rows.NO_SHOW).optional();
	}

	@Transactional
	NoShow clear(long noShowId, String reason, long captainId) {
		String why = Rules.reason(reason, "reason");
		int changed = this.jdbc.sql("""
				UPDATE no_show SET cleared_at = now(), cleared_by = ?, clear_reason = ? WHERE id = ? AND cleared_at IS NULL""")
			.params(captainId, why, noShowId)
			.update();
		require(changed == 1, "ALREADY_CLEARED", "noShowId");
		NoShow cleared = find(noShowId).orElseThrow();
		long teamId = this.queries.shift(cleared.shiftId()).orElseThrow().teamId();
		this.audit.inTeam(captainId, teamId, "noShowClear", "NoShow", noShowId, java.util.Map.of("cleared", false),
				java.util.Map.of("cleared", true, "clearReason", why));
		return cleared;
	}

}
