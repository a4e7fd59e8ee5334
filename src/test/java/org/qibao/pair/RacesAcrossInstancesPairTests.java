package org.qibao.pair;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qibao.Bursts;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.pair.Pair.a;
import static org.qibao.pair.Pair.b;

/** The same request sent to both instances at the same moment, as retries behind a load balancer do. */
@EnabledIfSystemProperty(named = Pair.URLS, matches = ".+")
class RacesAcrossInstancesPairTests {

	private static final String CODE_REQUEST = """
			mutation($input: RedemptionCodeRequestInput!) { redemptionCodeRequest(input: $input) {
			  redemption { id code status minutes } userErrors { code message } } }""";

	private static final String CONFIRM = """
			mutation($input: RedemptionConfirmInput!) { redemptionConfirm(input: $input) {
			  redemption { status } userErrors { code } } }""";

	private final JdbcClient jdbc = Pair.jdbc();

	@Test
	void theSameCodeConfirmedAtBothCountersAtOnceTransfersItsMinutesOnce() throws Exception {
		long account = this.jdbc.sql("SELECT id FROM account WHERE phone = '13900000008'").query(Long.class).single();
		long balanceBefore = balance(account);
		long offer = this.jdbc.sql("SELECT id FROM merchant_offer WHERE title = '理发'").query(Long.class).single();
		Map<String, Object> requested = Pair.must(Pair.withToken(a(), Pair.demoToken(a(), "13900000008")), CODE_REQUEST,
				"redemptionCodeRequest", Map.of("offerId", GlobalId.encode("Offer", offer), "idempotencyKey", "pair-" + UUID.randomUUID()));
		Map<?, ?> redemption = (Map<?, ?>) requested.get("redemption");
		String code = (String) redemption.get("code");
		int minutes = (Integer) redemption.get("minutes");
		GraphQlTester counterA = Pair.withToken(a(), Pair.demoToken(a(), Pair.BARBER_STAFF));
		GraphQlTester counterB = Pair.withToken(b(), Pair.demoToken(b(), Pair.BARBER_STAFF));

		List<String> outcomes = Bursts.race(20, i -> () -> {
			GraphQlTester.Response response = (i % 2 == 0 ? counterA : counterB).document(CONFIRM)
				.variable("input", Map.of("code", code))
				.execute();
			response.errors().verify();
			List<String> codes = response.path("redemptionConfirm.userErrors[*].code").entityList(String.class).get();
			return codes.isEmpty() ? "CONFIRMED" : codes.get(0);
		});

		assertThat(outcomes.stream().filter("CONFIRMED"::equals).count()).as("confirmations in %s", outcomes).isEqualTo(1);
		long redemptionKey = Pair.key((String) redemption.get("id"));
		assertThat(this.jdbc.sql("SELECT status FROM redemption WHERE id = ?").param(redemptionKey).query(String.class).single())
			.isEqualTo("REDEEMED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE hold_id = (SELECT hold_id FROM redemption WHERE id = ?)")
			.param(redemptionKey).query(Long.class).single()).as("transfers").isEqualTo(1);
		assertThat(balance(account)).as("the volunteer's balance").isEqualTo(balanceBefore - minutes);
	}

	private long balance(long account) {
		return this.jdbc.sql("SELECT balance FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ?")
			.param(account).query(Long.class).single();
	}

}
