package org.qibao.timebank;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators set their community's earning caps and gift limits. */
@QibaoTest
class TimeBankPolicyTests {

	private static final String UPDATE = """
			mutation($input: TimeBankPolicyUpdateInput!) {
			  timeBankPolicyUpdate(input: $input) {
			    policy { dailyEarningCap totalEarningCap giftMaxMinutes giftMonthlyMinutes }
			    userErrors { code field }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	private String communityId;

	private HttpGraphQlTester administrator;

	/** A community of its own, so that its rules touch no other test. */
	@BeforeEach
	void aCommunityWithAnAdministrator() {
		long street = this.jdbc.sql("SELECT street_id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		long community = this.geography.createCommunity(street, "政策测试社区" + System.nanoTime(), "Asia/Shanghai");
		this.communityId = GlobalId.encode("Community", community);
		String phone = Clients.uniquePhone();
		Account admin = this.accounts.register(phone, "政策管理员", "policy-secret", "zh-CN");
		this.accounts.grant(admin.id(), Role.ADMINISTRATOR, community);
		this.administrator = Clients.signedIn(this.port, phone, "policy-secret");
	}

	@Test
	void anAdministratorSetsTheCommunitysCapsAndLimits() {
		this.administrator.document(UPDATE)
			.variable("input", input(180, 6000, 60, 200))
			.execute()
			.path("timeBankPolicyUpdate.userErrors").entityList(Object.class).hasSize(0)
			.path("timeBankPolicyUpdate.policy.dailyEarningCap").entity(Integer.class).isEqualTo(180);
		this.administrator.document("query($id: ID!) { node(id: $id) { ... on Community { timeBankPolicy { dailyEarningCap totalEarningCap giftMaxMinutes giftMonthlyMinutes } } } }")
			.variable("id", this.communityId)
			.execute()
			.path("node.timeBankPolicy.totalEarningCap").entity(Integer.class).isEqualTo(6000)
			.path("node.timeBankPolicy.giftMaxMinutes").entity(Integer.class).isEqualTo(60)
			.path("node.timeBankPolicy.giftMonthlyMinutes").entity(Integer.class).isEqualTo(200);
	}

	@Test
	void figuresOutOfRangeAreRefusedAndChangeNothing() {
		Map<String, Object> before = policy();
		this.administrator.document(UPDATE)
			.variable("input", input(0, null, 60, 200))
			.execute()
			.path("timeBankPolicyUpdate.policy").valueIsNull()
			.path("timeBankPolicyUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "dailyEarningCap");
		this.administrator.document(UPDATE)
			.variable("input", input(240, null, 120, 100))
			.execute()
			.path("timeBankPolicyUpdate.userErrors[0].field").entityList(String.class).containsExactly("input", "giftMonthlyMinutes");
		assertThat(policy()).isEqualTo(before);
	}

	@Test
	void onlyTheCommunitysAdministratorsMaySetItsRules() {
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(UPDATE)
			.variable("input", input(100, null, 10, 10))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	private Map<String, Object> input(int daily, Integer total, int giftMax, int giftMonthly) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityId", this.communityId);
		input.put("dailyEarningCap", daily);
		input.put("totalEarningCap", total);
		input.put("giftMaxMinutes", giftMax);
		input.put("giftMonthlyMinutes", giftMonthly);
		return input;
	}

	private Map<String, Object> policy() {
		return this.jdbc.sql("SELECT * FROM timebank_policy WHERE community_id = ?")
			.param(GlobalId.keyOf(this.communityId, "Community"))
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

}
