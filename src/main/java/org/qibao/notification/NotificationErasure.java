package org.qibao.notification;

import java.util.List;
import java.util.Map;

import org.qibao.identity.AccountErased;
import org.qibao.identity.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a person was told: theirs to see in "My data", and deleted with the rest when they erase
 * their data (in the erasing transaction), since their notices name the people and shifts of
 * their life in the community.
 */
@Component
class NotificationErasure implements PersonalData {

	private final JdbcClient jdbc;

	NotificationErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public List<Map<String, Object>> of(long accountId) {
		return this.jdbc.sql("""
				SELECT kind, params::text AS params, created_at::text AS created_at, read_at::text AS read_at
				FROM notification WHERE account_id = ? ORDER BY id""")
			.param(accountId).query().listOfRows();
	}

	@EventListener
	void on(AccountErased erased) {
		this.jdbc.sql("DELETE FROM notification WHERE account_id = ?").param(erased.accountId()).update();
	}

}
