package org.qibao.merchant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.merchant.ApplicationFixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.ApplicationFixtures.apply;
import static org.qibao.merchant.ApplicationFixtures.errorCode;
import static org.qibao.merchant.ApplicationFixtures.merchantId;

/** Anyone applies for a shop; the community's administrator approves or rejects it, suspends and reinstates it. */
@QibaoTest
class MerchantApplicationTests {

	private static final String MY_APPLICATIONS = """
			{ myMerchantApplications { id name status application { contactPhone decidedAt rejectionReason applicant { displayName } } } }""";

	private static final String COMMUNITY_MERCHANTS = """
			query($id: ID!) { node(id: $id) { ... on Community { merchants { id status application { contactPhone } } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private ApplicationFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ApplicationFixtures(this.context, this.port);
	}

	@Test
	void aPersonAppliesAndTheShopWaitsForTheAdministratorWithThemAsOwner() {
		Person applicant = this.fixtures.person("申请人");
		Map<String, Object> shop = this.fixtures.shop("老王修鞋");
		Map<String, Object> payload = apply(applicant, shop);
		assertThat(errorCode(payload)).isNull();
		String id = merchantId(payload);

		HttpGraphQlTester.Response mine = applicant.client().document(MY_APPLICATIONS).execute();
		mine.path("myMerchantApplications[0].id").entity(String.class).isEqualTo(id);
		mine.path("myMerchantApplications[0].name").entity(String.class).isEqualTo(shop.get("name"));
		mine.path("myMerchantApplications[0].status").entity(String.class).isEqualTo("PENDING");
		mine.path("myMerchantApplications[0].application.contactPhone").entity(String.class).isEqualTo("02788886666");
		mine.path("myMerchantApplications[0].application.applicant.displayName").entity(String.class).isEqualTo("申请人");
		mine.path("myMerchantApplications[0].application.decidedAt").valueIsNull();
		applicant.client().document("{ myMerchants { id } }").execute()
			.path("myMerchants").entityList(Object.class).hasSize(0);
	}

	@Test
	void theAdministratorSeesThePendingApplicationAndApprovalMakesTheOwnerItsStaffAtOnce() {
		Person owner = this.fixtures.person("店主");
		String id = merchantId(apply(owner, this.fixtures.shop("东亭花店")));
		assertThat(communityMerchants(this.fixtures.administrator()))
			.anySatisfy(m -> assertThat(m).containsEntry("id", id).containsEntry("status", "PENDING")
				.containsEntry("application", Map.of("contactPhone", "02788886666")));

		Map<String, Object> approved = this.fixtures.decide("merchantApprove", id);
		assertThat(errorCode(approved)).isNull();
		assertThat(this.fixtures.status(id)).isEqualTo("APPROVED");
		// the owner's token was issued before approval: the role counts from their next request
		owner.client().document("{ myMerchants { id } }").execute()
			.path("myMerchants[*].id").entityList(String.class).containsExactly(id);
		owner.client().document("{ myMerchantApplications { status application { decidedAt } } }").execute()
			.path("myMerchantApplications[0].status").entity(String.class).isEqualTo("APPROVED")
			.path("myMerchantApplications[0].application.decidedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
	}

	@Test
	void aRejectedApplicationShowsTheReasonAndFreesTheName() {
		Person applicant = this.fixtures.person("申请人");
		Map<String, Object> shop = this.fixtures.shop("东亭茶馆");
		String id = merchantId(apply(applicant, shop));
		assertThat(errorCode(this.fixtures.reject(id, "  "))).isEqualTo("REASON_REQUIRED");
		assertThat(errorCode(this.fixtures.reject(id, "长".repeat(201)))).isEqualTo("REASON_REQUIRED");
		assertThat(this.fixtures.status(id)).isEqualTo("PENDING");

		assertThat(errorCode(this.fixtures.reject(id, "地址不在本社区，请核实"))).isNull();
		applicant.client().document(MY_APPLICATIONS).execute()
			.path("myMerchantApplications[0].status").entity(String.class).isEqualTo("REJECTED")
			.path("myMerchantApplications[0].application.rejectionReason").entity(String.class).isEqualTo("地址不在本社区，请核实");
		assertThat(communityMerchants(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)))
			.noneSatisfy(m -> assertThat(m).containsEntry("id", id));

		Map<String, Object> again = apply(applicant, shop);
		assertThat(errorCode(again)).as("the same name may apply again").isNull();
		assertThat(merchantId(again)).isNotEqualTo(id);
	}

	@Test
	void aDecisionOnADecidedShopIsRefusedAndChangesNothing() {
		Person owner = this.fixtures.person("店主");
		String id = this.fixtures.approvedShop(owner);
		assertThat(errorCode(this.fixtures.decide("merchantApprove", id))).isEqualTo("MERCHANT_NOT_PENDING");
		assertThat(errorCode(this.fixtures.reject(id, "重复"))).isEqualTo("MERCHANT_NOT_PENDING");
		assertThat(errorCode(this.fixtures.decide("merchantReinstate", id))).isEqualTo("MERCHANT_NOT_SUSPENDED");
		assertThat(this.fixtures.status(id)).isEqualTo("APPROVED");

		String pending = merchantId(apply(this.fixtures.person("申请人"), this.fixtures.shop("待审核")));
		assertThat(errorCode(this.fixtures.decide("merchantSuspend", pending))).isEqualTo("MERCHANT_NOT_APPROVED");
		assertThat(errorCode(this.fixtures.decide("merchantReinstate", pending))).isEqualTo("MERCHANT_NOT_SUSPENDED");
		assertThat(this.fixtures.status(pending)).isEqualTo("PENDING");

		String rejected = merchantId(apply(this.fixtures.person("申请人"), this.fixtures.shop("已驳回")));
		this.fixtures.reject(rejected, "不符合条件");
		assertThat(errorCode(this.fixtures.decide("merchantApprove", rejected))).isEqualTo("MERCHANT_NOT_PENDING");
		assertThat(this.fixtures.status(rejected)).isEqualTo("REJECTED");
	}

	@Test
	void theAdministratorSuspendsAndReinstatesAShop() {
		String id = this.fixtures.approvedShop(this.fixtures.person("店主"));
		assertThat(this.fixtures.decide("merchantSuspend", id)).containsEntry("merchant", Map.of("id", id, "status", "SUSPENDED"));
		assertThat(errorCode(this.fixtures.decide("merchantSuspend", id))).isEqualTo("MERCHANT_NOT_APPROVED");
		assertThat(errorCode(this.fixtures.decide("merchantApprove", id))).as("approve is not reinstate").isEqualTo("MERCHANT_NOT_PENDING");
		assertThat(this.fixtures.decide("merchantReinstate", id)).containsEntry("merchant", Map.of("id", id, "status", "APPROVED"));
	}

	@Test
	void badApplicationsAreRefusedOnTheirFieldAndCreateNothing() {
		Person applicant = this.fixtures.person("申请人");
		long before = this.fixtures.merchantCount();
		assertRefused(applicant, "name", "  ", "INVALID_MERCHANT_NAME");
		assertRefused(applicant, "name", "店".repeat(81), "INVALID_MERCHANT_NAME");
		assertRefused(applicant, "category", "BAKERY", "INVALID_MERCHANT_CATEGORY");
		assertRefused(applicant, "category", "", "INVALID_MERCHANT_CATEGORY");
		assertRefused(applicant, "address", " ", "INVALID_MERCHANT_ADDRESS");
		assertRefused(applicant, "address", "路".repeat(201), "INVALID_MERCHANT_ADDRESS");
		assertRefused(applicant, "contactPhone", "call me", "INVALID_CONTACT_PHONE");
		assertRefused(applicant, "contactPhone", "1234", "INVALID_CONTACT_PHONE");
		assertRefused(applicant, "location", Map.of("longitude", 214.0, "latitude", 30.5), "INVALID_COORDINATES");
		// about 4 km east of Dongting's grids
		Map<String, Object> far = this.fixtures.shop("远处的店");
		far.put("location", Map.of("longitude", 114.40, "latitude", 30.567));
		Map<String, Object> payload = apply(applicant, far);
		assertThat(errorCode(payload)).isEqualTo("LOCATION_OUTSIDE_COMMUNITY");
		assertThat(payload.get("userErrors").toString()).contains("东亭社区", "200");
		assertThat(this.fixtures.merchantCount()).isEqualTo(before);
		applicant.client().document(MY_APPLICATIONS).execute()
			.path("myMerchantApplications").entityList(Object.class).hasSize(0);
	}

	@Test
	void aShopJustOutsideTheGridsIsAcceptedAsOnTheBoundingStreet() {
		Map<String, Object> shop = this.fixtures.shop("街边小店");
		// about 100 m north of DT-01's northern edge (latitude 30.5700)
		shop.put("location", Map.of("longitude", 114.3530, "latitude", 30.5709));
		assertThat(errorCode(apply(this.fixtures.person("申请人"), shop))).isNull();
	}

	@Test
	void aSecondPendingApplicationForTheSameNameIsRefused() {
		Person applicant = this.fixtures.person("申请人");
		Map<String, Object> shop = this.fixtures.shop("东亭面馆");
		String first = merchantId(apply(applicant, shop));
		long before = this.fixtures.merchantCount();
		Map<String, Object> trimmed = new HashMap<>(shop);
		trimmed.put("name", "  " + shop.get("name") + " ");
		Map<String, Object> again = apply(applicant, trimmed);
		assertThat(errorCode(again)).isEqualTo("DUPLICATE_APPLICATION");
		assertThat(again.get("merchant")).isNull();
		assertThat(errorCode(apply(this.fixtures.person("另一人"), shop))).isEqualTo("MERCHANT_NAME_TAKEN");
		Map<String, Object> demoName = this.fixtures.shop("x");
		demoName.put("name", "东亭理发店");
		assertThat(errorCode(apply(applicant, demoName))).isEqualTo("MERCHANT_NAME_TAKEN");
		assertThat(this.fixtures.merchantCount()).isEqualTo(before);
		assertThat(this.fixtures.status(first)).isEqualTo("PENDING");
	}

	@Test
	void onlyTheCommunitysAdministratorsDecideAndOnlySignedInPeopleApply() {
		Person applicant = this.fixtures.person("申请人");
		String id = merchantId(apply(applicant, this.fixtures.shop("无权审核")));
		for (HttpGraphQlTester outsider : List.of(applicant.client(), Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE))) {
			for (String mutation : List.of("merchantApprove", "merchantSuspend", "merchantReinstate")) {
				outsider.document("mutation($input: MerchantInput!) { " + mutation + "(input: $input) { merchant { id } } }")
					.variable("input", Map.of("merchantId", id)).execute().errors()
					.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
			}
			outsider.document("mutation($input: MerchantRejectInput!) { merchantReject(input: $input) { merchant { id } } }")
				.variable("input", Map.of("merchantId", id, "reason", "不行")).execute().errors()
				.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		}
		assertThat(this.fixtures.status(id)).isEqualTo("PENDING");
		long before = this.fixtures.merchantCount();
		Clients.anonymous(this.port).document(ApplicationFixtures.APPLY).variable("input", this.fixtures.shop("匿名")).execute()
			.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
		assertThat(this.fixtures.merchantCount()).isEqualTo(before);
	}

	@Test
	void pendingApplicationsAndTheirDetailsAreHiddenFromOtherPeople() {
		String id = merchantId(apply(this.fixtures.person("申请人"), this.fixtures.shop("隐私")));
		HttpGraphQlTester volunteer = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE);
		assertThat(communityMerchants(volunteer)).noneSatisfy(m -> assertThat(m).containsEntry("id", id))
			.allSatisfy(m -> assertThat(m.get("application")).isNull());
		// not even its name and address: a pending application is not a public shop
		volunteer.document("query($id: ID!) { node(id: $id) { ... on Merchant { name application { contactPhone } staff { displayName } } } }")
			.variable("id", id).execute()
			.path("node").valueIsNull();
	}

	private void assertRefused(Person applicant, String field, Object value, String code) {
		Map<String, Object> input = this.fixtures.shop("坏输入");
		input.put(field, value);
		Map<String, Object> payload = apply(applicant, input);
		assertThat(errorCode(payload)).as(field + " = " + value).isEqualTo(code);
		assertThat(payload.get("userErrors").toString()).contains("field=[input, " + field + "]");
		assertThat(payload.get("merchant")).isNull();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> communityMerchants(HttpGraphQlTester client) {
		return client.document(COMMUNITY_MERCHANTS)
			.variable("id", this.fixtures.dongting())
			.execute()
			.path("node.merchants")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

}
