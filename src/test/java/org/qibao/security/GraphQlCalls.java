package org.qibao.security;

import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphQL requests over HTTP as a caller (a bearer token, or none), answered as the whole JSON answer. */
final class GraphQlCalls {

	private final int port;

	GraphQlCalls(int port) {
		this.port = port;
	}

	/** The whole answer: {@code data}, and {@code errors} when there are any. */
	Map<String, Object> answer(String token, String document, Map<String, Object> variables) {
		WebTestClient.RequestBodySpec post = Clients.http(this.port).post().uri("/graphql");
		if (token != null) {
			post.header("Authorization", "Bearer " + token);
		}
		return post.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The field of a call that must succeed (no error, no user error), for the steps that make an
	 * object: a fixture that cannot make its object fails there, not in the line that uses it.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> succeeded(String token, String document, Map<String, Object> variables, String field) {
		Map<String, Object> answer = answer(token, document, variables);
		Map<String, Object> data = (Map<String, Object>) answer.get("data");
		Map<String, Object> payload = data == null ? null : (Map<String, Object>) data.get(field);
		List<?> userErrors = payload == null ? null : (List<?>) payload.getOrDefault("userErrors", List.of());
		if (answer.containsKey("errors") || payload == null || !userErrors.isEmpty()) {
			throw new AssertionError("Could not make the object: " + document + " " + variables + " answered " + answer);
		}
		return payload;
	}

}
