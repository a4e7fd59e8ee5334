package org.qibao.casework;

import java.util.List;
import java.util.Map;

import org.qibao.identity.AccountErased;
import org.qibao.identity.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's case reports: theirs to see in "My data". When they erase their data the reports stay
 * (the city needs them to fix what was reported) but become anonymous, as if they had reported
 * them so, to everyone, grid workers included; their case notifications and department
 * memberships go. Runs in the erasing
 * transaction.
 */
@Component
class CaseworkErasure implements PersonalData {

	private final JdbcClient jdbc;

	CaseworkErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "caseReports";
	}

	@Override
	public List<Map<String, Object>> of(long accountId) {
		return this.jdbc.sql("""
				SELECT id, description, longitude, latitude, anonymous, stage, reported_at::text AS reported_at
				FROM grid_case WHERE reporter_id = ? ORDER BY reported_at""")
			.param(accountId).query().listOfRows();
	}

	@EventListener
	void on(AccountErased erased) {
		this.jdbc.sql("UPDATE grid_case SET anonymous = true WHERE reporter_id = ? AND NOT anonymous")
			.param(erased.accountId()).update();
		this.jdbc.sql("DELETE FROM case_notification WHERE account_id = ?").param(erased.accountId()).update();
		this.jdbc.sql("DELETE FROM case_department_member WHERE account_id = ?").param(erased.accountId()).update();
	}

}
