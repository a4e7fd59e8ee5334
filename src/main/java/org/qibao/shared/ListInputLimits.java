package org.qibao.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.qibao.shared.GraphQlConventions.QueryLimitException;

/**
 * Refuses, before anything runs, a list input longer than the schema's {@code @size(max:)} on its
 * argument or input field allows: one rule for every list input, read from the schema, so a new
 * one is bounded by writing its limit beside it. Only operations that use a bounded input are
 * walked (known by the document's text), so the position reports phones send pay nothing.
 */
final class ListInputLimits extends SimplePerformantInstrumentation {

	private static final int MAX_DOCUMENTS = 1_000;

	private final Cache<String, Boolean> boundedDocuments = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	/** Whether an input type holds a bounded list anywhere inside, by type name. */
	private final Map<String, Boolean> boundedTypes = new ConcurrentHashMap<>();

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		String query = context.getExecutionInput().getQuery();
		boolean bounded = (query == null) || this.boundedDocuments.get(query, text -> usesBoundedInput(context));
		if (bounded) {
			tooLong(context).ifPresent(refusal -> {
				throw new QueryLimitException("BAD_REQUEST", refusal);
			});
		}
		return null;
	}

	private boolean usesBoundedInput(ExecutionContext context) {
		boolean[] found = new boolean[1];
		traverser(context).visitPreOrder(new QueryVisitorStub() {

			@Override
			public void visitField(QueryVisitorFieldEnvironment field) {
				for (GraphQLArgument argument : field.getFieldDefinition().getArguments()) {
					found[0] |= max(argument) != null || holdsBound(argument.getType());
				}
			}

		});
		return found[0];
	}

	private Optional<String> tooLong(ExecutionContext context) {
		String[] refusal = new String[1];
		traverser(context).visitPreOrder(new QueryVisitorStub() {

			@Override
			public void visitField(QueryVisitorFieldEnvironment field) {
				for (GraphQLArgument argument : field.getFieldDefinition().getArguments()) {
					if (refusal[0] == null && field.getArguments().containsKey(argument.getName())) {
						refusal[0] = check(field.getArguments().get(argument.getName()), argument.getType(), max(argument),
								field.getField().getName() + "." + argument.getName());
					}
				}
			}

		});
		return Optional.ofNullable(refusal[0]);
	}

	/** Why the value breaks a bound, or null when it keeps them all. */
	private String check(Object value, GraphQLInputType type, Integer max, String path) {
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (value instanceof List<?> list && bare instanceof GraphQLList listType) {
			if (max != null && list.size() > max) {
				return "The input " + path + " holds " + list.size() + " items; at most " + max + " are allowed";
			}
			GraphQLInputType element = (GraphQLInputType) listType.getWrappedType();
			if (holdsBound(element)) {
				for (int i = 0; i < list.size(); i++) {
					String inner = check(list.get(i), element, null, path + "[" + i + "]");
					if (inner != null) {
						return inner;
					}
				}
			}
		}
		else if (value instanceof Map<?, ?> object && bare instanceof GraphQLInputObjectType objectType
				&& holdsBound(objectType)) {
			for (GraphQLInputObjectField field : objectType.getFieldDefinitions()) {
				if (object.containsKey(field.getName())) {
					String inner = check(object.get(field.getName()), field.getType(), max(field), path + "." + field.getName());
					if (inner != null) {
						return inner;
					}
				}
			}
		}
		return null;
	}

	private boolean holdsBound(GraphQLInputType type) {
		GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
		if (!(bare instanceof GraphQLInputObjectType objectType)) {
			return false;
		}
		return this.boundedTypes.computeIfAbsent(objectType.getName(), name -> holdsBound(objectType, new HashSet<>()));
	}

	/** Walks the input type's fields, each type once, as input types may hold themselves. */
	private static boolean holdsBound(GraphQLInputObjectType type, Set<String> seen) {
		if (!seen.add(type.getName())) {
			return false;
		}
		for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
			if (max(field) != null || (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLInputObjectType inner
					&& holdsBound(inner, seen))) {
				return true;
			}
		}
		return false;
	}

	private static Integer max(GraphQLDirectiveContainer container) {
		GraphQLAppliedDirective size = container.getAppliedDirective("size");
		return size == null ? null : size.getArgument("max").getValue();
	}

	private static QueryTraverser traverser(ExecutionContext context) {
		return QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.coercedVariables(context.getCoercedVariables())
			.build();
	}

}
