package org.qibao.merchant;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.confirm;
import static org.qibao.merchant.MerchantFixtures.request;

/** A merchant's monthly settlement adds up to what its ledger account received, by offer. */
@QibaoTest
class SettlementTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void settlementTotalsEqualTheLedgersEntries() {
		Merchant shop = this.fixtures.shop();
		Offer haircut = this.fixtures.offer(shop, 40, null, null, null);
		Offer shave = this.fixtures.offer(shop, 15, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(200);
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		confirm(staff, code(request(volunteer, haircut)));
		confirm(staff, code(request(volunteer, haircut)));
		confirm(staff, code(request(volunteer, shave)));
		request(volunteer, shave); // issued, not confirmed: not in the settlement

		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		HttpGraphQlTester.Response settlement = staff.document("""
				query($m: ID!, $month: Month) { merchantSettlement(merchantId: $m, month: $month) {
				  month redemptions minutes offers { offer { title priceMinutes } redemptions minutes } } }""")
			.variable("m", MerchantFixtures.id(shop))
			.variable("month", month)
			.execute();
		settlement.path("merchantSettlement.redemptions").entity(Integer.class).isEqualTo(3);
		settlement.path("merchantSettlement.minutes").entity(Integer.class).isEqualTo(95);
		settlement.path("merchantSettlement.offers[0].minutes").entity(Integer.class).isEqualTo(80);
		settlement.path("merchantSettlement.offers[1].redemptions").entity(Integer.class).isEqualTo(1);
		long ledger = this.jdbc.sql("""
				SELECT coalesce(sum(e.minutes), 0) FROM ledger_entry e JOIN ledger_account a ON a.id = e.account_id
				WHERE a.kind = 'MERCHANT' AND a.owner_id = ?""")
			.param(shop.id())
			.query(Long.class)
			.single();
		assertThat(ledger).as("minutes the ledger moved to the shop").isEqualTo(95);

		String csv = new String(Clients.http(this.port).get()
			.uri("/merchant-settlement.csv?merchantId=" + MerchantFixtures.id(shop) + "&month=" + month)
			.header("Authorization", "Bearer " + staffToken(shop))
			.exchange()
			.expectStatus().isOk()
			.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
		assertThat(csv).contains("month,offer,redemptions,minutes", month + ",\"测试优惠\",2,80", month + ",\"total\",3,95");
		Clients.http(this.port).get().uri("/merchant-settlement.csv?merchantId=" + MerchantFixtures.id(shop))
			.header("Authorization", "Bearer " + Clients.token(this.port, Clients.VOLUNTEER_PHONE, Clients.DEMO_PASSWORD))
			.exchange()
			.expectStatus().isForbidden();
	}

	/**
	 * The settlement screen asks for the month's totals and the history in one query: the history
	 * failed on every call (its SQL lacked a space), so the screen showed neither.
	 */
	@Test
	void theSettlementScreensQueryGivesTotalsAndHistoryTogether() {
		Merchant shop = this.fixtures.shop();
		Offer haircut = this.fixtures.offer(shop, 40, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		String first = code(request(volunteer, haircut));
		String second = code(request(volunteer, haircut));
		confirm(staff, first);
		confirm(staff, second);

		HttpGraphQlTester.Response report = staff.document(SETTLEMENT_SCREEN).variable("m", MerchantFixtures.id(shop)).execute();
		report.errors().verify();
		report.path("merchantSettlement.redemptions").entity(Integer.class).isEqualTo(2);
		report.path("merchantRedemptions[*].code").entityList(String.class).containsExactly(second, first);
		report.path("merchantRedemptions[0].minutes").entity(Integer.class).isEqualTo(40);
		report.path("merchantRedemptions[0].settledAt").hasValue();
		report.path("merchantRedemptions[0].volunteer.displayName").entity(String.class).isEqualTo("测试志愿者");
		report.path("merchantRedemptions[0].offer.title").entity(String.class).isEqualTo("测试优惠");
	}

	@Test
	void theHistoryIsForTheShopsStaffOnly() {
		Merchant shop = this.fixtures.shop();
		Merchant other = this.fixtures.shop();
		String query = "query($m: ID!) { merchantRedemptions(merchantId: $m) { code } }";
		this.fixtures.staff(other).document(query).variable("m", MerchantFixtures.id(shop)).execute().errors()
			.expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(query).variable("m", MerchantFixtures.id(shop)).execute()
			.errors().expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		Clients.anonymous(this.port).document(query).variable("m", MerchantFixtures.id(shop)).execute()
			.errors().expect(e -> "UNAUTHORIZED".equals(String.valueOf(e.getExtensions().get("classification")))).verify();
		this.fixtures.staff(shop).document(query).variable("m", MerchantFixtures.id(shop)).execute()
			.path("merchantRedemptions").entityList(Object.class).hasSize(0);
	}

	/** What the web client's settlement screen sends (web-client/src/merchant/operations.ts). */
	private static final String SETTLEMENT_SCREEN = """
			query($m: ID!) {
			  merchantSettlement(merchantId: $m) { month redemptions minutes offers { offer { id title } redemptions minutes } }
			  merchantRedemptions(merchantId: $m, first: 50) { id code minutes settledAt volunteer { id displayName } offer { id title } }
			}""";

	private String staffToken(Merchant shop) {
		String phone = Clients.uniquePhone();
		org.qibao.identity.Account account = this.accounts.register(phone, "店长", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), org.qibao.identity.Role.MERCHANT_STAFF, shop.id());
		return Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
	}

}
