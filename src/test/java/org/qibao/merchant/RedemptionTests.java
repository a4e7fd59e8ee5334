package org.qibao.merchant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.confirm;
import static org.qibao.merchant.MerchantFixtures.errorCode;
import static org.qibao.merchant.MerchantFixtures.request;

/** A code is issued against a hold, and leaves it exactly once: confirmed, cancelled or expired. */
@QibaoTest
class RedemptionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	@Autowired
	TimeBank timeBank;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RedemptionExpiry expiry;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void aConfirmedCodeMovesTheOffersMinutesToTheMerchant() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 40, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Map<String, Object> issued = request(volunteer, offer);
		assertThat(errorCode(issued)).isNull();
		assertThat(code(issued)).matches("[" + RedemptionCodes.ALPHABET + "]{6}");
		assertThat(this.fixtures.available(volunteer)).as("held while the code lives").isEqualTo(60);

		HttpGraphQlTester staff = this.fixtures.staff(shop);
		staff.document("query($code: String!) { redemptionLookup(code: $code) { redemption { minutes qrPayload volunteer { displayName } offer { title } } userErrors { code } } }")
			.variable("code", code(issued).toLowerCase())
			.execute()
			.path("redemptionLookup.userErrors").entityList(Object.class).hasSize(0)
			.path("redemptionLookup.redemption.volunteer.displayName").entity(String.class).isEqualTo("测试志愿者")
			.path("redemptionLookup.redemption.qrPayload").valueIsNull()
			.path("redemptionLookup.redemption.minutes").entity(Integer.class).isEqualTo(40);
		Map<String, Object> confirmed = confirm(staff, code(issued));
		assertThat(errorCode(confirmed)).isNull();

		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).balance()).isEqualTo(60);
		assertThat(this.fixtures.available(volunteer)).isEqualTo(60);
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(40);
		volunteer.client().document("{ passbook { entries(first: 1) { nodes { kind minutes counterparty } } } }")
			.execute()
			.path("passbook.entries.nodes[0].kind").entity(String.class).isEqualTo("MERCHANT_REDEMPTION")
			.path("passbook.entries.nodes[0].minutes").entity(Integer.class).isEqualTo(-40)
			.path("passbook.entries.nodes[0].counterparty").entity(String.class).isEqualTo(shop.name());
		assertThat(this.fixtures.breaches()).isEmpty();
	}

	@Test
	void manyConcurrentConfirmationsOfOneCodeRedeemItOnce() throws Exception {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 30, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String code = code(request(volunteer, offer));
		HttpGraphQlTester first = this.fixtures.staff(shop);
		HttpGraphQlTester second = this.fixtures.staff(shop);
		List<String> outcomes = Bursts.race(16, i -> () -> {
			String error = errorCode(confirm(i % 2 == 0 ? first : second, code));
			return error == null ? "REDEEMED" : error;
		});
		assertThat(outcomes).containsOnly("REDEEMED", "CODE_ALREADY_USED");
		assertThat(outcomes.stream().filter("REDEEMED"::equals).count()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM ledger_transfer t JOIN redemption r ON r.hold_id = t.hold_id WHERE r.offer_id = ?""")
			.param(offer.id())
			.query(Long.class)
			.single()).as("transfers for the code").isEqualTo(1);
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(30);
		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).balance()).isEqualTo(70);
		assertThat(this.fixtures.breaches()).isEmpty();
	}

	@Test
	void theLastUnitOfStockGoesToExactlyOneOfManyRequests() throws Exception {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, null, null, 1);
		List<MerchantFixtures.Volunteer> volunteers = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> this.fixtures.volunteer(20))
			.toList();
		List<String> outcomes = Bursts.race(volunteers.size(), i -> () -> {
			String error = errorCode(request(volunteers.get(i), offer));
			return error == null ? "ISSUED" : error;
		});
		assertThat(outcomes).containsOnly("ISSUED", "OFFER_OUT_OF_STOCK");
		assertThat(outcomes.stream().filter("ISSUED"::equals).count()).isEqualTo(1);
		assertThat(this.offers.find(offer.id()).orElseThrow().stockLeft()).isZero();
		long held = volunteers.stream().mapToLong(v -> 20 - this.fixtures.available(v)).sum();
		assertThat(held).as("minutes held in all").isEqualTo(10);
	}

	@Test
	void aCancelledCodeGivesTheMinutesBackAndCannotBeConfirmed() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 25, null, null, 5);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Map<String, Object> issued = request(volunteer, offer);
		@SuppressWarnings("unchecked")
		String id = ((Map<String, Object>) issued.get("redemption")).get("id").toString();
		volunteer.client().document("""
				mutation($input: RedemptionCodeCancelInput!) { redemptionCodeCancel(input: $input) { redemption { status } userErrors { code } } }""")
			.variable("input", Map.of("redemptionId", id))
			.execute()
			.path("redemptionCodeCancel.redemption.status").entity(String.class).isEqualTo("CANCELLED");
		assertThat(this.fixtures.available(volunteer)).isEqualTo(50);
		assertThat(this.offers.find(offer.id()).orElseThrow().stockLeft()).as("the unit is free again").isEqualTo(5);
		assertThat(errorCode(confirm(this.fixtures.staff(shop), code(issued)))).isIn("CODE_CANCELLED", "CODE_NOT_FOUND");
		assertThat(this.fixtures.merchantBalance(shop)).isZero();
	}

	@Test
	void expiryReleasesEachHoldOnceAcrossConcurrentRuns() throws Exception {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 15, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		List<String> codes = java.util.stream.IntStream.range(0, 5).mapToObj(i -> code(request(volunteer, offer))).toList();
		assertThat(this.fixtures.available(volunteer)).isEqualTo(25);
		List<Long> ours = this.jdbc.sql("SELECT id FROM redemption WHERE offer_id = ?").param(offer.id()).query(Long.class).list();
		this.jdbc.sql("UPDATE redemption SET expires_at = now() - interval '1 second' WHERE offer_id = ?").param(offer.id()).update();

		List<List<Long>> runs = Bursts.race(8, i -> this.expiry::expireDue);

		List<Long> expiredHere = runs.stream().flatMap(List::stream).filter(ours::contains).toList();
		assertThat(expiredHere).as("each code expired by one run at most (the scheduled run may take some)")
			.doesNotHaveDuplicates()
			.hasSizeLessThanOrEqualTo(5);
		assertThat(this.jdbc.sql("SELECT count(*) FROM redemption WHERE offer_id = ? AND status = 'EXPIRED'")
			.param(offer.id()).query(Long.class).single()).isEqualTo(5);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM ledger_hold h JOIN redemption r ON r.hold_id = h.id WHERE r.offer_id = ? AND h.status = 'RELEASED'""")
			.param(offer.id()).query(Long.class).single()).isEqualTo(5);
		assertThat(this.fixtures.available(volunteer)).isEqualTo(100);
		assertThat(errorCode(confirm(this.fixtures.staff(shop), codes.get(0)))).isIn("CODE_EXPIRED", "CODE_NOT_FOUND");
		assertThat(this.fixtures.breaches()).isEmpty();
	}

}
