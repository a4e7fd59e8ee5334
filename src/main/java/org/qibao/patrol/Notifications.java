package org.qibao.patrol;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What volunteers are told, kept so that they can read it whenever they next look. */
@Service
class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void tell(long accountId, String kind, Long shiftId, Long teamId, String detail) {
		this.jdbc.sql("INSERT INTO notification (account_id, kind, shift_id, team_id, detail) VALUES (?, ?, ?, ?, ?)")
			.params(accountId, kind, shiftId, teamId, detail)
			.update();
	}

	List<Notification> of(long accountId, int offset, int limit) {
		return this.jdbc.sql("SELECT * FROM notification WHERE account_id = ? ORDER BY id DESC OFFSET ? LIMIT ?")
			.params(accountId, offset, limit)
			.query(Rows.NOTIFICATION)
			.list();
	}

	int count(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ?").param(accountId).query(Integer.class).single();
	}

}
