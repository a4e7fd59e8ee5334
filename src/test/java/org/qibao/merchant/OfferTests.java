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
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Merchants' staff manage their own offers; volunteers browse the current ones of their community. */
@QibaoTest
class OfferTests {

	private static final String CREATE = """
			mutation($input: OfferCreateInput!) {
			  offerCreate(input: $input) { offer { id title priceMinutes status stock stockLeft dailyLimit merchant { name } } userErrors { code field } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void staffCreateEditPauseAndEndTheirOffers() {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		String id = staff.document(CREATE).variable("input", terms(shop, "剪发")).execute()
			.path("offerCreate.userErrors").entityList(Object.class).hasSize(0)
			.path("offerCreate.offer.status").entity(String.class).isEqualTo("ACTIVE")
			.path("offerCreate.offer.stockLeft").entity(Integer.class).isEqualTo(20)
			.path("offerCreate.offer.merchant.name").entity(String.class).isEqualTo(shop.name())
			.path("offerCreate.offer.id").entity(String.class).get();
		Map<String, Object> changed = terms(shop, "剪发加洗头");
		changed.remove("merchantId");
		changed.put("offerId", id);
		changed.put("priceMinutes", 50);
		staff.document("mutation($input: OfferUpdateInput!) { offerUpdate(input: $input) { offer { title priceMinutes } userErrors { code } } }")
			.variable("input", changed).execute()
			.path("offerUpdate.offer.title").entity(String.class).isEqualTo("剪发加洗头")
			.path("offerUpdate.offer.priceMinutes").entity(Integer.class).isEqualTo(50);
		statusChange(staff, "offerPause", id).path("offerPause.offer.status").entity(String.class).isEqualTo("PAUSED");
		assertThat(communityOfferIds()).doesNotContain(id);
		statusChange(staff, "offerResume", id).path("offerResume.offer.status").entity(String.class).isEqualTo("ACTIVE");
		assertThat(communityOfferIds()).contains(id);
		statusChange(staff, "offerEnd", id).path("offerEnd.offer.status").entity(String.class).isEqualTo("ENDED");
		statusChange(staff, "offerResume", id).path("offerResume.userErrors[0].code").entity(String.class).isEqualTo("OFFER_ENDED");
		staff.document("query($m: ID!) { merchantOffers(merchantId: $m) { id } }").variable("m", MerchantFixtures.id(shop)).execute()
			.path("merchantOffers").entityList(Object.class).hasSize(0);
	}

	@Test
	void offersWithBadTermsAreRefused() {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		Map<String, Object> input = terms(shop, "剪发");
		input.put("validUntil", input.get("validFrom"));
		staff.document(CREATE).variable("input", input).execute()
			.path("offerCreate.offer").valueIsNull()
			.path("offerCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_OFFER_WINDOW");
		input = terms(shop, "剪发");
		input.put("priceMinutes", 0);
		staff.document(CREATE).variable("input", input).execute()
			.path("offerCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_OFFER_PRICE");
	}

	@Test
	void staffOfOneMerchantCannotTouchAnothersOffers() {
		Merchant shop = this.fixtures.shop();
		Merchant other = this.fixtures.shop();
		Offer theirs = this.fixtures.offer(other, 10, null, null, null);
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		staff.document(CREATE).variable("input", terms(other, "冒名优惠")).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		statusChange(staff, "offerEnd", MerchantFixtures.id(theirs)).errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		staff.document("query($m: ID!) { merchantOffers(merchantId: $m) { id } }").variable("m", MerchantFixtures.id(other)).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		staff.document("query($m: ID!) { merchantRedemptions(merchantId: $m) { code } }").variable("m", MerchantFixtures.id(other)).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(this.offers.find(theirs.id()).orElseThrow().status()).isEqualTo(OfferStatus.ACTIVE);
	}

	@Test
	void volunteersSeeTheDemoShopsOffersAndNotThoseOfSuspendedShops() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, null, null, null);
		assertThat(communityOfferIds()).contains(MerchantFixtures.id(offer));
		assertThat(communityOfferTitles()).contains("理发", "刮脸修面", "鸡蛋一盒", "米面粮油");
		HttpGraphQlTester volunteer = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE);
		volunteer.document("mutation($input: MerchantInput!) { merchantSuspend(input: $input) { merchant { status } } }")
			.variable("input", Map.of("merchantId", MerchantFixtures.id(shop))).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document("mutation($input: MerchantInput!) { merchantSuspend(input: $input) { merchant { status } } }")
			.variable("input", Map.of("merchantId", MerchantFixtures.id(shop))).execute()
			.path("merchantSuspend.merchant.status").entity(String.class).isEqualTo("SUSPENDED");
		assertThat(communityOfferIds()).doesNotContain(MerchantFixtures.id(offer));
	}

	private List<String> communityOfferIds() {
		return communityOffers("id");
	}

	private List<String> communityOfferTitles() {
		return communityOffers("title");
	}

	private List<String> communityOffers(String field) {
		return Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("{ communities(first: 100) { nodes { offers { " + field + " } } } }")
			.execute()
			.path("communities.nodes[*].offers[*]." + field)
			.entityList(String.class)
			.get();
	}

	private static org.springframework.graphql.test.tester.GraphQlTester.Response statusChange(HttpGraphQlTester staff,
			String mutation, String offerId) {
		return staff.document("mutation($input: OfferInput!) { " + mutation + "(input: $input) { offer { status } userErrors { code } } }")
			.variable("input", Map.of("offerId", offerId))
			.execute();
	}

	private static Map<String, Object> terms(Merchant shop, String title) {
		Map<String, Object> input = new HashMap<>();
		input.put("merchantId", MerchantFixtures.id(shop));
		input.put("title", title);
		input.put("description", "");
		input.put("discount", "减 5 元");
		input.put("priceMinutes", 30);
		input.put("validFrom", Instant.now().minus(Duration.ofHours(1)).toString());
		input.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
		input.put("dailyLimit", 1);
		input.put("stock", 20);
		return input;
	}

}
