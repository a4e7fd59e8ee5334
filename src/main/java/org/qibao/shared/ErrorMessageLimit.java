package org.qibao.shared;

import java.util.List;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Shortens any error message past {@value #MAX_MESSAGE} characters, whoever wrote it. Qibao's own
 * messages quote at most the start of an input ({@link InputText#echo}), but graphql-java's
 * validation messages quote names and values whole: a field name of a megabyte came back in its
 * "is undefined" error. Answers without errors, nearly all, pass untouched.
 */
@Component
class ErrorMessageLimit implements WebGraphQlInterceptor {

	static final int MAX_MESSAGE = 300;

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(ErrorMessageLimit::shortened);
	}

	private static WebGraphQlResponse shortened(WebGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		if (errors.isEmpty() || errors.stream().allMatch(e -> e.getMessage() == null || e.getMessage().length() <= MAX_MESSAGE)) {
			return response;
		}
		List<GraphQLError> shortened = errors.stream().map(ErrorMessageLimit::shortened).toList();
		return response.transform(answer -> answer.errors(shortened));
	}

	private static GraphQLError shortened(ResponseError error) {
		String message = error.getMessage();
		if (message != null && message.length() > MAX_MESSAGE) {
			message = message.substring(0, MAX_MESSAGE) + "…";
		}
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.errorType(error.getErrorType())
			.extensions(error.getExtensions());
		if (!error.getParsedPath().isEmpty()) {
			builder.path(error.getParsedPath());
		}
		return builder.build();
	}

}
