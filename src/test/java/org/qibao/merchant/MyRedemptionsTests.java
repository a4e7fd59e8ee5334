package org.qibao.merchant;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.confirm;
import static org.qibao.merchant.MerchantFixtures.request;

/** A volunteer's own codes, newest first, with the QR payload only they see; nobody else's. */
@QibaoTest
class MyRedemptionsTests {

	private static final String MINE = """
			query($first: Int) { myRedemptions(first: $first) { code status minutes qrPayload offer { title } merchant { name } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void aVolunteerSeesTheirOwnCodesNewestFirst() {
		Merchant shop = this.fixtures.shop();
		Offer offer = this.fixtures.offer(shop, 10, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		MerchantFixtures.Volunteer neighbour = this.fixtures.volunteer(50);
		String used = code(request(volunteer, offer));
		confirm(this.fixtures.staff(shop), used);
		String live = code(request(volunteer, offer));
		code(request(neighbour, offer));

		GraphQlTester.Response mine = volunteer.client().document(MINE).variable("first", 10).execute();
		mine.path("myRedemptions[*].code").entityList(String.class).containsExactly(live, used);
		mine.path("myRedemptions[*].status").entityList(String.class).containsExactly("ISSUED", "REDEEMED");
		mine.path("myRedemptions[0].qrPayload").entity(String.class).satisfies(qr -> assertThat(qr).hasSizeGreaterThan(20));
		mine.path("myRedemptions[0].merchant.name").entity(String.class).isEqualTo(shop.name());
		volunteer.client().document(MINE).variable("first", 1).execute()
			.path("myRedemptions[*].code").entityList(String.class).containsExactly(live);
	}

	@Test
	void aBadPageSizeIsRefusedAndSigningInIsRequired() {
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		for (int first : List.of(0, 101)) {
			volunteer.client().document(MINE).variable("first", first).execute().errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
		}
		Clients.anonymous(this.port).document(MINE).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "UNAUTHORIZED")));
	}

}
