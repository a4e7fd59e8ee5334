package org.qibao.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Lets an operation that cannot use a data loader skip their dispatching. Every request gets all
 * of the schema's data loaders, and graphql-java dispatches every one of them (about eighty, each
 * taking a lock and reading the clock) at each level of the answer, whether or not anything was
 * loaded: on a position report, whose fields load nothing, that was more of its CPU than its own
 * filters. An operation is free of data loaders when each field it selects, in every operation
 * and fragment of its document, is a plain property, introspection, or a field a module declared
 * ({@link FieldsWithoutDataLoaders}); the verdict is kept by the document's text, as phones send
 * the same few documents with new variables, and a document is dispatched as before until it has one.
 */
final class DataLoaderFreeOperations extends SimplePerformantInstrumentation {

	private static final int MAX_DOCUMENTS = 1_000;

	private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

	private final Set<FieldCoordinates> declared = new HashSet<>();

	DataLoaderFreeOperations(List<FieldsWithoutDataLoaders> declared) {
		declared.forEach(fields -> fields.fieldNames()
			.forEach(field -> this.declared.add(FieldCoordinates.coordinates(fields.typeName(), field))));
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		String query = input.getQuery();
		if (query == null || !Boolean.TRUE.equals(this.verdicts.getIfPresent(query))) {
			return input;
		}
		return input.transform(
				builder -> builder.dataLoaderRegistry(EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY));
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		String query = context.getExecutionInput().getQuery();
		if (query != null && this.verdicts.getIfPresent(query) == null) {
			this.verdicts.put(query, new Walk(context.getGraphQLSchema(), context.getDocument()).loaderFree());
		}
		return null;
	}

	/** One document's fields against the schema. */
	private final class Walk {

		private final GraphQLSchema schema;

		private final Document document;

		private final Set<String> fragmentsSeen = new HashSet<>();

		Walk(GraphQLSchema schema, Document document) {
			this.schema = schema;
			this.document = document;
		}

		boolean loaderFree() {
			for (Definition<?> definition : this.document.getDefinitions()) {
				if (definition instanceof OperationDefinition operation) {
					GraphQLObjectType root = switch (operation.getOperation()) {
						case QUERY -> this.schema.getQueryType();
						case MUTATION -> this.schema.getMutationType();
						case SUBSCRIPTION -> this.schema.getSubscriptionType();
					};
					if (root == null || !loaderFree(root, operation.getSelectionSet())) {
						return false;
					}
				}
			}
			return true;
		}

		private boolean loaderFree(GraphQLCompositeType parent, SelectionSet selections) {
			if (selections == null) {
				return true;
			}
			for (Selection<?> selection : selections.getSelections()) {
				boolean free;
				if (selection instanceof Field field) {
					free = loaderFree(parent, field);
				}
				else if (selection instanceof InlineFragment fragment) {
					free = loaderFree(typeOr(fragment.getTypeCondition(), parent), fragment.getSelectionSet());
				}
				else {
					free = (selection instanceof FragmentSpread spread) && loaderFree(spread);
				}
				if (!free) {
					return false;
				}
			}
			return true;
		}

		private boolean loaderFree(FragmentSpread spread) {
			if (!this.fragmentsSeen.add(spread.getName())) {
				return true;
			}
			for (Definition<?> definition : this.document.getDefinitions()) {
				if (definition instanceof FragmentDefinition fragment && fragment.getName().equals(spread.getName())) {
					return this.schema.getType(fragment.getTypeCondition().getName()) instanceof GraphQLCompositeType type
							&& loaderFree(type, fragment.getSelectionSet());
				}
			}
			return false;
		}

		private boolean loaderFree(GraphQLCompositeType parent, Field field) {
			if (field.getName().startsWith("__")) {
				return true;
			}
			// on an interface or union, the field is fetched as each possible type fetches it
			List<GraphQLObjectType> types;
			if (parent instanceof GraphQLObjectType object) {
				types = List.of(object);
			}
			else if (parent instanceof GraphQLInterfaceType face) {
				types = this.schema.getImplementations(face);
			}
			else if (parent instanceof GraphQLUnionType union) {
				types = union.getTypes().stream().map(GraphQLObjectType.class::cast).toList();
			}
			else {
				return false;
			}
			for (GraphQLObjectType type : types) {
				GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
				if (definition == null || !fetchedWithoutLoaders(type, definition)) {
					return false;
				}
				GraphQLType result = GraphQLTypeUtil.unwrapAll(definition.getType());
				if (result instanceof GraphQLCompositeType composite && !loaderFree(composite, field.getSelectionSet())) {
					return false;
				}
			}
			return true;
		}

		private boolean fetchedWithoutLoaders(GraphQLObjectType type, GraphQLFieldDefinition field) {
			FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
			return DataLoaderFreeOperations.this.declared.contains(coordinates)
					|| this.schema.getCodeRegistry().getDataFetcher(coordinates, field) instanceof TrivialDataFetcher;
		}

		private GraphQLCompositeType typeOr(graphql.language.TypeName condition, GraphQLCompositeType parent) {
			if (condition == null) {
				return parent;
			}
			return (this.schema.getType(condition.getName()) instanceof GraphQLCompositeType type) ? type : parent;
		}

	}

}
