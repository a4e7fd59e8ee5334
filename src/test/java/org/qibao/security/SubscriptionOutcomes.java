package org.qibao.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.qibao.security.AuthorisationMatrix.Outcome;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A matrix line of a subscription, run over WebSocket: a refusal arrives as the subscription's error;
 * an allowed caller's subscription stays open (or ends with an error that is not a refusal).
 */
final class SubscriptionOutcomes {

	/** How long an allowed subscription must stay unrefused. */
	private static final Duration OPEN_FOR = Duration.ofSeconds(2);

	private SubscriptionOutcomes() {
	}

	static void assertOutcome(int port, String line, OperationDocuments.Request request, String token, Outcome expected) {
		WebSocketGraphQlClient client = client(port, token);
		try {
			List<String> classifications = classifications(client, request, expected);
			String context = line + ": " + request.document() + " " + request.variables() + " answered " + classifications;
			assertThat(classifications).as(context).doesNotContain("INTERNAL_ERROR");
			if (expected.refused()) {
				assertThat(classifications).as(context).contains(expected.name());
			}
			else {
				assertThat(classifications).as(context).doesNotContain("UNAUTHORIZED", "FORBIDDEN");
			}
		}
		finally {
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	private static List<String> classifications(WebSocketGraphQlClient client, OperationDocuments.Request request,
			Outcome expected) {
		var updates = client.document(request.document()).variables(request.variables()).executeSubscription();
		try {
			if (expected.refused()) {
				// the refusal is the first message; a first socket of the run takes a while to open
				updates.blockFirst(Duration.ofSeconds(10));
			}
			else {
				updates.take(OPEN_FOR).blockLast(OPEN_FOR.plusSeconds(10));
			}
			return List.of();
		}
		catch (SubscriptionErrorException error) {
			return error.getErrors().stream().map(ResponseError::getErrorType).map(String::valueOf).toList();
		}
		catch (IllegalStateException stillOpen) {
			return List.of();
		}
	}

	private static WebSocketGraphQlClient client(int port, String token) {
		WebSocketGraphQlClient.Builder<?> builder = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			});
		}
		return builder.build();
	}

}
