package org.qibao.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.reactivestreams.Publisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

/**
 * Puts each rate-limited mutation ({@link RateLimits}) behind a count per person, at the edge,
 * so no module has to remember it: a call over the limit is refused with
 * {@link RateLimitedException} (TOO_MANY_REQUESTS) and the mutation does not run. The person is
 * the request's authentication (its name is the account ID); anonymous calls are left to the
 * mutation, which refuses them. Over HTTP the authentication is on the request's thread and the
 * check costs nothing more; over WebSocket it is read from the subscription's reactive context.
 */
final class RateLimitedMutations extends GraphQLTypeVisitorStub {

	private final Map<String, RateLimits.Limit> limits;

	private final StringRedisTemplate redis;

	private final InProcessWindows local;

	RateLimitedMutations(RateLimits limits, StringRedisTemplate redis) {
		this.limits = limits.rateLimits();
		this.redis = redis;
		this.local = new InProcessWindows(longest(limits));
	}

	@Override
	public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
			TraverserContext<GraphQLSchemaElement> context) {
		RateLimits.Limit limit = this.limits.get(field.getName());
		if (limit != null && context.getParentNode() instanceof GraphQLFieldsContainer parent
				&& "Mutation".equals(parent.getName())) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> mutation = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, new Limited(field.getName(), limit, gate(field.getName(), limit), mutation));
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * Counts a person's call of one mutation: in Redis through a {@link Throttle} (one rule for every
	 * shared window count, with its fallback while Redis is away), or in this instance's memory.
	 */
	private Gate gate(String mutation, RateLimits.Limit limit) {
		if (limit.inProcess()) {
			return (person, occasion) -> {
				InProcessWindows.Count count = this.local.increment(mutation + ":" + person, limit.per());
				return (count.calls() > limit.requests()) ? count.left() : null;
			};
		}
		Throttle throttle = new Throttle(this.redis, "rate:" + mutation, limit.requests(), limit.per());
		return (person, occasion) -> {
			Throttle.Attempt attempt = occasion == null ? throttle.attempt(person) : throttle.attempt(person, occasion);
			return attempt.taken() ? null : attempt.windowLeft();
		};
	}

	/**
	 * Counts one call of a person; null when it may go ahead, else how long until it may. A call
	 * with an occasion (its input's idempotency key) counts once however often it is retried.
	 */
	@FunctionalInterface
	private interface Gate {

		Duration refused(String person, String occasion);

	}

	/** Input fields that name one request however often it is sent. */
	private static final List<String> OCCASION_FIELDS = List.of("idempotencyKey", "reportId");

	private record Limited(String mutation, RateLimits.Limit limit, Gate gate, DataFetcher<?> delegate)
			implements DataFetcher<Object> {

		@Override
		public Object get(DataFetchingEnvironment environment) throws Exception {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String occasion = occasion(environment);
			if (authentication != null) {
				count(authentication, occasion);
				return this.delegate.get(environment);
			}
			return ReactiveSecurityContextHolder.getContext()
				.mapNotNull(SecurityContext::getAuthentication)
				.doOnNext(person -> count(person, occasion))
				.then(Mono.defer(() -> call(environment)));
		}

		/** The input's idempotency key, or the ID a phone gave its report: what a retry repeats. */
		private static String occasion(DataFetchingEnvironment environment) {
			if (!(environment.getArgument("input") instanceof Map<?, ?> input)) {
				return null;
			}
			for (String field : OCCASION_FIELDS) {
				if (input.get(field) instanceof String key) {
					return key;
				}
			}
			return null;
		}

		private void count(Authentication person, String occasion) {
			if (person instanceof AnonymousAuthenticationToken || !person.isAuthenticated() || person.getName() == null) {
				return;
			}
			Duration retryAfter = this.gate.refused(person.getName(), occasion);
			if (retryAfter != null) {
				throw new RateLimitedException(this.mutation, this.limit.requests(), this.limit.per(), retryAfter);
			}
		}

		private Mono<Object> call(DataFetchingEnvironment environment) {
			try {
				Object result = this.delegate.get(environment);
				if (result instanceof Publisher<?> publisher) {
					return Mono.from(publisher).cast(Object.class);
				}
				if (result instanceof CompletionStage<?> stage) {
					return Mono.fromCompletionStage(stage).cast(Object.class);
				}
				return Mono.justOrEmpty(result);
			}
			catch (Exception ex) {
				return Mono.error(ex);
			}
		}

	}

	private static Duration longest(RateLimits limits) {
		return limits.rateLimits()
			.values()
			.stream()
			.filter(RateLimits.Limit::inProcess)
			.map(RateLimits.Limit::per)
			.max(Duration::compareTo)
			.orElse(Duration.ofMinutes(1));
	}

}
