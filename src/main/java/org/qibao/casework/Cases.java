package org.qibao.casework;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.Connection;
import org.qibao.shared.Connection.Page;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.qibao.casework.CaseRows.CASE;
import static org.qibao.casework.CaseRows.CASE_COLUMNS;
import static org.qibao.casework.CaseRows.longs;

/** Reads cases: by ID, a reporter's, the open ones near a point (a board's page: {@link CaseBoards}). */
@Repository
class Cases {

	/** How far from a report an open case of the same category counts as maybe the same incident. */
	static final double DUPLICATE_RADIUS_METRES = 300;

	private static final String OPEN = "c.stage NOT IN ('REJECTED', 'CLOSED')";

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Case> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT " + CASE_COLUMNS + " FROM grid_case c WHERE c.id = ANY(?)")
			.param(longs(ids))
			.query(CASE)
			.list()
			.stream()
			.collect(Collectors.toMap(Case::id, Function.identity()));
	}

	Optional<Case> find(long id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	Optional<Case> findByReport(long reporterId, String reportKey) {
		return this.jdbc.sql("SELECT " + CASE_COLUMNS + " FROM grid_case c WHERE c.reporter_id = ? AND c.report_key = ?")
			.params(reporterId, reportKey)
			.query(CASE)
			.optional();
	}

	/** Whether the case's first verification was already announced (it is announced once). */
	boolean verifiedAnnounced(long id) {
		return this.jdbc.sql("SELECT verified_announced FROM grid_case WHERE id = ?").param(id).query(Boolean.class).single();
	}

	/** A reporter's cases, newest first. */
	Connection<Case> ofReporter(long reporterId, Page page) {
		List<Case> rows = this.jdbc.sql("SELECT " + CASE_COLUMNS
				+ " FROM grid_case c WHERE c.reporter_id = ? ORDER BY c.reported_at DESC, c.id DESC LIMIT ? OFFSET ?")
			.params(reporterId, page.limit(), page.offset())
			.query(CASE)
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM grid_case WHERE reporter_id = ?")
			.param(reporterId)
			.query(Integer.class)
			.single();
		return Connection.of(rows, page, total);
	}

	/** Open cases of the category within the duplicate radius of the point, nearest first, at most 10. */
	List<Case> openNear(long categoryId, GeoPoint point) {
		// a box first, for the index; then the exact distance
		double dLat = DUPLICATE_RADIUS_METRES / 111_320.0;
		double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(point.latitude())));
		List<Case> near = this.jdbc.sql("SELECT " + CASE_COLUMNS + " FROM grid_case c WHERE c.category_id = ? AND "
				+ OPEN + " AND c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ? ORDER BY c.id DESC LIMIT 200")
			.params(categoryId, point.latitude() - dLat, point.latitude() + dLat, point.longitude() - dLon,
					point.longitude() + dLon)
			.query(CASE)
			.list();
		return near.stream()
			.map(c -> Map.entry(c, org.qibao.geo.Geofence.metresBetween(c.position(), point)))
			.filter(e -> e.getValue() <= DUPLICATE_RADIUS_METRES)
			.sorted(Map.Entry.comparingByValue())
			.limit(10)
			.map(Map.Entry::getKey)
			.filter(Objects::nonNull)
			.toList();
	}

}
