package org.qibao.timebank;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The time bank's API for community schools. */
@Service
public class Schools {

	private final JdbcClient jdbc;

	Schools(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public School create(long communityId, String name) {
		return this.jdbc.sql("INSERT INTO school (community_id, name) VALUES (?, ?) RETURNING id, community_id, name")
			.params(communityId, name)
			.query(School.class)
			.single();
	}

	public Map<Long, School> findAll(Collection<Long> ids) {
		return collect("SELECT id, community_id, name FROM school WHERE id = ANY(?)", ids, School::id);
	}

	/** The school of each community that has one, by community. */
	public Map<Long, School> ofCommunities(Collection<Long> communityIds) {
		return collect("SELECT id, community_id, name FROM school WHERE community_id = ANY(?)", communityIds,
				School::communityId);
	}

	private Map<Long, School> collect(String sql, Collection<Long> ids, Function<School, Long> key) {
		return this.jdbc.sql(sql)
			.param(ids.toArray(Long[]::new))
			.query(School.class)
			.list()
			.stream()
			.collect(Collectors.toMap(key, Function.identity()));
	}

}
