package org.qibao.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.security.AuthorisationMatrix.Entry;
import org.qibao.security.AuthorisationMatrix.Outcome;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each query, mutation and subscription: every operation of the schema has a line in
 * {@code authorisation-matrix.csv} (and every line an operation), and the lines are exercised against
 * the running application.
 */
@QibaoTest
class AuthorisationMatrixTests {

	/**
	 * Lines whose execution would show a known authorisation defect, not yet fixed: printed, not run.
	 * Keyed {@code operation caller}.
	 */
	private static final Set<String> KNOWN_DEFECTS = Set.of();

	/**
	 * Operations whose answer to a signed-in caller depends on the object the placeholder ID names:
	 * "not found" before they ask who calls when there is none, or an answer that turns on whose the
	 * object is (a case the caller can see answers with the workflow's user errors; a check-in is
	 * seen by its team's captains and its grids' workers) when the rest of the suite has made one.
	 * Their signed-in lines wait for a fixture that makes the object. Printed, not run.
	 */
	private static final Set<String> NEEDS_AN_EXISTING_OBJECT = Set.of("Mutation.invitationRevoke", "Mutation.ledgerCorrectionApprove", "Mutation.ledgerCorrectionRefuse",
			"Query.rosterImport", "Mutation.rosterImportApply", "Query.patrolTrack", "Mutation.caseAccept",
			"Mutation.caseReject", "Mutation.caseDispatch", "Mutation.caseStart", "Mutation.caseResolve",
			"Mutation.caseVerify", "Mutation.caseReopen", "Mutation.caseClose", "Mutation.caseExtensionRequest",
			"Mutation.caseExtensionDecide");

	@LocalServerPort
	int port;

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
			if (!"anonymous".equals(caller) && NEEDS_AN_EXISTING_OBJECT.contains(entry.operation())) {
				System.out.println("Authorisation matrix: needs an existing object, not run: " + line);
				continue;
			}
			OperationDocuments.Request request = existingObject(documents.request(entry.operation()), entry.operation());
			tests.add(DynamicTest.dynamicTest(line + " → " + expected,
					entry.operation().startsWith("Subscription.")
							? () -> SubscriptionOutcomes.assertOutcome(this.port, line, request, token, expected)
							: () -> assertOutcome(line, request, token, expected)));
		}
		return tests.stream();
	}

	/** The demo community's first badge in place of the placeholder, which names no badge. */
	@SuppressWarnings("unchecked")
	private OperationDocuments.Request existingObject(OperationDocuments.Request request, String operation) {
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
	 * A mutation a caller is allowed would change the demo community other tests rely on. Refusals
	 * change nothing; queries and subscriptions read.
	 */
	private static boolean executable(Entry entry, Outcome expected) {
		if (expected == Outcome.NOT_APPLICABLE) {
			return false;
		}
		return expected.refused() || !entry.operation().startsWith("Mutation.") || expected == Outcome.PUBLIC;
	}

	private void assertOutcome(String line, OperationDocuments.Request request, String token, Outcome expected) {
		WebTestClient.RequestBodySpec post = Clients.http(this.port).post().uri("/graphql");
		if (token != null) {
			post.header("Authorization", "Bearer " + token);
		}
		Map<String, Object> answer = post.bodyValue(Map.of("query", request.document(), "variables", request.variables()))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		List<String> classifications = classifications(answer);
		String context = line + ": " + request.document() + " " + request.variables() + " answered " + answer;
		assertThat(classifications).as(context).doesNotContain("INTERNAL_ERROR");
		if (expected.refused()) {
			assertThat(classifications).as(context).contains(expected.name());
		}
		else {
			assertThat(classifications).as(context).doesNotContain("UNAUTHORIZED", "FORBIDDEN");
		}
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
