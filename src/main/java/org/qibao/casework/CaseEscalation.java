package org.qibao.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.qibao.casework.CaseRows.CASE;
import static org.qibao.casework.CaseRows.CASE_COLUMNS;
import static org.qibao.casework.CaseRows.at;

/**
 * Escalates cases past their deadline to the community administrator, once per case. Runs on
 * every instance; each escalation is an update conditional on the case not being escalated yet,
 * so whichever instance comes first escalates it and the others find nothing left. Escalation
 * does not move the case's version: the grid worker's or handler's next step still goes through.
 */
@Component
class CaseEscalation {

	private static final String OVERDUE = """
			c.escalated_at IS NULL AND ((c.stage = 'REPORTED' AND c.accept_due_at < :now)
			  OR (c.stage IN ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED') AND c.resolve_due_at < :now))""";

	private final JdbcClient jdbc;

	private final CaseChanges changes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CaseEscalation(JdbcClient jdbc, CaseChanges changes, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.casework.escalate-initial-delay:PT40S}",
			fixedDelayString = "${qibao.casework.escalate-every:PT1M}")
	void escalateOverdue() {
		escalateOverdue(this.clock.instant());
	}

	/** Returns how many cases this call escalated. */
	int escalateOverdue(Instant now) {
		List<Long> overdue = this.jdbc.sql("SELECT c.id FROM grid_case c WHERE " + OVERDUE + " ORDER BY c.id LIMIT 1000")
			.param("now", at(now))
			.query(Long.class)
			.list();
		int escalated = 0;
		for (long id : overdue) {
			Boolean done = this.transactions.execute(status -> escalate(id, now));
			if (Boolean.TRUE.equals(done)) {
				escalated++;
			}
		}
		return escalated;
	}

	private boolean escalate(long caseId, Instant now) {
		List<Case> updated = this.jdbc.sql("UPDATE grid_case c SET escalated_at = :now WHERE c.id = :id AND "
				+ OVERDUE + " RETURNING " + CASE_COLUMNS)
			.param("now", at(now))
			.param("id", caseId)
			.query(CASE)
			.list();
		if (updated.isEmpty()) {
			return false;
		}
		Case gridCase = updated.get(0);
		this.changes.record(gridCase, CaseEventKind.ESCALATED, null, now, "", List.of());
		return true;
	}

}
