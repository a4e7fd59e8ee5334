package org.qibao.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.security.AuthorisationMatrix.Entry;
import org.qibao.security.AuthorisationMatrix.Outcome;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each query, mutation and subscription: every operation of the schema has a line in
 * {@code authorisation-matrix.csv} (and every line an operation), and the lines are exercised against
 * the running application. Operations whose answer turns on whose the object is act on real objects
 * made for each line ({@link ExistingObjects}); the others on the placeholder IDs of the demo's objects.
 */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

	/**
	 * Lines whose execution would show a known authorisation defect, not yet fixed: printed, not run.
	 * Keyed {@code operation caller}.
	 */
	private static final Set<String> KNOWN_DEFECTS = Set.of();

	@LocalServerPort
	int port;

	private GraphQlCalls calls;

	/** Made on first use, once the application runs; one set for every caller of the class's tests. */
	private ExistingObjects objects;

	@Test
	void everyOperationOfTheSchemaHasALineInTheMatrixAndEveryLineAnOperation() throws IOException {
		List<String> operations = OperationDocuments.load().operations();
		Set<String> entries = AuthorisationMatrix.load().entries().keySet();
		Set<String> missing = new TreeSet<>(operations);
		missing.removeAll(entries);
		Set<String> stale = new TreeSet<>(entries);
		stale.removeAll(operations);
		assertThat(missing).as("operations without a line in authorisation-matrix.csv").isEmpty();
		assertThat(stale).as("lines of authorisation-matrix.csv naming no operation of the schema").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> anAnonymousCallerMeetsWhatTheMatrixSays() throws IOException {
		return callers("anonymous", null);
	}

	/**
	 * The demo community's people, one for each column they can play. The placeholder IDs (key 1) name
	 * the demo community, its first team, grid and merchant (the barber's), so "own" is theirs; the
	 * supermarket's staff plays a merchant's staff calling on another merchant.
	 */
	private static final Map<String, String> DEMO_CALLERS = new LinkedHashMap<>();

	static {
		DEMO_CALLERS.put("volunteer", Clients.VOLUNTEER_PHONE);
		DEMO_CALLERS.put("captain-own", Clients.CAPTAIN_PHONE);
		DEMO_CALLERS.put("grid-worker-own", "13900000002");
		DEMO_CALLERS.put("administrator-own", Clients.ADMINISTRATOR_PHONE);
		DEMO_CALLERS.put("merchant-own", "13900000010");
		DEMO_CALLERS.put("merchant-other", "13900000011");
		DEMO_CALLERS.put("city-administrator", "13900000012");
	}

	@Autowired
	ApplicationContext context;

	@BeforeAll
	void calls() {
		this.calls = new GraphQlCalls(this.port);
	}

	private ExistingObjects objects() {
		if (this.objects == null) {
			this.objects = new ExistingObjects(this.context, this.port);
		}
		return this.objects;
	}

	@AfterAll
	void closeObjects() {
		if (this.objects != null) {
			this.objects.close();
		}
	}

	@TestFactory
	Stream<DynamicTest> eachDemoCallerMeetsWhatTheMatrixSays() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, String> caller : DEMO_CALLERS.entrySet()) {
			callers(caller.getKey(), caller.getValue()).forEach(tests::add);
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> theSameRolesElsewhereMeetWhatTheMatrixSays() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, String> caller : new Elsewhere(this.context).callers().entrySet()) {
			callers(caller.getKey(), caller.getValue()).forEach(tests::add);
		}
		return tests.stream();
	}

	private Stream<DynamicTest> callers(String caller, String phone) throws IOException {
		OperationDocuments documents = OperationDocuments.load();
		String token = phone == null ? null : Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		List<DynamicTest> tests = new ArrayList<>();
		for (Entry entry : AuthorisationMatrix.load().entries().values()) {
			Outcome expected = entry.of(caller);
			String line = entry.operation() + " " + caller;
			if (!executable(entry, expected)) {
				continue;
			}
			if (KNOWN_DEFECTS.contains(line)) {
				System.out.println("Authorisation matrix: known defect, not run: " + line);
				continue;
			}
			OperationDocuments.Request request = withTheDemoBadge(documents.request(entry.operation()), entry.operation());
			tests.add(DynamicTest.dynamicTest(line + " → " + expected,
					entry.operation().startsWith("Subscription.")
							? () -> SubscriptionOutcomes.assertOutcome(this.port, line, request, token, expected)
							: objects().makes(entry.operation())
									? () -> assertOutcomeOnItsOwnObject(line, entry.operation(), request.document(), token, expected)
									: () -> assertOutcome(line, request, token, expected)));
		}
		return tests.stream();
	}

	/** The demo community's first badge in place of the placeholder, which names no badge. */
	@SuppressWarnings("unchecked")
	private OperationDocuments.Request withTheDemoBadge(OperationDocuments.Request request, String operation) {
		if (!operation.equals("Mutation.badgeUpdate")) {
			return request;
		}
		long badge = this.context.getBean(JdbcClient.class)
			.sql("SELECT min(id) FROM badge WHERE community_id = 1")
			.query(Long.class)
			.single();
		Map<String, Object> input = new LinkedHashMap<>((Map<String, Object>) request.variables().get("input"));
		input.put("badgeId", GlobalId.encode("Badge", badge));
		return new OperationDocuments.Request(request.document(), Map.of("input", input));
	}

	/**
	 * A mutation a caller is allowed would change the demo community other tests rely on, unless it
	 * acts on an object made for it. Refusals change nothing; queries and subscriptions read.
	 */
	private boolean executable(Entry entry, Outcome expected) {
		if (expected == Outcome.NOT_APPLICABLE) {
			return false;
		}
		return expected.refused() || !entry.operation().startsWith("Mutation.") || expected == Outcome.PUBLIC
				|| objects().makes(entry.operation());
	}

	private void assertOutcome(String line, OperationDocuments.Request request, String token, Outcome expected) {
		Map<String, Object> answer = this.calls.answer(token, request.document(), request.variables());
		String context = line + ": " + request.document() + " " + request.variables() + " answered " + answer;
		assertThat(classifications(answer)).as(context).doesNotContain("INTERNAL_ERROR");
		if (expected.refused()) {
			assertRefused(answer, line, expected, context);
		}
		else {
			assertThat(classifications(answer)).as(context).doesNotContain("UNAUTHORIZED", "FORBIDDEN");
		}
	}

	/**
	 * The line's request names a real object made for it alone. Refused, the object is as it was;
	 * allowed, the request is answered without any error and a mutation changes the object.
	 */
	private void assertOutcomeOnItsOwnObject(String line, String operation, String document, String token,
			Outcome expected) {
		ExistingObject object = objects().make(operation);
		Object before = object.state().get();
		Map<String, Object> answer = this.calls.answer(token, document, object.variables());
		String context = line + ": " + document + " " + object.variables() + " answered " + answer;
		if (expected.refused()) {
			assertThat(classifications(answer)).as(context).doesNotContain("INTERNAL_ERROR");
			assertRefused(answer, line, expected, context);
			assertThat(object.state().get()).as(context + "; the object after the refusal").isEqualTo(before);
			objects().untouched(operation, object);
			return;
		}
		assertThat(classifications(answer)).as(context).isEmpty();
		assertThat(userErrors(answer, line)).as(context).isEmpty();
		Object result = ((Map<?, ?>) answer.get("data")).get(field(line));
		assertThat(result).as(context).isNotNull();
		if (result instanceof List<?> list) {
			assertThat(list).as(context + " (the track's position)").isNotEmpty();
		}
		if (operation.startsWith("Mutation.")) {
			assertThat(object.state().get()).as(context + "; the object after the change").isNotEqualTo(before);
		}
	}

	private static void assertRefused(Map<String, Object> answer, String line, Outcome expected, String context) {
		if (expected == Outcome.NOT_ALLOWED) {
			assertThat(classifications(answer)).as(context).isEmpty();
			assertThat(userErrors(answer, line)).as(context).containsExactly("NOT_ALLOWED");
		}
		else {
			assertThat(classifications(answer)).as(context).contains(expected.name());
		}
	}

	/** The codes of the payload's user errors, for an operation whose result has them. */
	@SuppressWarnings("unchecked")
	private static List<String> userErrors(Map<String, Object> answer, String line) {
		Map<String, Object> data = (Map<String, Object>) answer.get("data");
		Object result = data == null ? null : data.get(field(line));
		if (!(result instanceof Map<?, ?> payload) || !(payload.get("userErrors") instanceof List<?> errors)) {
			return List.of();
		}
		return errors.stream().map(error -> String.valueOf(((Map<String, Object>) error).get("code"))).toList();
	}

	/** {@code caseAccept} of the line {@code Mutation.caseAccept volunteer}. */
	private static String field(String line) {
		return line.substring(line.indexOf('.') + 1, line.indexOf(' '));
	}

	@SuppressWarnings("unchecked")
	private static List<String> classifications(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getOrDefault("errors", List.of());
		return errors.stream()
			.map(error -> (Map<String, Object>) error.getOrDefault("extensions", Map.of()))
			.map(extensions -> String.valueOf(extensions.get("classification")))
			.toList();
	}

}
