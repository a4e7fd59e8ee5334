package org.qibao.identity;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * The {@link Actor} of the request a GraphQL data fetcher runs for, for data fetchers that are not
 * controller methods (those take an {@code Actor} parameter, see {@link ActorArgumentResolver}).
 */
public final class RequestActor {

	private RequestActor() {
	}

	/**
	 * What {@code work} gives for the request's actor (null for an anonymous request): at once where
	 * the request's thread holds its authentication (an HTTP request), else (a message over
	 * WebSocket) a {@code Mono} of it, which Spring for GraphQL waits for.
	 */
	public static Object apply(Function<Actor, ?> work) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null) {
			return work.apply(actorOf(authentication));
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.mapNotNull(RequestActor::actorOf)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.mapNotNull(actor -> work.apply(actor.orElse(null)));
	}

	static Actor actorOf(Authentication authentication) {
		return (authentication.getPrincipal() instanceof Actor actor) ? actor : null;
	}

}
