package org.qibao.schemacoverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after the whole test suite (a second Surefire execution in the {@code verify} phase; its
 * name keeps it out of the main run): fails, naming them, when a query, mutation or subscription
 * field was resolved by no test's GraphQL request. Object fields no test resolved are listed in
 * {@code unresolved-object-fields.txt} beside the records, as a warning.
 */
class SchemaCoverageCheck {

	@Test
	void everyQueryMutationAndSubscriptionFieldIsResolvedBySomeTest() throws IOException {
		String selected = System.getProperty("qibao.schema-coverage.selected-tests", "");
		assumeTrue(selected.isBlank() || selected.startsWith("${"), "only the tests " + selected + " ran: coverage not checked");
		Path records = FieldsResolved.directory();
		Set<String> resolved = FieldsResolved.read(records);
		assertThat(resolved).as("fields recorded by the tests of this build in %s", records).isNotEmpty();

		SchemaFields schema = SchemaFields.load();
		List<String> objectFields = SchemaFields.unresolved(schema.objectFields(), resolved);
		Files.write(records.resolve("unresolved-object-fields.txt"), objectFields, StandardCharsets.UTF_8);
		if (!objectFields.isEmpty()) {
			System.out.println("Schema coverage warning: " + objectFields.size() + " object fields resolved by no test, listed in "
					+ records.resolve("unresolved-object-fields.txt"));
		}
		assertThat(SchemaFields.unresolved(schema.rootFields(), resolved))
			.as("query, mutation and subscription fields that no test's GraphQL request resolved: add a test that asks for each")
			.isEmpty();
	}

}
