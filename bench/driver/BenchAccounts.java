package org.qibao.bench;

import java.util.List;

import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many bench accounts at once: the first registered as anyone is, the others inserted in SQL with
 * its password hash copied (one bcrypt hash instead of thousands), as bench/location does.
 */
final class BenchAccounts {

	private BenchAccounts() {
	}

	/** {@code count} volunteers of the community, phones {@code prefix} + 8 digits; their IDs in phone order. */
	static List<Long> volunteers(Accounts accounts, JdbcClient jdbc, long community, int count, String prefix,
			String password) {
		long first = accounts.register(prefix + "00000000", "压测志愿者0", password, "zh-CN").id();
		jdbc.sql("""
				INSERT INTO account (phone, display_name, password_hash, locale)
				SELECT ? || lpad(i::text, 8, '0'), '压测志愿者' || i, a.password_hash, 'zh-CN'
				FROM account a, generate_series(1, ? - 1) i WHERE a.id = ?""")
			.params(prefix, count, first)
			.update();
		jdbc.sql("""
				INSERT INTO role_assignment (account_id, role, scope_id)
				SELECT id, ?, ? FROM account WHERE phone LIKE ? || '%' ON CONFLICT DO NOTHING""")
			.params(Role.VOLUNTEER.name(), community, prefix)
			.update();
		return jdbc.sql("SELECT id FROM account WHERE phone LIKE ? || '%' ORDER BY phone").param(prefix).query(Long.class).list();
	}

	/** {@code count} accounts with no role yet, phones {@code prefix} + 8 digits, with the password hash of account {@code like}. */
	static List<Long> others(JdbcClient jdbc, long like, int count, String prefix, String name) {
		jdbc.sql("""
				INSERT INTO account (phone, display_name, password_hash, locale)
				SELECT ? || lpad(i::text, 8, '0'), ? || i, a.password_hash, 'zh-CN'
				FROM account a, generate_series(0, ? - 1) i WHERE a.id = ?""")
			.params(prefix, name, count, like)
			.update();
		return jdbc.sql("SELECT id FROM account WHERE phone LIKE ? || '%' ORDER BY phone").param(prefix).query(Long.class).list();
	}

}
