package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
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

/** Codes that cannot be issued or confirmed are refused with a clear error, and no minutes move. */
@QibaoTest
class RedemptionRefusalTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	@Autowired
	JdbcClient jdbc;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void aVolunteerWithoutEnoughMinutesGetsNoCode() {
		Offer offer = this.fixtures.offer(this.fixtures.shop(), 60, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(59);
		assertThat(errorCode(request(volunteer, offer))).isEqualTo("INSUFFICIENT_MINUTES");
		assertThat(this.fixtures.available(volunteer)).isEqualTo(59);
	}

	@Test
	void theDailyLimitCountsLiveAndRedeemedCodes() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, 2, 5, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		confirm(this.fixtures.staff(shop), code(request(volunteer, offer)));
		assertThat(errorCode(request(volunteer, offer))).isNull();
		assertThat(errorCode(request(volunteer, offer))).isEqualTo("DAILY_LIMIT_REACHED");
		assertThat(this.fixtures.available(volunteer)).isEqualTo(80);
	}

	@Test
	void theMonthlyLimitIsKept() {
		Offer offer = this.fixtures.offer(this.fixtures.shop(), 10, null, 1, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		assertThat(errorCode(request(volunteer, offer))).isNull();
		assertThat(errorCode(request(volunteer, offer))).isEqualTo("MONTHLY_LIMIT_REACHED");
	}

	@Test
	void anOfferOutOfStockPausedOrOutsideItsWindowGivesNoCode() {
		Merchant shop = this.fixtures.shop();
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		assertThat(errorCode(request(volunteer, this.fixtures.offer(shop, 10, null, null, 0)))).isEqualTo("OFFER_OUT_OF_STOCK");
		Offer paused = this.offers.setStatus(this.fixtures.offer(shop, 10, null, null, null).id(), OfferStatus.PAUSED);
		assertThat(errorCode(request(volunteer, paused))).isEqualTo("OFFER_NOT_ACTIVE");
		Offer later = this.offers.create(shop.id(), new OfferTerms("明天的优惠", "", "减 5 元", 10,
				Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)), null, null, null));
		assertThat(errorCode(request(volunteer, later))).isEqualTo("OFFER_OUTSIDE_WINDOW");
		assertThat(this.fixtures.available(volunteer)).isEqualTo(100);
	}

	@Test
	void aSuspendedMerchantIssuesAndConfirmsNoCodes() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String code = code(request(volunteer, offer));
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		HttpGraphQlTester administrator = org.qibao.Clients.signedIn(this.port, org.qibao.Clients.ADMINISTRATOR_PHONE);
		administrator.document("mutation($input: MerchantInput!) { merchantSuspend(input: $input) { merchant { status } userErrors { code } } }")
			.variable("input", Map.of("merchantId", MerchantFixtures.id(shop)))
			.execute()
			.path("merchantSuspend.merchant.status").entity(String.class).isEqualTo("SUSPENDED");
		assertThat(errorCode(request(volunteer, offer))).isEqualTo("MERCHANT_NOT_APPROVED");
		assertThat(errorCode(confirm(staff, code))).isEqualTo("MERCHANT_NOT_APPROVED");
		assertThat(this.fixtures.merchantBalance(shop)).isZero();
		administrator.document("mutation($input: MerchantInput!) { merchantReinstate(input: $input) { merchant { status } } }")
			.variable("input", Map.of("merchantId", MerchantFixtures.id(shop)))
			.execute()
			.path("merchantReinstate.merchant.status").entity(String.class).isEqualTo("APPROVED");
		assertThat(errorCode(confirm(staff, code))).isNull();
	}

	@Test
	void aCodeIsValidOnlyAtItsOwnMerchant() {
		Merchant shop = this.fixtures.shop();
		Merchant otherShop = this.fixtures.shop();
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Map<String, Object> issued = request(volunteer, this.fixtures.offer(shop, 10, null, null, null));
		@SuppressWarnings("unchecked")
		String token = ((Map<String, Object>) issued.get("redemption")).get("qrPayload").toString();
		HttpGraphQlTester otherStaff = this.fixtures.staff(otherShop);
		assertThat(errorCode(confirm(otherStaff, code(issued)))).isEqualTo("CODE_NOT_FOUND");
		assertThat(errorCode(confirm(otherStaff, token))).isEqualTo("CODE_OTHER_MERCHANT");
		assertThat(this.fixtures.merchantBalance(otherShop)).isZero();
		assertThat(errorCode(confirm(this.fixtures.staff(shop), token))).as("the QR token at its own shop").isNull();
	}

	@Test
	void aUsedCodeCannotBeUsedAgain() {
		Merchant shop = this.fixtures.shop();
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String code = code(request(volunteer, this.fixtures.offer(shop, 10, null, null, null)));
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		assertThat(errorCode(confirm(staff, code))).isNull();
		assertThat(errorCode(confirm(staff, code))).isEqualTo("CODE_ALREADY_USED");
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(10);
	}

	@Test
	void anExpiredCodeIsRefusedAtTheCounter() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String code = code(request(volunteer, offer));
		this.jdbc.sql("UPDATE redemption SET expires_at = now() - interval '1 second' WHERE offer_id = ?").param(offer.id()).update();
		assertThat(errorCode(confirm(this.fixtures.staff(shop), code))).isEqualTo("CODE_EXPIRED");
		assertThat(this.fixtures.merchantBalance(shop)).isZero();
	}

	@Test
	void theSameRequestKeyGivesTheSameCode() {
		Offer offer = this.fixtures.offer(this.fixtures.shop(), 10, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Map<String, Object> input = Map.of("offerId", MerchantFixtures.id(offer), "idempotencyKey", MerchantFixtures.key());
		String document = "mutation($input: RedemptionCodeRequestInput!) { redemptionCodeRequest(input: $input) { redemption { code } } }";
		String first = volunteer.client().document(document).variable("input", input).execute()
			.path("redemptionCodeRequest.redemption.code").entity(String.class).get();
		volunteer.client().document(document).variable("input", input).execute()
			.path("redemptionCodeRequest.redemption.code").entity(String.class).isEqualTo(first);
		assertThat(this.fixtures.available(volunteer)).isEqualTo(90);
	}

}
