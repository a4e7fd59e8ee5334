package org.qibao.schemacoverage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema-coverage check can fail: it sees the schema's root fields, and names those no request resolved. */
class SchemaCoverageTests {

	@Test
	void theRootFieldsAreReadFromTheServedSchema() throws Exception {
		List<String> roots = SchemaFields.load().rootFields();
		assertThat(roots).contains("Query.merchantRedemptions", "Mutation.redemptionConfirm", "Subscription.livePatrollerUpdates");
		assertThat(SchemaFields.load().objectFields()).contains("Redemption.settledAt").doesNotContain("Query.me");
	}

	@Test
	void aRootFieldNoRequestResolvedIsNamed() throws Exception {
		List<String> roots = SchemaFields.load().rootFields();
		Set<String> resolved = new HashSet<>(roots);
		resolved.remove("Query.merchantRedemptions");
		assertThat(SchemaFields.unresolved(roots, resolved)).containsExactly("Query.merchantRedemptions");
	}

	@Test
	void theInstrumentationRecordsEveryFieldARequestFetches() throws Exception {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { coverageProbe: Probe } type Probe { seenByCoverage: Int }"),
				RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("coverageProbe", env -> new Object()))
					.type("Probe", t -> t.dataFetcher("seenByCoverage", env -> 1))
					.build());
		GraphQL.newGraphQL(schema).instrumentation(new SchemaCoverageInstrumentation()).build()
			.execute("{ coverageProbe { seenByCoverage } }");
		assertThat(FieldsResolved.read(FieldsResolved.directory())).contains("Query.coverageProbe", "Probe.seenByCoverage");
	}

}
