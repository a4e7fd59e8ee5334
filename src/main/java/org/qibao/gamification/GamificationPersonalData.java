package org.qibao.gamification;

import java.util.List;
import java.util.Map;

import org.qibao.identity.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gamification's sections of "My data": points entries and badges. */
final class GamificationPersonalData {

	private GamificationPersonalData() {
	}

	@Component
	static class PointsSection implements PersonalData {

		private final JdbcClient jdbc;

		PointsSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "pointsEntries";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("""
					SELECT community_id, source, source_id, points, counts_at::text AS counts_at
					FROM points_entry WHERE account_id = ? ORDER BY id""")
				.param(accountId).query().listOfRows();
		}

	}

	@Component
	static class BadgeSection implements PersonalData {

		private final JdbcClient jdbc;

		BadgeSection(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "badges";
		}

		@Override
		public List<Map<String, Object>> of(long accountId) {
			return this.jdbc.sql("""
					SELECT b.key, b.name_zh, b.name_en, w.window_key, w.earned_at::text AS earned_at
					FROM badge_award w JOIN badge b ON b.id = w.badge_id WHERE w.account_id = ? ORDER BY w.earned_at""")
				.param(accountId).query().listOfRows();
		}

	}

}
