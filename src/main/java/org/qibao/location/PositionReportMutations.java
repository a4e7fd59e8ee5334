package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.qibao.identity.Actor;
import org.qibao.identity.RequestActor;
import org.qibao.location.PositionReporting.Outcome;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Position reports from checked-in phones: {@code positionReport} and {@code positionReportBatch}.
 * They are plain data fetchers, not controller methods, because they are the hottest path there is:
 * Spring's adapter for a controller method builds a handler method and binds its arguments by
 * reflection on every call, about 30 µs of a single report's CPU (see docs/location.md, "Measured
 * figures").
 */
@Component
class PositionReportMutations implements RuntimeWiringConfigurer {

	/** How long a request thread waits for Redis before it lets the answer follow asynchronously. */
	private static final Duration BRIEF_WAIT = Duration.ofMillis(20);

	private final PositionReporting reporting;

	private final UserErrors userErrors;

	PositionReportMutations(PositionReporting reporting, UserErrors userErrors) {
		this.reporting = reporting;
		this.userErrors = userErrors;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Mutation", type -> type
			.dataFetcher("positionReport", env -> answer(RequestActor.apply(actor -> positionReport(env, actor))))
			.dataFetcher("positionReportBatch",
					env -> answer(RequestActor.apply(actor -> positionReportBatch(env, actor)))));
	}

	/**
	 * The payload as graphql-java takes it: a future that completes when Redis has the reports, so no
	 * request thread waits for Redis; over WebSocket the actor comes in a {@code Mono}, which Spring
	 * for GraphQL subscribes to with the request's security context.
	 */
	private static Object answer(Object result) {
		if (result instanceof Mono<?> actorThenPayload) {
			return actorThenPayload.flatMap(payload -> Mono.fromFuture((CompletableFuture<?>) payload));
		}
		return awaitBriefly((CompletableFuture<?>) result);
	}

	/**
	 * The payload itself once Redis has answered within {@link #BRIEF_WAIT} (as it does but in an
	 * outage), so the rest of the request runs on this thread, synchronously; else the future, and
	 * the answer follows when Redis does, without holding the thread any longer.
	 */
	private static Object awaitBriefly(CompletableFuture<?> payload) {
		try {
			return payload.get(BRIEF_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return payload;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return payload;
		}
		catch (ExecutionException ex) {
			return payload; // graphql-java reports the failure as it does for any failed future
		}
	}

	private CompletableFuture<PositionReportPayload> positionReport(DataFetchingEnvironment env, Actor actor) {
		Map<String, Object> input = env.getArgument("input");
		return file(Actor.signedIn(actor), (String) input.get("forAccountId"), List.of(report(input)), env.getLocale());
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<PositionReportPayload> positionReportBatch(DataFetchingEnvironment env, Actor actor) {
		Map<String, Object> input = env.getArgument("input");
		List<PositionReport> reports = ((List<Map<String, Object>>) input.get("reports")).stream()
			.map(PositionReportMutations::report)
			.toList();
		return file(Actor.signedIn(actor), (String) input.get("forAccountId"), reports, env.getLocale());
	}

	/**
	 * A report from its input as GraphQL has already checked and coerced it (Float to Double, DateTime
	 * to Instant). The position inputs are read here rather than bound to records by Spring's argument
	 * binder, which looks up a record's components by reflection every time it binds one: on this,
	 * the hottest path, that was about 50 µs of a single report's 765 and a hundred times that for a
	 * batch.
	 */
	private static PositionReport report(Map<String, Object> input) {
		Map<?, ?> position = (Map<?, ?>) input.get("position");
		return new PositionReport(new GeoPoint(orNaN(position.get("longitude")), orNaN(position.get("latitude"))),
				orNaN(input.get("accuracy")), (Instant) input.get("recordedAt"), optional(input.get("speed")),
				optional(input.get("heading")));
	}

	/**
	 * A number a batch's report may lack (a phone's NaN arrives as null): NaN, which the filters drop
	 * as invalid coordinates or bad accuracy, naming the report, while the rest of the batch is kept.
	 */
	private static double orNaN(Object number) {
		return (number == null) ? Double.NaN : ((Number) number).doubleValue();
	}

	private static Double optional(Object number) {
		return (number == null) ? null : ((Number) number).doubleValue();
	}

	private CompletableFuture<PositionReportPayload> file(Actor actor, String forAccountId, List<PositionReport> reports,
			Locale locale) {
		Long forAccount = (forAccountId == null) ? null : GlobalId.keyOf(forAccountId, "Account");
		CompletableFuture<Outcome> filed;
		try {
			filed = this.reporting.report(actor.accountId(), forAccount, reports);
		}
		catch (BusinessRuleException ex) {
			filed = CompletableFuture.failedFuture(ex);
		}
		return filed.handle((outcome, failure) -> {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof BusinessRuleException refused) {
				return new PositionReportPayload(0, 0, List.of(), List.of(), null,
						List.of(this.userErrors.of(refused, locale)));
			}
			if (cause != null) {
				throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
			}
			List<PositionDrop> dropped = outcome.dropped()
				.entrySet()
				.stream()
				.map(e -> new PositionDrop(e.getKey(), e.getValue()))
				.toList();
			List<DroppedReport> droppedReports = outcome.drops()
				.stream()
				.map(drop -> new DroppedReport(drop.index(), drop.reason()))
				.toList();
			return new PositionReportPayload(outcome.accepted(), outcome.coalesced(), dropped, droppedReports,
					outcome.patroller(), List.of());
		});
	}

	record PositionDrop(DropReason reason, int count) {
	}

	record DroppedReport(int index, DropReason reason) {
	}

	record PositionReportPayload(int accepted, int coalesced, List<PositionDrop> dropped,
			List<DroppedReport> droppedReports, LivePatroller patroller, List<UserError> userErrors) {
	}

}
