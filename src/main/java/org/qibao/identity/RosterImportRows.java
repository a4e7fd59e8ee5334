package org.qibao.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The roster_import table; each preview's rows are kept as JSON, as checked. */
@Repository
class RosterImportRows {

	private static final TypeReference<List<RosterRow>> ROWS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RosterImportRows(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	RosterImport insert(long communityId, long by, String fileName, List<RosterRow> rows, Instant now,
			Instant expiresAt) {
		long id = this.jdbc.sql("""
				INSERT INTO roster_import (community_id, uploaded_by, file_name, rows, created_at, expires_at)
				VALUES (?, ?, ?, ?::jsonb, ?, ?) RETURNING id""")
			.params(communityId, by, fileName, this.json.writeValueAsString(rows), Timestamp.from(now),
					Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		return findAll(List.of(id)).get(0);
	}

	List<RosterImport> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT * FROM roster_import WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::map)
			.list();
	}

	/** The import, locked until the transaction ends, so that it is applied once. */
	Optional<RosterImport> lock(long id) {
		return this.jdbc.sql("SELECT * FROM roster_import WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
	}

	void applied(long id, Instant now) {
		this.jdbc.sql("UPDATE roster_import SET applied_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	private RosterImport map(ResultSet rs, int n) throws SQLException {
		Timestamp applied = rs.getTimestamp("applied_at");
		return new RosterImport(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("uploaded_by"),
				rs.getString("file_name"), this.json.readValue(rs.getString("rows"), ROWS),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				applied == null ? null : applied.toInstant());
	}

}
