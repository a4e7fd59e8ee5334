package org.qibao.casework;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.casework.CaseRows.at;
import static org.qibao.casework.CaseRows.longs;

/** The departments cases can be dispatched to, and the accounts that act for each. */
@Service
class Departments {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Departments(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	Department create(long communityId, String name, Set<Long> memberIds, long administratorId) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 60) {
			throw new BusinessRuleException("INVALID_NAME", "name", 60);
		}
		if (memberIds.isEmpty()) {
			throw new BusinessRuleException("INVALID_INPUT", "memberIds");
		}
		Long id = this.jdbc.sql("""
				INSERT INTO case_department (community_id, name, created_at) VALUES (?, ?, ?)
				ON CONFLICT (community_id, name) DO NOTHING RETURNING id""")
			.params(communityId, trimmed, at(this.clock.instant()))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("DEPARTMENT_NAME_TAKEN", "name"));
		for (long member : memberIds) {
			this.jdbc.sql("INSERT INTO case_department_member (department_id, account_id) VALUES (?, ?)")
				.params(id, member)
				.update();
		}
		this.events.publishEvent(new AdministrativeAction(administratorId, communityId, "casework.departmentCreate",
				"Department", id, Map.of(), Map.of("name", trimmed, "memberCount", memberIds.size())));
		return new Department(id, communityId, trimmed);
	}

	List<Department> ofCommunity(long communityId) {
		return this.jdbc.sql("SELECT id, community_id, name FROM case_department WHERE community_id = ? ORDER BY name")
			.param(communityId)
			.query(Department.class)
			.list();
	}

	Map<Long, Department> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT id, community_id, name FROM case_department WHERE id = ANY(?)")
			.param(longs(ids))
			.query(Department.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Department::id, Function.identity()));
	}

	/** The members of each of these departments, by department. */
	Map<Long, Set<Long>> members(Collection<Long> departmentIds) {
		Map<Long, Set<Long>> result = new HashMap<>();
		departmentIds.forEach(id -> result.put(id, new LinkedHashSet<>()));
		if (departmentIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT department_id, account_id FROM case_department_member WHERE department_id = ANY(?)
				ORDER BY department_id, account_id""")
			.param(longs(departmentIds))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.forEach(row -> result.get(row[0]).add(row[1]));
		return result;
	}

	/** The departments the account acts for. */
	Set<Long> of(long accountId) {
		return Set.copyOf(this.jdbc.sql("SELECT department_id FROM case_department_member WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.list());
	}

}
