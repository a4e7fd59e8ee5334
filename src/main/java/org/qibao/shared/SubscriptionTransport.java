package org.qibao.shared;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.qibao.shared.GraphQlConventions.QueryLimitException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/**
 * Lets a subscription run only where its events can be sent: over WebSocket (graphql-transport-ws)
 * or server-sent events. Over a plain HTTP request Spring for GraphQL has only one answer to give,
 * and wrote the stream's Java object into it ({@code upstreamPublisher}); such a request is refused
 * as a bad request before anything runs. Streaming requests are marked on their way in, so the far
 * more common plain requests cost nothing.
 */
final class SubscriptionTransport extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	private static final String STREAMING = SubscriptionTransport.class.getName() + ".streaming";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest || acceptsEvents(request)) {
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(STREAMING, true)).build());
		}
		return chain.next(request);
	}

	/** A plain look at the header: parsing it into media types on every position report costs more than it tells. */
	private static boolean acceptsEvents(WebGraphQlRequest request) {
		String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
				&& !context.getGraphQLContext().getBoolean(STREAMING, false)) {
			throw new QueryLimitException("BAD_REQUEST",
					"Subscriptions need the WebSocket endpoint (graphql-transport-ws at /graphql) or server-sent events");
		}
		return null;
	}

}
