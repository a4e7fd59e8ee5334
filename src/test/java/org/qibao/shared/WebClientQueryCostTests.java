package org.qibao.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the web client sends stays within the default cost limit, now that a page counts
 * its fields once per item: a screen must never be refused by the server's own limit.
 */
class WebClientQueryCostTests {

	/** A value of each type the web client's required variables have; input objects (mutations' input) count as empty. */
	private static final Map<String, Object> SAMPLES = Map.of("ID", "x", "String", "x", "Int", 1, "Float", 1.0,
			"Boolean", true, "DateTime", "2026-01-01T00:00:00Z", "Month", "2026-01");

	private static final Pattern OPERATION = Pattern.compile("graphql\\(\\s*`([^`]*)`");

	@Test
	void everyWebClientOperationCostsLessThanTheDefaultLimit() throws IOException {
		Document document = Parser.parse(String.join("\n", webClientOperations()));
		GraphQLSchema schema = schema();
		int limit = defaultLimit();
		Map<String, Integer> costs = new TreeMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			Map<String, Object> variables = new HashMap<>();
			for (VariableDefinition variable : operation.getVariableDefinitions()) {
				if (variable.getName().equals("first") || variable.getName().equals("last")) {
					variables.put(variable.getName(), 100); // the largest page the client could ask for
				}
				else if (variable.getType() instanceof NonNullType required) {
					variables.put(variable.getName(), SAMPLES.getOrDefault(((TypeName) required.getType()).getName(), Map.of()));
				}
			}
			costs.put(operation.getName(),
					QueryLimits.price(schema, document, operation.getName(), CoercedVariables.of(variables)).cost());
		}
		assertThat(costs).isNotEmpty();
		assertThat(costs).allSatisfy((name, cost) -> assertThat(cost).as(name + " costs " + cost).isLessThanOrEqualTo(limit));
	}

	@Test
	void aPageCountsItsFieldsOncePerItem() {
		GraphQLSchema schema = schema();
		int small = QueryLimits.price(schema, Parser.parse("{ communities(first: 1) { nodes { id name } } }"), null,
				CoercedVariables.emptyVariables()).cost();
		int large = QueryLimits.price(schema, Parser.parse("{ communities(first: 100) { nodes { id name } } }"), null,
				CoercedVariables.emptyVariables()).cost();
		assertThat(small).isEqualTo(1 + 1 + 2);
		assertThat(large).isEqualTo(1 + 1 + 2 * 100);
	}

	private static List<String> webClientOperations() throws IOException {
		List<String> operations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("web-client/src"))) {
			for (Path file : files.filter(f -> f.toString().matches(".*\\.tsx?$") && !f.toString().contains("/gql/")).toList()) {
				Matcher matcher = OPERATION.matcher(Files.readString(file));
				while (matcher.find()) {
					operations.add(matcher.group(1));
				}
			}
		}
		return operations;
	}

	private static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	private static int defaultLimit() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new FileSystemResource("src/main/resources/application.yml"))
			.forEach(source -> environment.getPropertySources().addLast(source));
		return Binder.get(environment).bind("qibao.graphql.max-complexity", Integer.class).get();
	}

}
