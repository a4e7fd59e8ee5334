package org.qibao.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.security.SchemaOperations.Operation;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing from the schema: every query and mutation of {@code schema/*.graphqls}, sent over HTTP to
 * the running application with hostile values for each argument ({@link HostileValues}), must be
 * answered cleanly: never an HTTP 5xx, never an {@code INTERNAL_ERROR}, no text of the answer that
 * repeats more than {@value FuzzAnswer#ECHO_BOUND} characters of the input, a validation error
 * when a required argument is null or missing, and an answer within 2 s.
 *
 * <p>jqwik runs these properties (its own JUnit Platform engine, beside Jupiter); the application
 * context is the cached one of every {@link QibaoTest}, reached through Spring's
 * {@link TestContextManager} as jqwik has no Spring extension of its own. On a failure jqwik prints
 * the smallest failing request and its {@code seed}; {@code @Property(seed = "...")} replays it
 * (docs/security.md, "Fuzzing from the schema").
 *
 * <p>Signed in, requests come from a fresh account made administrator of the demo community and
 * city for this class only (so rate limits and phone look-ups it uses up are no other test's), and
 * mutations never name a real object of the type they expect: they reach the resolvers and their
 * checks but cannot rename the demo community that later tests read. Mutations that end the
 * session ({@link #SESSION_ENDING}) are fuzzed anonymously only.
 */
@QibaoTest
class SchemaFuzzTests {

	/** Mutations that would sign the fuzzing administrator out or change their password. */
	static final Set<String> SESSION_ENDING = Set.of("accountSignOut", "accountPasswordChange", "accountDelete",
			"accountResetCodeUse");

	/** Operation/argument combinations with a known defect, excluded and printed; empty when none. */
	static final List<String> KNOWN_DEFECTS = List.of();

	/** Unknown invitation codes are counted per client address: the fuzzer's would lock out every later test. */
	private static final String WRONG_INVITATION_CODES = "throttle:invitation-code:*";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final GraphQLSchema SCHEMA = SchemaOperations.schema();

	private static int port;

	private static String token;

	private static Accounts accounts;

	private static Account fuzzer;

	private static StringRedisTemplate redis;

	private static HostileValues.RealIds realIds;

	/** How the requests of a run were answered, by operation and by error classification: printed at the end. */
	private static final Map<String, Integer> OPERATIONS_SENT = new java.util.concurrent.ConcurrentSkipListMap<>();

	private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

	private static final Map<String, String> EXAMPLES = new java.util.concurrent.ConcurrentSkipListMap<>();

	@BeforeContainer
	static void signInAFreshAdministrator() throws Exception {
		System.out.println("SchemaFuzzTests known defects (excluded): " + KNOWN_DEFECTS);
		ApplicationContext context = new TestContextManager(SchemaFuzzTests.class).getTestContext().getApplicationContext();
		port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		accounts = context.getBean(Accounts.class);
		redis = context.getBean(StringRedisTemplate.class);
		fuzzer = accounts.register(Clients.uniquePhone(), "模糊测试", Clients.DEMO_PASSWORD, "zh-CN");
		jdbc.queryForList("SELECT id FROM community", Long.class).forEach(id -> accounts.grant(fuzzer.id(), Role.ADMINISTRATOR, id));
		jdbc.queryForList("SELECT id FROM city", Long.class).forEach(id -> accounts.grant(fuzzer.id(), Role.CITY_ADMINISTRATOR, id));
		token = Clients.token(port, fuzzer.phone(), Clients.DEMO_PASSWORD);
		realIds = new HostileValues.RealIds(realIds(jdbc));
		// the first request of a run pays for warming up, not the property's time bound
		send(new Operation("query", SCHEMA.getQueryType().getFieldDefinition("me")), Map.of(), true);
	}

	/**
	 * Gives back what the run used up for everybody on this machine's address: the unknown
	 * invitation codes it tried (InvitationTests clears them the same way), so later tests may try theirs.
	 */
	@AfterContainer
	static void forgetTheWrongCodesTried() {
		if (redis != null) {
			redis.delete(redis.keys(WRONG_INVITATION_CODES));
		}
	}

	@AfterContainer
	static void retireTheAdministrator() {
		System.out.println("SchemaFuzzTests: " + OPERATIONS_SENT.size() + " of " + SchemaOperations.all(SCHEMA).size()
				+ " operations sent; outcomes " + OUTCOMES + "; requests per operation " + OPERATIONS_SENT);
		EXAMPLES.forEach((outcome, example) -> System.out.println("SchemaFuzzTests example of " + outcome + ": " + example));
		if (fuzzer != null) {
			accounts.rolesOf(fuzzer.id()).forEach(role -> accounts.revoke(fuzzer.id(), role.role(), role.scopeId()));
		}
	}

	private static Map<String, List<String>> realIds(JdbcTemplate jdbc) {
		Map<String, String> tables = Map.of("Community", "community", "City", "city", "Team", "team", "Grid", "grid",
				"Shift", "shift", "Merchant", "merchant", "Account", "account", "Offer", "merchant_offer", "CaseCategory",
				"case_category");
		Map<String, List<String>> ids = new LinkedHashMap<>();
		tables.forEach((type, table) -> ids.put(type, jdbc
			.queryForList("SELECT id FROM " + table + " ORDER BY id LIMIT 3", Long.class).stream()
			.map(key -> GlobalId.encode(type, key)).toList()));
		return ids;
	}

	@Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
	void aSignedInAdministratorsQueryWithHostileArgumentsIsAnsweredCleanly(@ForAll("signedInQueries") FuzzRequest request)
			throws Exception {
		check(request, true);
	}

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void aSignedInAdministratorsMutationWithHostileArgumentsIsAnsweredCleanly(@ForAll("signedInMutations") FuzzRequest request)
			throws Exception {
		check(request, true);
	}

	@Property(tries = 120, edgeCases = EdgeCasesMode.NONE)
	void anAnonymousRequestWithHostileArgumentsIsAnsweredCleanly(@ForAll("anonymousRequests") FuzzRequest request)
			throws Exception {
		check(request, false);
	}

	/**
	 * Each operation once, whatever the random ones above happened to pick, signed in but for the
	 * session-ending mutations. Its values are a sample, not shrunk: a failure shows the whole request.
	 */
	@Property(generation = GenerationMode.EXHAUSTIVE)
	void everyOperationWithHostileArgumentsIsAnsweredCleanly(@ForAll("everyOperation") Operation operation) throws Exception {
		boolean signedIn = !SESSION_ENDING.contains(operation.name());
		check(requests(List.of(operation), !operation.isMutation()).sample(), signedIn);
	}

	@Provide
	Arbitrary<Operation> everyOperation() {
		return Arbitraries.of(operations());
	}

	@Provide
	Arbitrary<FuzzRequest> signedInQueries() {
		return requests(operations().stream().filter(operation -> !operation.isMutation()).toList(), true);
	}

	@Provide
	Arbitrary<FuzzRequest> signedInMutations() {
		return requests(operations().stream()
			.filter(operation -> operation.isMutation() && !SESSION_ENDING.contains(operation.name()))
			.toList(), false);
	}

	@Provide
	Arbitrary<FuzzRequest> anonymousRequests() {
		return requests(operations(), false);
	}

	/** Every operation but the known defects', which are printed at the start of the run. */
	static List<Operation> operations() {
		return SchemaOperations.all(SCHEMA).stream().filter(operation -> !KNOWN_DEFECTS.contains(operation.name())).toList();
	}

	private static Arbitrary<FuzzRequest> requests(List<Operation> operations, boolean rightTypeRealIds) {
		HostileValues wellTyped = new HostileValues(realIds, rightTypeRealIds, true);
		HostileValues anyKind = new HostileValues(realIds, rightTypeRealIds, false);
		// three in four requests pass GraphQL's validation, to reach the resolvers with hostile content
		Arbitrary<HostileValues> kinds = Arbitraries.of(wellTyped, wellTyped, wellTyped, anyKind);
		return Combinators.combine(Arbitraries.of(operations), kinds).flatAs((operation, values) -> {
			List<GraphQLArgument> arguments = operation.arguments();
			if (arguments.isEmpty()) {
				return Arbitraries.just(new FuzzRequest(operation, Map.of()));
			}
			List<Arbitrary<Object>> perArgument = arguments.stream()
				.map(argument -> values.of(argument.getName(), argument.getType(), SchemaOperations.sizeLimit(argument), false, 0))
				.toList();
			return Combinators.combine(perArgument).as(list -> {
				Map<String, Object> variables = new LinkedHashMap<>();
				for (int i = 0; i < arguments.size(); i++) {
					if (list.get(i) != HostileValues.OMITTED) {
						variables.put(arguments.get(i).getName(), list.get(i));
					}
				}
				return new FuzzRequest(operation, variables);
			});
		});
	}

	private static void check(FuzzRequest request, boolean signedIn) throws Exception {
		FuzzAnswer answer = send(request.operation(), request.variables(), signedIn);
		OPERATIONS_SENT.merge(request.operation().name(), 1, Integer::sum);
		OUTCOMES.merge(answer.outcome(), 1, Integer::sum);
		EXAMPLES.putIfAbsent(answer.outcome(), answer.toString().substring(0, Math.min(300, answer.toString().length())));
		if (answer.millis() >= 2_000) {
			// a busy build machine may stall one request: slow twice in a row is the defect
			answer = send(request.operation(), request.variables(), signedIn);
		}
		assertThat(answer.status()).as("HTTP status of %s\nfor the request %s", answer, request).isLessThan(500);
		assertThat(answer.internalErrors()).as("INTERNAL_ERROR in %s\nfor the request %s", answer, request).isEmpty();
		assertThat(answer.echoes(request.variables())).as("echoed input in %s\nfor the request %s", answer, request).isEmpty();
		assertThat(answer.millis()).as("milliseconds to answer %s\nfor the request %s", answer, request).isLessThan(2_000);
		if (request.missesARequiredArgument()) {
			assertThat(answer.hasErrors())
				.as("a validation error for a missing required argument in %s\nfor the request %s", answer, request)
				.isTrue();
		}
	}

	private static FuzzAnswer send(Operation operation, Map<String, Object> variables, boolean signedIn) throws Exception {
		String body = FuzzJson.write(Map.of("query", operation.document(), "variables", variables));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signedIn) {
			request.header("Authorization", "Bearer " + token);
		}
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new FuzzAnswer(operation.toString(), response.statusCode(), response.body(), millis);
	}

	/** One generated request: an operation and the JSON of its variables. */
	record FuzzRequest(Operation operation, Map<String, Object> variables) {

		boolean missesARequiredArgument() {
			return operation.arguments().stream()
				.filter(argument -> argument.getType() instanceof GraphQLNonNull)
				.anyMatch(argument -> !variables.containsKey(argument.getName())
						|| variables.get(argument.getName()) == HostileValues.NULL);
		}

		@Override
		public String toString() {
			String json = FuzzJson.write(variables);
			return operation.document() + "  variables: " + (json.length() > 600 ? json.substring(0, 600) + "…(" + json.length() + " chars)" : json);
		}

	}

}
