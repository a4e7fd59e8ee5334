package org.qibao.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification table: one row per notice, newest first for its reader. */
@Repository
class NotificationStore {

	private static final TypeReference<List<Object>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	NotificationStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps the notice; false when one with the same once-key was kept for this person before. */
	boolean add(long accountId, Notice notice) {
		return this.jdbc.sql("""
				INSERT INTO notification (account_id, kind, params, detail, shift_id, team_id, once_key, created_at)
				VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
				ON CONFLICT (account_id, once_key) WHERE once_key IS NOT NULL DO NOTHING""")
			.params(accountId, notice.kind().name(), this.json.writeValueAsString(notice.params()), notice.detail(),
					notice.shiftId(), notice.teamId(), notice.onceKey(), Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	List<Notification> of(long accountId, int offset, int limit) {
		return this.jdbc.sql("SELECT * FROM notification WHERE account_id = ? ORDER BY id DESC OFFSET ? LIMIT ?")
			.params(accountId, offset, limit)
			.query(this::row)
			.list();
	}

	Map<Long, Notification> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT * FROM notification WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.toMap(Notification::id, Function.identity()));
	}

	int count(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	int unread(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ? AND read_at IS NULL")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks the person's own unread notifications read: those named, or all up to one. Only unread
	 * rows change, so a burst of the same request marks each once and keeps its first time.
	 */
	void markRead(long accountId, Collection<Long> ids, Long upTo) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (upTo != null) {
			this.jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND id <= ? AND read_at IS NULL")
				.params(now, accountId, upTo)
				.update();
		}
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE notification SET read_at = ? WHERE account_id = ? AND id = ANY(?) AND read_at IS NULL")
				.params(now, accountId, ids.toArray(Long[]::new))
				.update();
		}
	}

	private Notification row(ResultSet rs, int n) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getLong("id"), rs.getLong("account_id"), NotificationKind.valueOf(rs.getString("kind")),
				this.json.readValue(rs.getString("params"), PARAMS), rs.getString("detail"), nullableLong(rs, "shift_id"),
				nullableLong(rs, "team_id"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
