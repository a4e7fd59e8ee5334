package org.qibao.timebank;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Community policies, with the table's column defaults for a community that has set none. */
@Component
class Policies {

	private static final String DEFAULTS = """
			SELECT c.id AS community_id,
			       coalesce(p.daily_earning_cap, 240) AS daily_earning_cap,
			       p.total_earning_cap,
			       coalesce(p.gift_max_minutes, 120) AS gift_max_minutes,
			       coalesce(p.gift_monthly_minutes, 300) AS gift_monthly_minutes
			FROM community c LEFT JOIN timebank_policy p ON p.community_id = c.id
			WHERE c.id = ANY(?)""";

	private final JdbcClient jdbc;

	Policies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	TimeBankPolicy of(long communityId) {
		TimeBankPolicy policy = of(java.util.List.of(communityId)).get(communityId);
		if (policy == null) {
			throw new org.qibao.shared.BusinessRuleException("NOT_FOUND", "communityId");
		}
		return policy;
	}

	Map<Long, TimeBankPolicy> of(Collection<Long> communityIds) {
		return this.jdbc.sql(DEFAULTS)
			.param(communityIds.toArray(Long[]::new))
			.query(TimeBankPolicy.class)
			.list()
			.stream()
			.collect(Collectors.toMap(TimeBankPolicy::communityId, Function.identity()));
	}

	void set(TimeBankPolicy policy) {
		this.jdbc.sql("""
				INSERT INTO timebank_policy (community_id, daily_earning_cap, total_earning_cap, gift_max_minutes, gift_monthly_minutes)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (community_id) DO UPDATE SET daily_earning_cap = excluded.daily_earning_cap,
				  total_earning_cap = excluded.total_earning_cap, gift_max_minutes = excluded.gift_max_minutes,
				  gift_monthly_minutes = excluded.gift_monthly_minutes""")
			.params(policy.communityId(), policy.dailyEarningCap(), policy.totalEarningCap(), policy.giftMaxMinutes(),
					policy.giftMonthlyMinutes())
			.update();
	}

}
