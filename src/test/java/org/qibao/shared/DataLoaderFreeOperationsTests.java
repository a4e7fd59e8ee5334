package org.qibao.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which operations skip the data loaders' dispatching: only those whose every field is a plain
 * property, introspection or declared free of data loaders; everything else is dispatched as before.
 */
class DataLoaderFreeOperationsTests {

	private static final String SCHEMA = """
			type Query { report: Report, named: Named, loaded: Report }
			type Mutation { file: Report }
			interface Named { name: String }
			type Report implements Named { accepted: Int, name: String, owner: Person }
			type Person implements Named { name: String }
			""";

	/** The registry each fetch of the declared or loading fields saw. */
	private final List<DataLoaderRegistry> seen = new CopyOnWriteArrayList<>();

	private final GraphQL graphQl = graphQl();

	@Test
	void anOperationOfDeclaredFieldsAndPlainPropertiesSkipsTheDispatchingOnceItsDocumentIsKnown() {
		run("mutation { file { accepted name __typename } }");
		run("mutation { file { accepted name __typename } }");
		assertThat(this.seen.get(0)).isNotSameAs(EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY);
		assertThat(this.seen.get(1)).isSameAs(EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY);
	}

	@Test
	void anOperationWithAFieldThatMayLoadIsDispatchedAsBefore() {
		String twoOperations = "mutation M { file { accepted } } query Q { loaded { accepted } }";
		run(twoOperations, "Q");
		run(twoOperations, "M");
		run(twoOperations, "M");
		assertThat(this.seen).noneMatch(r -> r == EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY);
	}

	@Test
	void aFragmentOrAnInterfaceIsJudgedByEveryFieldItMayFetch() {
		String viaFragment = "query { report { ...R } } fragment R on Report { owner { name } accepted }";
		run(viaFragment);
		run(viaFragment);
		String viaInterface = "query { named { name } }";
		run(viaInterface);
		run(viaInterface);
		assertThat(this.seen).noneMatch(r -> r == EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY);
	}

	private void run(String query) {
		run(query, null);
	}

	private void run(String query, String operation) {
		DataLoaderRegistry registry = DataLoaderRegistry.newRegistry()
			.register("people", DataLoaderFactory.newDataLoader(keys -> CompletableFuture.completedFuture(keys)))
			.build();
		ExecutionResult result = this.graphQl.execute(ExecutionInput.newExecutionInput(query).operationName(operation).dataLoaderRegistry(registry));
		assertThat(result.getErrors()).isEmpty();
	}

	private DataFetcher<Object> seeing(Object value) {
		return env -> {
			this.seen.add(env.getDataLoaderRegistry());
			return value;
		};
	}

	private GraphQL graphQl() {
		DataFetcher<Object> file = env -> {
			this.seen.add(env.getDataLoaderRegistry());
			return Map.of("accepted", 1, "name", "r");
		};
		DataFetcher<Object> loaded = env -> {
			this.seen.add(env.getDataLoaderRegistry());
			DataLoader<Object, Object> people = env.getDataLoader("people");
			return people.load("p").thenApply(p -> Map.of("accepted", 1));
		};
		DataFetcher<Object> owner = env -> {
			this.seen.add(env.getDataLoaderRegistry());
			return Map.of("name", "p");
		};
		DataFetcher<Object> person = env -> {
			this.seen.add(env.getDataLoaderRegistry());
			return "p";
		};
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("report", seeing(Map.of("accepted", 1, "name", "r", "owner", Map.of())))
				.dataFetcher("named", seeing(Map.of("name", "r")))
				.dataFetcher("loaded", loaded))
			.type("Mutation", type -> type.dataFetcher("file", file))
			.type("Report", type -> type.dataFetcher("owner", owner))
			.type("Person", type -> type.dataFetcher("name", person))
			.type("Named", type -> type.typeResolver(env -> env.getSchema().getObjectType("Report")))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		return GraphQL.newGraphQL(schema)
			.instrumentation(new DataLoaderFreeOperations(
					List.of(new FieldsWithoutDataLoaders("Mutation", Set.of("file")),
							new FieldsWithoutDataLoaders("Query", Set.of("report", "named")))))
			.build();
	}

}
