package org.qibao.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Cases as Open311 service requests: posted ones are reported through the same workflow as a
 * phone's, in the name of the key's issuer; read ones are the key's community's.
 */
@Service
class Open311Requests {

	/** The longest date window one read covers, and the window when none is given (as the spec suggests). */
	static final Duration WINDOW = Duration.ofDays(90);

	/** The most requests one read answers. */
	static final int LIMIT = 1000;

	private final CaseCategories categories;

	private final CaseReporting reporting;

	private final Cases cases;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	Open311Requests(CaseCategories categories, CaseReporting reporting, Cases cases, Accounts accounts, JdbcClient jdbc) {
		this.categories = categories;
		this.reporting = reporting;
		this.cases = cases;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** The services of the community: its categories in use. */
	List<CaseCategory> services(long communityId) {
		return this.categories.of(communityId, false);
	}

	Optional<CaseCategory> service(long communityId, String serviceCode) {
		return services(communityId).stream().filter(c -> c.serviceCode().equals(serviceCode)).findFirst();
	}

	/** Reports a posted request in the name of the key's issuer, with the roles they hold now. */
	Case submit(Open311Key key, CaseCategory category, GeoPoint position, String description) {
		Account issuer = this.accounts.findAll(List.of(key.issuedBy())).get(key.issuedBy());
		Actor actor = new Actor(issuer.id(), issuer.displayName(), new HashSet<>(this.accounts.rolesOf(issuer.id())));
		CaseReport report = new CaseReport("open311-" + UUID.randomUUID(), category.id(), description, position, null,
				false, List.of());
		return this.reporting.report(actor, report);
	}

	/** The community's cases with these IDs, in the order asked (unknown ones left out). */
	List<Case> byIds(long communityId, List<Long> ids) {
		Map<Long, Case> found = this.cases.findAll(ids);
		return ids.stream().distinct().map(found::get).filter(c -> c != null && c.communityId() == communityId).toList();
	}

	/** The community's cases reported in the window, newest first, filtered by category and openness. */
	List<Case> search(long communityId, Instant start, Instant end, Collection<Long> categoryIds, Boolean open) {
		StringBuilder sql = new StringBuilder(
				"SELECT id FROM grid_case WHERE community_id = ? AND reported_at >= ? AND reported_at < ?");
		List<Object> params = new ArrayList<>(List.of(communityId, Timestamp.from(start), Timestamp.from(end)));
		if (categoryIds != null) {
			sql.append(" AND category_id = ANY(?)");
			params.add(categoryIds.toArray(Long[]::new));
		}
		if (open != null) {
			sql.append(open ? " AND stage NOT IN ('CLOSED', 'REJECTED')" : " AND stage IN ('CLOSED', 'REJECTED')");
		}
		sql.append(" ORDER BY reported_at DESC, id DESC LIMIT ").append(LIMIT);
		List<Long> ids = this.jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		return byIds(communityId, ids);
	}

	/** When each case last changed: its latest event. */
	Map<Long, Instant> updatedAt(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT case_id, max(at) AS at FROM case_event WHERE case_id = ANY(?) GROUP BY case_id")
			.param(caseIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("case_id"), rs.getTimestamp("at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The categories of the cases, by ID. */
	Map<Long, CaseCategory> categoriesOf(long communityId) {
		return this.categories.of(communityId, true).stream().collect(Collectors.toMap(CaseCategory::id, c -> c));
	}

}
