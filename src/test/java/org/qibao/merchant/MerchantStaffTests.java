package org.qibao.merchant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.merchant.ApplicationFixtures.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.ApplicationFixtures.addStaff;
import static org.qibao.merchant.ApplicationFixtures.errorCode;
import static org.qibao.merchant.ApplicationFixtures.removeStaff;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.request;

/** A shop's owner adds staff by phone and removes them; each change counts from the staff member's next request. */
@QibaoTest
class MerchantStaffTests {

	private static final String STAFF = """
			query($id: ID!) { node(id: $id) { ... on Merchant { staff { displayName phone owner account { id } } } } }""";

	private static final String LOOKUP = """
			query($code: String!) { redemptionLookup(code: $code) { redemption { code } userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Merchants merchants;

	@Autowired
	Accounts accounts;

	private ApplicationFixtures fixtures;

	private MerchantFixtures shops;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ApplicationFixtures(this.context, this.port);
		this.shops = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void aNewlyAddedStaffMemberUsesTheCounterWithTheTokenTheyAlreadyHad() {
		Person owner = this.fixtures.person("店主");
		String shopId = this.fixtures.approvedShop(owner);
		Merchant shop = shop(shopId);
		Person clerk = this.fixtures.person("新店员");
		String code = code(request(this.shops.volunteer(100), this.shops.offer(shop, 10, null, null, null)));
		clerk.client().document(LOOKUP).variable("code", code).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));

		assertThat(errorCode(addStaff(owner.client(), shopId, " " + clerk.phone().substring(0, 3) + " "
				+ clerk.phone().substring(3)))).isNull();

		clerk.client().document(LOOKUP).variable("code", code).execute()
			.path("redemptionLookup.redemption.code").entity(String.class).isEqualTo(code);
		assertThat(MerchantFixtures.errorCode(MerchantFixtures.confirm(clerk.client(), code))).isNull();
		assertThat(this.shops.merchantBalance(shop)).isEqualTo(10);
	}

	@Test
	void aRemovedStaffMemberIsRefusedAtTheCounterWithTheirOldToken() {
		Person owner = this.fixtures.person("店主");
		String shopId = this.fixtures.approvedShop(owner);
		Merchant shop = shop(shopId);
		Person clerk = this.fixtures.person("店员");
		addStaff(owner.client(), shopId, clerk.phone());
		Offer offer = this.shops.offer(shop, 10, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.shops.volunteer(100);
		String code = code(request(volunteer, offer));
		clerk.client().document(LOOKUP).variable("code", code).execute()
			.path("redemptionLookup.redemption.code").entity(String.class).isEqualTo(code);

		assertThat(errorCode(removeStaff(owner.client(), shopId, clerk.account()))).isNull();

		clerk.client().document(LOOKUP).variable("code", code).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		clerk.client().document("mutation($input: RedemptionConfirmInput!) { redemptionConfirm(input: $input) { redemption { status } } }")
			.variable("input", Map.of("code", code, "merchantId", shopId)).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		clerk.client().document("{ myMerchants { id } }").execute().path("myMerchants").entityList(Object.class).hasSize(0);
		assertThat(this.shops.merchantBalance(shop)).isZero();
		assertThat(this.shops.available(volunteer)).as("the code is still live, its minutes held").isEqualTo(90);
		assertThat(this.accounts.rolesOf(clerk.account().id())).isEmpty();
	}

	@Test
	void theStaffListShowsPhonesOnlyToTheOwnerTheAdministratorsAndThemselves() {
		Person owner = this.fixtures.person("店主老张");
		String shopId = this.fixtures.approvedShop(owner);
		Person clerk = this.fixtures.person("店员小李");
		addStaff(owner.client(), shopId, clerk.phone());

		for (HttpGraphQlTester insider : List.of(owner.client(), this.fixtures.administrator())) {
			HttpGraphQlTester.Response response = insider.document(STAFF).variable("id", shopId).execute();
			response.path("node.staff[*].displayName").entityList(String.class).containsExactly("店主老张", "店员小李");
			response.path("node.staff[*].owner").entityList(Boolean.class).containsExactly(true, false);
			response.path("node.staff[*].phone").entityList(String.class).containsExactly(owner.phone(), clerk.phone());
		}
		HttpGraphQlTester.Response asClerk = clerk.client().document(STAFF).variable("id", shopId).execute();
		asClerk.path("node.staff[*].displayName").entityList(String.class).containsExactly("店主老张", "店员小李");
		asClerk.path("node.staff[0].phone").valueIsNull();
		asClerk.path("node.staff[1].phone").entity(String.class).isEqualTo(clerk.phone());
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(STAFF).variable("id", shopId).execute()
			.path("node.staff").entityList(Object.class).hasSize(0);
	}

	@Test
	void theOwnerCannotBeRemovedAndBadPhonesAreRefused() {
		Person owner = this.fixtures.person("店主");
		String shopId = this.fixtures.approvedShop(owner);
		Person clerk = this.fixtures.person("店员");
		assertThat(errorCode(removeStaff(owner.client(), shopId, owner.account()))).isEqualTo("CANNOT_REMOVE_OWNER");
		assertThat(errorCode(addStaff(owner.client(), shopId, Clients.uniquePhone()))).isEqualTo("STAFF_ACCOUNT_NOT_FOUND");
		assertThat(errorCode(addStaff(owner.client(), shopId, "not a phone"))).isEqualTo("INVALID_PHONE");
		assertThat(errorCode(addStaff(owner.client(), shopId, owner.phone()))).isEqualTo("ALREADY_STAFF");
		assertThat(errorCode(removeStaff(owner.client(), shopId, clerk.account()))).isEqualTo("NOT_STAFF");
		addStaff(owner.client(), shopId, clerk.phone());
		assertThat(errorCode(addStaff(owner.client(), shopId, clerk.phone()))).isEqualTo("ALREADY_STAFF");
		assertThat(holders(shopId)).containsExactlyInAnyOrder(owner.account().id(), clerk.account().id());
	}

	@Test
	void onlyTheOwnerAddsOrRemovesStaff() {
		Person owner = this.fixtures.person("店主");
		String shopId = this.fixtures.approvedShop(owner);
		Person clerk = this.fixtures.person("店员");
		addStaff(owner.client(), shopId, clerk.phone());
		Person stranger = this.fixtures.person("路人");
		for (HttpGraphQlTester notOwner : List.of(clerk.client(), this.fixtures.administrator(), stranger.client())) {
			notOwner.document(ApplicationFixtures.STAFF_ADD).variable("input", Map.of("merchantId", shopId, "phone", stranger.phone()))
				.execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
			notOwner.document(ApplicationFixtures.STAFF_REMOVE)
				.variable("input", Map.of("merchantId", shopId, "accountId", GlobalId.encode("Account", clerk.account().id())))
				.execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		}
		// the demo's shops applied before owners existed: no one adds staff there through the API
		owner.client().document(ApplicationFixtures.STAFF_ADD)
			.variable("input", Map.of("merchantId", MerchantFixtures.id(this.shops.shop()), "phone", stranger.phone()))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(holders(shopId)).containsExactlyInAnyOrder(owner.account().id(), clerk.account().id());
	}

	@Test
	void noStaffCanBeAddedBeforeTheShopIsApproved() {
		Person applicant = this.fixtures.person("申请人");
		String shopId = ApplicationFixtures.merchantId(ApplicationFixtures.apply(applicant, this.fixtures.shop("未审核")));
		Person clerk = this.fixtures.person("店员");
		assertThat(errorCode(addStaff(applicant.client(), shopId, clerk.phone()))).isEqualTo("MERCHANT_NOT_APPROVED");
		assertThat(holders(shopId)).isEmpty();
	}

	@Test
	void anOwnerSweepingPhoneNumbersIsStoppedAfterAFewAnHour() throws Exception {
		Person owner = this.fixtures.person("店主");
		String shopId = this.fixtures.approvedShop(owner);
		List<String> outcomes = Bursts.race(25,
				i -> () -> errorCode(addStaff(owner.client(), shopId, "199" + String.format("%08d", i + (System.nanoTime() % 1000) * 100))));
		assertThat(outcomes.stream().filter("STAFF_ACCOUNT_NOT_FOUND"::equals).count()).isEqualTo(20);
		assertThat(outcomes.stream().filter("TOO_MANY_PHONE_LOOKUPS"::equals).count()).isEqualTo(5);
		Person clerk = this.fixtures.person("店员");
		assertThat(errorCode(addStaff(owner.client(), shopId, clerk.phone()))).as("even a real account, once used up")
			.isEqualTo("TOO_MANY_PHONE_LOOKUPS");
		assertThat(holders(shopId)).containsExactly(owner.account().id());
	}

	private Merchant shop(String id) {
		return this.merchants.find(GlobalId.keyOf(id, "Merchant")).orElseThrow();
	}

	private List<Long> holders(String shopId) {
		return this.accounts.holders(Role.MERCHANT_STAFF, List.of(GlobalId.keyOf(shopId, "Merchant")))
			.values()
			.stream()
			.flatMap(List::stream)
			.map(org.qibao.identity.Account::id)
			.toList();
	}

}
