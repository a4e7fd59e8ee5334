package org.qibao.identity;

import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Gives controller methods an {@link Actor} parameter: the signed-in person, or null for an
 * anonymous request. It reads the same authentication as Spring's
 * {@code @AuthenticationPrincipal}, first from the request's thread and else from the reactive
 * context (a subscription's), but hands it over at once where it can: Spring's resolver always
 * wraps it in a {@code Mono}, which makes every such method run asynchronously, and the position
 * reports phones send every 15 s pay that on each report. {@link RequestActor} does the reading.
 */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
		return RequestActor.apply(Function.identity());
	}

}
