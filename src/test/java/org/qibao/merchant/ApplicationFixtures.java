package org.qibao.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.shared.GlobalId;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People who apply for shops, their applications and the administrator's decisions, all through GraphQL. */
final class ApplicationFixtures {

	static final String APPLY = """
			mutation($input: MerchantApplyInput!) {
			  merchantApply(input: $input) {
			    merchant { id name category address status location { longitude latitude }
			               application { contactPhone appliedAt decidedAt rejectionReason applicant { displayName } } }
			    userErrors { code message field }
			  }
			}""";

	static final String STAFF_ADD = """
			mutation($input: MerchantStaffAddInput!) {
			  merchantStaffAdd(input: $input) { merchant { id } userErrors { code message field } }
			}""";

	static final String STAFF_REMOVE = """
			mutation($input: MerchantStaffRemoveInput!) {
			  merchantStaffRemove(input: $input) { merchant { id } userErrors { code message field } }
			}""";

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final int port;

	private HttpGraphQlTester administrator;

	ApplicationFixtures(org.springframework.context.ApplicationContext context, int port) {
		this.accounts = context.getBean(Accounts.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.port = port;
	}

	String dongting() {
		return GlobalId.encode("Community",
				this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single());
	}

	/** A new account without any role, signed in. */
	Person person(String name) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, Clients.DEMO_PASSWORD, "zh-CN");
		return new Person(account, phone, Clients.signedIn(this.port, phone));
	}

	HttpGraphQlTester administrator() {
		if (this.administrator == null) {
			this.administrator = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE);
		}
		return this.administrator;
	}

	/** A valid application for a shop in Dongting's first grid, with a name no other test uses. */
	Map<String, Object> shop(String name) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("communityId", dongting());
		input.put("name", name + " " + System.nanoTime());
		input.put("category", "BARBER");
		input.put("address", "武昌区东亭路 18 号");
		input.put("location", Map.of("longitude", 114.3531, "latitude", 30.5675));
		input.put("contactPhone", "+86 027-8888 6666");
		return input;
	}

	static Map<String, Object> apply(Person person, Map<String, Object> input) {
		return payload(person.client(), APPLY, input, "merchantApply");
	}

	/** An approved shop owned by the person. */
	String approvedShop(Person owner) {
		String id = merchantId(apply(owner, shop("测试申请店")));
		decide("merchantApprove", id);
		return id;
	}

	Map<String, Object> decide(String mutation, String merchantId) {
		return payload(administrator(), "mutation($input: MerchantInput!) { " + mutation
				+ "(input: $input) { merchant { id status } userErrors { code message field } } }",
				Map.of("merchantId", merchantId), mutation);
	}

	Map<String, Object> reject(String merchantId, String reason) {
		return payload(administrator(), """
				mutation($input: MerchantRejectInput!) {
				  merchantReject(input: $input) { merchant { id status application { rejectionReason } } userErrors { code field } }
				}""", Map.of("merchantId", merchantId, "reason", reason), "merchantReject");
	}

	static Map<String, Object> addStaff(HttpGraphQlTester owner, String merchantId, String phone) {
		return payload(owner, STAFF_ADD, Map.of("merchantId", merchantId, "phone", phone), "merchantStaffAdd");
	}

	static Map<String, Object> removeStaff(HttpGraphQlTester owner, String merchantId, Account staff) {
		return payload(owner, STAFF_REMOVE,
				Map.of("merchantId", merchantId, "accountId", GlobalId.encode("Account", staff.id())), "merchantStaffRemove");
	}

	String status(String merchantId) {
		return this.jdbc.sql("SELECT status FROM merchant WHERE id = ?")
			.param(GlobalId.keyOf(merchantId, "Merchant"))
			.query(String.class)
			.single();
	}

	long merchantCount() {
		return this.jdbc.sql("SELECT count(*) FROM merchant").query(Long.class).single();
	}

	static Map<String, Object> payload(HttpGraphQlTester client, String document, Map<String, Object> input, String field) {
		return client.document(document)
			.variable("input", input)
			.execute()
			.path(field)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	static String merchantId(Map<String, Object> payload) {
		Object merchant = payload.get("merchant");
		if (merchant == null) {
			throw new AssertionError("No merchant: " + payload.get("userErrors"));
		}
		return ((Map<String, Object>) merchant).get("id").toString();
	}

	@SuppressWarnings("unchecked")
	static String errorCode(Map<String, Object> payload) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
		return errors.isEmpty() ? null : errors.get(0).get("code").toString();
	}

	record Person(Account account, String phone, HttpGraphQlTester client) {
	}

}
