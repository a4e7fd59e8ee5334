package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.timebank.TimeBank;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shops, staff, volunteers with minutes and offers for merchant tests, each one new so that tests never share them. */
final class MerchantFixtures {

	/** Attendance IDs no other run or fixture uses: negative and far below the demo's. */
	private static final AtomicLong ATTENDANCE = new AtomicLong(-System.currentTimeMillis() * 1000);

	private final Merchants merchants;

	private final Offers offers;

	private final Accounts accounts;

	private final TimeBank timeBank;

	private final JdbcClient jdbc;

	private final int port;

	/** Fixtures made of the running application's beans. */
	MerchantFixtures(org.springframework.context.ApplicationContext context, int port) {
		this(context.getBean(Merchants.class), context.getBean(Offers.class), context.getBean(Accounts.class),
				context.getBean(TimeBank.class), context.getBean(JdbcClient.class), port);
	}

	MerchantFixtures(Merchants merchants, Offers offers, Accounts accounts, TimeBank timeBank, JdbcClient jdbc, int port) {
		this.merchants = merchants;
		this.offers = offers;
		this.accounts = accounts;
		this.timeBank = timeBank;
		this.jdbc = jdbc;
		this.port = port;
	}

	long dongting() {
		return this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	Merchant shop() {
		return this.merchants.create(dongting(), "测试商店 " + System.nanoTime(), "BARBER", "东亭路 1 号",
				new GeoPoint(114.355, 30.567));
	}

	/** A new staff account of the shop, signed in. */
	HttpGraphQlTester staff(Merchant shop) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "店员", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.MERCHANT_STAFF, shop.id());
		return Clients.signedIn(this.port, phone);
	}

	/** A new volunteer of Dongting with these minutes credited for patrols (in several days when over the daily cap). */
	Volunteer volunteer(int minutes) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "测试志愿者", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, dongting());
		int left = minutes;
		for (int day = 1; left > 0; day++) {
			int today = Math.min(left, 240);
			this.timeBank.creditPatrol(new AttendanceVerified(ATTENDANCE.decrementAndGet(), account.id(), dongting(), today,
					Instant.now().minusSeconds(86_400L * day), null));
			left -= today;
		}
		return new Volunteer(account.id(), phone, Clients.signedIn(this.port, phone));
	}

	Offer offer(Merchant shop, int price, Integer daily, Integer monthly, Integer stock) {
		return this.offers.create(shop.id(), new OfferTerms("测试优惠", "", "减 5 元", price,
				Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)), daily, monthly, stock));
	}

	long available(Volunteer volunteer) {
		return this.timeBank.passbook(dongting(), volunteer.accountId()).available();
	}

	long merchantBalance(Merchant shop) {
		return this.jdbc.sql("SELECT coalesce(max(balance), 0) FROM ledger_account WHERE kind = 'MERCHANT' AND owner_id = ?")
			.param(shop.id())
			.query(Long.class)
			.single();
	}

	List<String> breaches() {
		return this.timeBank.checkInvariants().breaches().stream().map(b -> b.code() + ": " + b.detail()).toList();
	}

	static String id(Offer offer) {
		return GlobalId.encode("Offer", offer.id());
	}

	static String id(Merchant shop) {
		return GlobalId.encode("Merchant", shop.id());
	}

	static String key() {
		return "test-key-" + System.nanoTime();
	}

	/** Asks for a code for the offer; the payload as a map (redemption, userErrors). */
	static Map<String, Object> request(Volunteer volunteer, Offer offer) {
		return volunteer.client().document("""
				mutation($input: RedemptionCodeRequestInput!) {
				  redemptionCodeRequest(input: $input) { redemption { id code qrPayload status minutes expiresAt } userErrors { code } }
				}""")
			.variable("input", Map.of("offerId", id(offer), "idempotencyKey", key()))
			.execute()
			.path("redemptionCodeRequest")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	static String code(Map<String, Object> payload) {
		return ((Map<String, Object>) payload.get("redemption")).get("code").toString();
	}

	@SuppressWarnings("unchecked")
	static String errorCode(Map<String, Object> payload) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
		return errors.isEmpty() ? null : errors.get(0).get("code").toString();
	}

	/** Confirms a code at the counter; the payload as a map (redemption, userErrors). */
	static Map<String, Object> confirm(HttpGraphQlTester staff, String code) {
		return staff.document("""
				mutation($input: RedemptionConfirmInput!) {
				  redemptionConfirm(input: $input) { redemption { status minutes volunteer { displayName } offer { title } } userErrors { code } }
				}""")
			.variable("input", Map.of("code", code))
			.execute()
			.path("redemptionConfirm")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	record Volunteer(long accountId, String phone, HttpGraphQlTester client) {
	}

}
