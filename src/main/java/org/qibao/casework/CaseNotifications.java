package org.qibao.casework;

import java.util.List;

import org.qibao.shared.Connection;
import org.qibao.shared.Connection.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A reporter's notifications of their cases' stages, newest first. */
@Repository
class CaseNotifications {

	private final JdbcClient jdbc;

	CaseNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Connection<CaseNotification> of(long accountId, Page page) {
		List<CaseNotification> rows = this.jdbc.sql("""
				SELECT id, case_id, kind, stage, at FROM case_notification WHERE account_id = ?
				ORDER BY at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(accountId, page.limit(), page.offset())
			.query((rs, n) -> new CaseNotification(rs.getLong("id"), rs.getLong("case_id"),
					CaseEventKind.valueOf(rs.getString("kind")), CaseStage.valueOf(rs.getString("stage")),
					CaseRows.instant(rs, "at")))
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM case_notification WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
		return Connection.of(rows, page, total);
	}

}
