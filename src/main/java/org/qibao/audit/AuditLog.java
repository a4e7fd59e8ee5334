package org.qibao.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.Connection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored audit log: entries are only ever added (the database refuses changes to them). */
@Repository
class AuditLog {

	private static final String COLUMNS = "id, at, actor_id, community_id, action, subject_type, subject_id, before, after";

	private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps the action in the caller's transaction; refuses to run without one, as an entry written
	 * apart from its change could outlive a change rolled back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(AdministrativeAction action) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (at, actor_id, community_id, action, subject_type, subject_id, before, after)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
			.params(Timestamp.from(this.clock.instant()), action.actorAccountId(), action.communityId(), action.action(),
					action.subjectType(), action.subjectId(), this.json.writeValueAsString(action.before()),
					this.json.writeValueAsString(action.after()))
			.update();
	}

	/** One page of a community's entries that pass the filter, newest first. */
	Connection<AuditEntry> page(long communityId, Filter filter, Connection.Page page) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(communityId, params);
		List<Object> rowParams = new ArrayList<>(params);
		rowParams.add(page.limit());
		rowParams.add(page.offset());
		List<AuditEntry> rows = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE " + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
			.params(rowParams)
			.query(this::entry)
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + where)
			.params(params)
			.query(Integer.class)
			.single();
		return Connection.of(rows, page, total);
	}

	Map<Long, AuditEntry> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::entry)
			.list()
			.stream()
			.collect(Collectors.toMap(AuditEntry::id, Function.identity()));
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getLong("actor_id"),
				rs.getObject("community_id", Long.class), rs.getString("action"), rs.getString("subject_type"),
				rs.getLong("subject_id"), this.json.readValue(rs.getString("before"), FIELDS),
				this.json.readValue(rs.getString("after"), FIELDS));
	}

	/** Which entries of a community to read; null parts do not filter. */
	record Filter(String action, Long actorId, Instant from, Instant to) {

		private String where(long communityId, List<Object> params) {
			StringBuilder where = new StringBuilder("community_id = ?");
			params.add(communityId);
			if (this.action != null) {
				where.append(" AND action = ?");
				params.add(this.action);
			}
			if (this.actorId != null) {
				where.append(" AND actor_id = ?");
				params.add(this.actorId);
			}
			if (this.from != null) {
				where.append(" AND at >= ?");
				params.add(Timestamp.from(this.from));
			}
			if (this.to != null) {
				where.append(" AND at < ?");
				params.add(Timestamp.from(this.to));
			}
			return where.toString();
		}

	}

}
