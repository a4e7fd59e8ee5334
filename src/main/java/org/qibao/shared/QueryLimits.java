package org.qibao.shared;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.qibao.shared.GraphQlConventions.QueryLimitException;

/**
 * Refuses an operation nested too deep or costing too much, before it runs, and tells every
 * answer its cost ({@code extensions.cost: {requested, limit}}). Depth counts the levels of
 * fields. Cost counts each field once, and the items of a page ({@code first} or {@code last})
 * count what they select once per item, as GitHub and Shopify count:
 * {@code communities(first: 100) { nodes { id name } }} costs 1 + 1 + 100 × 2. A page size left
 * out counts as {@value #DEFAULT_PAGE}. The verdict on a document whose cost does not depend on its variables
 * (no {@code @skip}/{@code @include}, no page size from a variable) is kept by its text and
 * operation name: a phone sending the same position report every 15 s does not have its query
 * walked twice.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

	static final int DEFAULT_PAGE = 20;

	private static final int MAX_PAGE = 100;

	private static final int MAX_DOCUMENTS = 1_000;

	private static final int MAX_DOCUMENT_LENGTH = 20_000;

	private final int maxDepth;

	private final int maxComplexity;

	private final Cache<Operation, Verdict> verdicts = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	QueryLimits(int maxDepth, int maxComplexity) {
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
	}

	private record Operation(String query, String name) {
	}

	/** What an operation costs, why it is refused (null when it is not), and whether that holds for any variables. */
	private record Verdict(int cost, String classification, String message, boolean reusable) {
	}

	/** The cost of the request being run, for its answer's extensions. */
	private static final class Cost implements InstrumentationState {

		private volatile Integer requested;

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Cost();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		String query = context.getExecutionInput().getQuery();
		boolean cacheable = query != null && query.length() <= MAX_DOCUMENT_LENGTH && query.indexOf('@') < 0;
		Operation operation = cacheable ? new Operation(query, context.getExecutionInput().getOperationName()) : null;
		Verdict verdict = cacheable ? this.verdicts.getIfPresent(operation) : null;
		if (verdict == null) {
			verdict = measure(context);
			if (cacheable && verdict.reusable()) {
				this.verdicts.put(operation, verdict);
			}
		}
		if (state instanceof Cost cost) {
			cost.requested = verdict.cost();
		}
		if (verdict.classification() != null) {
			throw new QueryLimitException(verdict.classification(), verdict.message());
		}
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (state instanceof Cost cost && cost.requested != null) {
			return CompletableFuture.completedFuture(result.transform(answer -> answer.addExtension("cost",
					Map.of("requested", cost.requested, "limit", this.maxComplexity))));
		}
		return CompletableFuture.completedFuture(result);
	}

	private Verdict measure(ExecutionContext context) {
		String operationName = context.getExecutionInput().getOperationName();
		int depth = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(operationName)
			.coercedVariables(context.getCoercedVariables())
			.build()
			.reducePreOrder((field, deepest) -> Math.max(level(field), deepest), 0);
		Price price = price(context.getGraphQLSchema(), context.getDocument(), operationName, context.getCoercedVariables());
		int cost = price.cost();
		boolean reusable = !price.pagedByVariable();
		if (depth > this.maxDepth) {
			return new Verdict(cost, "QUERY_TOO_DEEP",
					"The query is nested " + depth + " levels deep; at most " + this.maxDepth + " are allowed", reusable);
		}
		if (cost > this.maxComplexity) {
			return new Verdict(cost, "QUERY_TOO_COMPLEX", "The query costs " + cost + " (each field once, a page's fields"
					+ " once per item); at most " + this.maxComplexity + " are allowed", reusable);
		}
		return new Verdict(cost, null, null, reusable);
	}

	/** What an operation costs, and whether a page size in it comes from a variable. */
	record Price(int cost, boolean pagedByVariable) {
	}

	static Price price(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
		boolean[] pagedByVariable = new boolean[1];
		int cost = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator((field, children) -> {
				pagedByVariable[0] |= pageFromVariable(field);
				return 1 + children * pageSize(field);
			})
			.schema(schema)
			.document(document)
			.operationName(operationName)
			.variables(variables)
			.build()
			.calculate();
		return new Price(cost, pagedByVariable[0]);
	}

	/**
	 * How many times a field's selection counts: a list field counts it once per item of its page,
	 * its own {@code first}/{@code last} ({@code myRedemptions(first: 50)}) or, for a connection's
	 * {@code nodes} and {@code edges}, the connection's; the connection's {@code pageInfo} and
	 * {@code totalCount} count once. Every other field counts it once.
	 */
	private static int pageSize(FieldComplexityEnvironment field) {
		if (!isList(field)) {
			return 1;
		}
		Integer own = page(field);
		if (own != null) {
			return own;
		}
		FieldComplexityEnvironment connection = field.getParentEnvironment();
		Integer ofConnection = (connection != null && !isList(connection)) ? page(connection) : null;
		return ofConnection != null ? ofConnection : 1;
	}

	/** The field's page size, the default when left out; null for a field without one. */
	private static Integer page(FieldComplexityEnvironment field) {
		for (String name : new String[] { "first", "last" }) {
			if (field.getFieldDefinition().getArgument(name) != null) {
				Object given = field.getArguments().get(name);
				// beyond the largest page any field serves the field refuses the size itself, with a clearer message
				return (given instanceof Integer size) ? Math.max(1, Math.min(size, MAX_PAGE)) : DEFAULT_PAGE;
			}
		}
		return null;
	}

	private static boolean isList(FieldComplexityEnvironment field) {
		return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType()));
	}

	private static boolean pageFromVariable(FieldComplexityEnvironment field) {
		for (Argument argument : field.getField().getArguments()) {
			if (("first".equals(argument.getName()) || "last".equals(argument.getName()))
					&& argument.getValue() instanceof VariableReference) {
				return true;
			}
		}
		return false;
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
