package org.qibao.casework;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.qibao.casework.CaseRows.EVENT;
import static org.qibao.casework.CaseRows.longs;

/** Reads case timelines, for many cases in one statement. */
@Repository
class CaseTimelines {

	private static final String COLUMNS = "id, case_id, kind, stage, actor_id, at, note, photo_ids";

	private final JdbcClient jdbc;

	CaseTimelines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every event of each case, oldest first, by case. */
	Map<Long, List<CaseEvent>> of(Collection<Long> caseIds) {
		Map<Long, List<CaseEvent>> result = new HashMap<>();
		caseIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
		this.jdbc.sql("SELECT " + COLUMNS + " FROM case_event WHERE case_id = ANY(?) ORDER BY case_id, id")
			.param(longs(caseIds))
			.query(EVENT)
			.list()
			.forEach(event -> result.get(event.caseId()).add(event));
		return result;
	}

	/** The latest event of each case, by case. */
	Map<Long, CaseEvent> last(Collection<Long> caseIds) {
		return this.jdbc.sql("SELECT DISTINCT ON (case_id) " + COLUMNS
				+ " FROM case_event WHERE case_id = ANY(?) ORDER BY case_id, id DESC")
			.param(longs(caseIds))
			.query(EVENT)
			.list()
			.stream()
			.collect(Collectors.toMap(CaseEvent::caseId, e -> e));
	}

	/** The latest extension request of each case, by case. */
	Map<Long, CaseExtension> extensions(Collection<Long> caseIds) {
		return this.jdbc.sql("""
				SELECT DISTINCT ON (case_id) id, case_id, requested_by, requested_until, reason, requested_at, granted,
				       decided_at
				FROM case_extension WHERE case_id = ANY(?) ORDER BY case_id, id DESC""")
			.param(longs(caseIds))
			.query((rs, n) -> new CaseExtension(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("requested_by"),
					CaseRows.instant(rs, "requested_until"), rs.getString("reason"), CaseRows.instant(rs, "requested_at"),
					(Boolean) rs.getObject("granted"), CaseRows.instant(rs, "decided_at")))
			.list()
			.stream()
			.collect(Collectors.toMap(CaseExtension::caseId, e -> e));
	}

}
