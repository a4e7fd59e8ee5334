package org.qibao.shared;

import java.util.Locale;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Classifies a subscription's refusals as a query's are: a subscription method's checks run when
 * its stream starts, where Spring's resolvers for queries (Spring Security's, {@link GraphQlErrorAdvice})
 * do not reach, so a refusal came out as {@code INTERNAL_ERROR} "Subscription error". Anything not
 * named here still does, with nothing of it shown.
 */
@Component
class SubscriptionRefusals extends SubscriptionExceptionResolverAdapter {

	private final UserErrors userErrors;

	SubscriptionRefusals(UserErrors userErrors) {
		this.userErrors = userErrors;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof AuthenticationException) {
			return error(ErrorType.UNAUTHORIZED, "Unauthorized", Map.of());
		}
		if (ex instanceof AccessDeniedException) {
			return error(ErrorType.FORBIDDEN, "Forbidden", Map.of());
		}
		if (ex instanceof BusinessRuleException refusal) {
			// the subscription's stream no longer knows the request's language: the bundle's default
			UserError error = this.userErrors.of(refusal, Locale.ROOT);
			return error(ErrorType.BAD_REQUEST, error.message(), Map.of("code", error.code()));
		}
		if (ex instanceof UnavailableException unavailable) {
			// as a query answers it (GraphQlErrorAdvice): a client tells "try again shortly" from a fault
			return error(GraphQlErrorAdvice.UNAVAILABLE, this.userErrors.of(unavailable.code(), Locale.ROOT).message(),
					Map.of("code", unavailable.code()));
		}
		if (ex instanceof GlobalId.InvalidIdException || ex instanceof Connection.InvalidPageException) {
			return error(ErrorType.BAD_REQUEST, ex.getMessage(), Map.of());
		}
		return null;
	}

	private static GraphQLError error(graphql.ErrorClassification type, String message, Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(extensions).build();
	}

}
