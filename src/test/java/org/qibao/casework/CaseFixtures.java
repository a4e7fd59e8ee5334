package org.qibao.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People of the demo community Dongting and their cases, all through GraphQL. */
final class CaseFixtures {

	/** Inside grid DT-01, which the demo grid worker works. */
	static final Map<String, Object> IN_DT01 = Map.of("longitude", 114.3530, "latitude", 30.5675);

	/** Inside grid DT-03, which no grid worker works. */
	static final Map<String, Object> IN_DT03 = Map.of("longitude", 114.3560, "latitude", 30.5625);

	/** Some 250 m west of DT-01: outside every grid, but in the community's reach. */
	static final Map<String, Object> OUTSIDE_GRIDS = Map.of("longitude", 114.3475, "latitude", 30.5675);

	static final String CASE_FIELDS = """
			id stage version description anonymous dueAt overdue escalatedAt satisfaction rejection rejectionReason
			reporter { displayName } grid { code } category { serviceCode }
			handler { account { displayName } department { name } }
			duplicateOf { id } photos { id url } lastEvent { kind }""";

	static final String REPORT = "mutation($input: CaseReportInput!) { caseReport(input: $input) { case { "
			+ CASE_FIELDS + " } userErrors { code message field } } }";

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final int port;

	private final ApplicationContext context;

	CaseFixtures(ApplicationContext context, int port) {
		this.context = context;
		this.accounts = context.getBean(Accounts.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.port = port;
	}

	long dongtingKey() {
		return this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	String dongting() {
		return GlobalId.encode("Community", dongtingKey());
	}

	long gridKey(String code) {
		return this.jdbc.sql("SELECT id FROM grid WHERE code = ? AND community_id = ?")
			.params(code, dongtingKey())
			.query(Long.class)
			.single();
	}

	/**
	 * A community of its own, with one grid around DT-02's shape, for tests that leave many
	 * cases behind (so other tests' lists of Dongting's cases stay short).
	 */
	Neighbourhood neighbourhood() {
		Geography geography = this.context.getBean(Geography.class);
		String suffix = String.valueOf(System.nanoTime());
		long city = geography.createCity("测试市 " + suffix);
		long street = geography.createStreet(geography.createDistrict(city, "测试区"), "测试街道");
		long community = geography.createCommunity(street, "测试社区 " + suffix, "Asia/Shanghai");
		Grid grid = geography.createGrid(community, "T-01", "测试网格", """
				{"type":"Polygon","coordinates":[[[114.3560,30.5702],[114.3620,30.5698],[114.3618,30.5652],[114.3558,30.5650],[114.3560,30.5702]]]}""");
		return new Neighbourhood(community, grid.id());
	}

	/** The ID of a category of the community, by service code. */
	String category(HttpGraphQlTester client, String communityId, String serviceCode) {
		List<Map<String, Object>> categories = client.document(
				"query($c: ID!) { caseCategories(communityId: $c) { id serviceCode } }")
			.variable("c", communityId)
			.execute()
			.path("caseCategories")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		return categories.stream()
			.filter(c -> serviceCode.equals(c.get("serviceCode")))
			.map(c -> c.get("id").toString())
			.findFirst()
			.orElseThrow();
	}

	/** A new person of the neighbourhood with the role, signed in. */
	Person of(Neighbourhood neighbourhood, String name, Role role) {
		Person person = person(name);
		this.accounts.grant(person.account().id(), role,
				role == Role.GRID_WORKER ? neighbourhood.gridId() : neighbourhood.communityId());
		return person;
	}

	/** A community with one grid; the spot (114.3590, 30.5675) lies in the grid. */
	record Neighbourhood(long communityId, long gridId) {

		static final Map<String, Object> IN_GRID = Map.of("longitude", 114.3590, "latitude", 30.5675);

		String id() {
			return GlobalId.encode("Community", this.communityId);
		}

	}

	/** A new volunteer of Dongting, signed in. */
	Person volunteer(String name) {
		Person person = person(name);
		this.accounts.grant(person.account().id(), Role.VOLUNTEER, dongtingKey());
		return person;
	}

	/** A new grid worker of these grids of Dongting, signed in. */
	Person gridWorker(String name, String... grids) {
		Person person = person(name);
		for (String grid : grids) {
			this.accounts.grant(person.account().id(), Role.GRID_WORKER, gridKey(grid));
		}
		return person;
	}

	/** A new administrator of Dongting, signed in. */
	Person administrator(String name) {
		Person person = person(name);
		this.accounts.grant(person.account().id(), Role.ADMINISTRATOR, dongtingKey());
		return person;
	}

	Person person(String name) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, Clients.DEMO_PASSWORD, "zh-CN");
		return new Person(account, phone, Clients.signedIn(this.port, phone));
	}

	/** The ID of a Dongting category, by service code. */
	String category(HttpGraphQlTester client, String serviceCode) {
		return category(client, dongting(), serviceCode);
	}

	static Map<String, Object> reportInput(String categoryId, String description, Map<String, Object> position) {
		Map<String, Object> input = new HashMap<>();
		input.put("reportId", UUID.randomUUID().toString());
		input.put("categoryId", categoryId);
		input.put("description", description);
		input.put("position", position);
		return input;
	}

	static Map<String, Object> report(Person reporter, Map<String, Object> input) {
		return payload(reporter.client(), REPORT, input, "caseReport");
	}

	/** A new case in DT-01, reported by the person. */
	Map<String, Object> reported(Person reporter, String description) {
		return caseOf(report(reporter, reportInput(category(reporter.client(), "damaged-facility"), description, IN_DT01)));
	}

	/** Takes a step: {@code caseAccept}, {@code caseVerify}... with its input type. */
	static Map<String, Object> step(Person person, String mutation, String inputType, Map<String, Object> input) {
		return payload(person.client(), "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { case { "
				+ CASE_FIELDS + " } userErrors { code message field } } }", input, mutation);
	}

	static Map<String, Object> plainStep(Person person, String mutation, Map<String, Object> gridCase, String note) {
		Map<String, Object> input = new HashMap<>();
		input.put("caseId", gridCase.get("id"));
		input.put("expectedVersion", gridCase.get("version"));
		input.put("note", note);
		return step(person, mutation, "CaseStepInput", input);
	}

	static Map<String, Object> payload(HttpGraphQlTester client, String document, Map<String, Object> input,
			String field) {
		return client.document(document)
			.variable("input", input)
			.execute()
			.path(field)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> caseOf(Map<String, Object> payload) {
		Object found = payload.get("case");
		if (found == null) {
			throw new AssertionError("No case: " + payload.get("userErrors"));
		}
		return (Map<String, Object>) found;
	}

	@SuppressWarnings("unchecked")
	static String errorCode(Map<String, Object> payload) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
		return errors.isEmpty() ? null : errors.get(0).get("code").toString();
	}

	@SuppressWarnings("unchecked")
	static String errorMessage(Map<String, Object> payload) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
		return errors.isEmpty() ? null : errors.get(0).get("message").toString();
	}

	/** A photo the person uploaded and has not attached yet, as the upload leaves it. */
	String uploadedPhoto(Person person) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO case_photo (id, uploaded_by, uploaded_at, content_type, width, height, bytes)
				VALUES (?, ?, now(), 'image/jpeg', 1, 1, ?)""")
			.params(id, person.account().id(), new byte[] { (byte) 0xff, (byte) 0xd8 })
			.update();
		return id.toString();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	record Person(Account account, String phone, HttpGraphQlTester client) {

		String id() {
			return GlobalId.encode("Account", this.account.id());
		}

	}

}
