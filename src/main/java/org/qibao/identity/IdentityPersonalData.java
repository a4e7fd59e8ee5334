package org.qibao.identity;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account itself and the roles it holds: identity's sections of "My data". */
final class IdentityPersonalData {

	private IdentityPersonalData() {
	}

	@Component
	static class AccountSection implements PersonalData {

		private final JdbcClient jdbc;

		AccountSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "account";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("SELECT phone, display_name, locale, created_at::text FROM account WHERE id = ?")
				.param(accountId).query().listOfRows();
		}

	}

	@Component
	static class RoleSection implements PersonalData {

		private final JdbcClient jdbc;

		RoleSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "roles";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("SELECT role, scope_id, granted_at::text FROM role_assignment WHERE account_id = ? ORDER BY id")
				.param(accountId).query().listOfRows();
		}

	}

}
