package org.qibao.gamification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;

import org.qibao.shared.Identified;

/** A badge of a community, defined as data. */
record Badge(long id, long communityId, String key, LocalizedText name, LocalizedText description, BadgeRule rule,
		boolean active) implements Identified {

	static final String COLUMNS = "id, community_id, key, name_zh, name_en, description_zh, description_en, metric, threshold, "
			+ "time_window, before_time, weekday, active";

	static Badge of(ResultSet rs, int row) throws SQLException {
		Time before = rs.getTime("before_time");
		int weekday = rs.getInt("weekday");
		DayOfWeek day = rs.wasNull() ? null : DayOfWeek.of(weekday);
		BadgeRule rule = new BadgeRule(BadgeRule.Metric.valueOf(rs.getString("metric")), rs.getInt("threshold"),
				BadgeRule.Window.valueOf(rs.getString("time_window")), before == null ? null : before.toLocalTime(), day);
		return new Badge(rs.getLong("id"), rs.getLong("community_id"), rs.getString("key"),
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
				new LocalizedText(rs.getString("description_zh"), rs.getString("description_en")), rule,
				rs.getBoolean("active"));
	}

}
