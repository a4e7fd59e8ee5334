package org.qibao.shared;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns the shared kernel's exceptions into typed GraphQL errors. Anything not handled here
 * or by Spring Security's resolver reaches the client only as an opaque internal error.
 */
@ControllerAdvice
class GraphQlErrorAdvice {

	static final graphql.ErrorClassification TOO_MANY_REQUESTS = graphql.ErrorClassification.errorClassification("TOO_MANY_REQUESTS");

	/** A store the feature needs is unreachable just now: not a refusal, not a fault; try again shortly. */
	static final graphql.ErrorClassification UNAVAILABLE = graphql.ErrorClassification.errorClassification("UNAVAILABLE");

	private final UserErrors userErrors;

	GraphQlErrorAdvice(UserErrors userErrors) {
		this.userErrors = userErrors;
	}

	/** A business rule refused a query's arguments: a bad request, with the rule's code. */
	@GraphQlExceptionHandler
	GraphQLError refused(BusinessRuleException ex, DataFetchingEnvironment env) {
		UserError error = this.userErrors.of(ex, env.getLocale());
		return graphql.GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.BAD_REQUEST)
			.message(error.message())
			.extensions(java.util.Map.of("code", error.code()))
			.build();
	}

	/** A person called a mutation too often: nothing was done; the extensions say when to try again. */
	@GraphQlExceptionHandler
	GraphQLError rateLimited(RateLimitedException ex, DataFetchingEnvironment env) {
		return graphql.GraphqlErrorBuilder.newError(env)
			.errorType(TOO_MANY_REQUESTS)
			.message(ex.getMessage())
			.extensions(java.util.Map.of("retryAfterSeconds", Math.max(1, ex.retryAfter().toSeconds())))
			.build();
	}

	/** A live map query while Redis is unreachable, say: a typed error instead of an empty answer that looks like "nobody". */
	@GraphQlExceptionHandler
	GraphQLError unavailable(UnavailableException ex, DataFetchingEnvironment env) {
		return graphql.GraphqlErrorBuilder.newError(env)
			.errorType(UNAVAILABLE)
			.message(this.userErrors.of(ex.code(), env.getLocale()).message())
			.extensions(java.util.Map.of("code", ex.code()))
			.build();
	}

	@GraphQlExceptionHandler
	GraphQLError invalidId(GlobalId.InvalidIdException ex, DataFetchingEnvironment env) {
		return graphql.GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
	}

	@GraphQlExceptionHandler
	GraphQLError invalidPage(Connection.InvalidPageException ex, DataFetchingEnvironment env) {
		return graphql.GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
	}

}
