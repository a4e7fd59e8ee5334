package org.qibao.pair;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.Driver;
import org.qibao.shared.GlobalId;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two running instances of the built jar on one PostgreSQL and one Redis, started by
 * {@code .ci/two-instances.sh}: their addresses ({@code qibao.pair.urls}, comma-separated) and
 * their database ({@code qibao.pair.jdbc-url}, {@code .username}, {@code .password}), which the
 * suite reads to check effects and writes only to move a deadline into the past. Fixtures are the
 * demo community the first instance loaded, and people invited into it through the API.
 */
final class Pair {

	static final String URLS = "qibao.pair.urls";

	static final String DEMO_PASSWORD = "qibao2026";

	static final String ADMINISTRATOR = "13900000001";

	static final String GRID_WORKER = "13900000002";

	static final String CAPTAIN = "13900000003";

	static final String BARBER_STAFF = "13900000010";

	/** Well inside grid DT-01. */
	static final Map<String, Object> IN_DT01 = Map.of("longitude", 114.3530, "latitude", 30.5675);

	/** What an instance must see a change made on the other within (told through Redis; generous for a busy machine). */
	static final Duration ACROSS = Duration.ofSeconds(5);

	/** How long a job may take to come round on a busy machine (each runs every 2 s on the pair). */
	static final Duration JOB_PATIENCE = Duration.ofSeconds(60);

	private static final JdbcClient JDBC = JdbcClient.create(new SimpleDriverDataSource(new Driver(),
			System.getProperty("qibao.pair.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/qibao_pair"),
			System.getProperty("qibao.pair.jdbc-username", "postgres"),
			System.getProperty("qibao.pair.jdbc-password", "")));

	private Pair() {
	}

	/** The first instance. */
	static String a() {
		return urls().get(0);
	}

	/** The second instance. */
	static String b() {
		return urls().get(1);
	}

	private static List<String> urls() {
		List<String> urls = List.of(System.getProperty(URLS, "").split(","));
		if (urls.size() != 2) {
			throw new IllegalStateException(URLS + " must name two instances: " + urls);
		}
		return urls;
	}

	static JdbcClient jdbc() {
		return JDBC;
	}

	static WebTestClient http(String instance) {
		return WebTestClient.bindToServer().baseUrl(instance).responseTimeout(Duration.ofSeconds(60)).build();
	}

	static HttpGraphQlTester anonymous(String instance) {
		return HttpGraphQlTester.create(http(instance).mutate().baseUrl(instance + "/graphql").build());
	}

	static HttpGraphQlTester withToken(String instance, String token) {
		return anonymous(instance).mutate().header("Authorization", "Bearer " + token).build();
	}

	static String token(String instance, String phone, String password) {
		return anonymous(instance).document("""
				mutation($input: AccountLoginInput!) { accountLogin(input: $input) { token userErrors { code } } }""")
			.variable("input", Map.of("phone", phone, "password", password))
			.execute()
			.path("accountLogin.token")
			.entity(String.class)
			.get();
	}

	static String demoToken(String instance, String phone) {
		return token(instance, phone, DEMO_PASSWORD);
	}

	/** The HTTP status of a signed-in request: 401 once the token is ended. */
	static int status(String instance, String token) {
		return http(instance).post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	/** A mutation's payload, failing on any error or user error. */
	static Map<String, Object> must(GraphQlTester client, String document, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = client.document(document).variable("input", input).execute();
		response.errors().verify();
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response.path(mutation).entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	static long dongting() {
		return JDBC.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	static String community() {
		return GlobalId.encode("Community", dongting());
	}

	static String grid(String code) {
		return GlobalId.encode("Grid", JDBC.sql("SELECT id FROM grid WHERE code = ? AND community_id = ?")
			.params(code, dongting())
			.query(Long.class)
			.single());
	}

	static String team() {
		return GlobalId.encode("Team",
				JDBC.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single());
	}

	static long key(String globalId) {
		return GlobalId.decode(globalId).key();
	}

	/** A phone number no other test of the run uses. */
	static String newPhone() {
		return "1" + String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000L));
	}

	// People, invited through the API as the community office would

	static final String PASSWORD = "pair-test-2026";

	private static final String INVITE = """
			mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) { code userErrors { code message } } }""";

	private static final String ACCEPT = """
			mutation($input: InvitationAcceptInput!) { invitationAccept(input: $input) {
			  token account { id } userErrors { code message } } }""";

	private static volatile String administratorToken;

	/** Someone with an account, signed in on one phone. */
	record Person(String phone, String name, long accountId, String token) {

		HttpGraphQlTester on(String instance) {
			return withToken(instance, this.token);
		}

	}

	/**
	 * A new volunteer of Dongting and member of 七宝巡逻队: invited by the community administrator
	 * on the first instance, joining on the second.
	 */
	static Person invitedVolunteer(String name) {
		String phone = newPhone();
		Map<String, Object> invitation = must(withToken(a(), administrator()), INVITE, "invitationCreate",
				Map.of("communityId", community(), "teamId", team(), "phone", phone, "displayName", name));
		Map<String, Object> joined = must(anonymous(b()), ACCEPT, "invitationAccept",
				Map.of("code", invitation.get("code"), "password", PASSWORD));
		String accountId = (String) ((Map<?, ?>) joined.get("account")).get("id");
		return new Person(phone, name, key(accountId), (String) joined.get("token"));
	}

	private static String administrator() {
		if (administratorToken == null) {
			administratorToken = demoToken(a(), ADMINISTRATOR);
		}
		return administratorToken;
	}

	// A shift on now, in DT-01

	private static final String SHIFT_CREATE = """
			mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id } userErrors { code message } } }""";

	private static final String SIGN_UP = """
			mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { signup { status } userErrors { code message } } }""";

	private static final String CHECK_IN = """
			mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) { checkIn { id } userErrors { code message } } }""";

	static final String CHECK_OUT = """
			mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) { checkIn { id } userErrors { code message } } }""";

	/** A shift of 七宝巡逻队 in DT-01 that began five minutes ago and lasts an hour, made by the captain on the instance. */
	static String shiftOnNow(String instance) {
		java.time.Instant start = java.time.Instant.now().minus(Duration.ofMinutes(5));
		Map<String, Object> created = must(withToken(instance, demoToken(instance, CAPTAIN)), SHIFT_CREATE, "shiftCreate",
				Map.of("teamId", team(), "gridIds", List.of(grid("DT-01")), "startsAt", start.toString(), "endsAt",
						start.plus(Duration.ofHours(1)).toString(), "minPatrollers", 1, "maxPatrollers", 7));
		return (String) ((Map<?, ?>) created.get("shift")).get("id");
	}

	/** Signs the volunteer up on one instance and checks in on the spot on the other; the check-in's ID. */
	static String signedUpAndCheckedIn(Person volunteer, String shiftId, String signUpOn, String checkInOn) {
		must(volunteer.on(signUpOn), SIGN_UP, "shiftSignUp", Map.of("shiftId", shiftId));
		Map<String, Object> checkedIn = must(volunteer.on(checkInOn), CHECK_IN, "shiftCheckIn", onTheSpot(shiftId));
		return (String) ((Map<?, ?>) checkedIn.get("checkIn")).get("id");
	}

	static Map<String, Object> onTheSpot(String shiftId) {
		return Map.of("shiftId", shiftId, "position", IN_DT01, "accuracy", 10.0);
	}

}
