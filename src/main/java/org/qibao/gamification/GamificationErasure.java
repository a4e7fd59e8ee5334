package org.qibao.gamification;

import java.sql.Timestamp;

import org.qibao.identity.AccountErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gamification's part of erasing a person: their badges and streak pauses go, and their name is
 * hidden on every leaderboard. The points ledger is append-only and names nobody, so its entries
 * stay with the nameless account and the community's totals and goals still add up. Runs in the
 * erasing transaction.
 */
@Component
class GamificationErasure {

	private final JdbcClient jdbc;

	GamificationErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AccountErased erased) {
		long accountId = erased.accountId();
		this.jdbc.sql("DELETE FROM badge_award WHERE account_id = ?").param(accountId).update();
		this.jdbc.sql("DELETE FROM streak_pause WHERE account_id = ?").param(accountId).update();
		this.jdbc.sql("""
				INSERT INTO leaderboard_name_hidden (account_id, hidden_at) VALUES (?, ?)
				ON CONFLICT (account_id) DO NOTHING""")
			.params(accountId, Timestamp.from(erased.erasedAt()))
			.update();
	}

}
