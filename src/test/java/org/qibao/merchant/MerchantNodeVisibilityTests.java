package org.qibao.merchant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Shops, offers and codes fetched by ID are shown to those their own queries show them to, and to nobody else. */
@QibaoTest
class MerchantNodeVisibilityTests {

	private static final String NODE = """
			query($id: ID!) { node(id: $id) { id __typename
			  ... on Merchant { name address status }
			  ... on Offer { title }
			  ... on Redemption { code qrPayload minutes } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	private MerchantFixtures fixtures;

	private ApplicationFixtures applications;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
		this.applications = new ApplicationFixtures(this.context, this.port);
	}

	@Test
	void aPendingApplicationIsSeenByItsApplicantAndTheAdministratorOnly() {
		ApplicationFixtures.Person applicant = this.applications.person("申请人");
		String shopId = ApplicationFixtures.merchantId(ApplicationFixtures.apply(applicant, this.applications.shop("待审小店")));
		for (HttpGraphQlTester stranger : List.of(Clients.anonymous(this.port),
				this.applications.person("邻居").client(), Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE),
				this.fixtures.staff(this.fixtures.shop()))) {
			node(stranger, shopId).path("node").valueIsNull();
			stranger.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
				.variable("ids", List.of(shopId))
				.execute()
				.path("nodes[0]").valueIsNull();
		}
		node(applicant.client(), shopId).path("node.status").entity(String.class).isEqualTo("PENDING")
			.path("node.address").entity(String.class).isEqualTo("武昌区东亭路 18 号");
		node(this.applications.administrator(), shopId).path("node.status").entity(String.class).isEqualTo("PENDING");
	}

	@Test
	void anApprovedShopAndItsCurrentOffersArePublicButAPausedOfferIsItsStaffs() {
		Merchant shop = this.fixtures.shop();
		Offer current = this.fixtures.offer(shop, 30, null, null, null);
		Offer paused = this.fixtures.offer(shop, 30, null, null, null);
		this.offers.setStatus(paused.id(), OfferStatus.PAUSED);
		HttpGraphQlTester anonymous = Clients.anonymous(this.port);
		node(anonymous, MerchantFixtures.id(shop)).path("node.name").entity(String.class).isEqualTo(shop.name());
		node(anonymous, MerchantFixtures.id(current)).path("node.title").entity(String.class).isEqualTo("测试优惠");
		node(anonymous, MerchantFixtures.id(paused)).path("node").valueIsNull();
		node(this.fixtures.staff(this.fixtures.shop()), MerchantFixtures.id(paused)).path("node").valueIsNull();
		node(this.fixtures.staff(shop), MerchantFixtures.id(paused)).path("node.title").entity(String.class).isEqualTo("测试优惠");
	}

	@Test
	void aCodeIsSeenWholeByItsVolunteerWithoutItsTokenByTheShopAndNotAtAllByOthers() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 20, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		Map<String, Object> issued = MerchantFixtures.request(volunteer, offer);
		@SuppressWarnings("unchecked")
		String id = ((Map<String, Object>) issued.get("redemption")).get("id").toString();
		assertThat(GlobalId.decode(id).type()).isEqualTo("Redemption");
		for (HttpGraphQlTester stranger : List.of(Clients.anonymous(this.port), this.fixtures.volunteer(10).client(),
				this.fixtures.staff(this.fixtures.shop()))) {
			node(stranger, id).path("node").valueIsNull();
		}
		node(volunteer.client(), id).path("node.code").entity(String.class).isEqualTo(MerchantFixtures.code(issued))
			.path("node.qrPayload").entity(String.class).satisfies(qr -> assertThat(qr).isNotBlank());
		for (HttpGraphQlTester counter : List.of(this.fixtures.staff(shop), this.applications.administrator())) {
			node(counter, id).path("node.minutes").entity(Integer.class).isEqualTo(20).path("node.qrPayload").valueIsNull();
		}
	}

	private static GraphQlTester.Response node(HttpGraphQlTester client, String id) {
		return client.document(NODE).variable("id", id).execute();
	}

}
