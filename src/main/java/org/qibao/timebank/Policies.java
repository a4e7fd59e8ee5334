package org.qibao.timebank;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Community policies, with the table's column defaults for a community that has set none. */
@Component
class Policies {

	private static final String DEFAULTS = """
			SELECT c.id AS community_id,
			       coalesce(p.daily_earning_cap, 240) AS daily_earning_cap,
			       p.total_earning_cap,
			       coalesce(p.gift_max_minutes, 120) AS gift_max_minutes,
			       coalesce(p.gift_monthly_minutes, 300) AS gift_monthly_minutes,
			       coalesce(p.correction_approval_threshold, 120) AS correction_approval_threshold
			FROM community c LEFT JOIN timebank_policy p ON p.community_id = c.id
			WHERE c.id = ANY(?)""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Policies(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
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

	/**
	 * An administrator's change of the rules, published for the audit log in the same transaction;
	 * a threshold left out (null) keeps the current one.
	 */
	@Transactional
	TimeBankPolicy update(long actorId, TimeBankPolicy asked, Integer threshold) {
		// the community's row, locked, so that two administrators' changes each see the one before
		this.jdbc.sql("INSERT INTO timebank_policy (community_id) VALUES (?) ON CONFLICT DO NOTHING").param(asked.communityId()).update();
		this.jdbc.sql("SELECT community_id FROM timebank_policy WHERE community_id = ? FOR UPDATE").param(asked.communityId())
			.query(Long.class).single();
		TimeBankPolicy before = of(asked.communityId());
		TimeBankPolicy policy = new TimeBankPolicy(asked.communityId(), asked.dailyEarningCap(), asked.totalEarningCap(),
				asked.giftMaxMinutes(), asked.giftMonthlyMinutes(),
				threshold == null ? before.correctionApprovalThreshold() : threshold);
		policy.validate();
		set(policy);
		this.events.publishEvent(new AdministrativeAction(actorId, policy.communityId(), "timebank.timeBankPolicyUpdate",
				"Community", policy.communityId(), before.figures(), policy.figures()));
		return policy;
	}

	void set(TimeBankPolicy policy) {
		this.jdbc.sql("""
				INSERT INTO timebank_policy (community_id, daily_earning_cap, total_earning_cap, gift_max_minutes, gift_monthly_minutes,
				                             correction_approval_threshold)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (community_id) DO UPDATE SET daily_earning_cap = excluded.daily_earning_cap,
				  total_earning_cap = excluded.total_earning_cap, gift_max_minutes = excluded.gift_max_minutes,
				  gift_monthly_minutes = excluded.gift_monthly_minutes,
				  correction_approval_threshold = excluded.correction_approval_threshold""")
			.params(policy.communityId(), policy.dailyEarningCap(), policy.totalEarningCap(), policy.giftMaxMinutes(),
					policy.giftMonthlyMinutes(), policy.correctionApprovalThreshold())
			.update();
	}

}
