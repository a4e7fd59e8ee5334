package org.qibao.merchant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qibao.identity.ErasureObjection;
import org.qibao.identity.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's redemptions at shops: theirs to see in "My data". They stay when the person erases
 * their data (each one settles a transfer in the ledger and the shop's monthly settlement, and
 * names nobody but a nameless account); a discount code still waiting at the counter must be used
 * or left to expire first, so that its held minutes are settled before the passbook is emptied.
 */
@Component
class MerchantErasure implements PersonalData, ErasureObjection {

	private final JdbcClient jdbc;

	MerchantErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "redemptions";
	}

	@Override
	public List<Map<String, Object>> of(long accountId) {
		return this.jdbc.sql("""
				SELECT m.name AS merchant, r.minutes, r.status, r.created_at::text AS created_at, r.settled_at::text AS settled_at
				FROM redemption r JOIN merchant m ON m.id = r.merchant_id WHERE r.volunteer_id = ? ORDER BY r.created_at""")
			.param(accountId).query().listOfRows();
	}

	@Override
	public Optional<String> objection(long accountId) {
		boolean waiting = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM redemption WHERE volunteer_id = ? AND status = 'ISSUED')")
			.param(accountId).query(Boolean.class).single();
		return waiting ? Optional.of("OPEN_REDEMPTION") : Optional.empty();
	}

}
