package org.qibao.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.RowMapper;

/** Row mappers and parameter conversions of the casework tables, with times as UTC instants. */
final class CaseRows {

	static final String CASE_COLUMNS = """
			c.id, c.community_id, c.category_id, c.grid_id, c.reporter_id, c.report_key, c.description, c.longitude,
			c.latitude, c.anonymous, c.reported_at, c.stage, c.version, c.accept_due_at, c.resolve_due_at, c.accepted_at,
			c.resolved_at, c.closed_at, c.handler_account_id, c.handler_department_id, c.rejection, c.duplicate_of_id,
			c.rejection_reason, c.satisfaction, c.reopen_count, c.escalated_at""";

	static final RowMapper<Case> CASE = (rs, n) -> new Case(rs.getLong("id"), rs.getLong("community_id"),
			rs.getLong("category_id"), nullableLong(rs, "grid_id"), rs.getLong("reporter_id"), rs.getString("report_key"),
			rs.getString("description"), new GeoPoint(rs.getDouble("longitude"), rs.getDouble("latitude")),
			rs.getBoolean("anonymous"), instant(rs, "reported_at"), CaseStage.valueOf(rs.getString("stage")),
			rs.getInt("version"), instant(rs, "accept_due_at"), instant(rs, "resolve_due_at"), instant(rs, "accepted_at"),
			instant(rs, "resolved_at"), instant(rs, "closed_at"), nullableLong(rs, "handler_account_id"),
			nullableLong(rs, "handler_department_id"), rs.getString("rejection"), nullableLong(rs, "duplicate_of_id"),
			rs.getString("rejection_reason"), (Integer) rs.getObject("satisfaction"), rs.getInt("reopen_count"),
			instant(rs, "escalated_at"));

	static final RowMapper<CaseEvent> EVENT = (rs, n) -> new CaseEvent(rs.getLong("id"), rs.getLong("case_id"),
			CaseEventKind.valueOf(rs.getString("kind")), CaseStage.valueOf(rs.getString("stage")),
			nullableLong(rs, "actor_id"), instant(rs, "at"), rs.getString("note"), strings(rs.getArray("photo_ids")));

	static final RowMapper<CaseCategory> CATEGORY = (rs, n) -> new CaseCategory(rs.getLong("id"),
			rs.getLong("community_id"), rs.getString("service_code"), rs.getString("name_zh"), rs.getString("name_en"),
			rs.getInt("accept_within_minutes"), rs.getInt("resolve_within_minutes"), instant(rs, "retired_at"));

	private CaseRows() {
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Long[] longs(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
