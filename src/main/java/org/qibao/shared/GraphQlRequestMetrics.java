package org.qibao.shared;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every GraphQL request as {@code graphql.request}, tagged with its outcome ({@code SUCCESS},
 * {@code REQUEST_ERROR} when the answer carries errors, {@code INTERNAL_ERROR}) and its operation
 * type, as Spring for GraphQL's observation instrumentation names them.
 * <p>
 * That instrumentation is left out ({@code application.yml}): besides timing the request, it copies
 * every one of the request's data loaders (about eighty) to observe them and wraps every data
 * fetcher, whose observations Qibao does not ship; on the position-report path that was a fifth
 * of all a request allocated.
 */
final class GraphQlRequestMetrics extends SimplePerformantInstrumentation {

	private final MeterRegistry meters;

	/** The timers by outcome and operation type, a dozen at most, looked up once each. */
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	GraphQlRequestMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** One request's start, and its operation's type once known. */
	private static final class Request implements InstrumentationState {

		final long startedAt = System.nanoTime();

		String operationType = "unknown";

	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Request());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		((Request) state).operationType = parameters.getExecutionContext()
			.getOperationDefinition()
			.getOperation()
			.name()
			.toLowerCase(Locale.ROOT);
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		Request request = (Request) state;
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			String outcome = (failure != null) ? "INTERNAL_ERROR"
					: result.getErrors().isEmpty() ? "SUCCESS" : "REQUEST_ERROR";
			timer(outcome, request.operationType).record(System.nanoTime() - request.startedAt, TimeUnit.NANOSECONDS);
		});
	}

	private Timer timer(String outcome, String operationType) {
		return this.timers.computeIfAbsent(outcome + ' ' + operationType, key -> Timer.builder("graphql.request")
			.description("GraphQL requests")
			.tag("graphql.outcome", outcome)
			.tag("graphql.operation.type", operationType)
			.register(this.meters));
	}

}
