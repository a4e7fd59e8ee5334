package org.qibao.shared;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.qibao.shared.GraphQlConventions.QueryLimitException;

/**
 * Refuses an operation nested too deep or asking for too many fields, before it runs. Depth
 * counts the levels of fields; complexity counts each field once. Both depend on the document
 * alone unless a {@code @skip} or {@code @include} directive ties them to variables, so the
 * verdict on a document without any directive is kept by its text and operation name: a phone
 * sending the same position report every 15 s does not have its query walked twice each time.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

	private static final int MAX_DOCUMENTS = 1_000;

	private static final int MAX_DOCUMENT_LENGTH = 20_000;

	private final int maxDepth;

	private final int maxComplexity;

	private final Cache<Operation, Optional<Refusal>> verdicts = Caffeine.newBuilder()
		.maximumSize(MAX_DOCUMENTS)
		.build();

	QueryLimits(int maxDepth, int maxComplexity) {
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
	}

	private record Operation(String query, String name) {
	}

	private record Refusal(String classification, String message) {
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		String query = context.getExecutionInput().getQuery();
		Optional<Refusal> refusal;
		if (query == null || query.length() > MAX_DOCUMENT_LENGTH || query.indexOf('@') >= 0) {
			refusal = measure(context);
		}
		else {
			Operation operation = new Operation(query, context.getExecutionInput().getOperationName());
			refusal = this.verdicts.get(operation, key -> measure(context));
		}
		if (refusal.isPresent()) {
			throw new QueryLimitException(refusal.get().classification(), refusal.get().message());
		}
		return null;
	}

	private Optional<Refusal> measure(ExecutionContext context) {
		String operationName = context.getExecutionInput().getOperationName();
		int depth = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(operationName)
			.coercedVariables(context.getCoercedVariables())
			.build()
			.reducePreOrder((field, deepest) -> Math.max(level(field), deepest), 0);
		if (depth > this.maxDepth) {
			return Optional.of(new Refusal("QUERY_TOO_DEEP",
					"The query is nested " + depth + " levels deep; at most " + this.maxDepth + " are allowed"));
		}
		int complexity = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator((field, children) -> children + 1)
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(operationName)
			.variables(context.getCoercedVariables())
			.build()
			.calculate();
		if (complexity > this.maxComplexity) {
			return Optional.of(new Refusal("QUERY_TOO_COMPLEX",
					"The query asks for " + complexity + " fields; at most " + this.maxComplexity + " are allowed"));
		}
		return Optional.empty();
	}

	/** 1 for a top-level field, 2 for its children, and so on. */
	private static int level(QueryVisitorFieldEnvironment field) {
		int level = 1;
		for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null; parent = parent
			.getParentEnvironment()) {
			level++;
		}
		return level;
	}

}
