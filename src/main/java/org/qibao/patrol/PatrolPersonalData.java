package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.qibao.identity.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Patrol's sections of "My data": team memberships, shift sign-ups, and check-ins with their attendance. */
final class PatrolPersonalData {

	private PatrolPersonalData() {
	}

	@Component
	static class MembershipSection implements PersonalData {

		private final JdbcClient jdbc;

		MembershipSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "teamMemberships";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("""
					SELECT t.name AS team, m.status, m.joined_at::text AS joined_at, m.changed_at::text AS changed_at
					FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.account_id = ? ORDER BY m.joined_at""")
				.param(accountId).query().listOfRows();
		}

	}

	@Component
	static class SignupSection implements PersonalData {

		private final JdbcClient jdbc;

		SignupSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "shiftSignups";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("""
					SELECT u.shift_id, s.starts_at::text AS starts_at, s.ends_at::text AS ends_at, u.status,
					       u.signed_up_at::text AS signed_up_at, u.cancelled_at::text AS cancelled_at
					FROM shift_signup u JOIN shift s ON s.id = u.shift_id WHERE u.account_id = ? ORDER BY u.signed_up_at""")
				.param(accountId).query().listOfRows();
		}

	}

	@Component
	static class CheckInSection implements PersonalData {

		private final JdbcClient jdbc;

		CheckInSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "checkIns";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("""
					SELECT c.shift_id, c.checked_in_at::text AS checked_in_at, c.in_longitude, c.in_latitude,
					       c.checked_out_at::text AS checked_out_at, c.out_longitude, c.out_latitude, c.closed_how,
					       a.status AS attendance, a.checked_in_minutes, a.covered_minutes, a.verified_minutes
					FROM check_in c LEFT JOIN attendance a ON a.check_in_id = c.id
					WHERE c.account_id = ? ORDER BY c.checked_in_at""")
				.param(accountId).query().listOfRows();
		}

	}

}
