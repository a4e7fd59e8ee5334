package org.qibao.merchant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** The applicant hears every decision on their shop; a decision refused tells nothing. */
@QibaoTest
class MerchantDecisionNotificationTests {

	private static final String LIST = "{ myNotifications { unreadCount nodes { kind message } } }";

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
	void theApplicantHearsOfTheApprovalThenOfASuspensionAndTheReinstatement() {
		Person owner = this.fixtures.person("店主");
		String id = merchantId(apply(owner, this.fixtures.shop("东亭理发")));
		assertThat(errorCode(this.fixtures.decide("merchantApprove", id))).isNull();
		assertThat(errorCode(this.fixtures.decide("merchantApprove", id))).isEqualTo("MERCHANT_NOT_PENDING");
		assertThat(errorCode(this.fixtures.decide("merchantSuspend", id))).isNull();
		assertThat(errorCode(this.fixtures.decide("merchantReinstate", id))).isNull();
		english(owner).document(LIST).execute()
			.path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(3)
			.path("myNotifications.nodes[*].kind").entityList(String.class)
			.containsExactly("MERCHANT_REINSTATED", "MERCHANT_SUSPENDED", "MERCHANT_APPROVED")
			.path("myNotifications.nodes[2].message").entity(String.class)
			.satisfies(m -> assertThat(m).startsWith("Your shop 东亭理发").endsWith("is approved. You can publish offers now."));
	}

	@Test
	void theApplicantHearsTheReasonOfARejection() {
		Person applicant = this.fixtures.person("申请人");
		String id = merchantId(apply(applicant, this.fixtures.shop("东亭茶馆")));
		assertThat(errorCode(this.fixtures.reject(id, " "))).isEqualTo("REASON_REQUIRED");
		assertThat(errorCode(this.fixtures.reject(id, "地址不在本社区，请核实"))).isNull();
		applicant.client().mutate().header("Accept-Language", "zh-CN").build().document(LIST).execute()
			.path("myNotifications.nodes[*].kind").entityList(String.class).containsExactly("MERCHANT_REJECTED")
			.path("myNotifications.nodes[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).startsWith("您的商户“东亭茶馆").endsWith("申请未获通过：地址不在本社区，请核实"));
	}

	private static HttpGraphQlTester english(Person person) {
		return person.client().mutate().header("Accept-Language", "en").build();
	}

}
