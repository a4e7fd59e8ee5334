package org.qibao.location;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A live map query while Redis is unreachable gets a typed error (classification
 * {@code UNAVAILABLE}) instead of an empty map that would look like nobody is patrolling.
 */
@ControllerAdvice
class LocationErrorAdvice {

	static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	private final UserErrors userErrors;

	LocationErrorAdvice(UserErrors userErrors) {
		this.userErrors = userErrors;
	}

	@GraphQlExceptionHandler
	GraphQLError unavailable(LiveMapUnavailableException ex, DataFetchingEnvironment env) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(UNAVAILABLE)
			.message(this.userErrors.of("LIVE_MAP_UNAVAILABLE", env.getLocale()).message())
			.extensions(Map.of("code", "LIVE_MAP_UNAVAILABLE"))
			.build();
	}

}
