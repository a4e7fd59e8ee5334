package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text and dates are checked once, at the edge, for every operation: a control character in any
 * text input, or a year out of bounds in any date or month, is a bad request naming the input,
 * and nothing is stored; it never reaches PostgreSQL to fail there as an internal error.
 */
@QibaoTest
class TextAndDateInputTests {

	private static final String NUL = "\u0000";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private MerchantFixtures fixtures;

	private ApplicationFixtures applications;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
		this.applications = new ApplicationFixtures(this.context, this.port);
	}

	@Test
	void aNulInAShopApplicationIsABadRequestAndNoShopIsStored() {
		ApplicationFixtures.Person applicant = this.applications.person("申请人");
		for (String field : List.of("name", "address")) {
			Map<String, Object> shop = this.applications.shop("空字符店");
			shop.put(field, shop.get(field) + NUL + "x");
			GraphQlTester.Response response = applicant.client().document(ApplicationFixtures.APPLY).variable("input", shop).execute();
			refused(response, "$input." + field);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM merchant WHERE owner_id = ?").param(applicant.account().id())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aNulInAnOfferTitleIsABadRequestAndNoOfferIsStored() {
		Merchant shop = this.fixtures.shop();
		Map<String, Object> input = new HashMap<>();
		input.put("merchantId", MerchantFixtures.id(shop));
		input.put("title", "剪发" + NUL);
		input.put("discount", "减 5 元");
		input.put("priceMinutes", 30);
		input.put("validFrom", Instant.now().toString());
		input.put("validUntil", Instant.now().plus(Duration.ofDays(3)).toString());
		refused(this.fixtures.staff(shop).document("""
				mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { id } userErrors { code } } }""")
			.variable("input", input).execute(), "$input.title");
		assertThat(offersOf(shop)).isZero();
	}

	@Test
	void aControlCharacterInAGiftNoteIsABadRequestAndNoMinutesMove() {
		MerchantFixtures.Volunteer giver = this.fixtures.volunteer(100);
		MerchantFixtures.Volunteer neighbour = this.fixtures.volunteer(0);
		Map<String, Object> gift = new HashMap<>(Map.of("recipientPhone", neighbour.phone(), "minutes", 10,
				"note", "谢谢\u0007邻居", "idempotencyKey", MerchantFixtures.key()));
		refused(giver.client().document("""
				mutation($input: GiftSendInput!) { giftSend(input: $input) { gift { minutes } userErrors { code } } }""")
			.variable("input", gift).execute(), "$input.note");
		assertThat(this.fixtures.available(giver)).isEqualTo(100);
	}

	@Test
	void aNulWrittenInTheDocumentItselfIsABadRequestNamingTheArgument() {
		refused(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document("""
				mutation { accountLocaleSet(input: {locale: "en\\u0000"}) { account { locale } userErrors { code } } }""")
			.execute(), "locale");
	}

	@Test
	void tabsAndLineBreaksAreOrdinaryText() {
		Map<String, Object> shop = this.applications.shop("换行店");
		shop.put("address", "武昌区\t东亭路\r\n18 号");
		this.applications.person("申请人").client().document(ApplicationFixtures.APPLY).variable("input", shop).execute()
			.path("merchantApply.merchant.address").entity(String.class).isEqualTo("武昌区\t东亭路\r\n18 号");
	}

	@Test
	void aMonthOutsideTheYearsIsABadRequestInGraphQlAndInTheDownload() {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		for (String month : List.of("-99999-01", "+999999999-12", "1999-12", "2026-13", "2026-1", " 2026-01")) {
			refused(staff.document("query($m: ID!, $month: Month) { merchantSettlement(merchantId: $m, month: $month) { month } }")
				.variable("m", MerchantFixtures.id(shop)).variable("month", month).execute(), "month");
			refused(staff.document("{ merchantSettlement(merchantId: \"" + MerchantFixtures.id(shop) + "\", month: \"" + month
					+ "\") { month } }").execute(), "month");
		}
		staff.document("query($m: ID!) { merchantSettlement(merchantId: $m, month: \"2026-11\") { month } }")
			.variable("m", MerchantFixtures.id(shop)).execute()
			.path("merchantSettlement.month").entity(String.class).isEqualTo("2026-11");
	}

	@Test
	void theSettlementDownloadRefusesABadMonthWithAClearMessage() {
		Merchant shop = this.fixtures.shop();
		String phone = Clients.uniquePhone();
		var account = this.context.getBean(org.qibao.identity.Accounts.class).register(phone, "店员", Clients.DEMO_PASSWORD, "zh-CN");
		this.context.getBean(org.qibao.identity.Accounts.class).grant(account.id(), org.qibao.identity.Role.MERCHANT_STAFF, shop.id());
		String token = Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		for (String month : List.of("-99999-01", "+999999999-12")) {
			Clients.http(this.port).get()
				.uri(builder -> builder.path("/merchant-settlement.csv").queryParam("merchantId", MerchantFixtures.id(shop))
					.queryParam("month", "{month}").build(month))
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus().isBadRequest()
				.expectBody(String.class).value(body -> assertThat(body).contains("YYYY-MM").contains("2000"));
		}
	}

	@Test
	void aDateTimeOutsideTheYearsIsABadRequestAndNoOfferIsStored() {
		Merchant shop = this.fixtures.shop();
		Map<String, Object> input = new HashMap<>();
		input.put("merchantId", MerchantFixtures.id(shop));
		input.put("title", "剪发");
		input.put("discount", "减 5 元");
		input.put("priceMinutes", 30);
		input.put("validFrom", Instant.now().toString());
		input.put("validUntil", "+999999999-12-31T00:00:00Z");
		this.fixtures.staff(shop).document("""
				mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { id } userErrors { code } } }""")
			.variable("input", input).execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
				assertThat(error.getMessage()).contains("input", "2000 to 2100");
			}));
		assertThat(offersOf(shop)).isZero();
	}

	private int offersOf(Merchant shop) {
		return this.jdbc.sql("SELECT count(*) FROM merchant_offer WHERE merchant_id = ?").param(shop.id()).query(Integer.class).single();
	}

	private static void refused(GraphQlTester.Response response, String input) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
			assertThat(error.getMessage()).contains(input).doesNotContain("SQL").doesNotContain("Exception");
		}));
	}

}
