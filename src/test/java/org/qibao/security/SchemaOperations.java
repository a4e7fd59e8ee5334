package org.qibao.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * Every query and mutation of {@code schema/*.graphqls}, read the way the server reads them
 * (graphql-java's {@link TypeDefinitionRegistry}), each with a request document that declares one
 * variable per argument with the argument's own type, so that the server's coercion of the values
 * is what gets exercised, and the least selection the field allows.
 */
final class SchemaOperations {

	/** The operation name the schema-coverage recorder ignores: fuzzing covers no field. */
	static final String OPERATION_NAME = "SchemaFuzz";

	private SchemaOperations() {
	}

	record Operation(String kind, GraphQLFieldDefinition field) {

		String name() {
			return this.field.getName();
		}

		boolean isMutation() {
			return "mutation".equals(this.kind);
		}

		List<GraphQLArgument> arguments() {
			return this.field.getArguments();
		}

		String document() {
			String variables = arguments().stream()
				.map(argument -> "$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()))
				.collect(Collectors.joining(", "));
			String passed = arguments().stream()
				.map(argument -> argument.getName() + ": $" + argument.getName())
				.collect(Collectors.joining(", "));
			return this.kind + " " + OPERATION_NAME + (variables.isEmpty() ? "" : "(" + variables + ")") + " { "
					+ name() + (passed.isEmpty() ? "" : "(" + passed + ")") + selection(this.field.getType()) + " }";
		}

		@Override
		public String toString() {
			return this.kind + " " + name();
		}

	}

	static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	static List<Operation> all(GraphQLSchema schema) {
		List<Operation> operations = new ArrayList<>();
		schema.getQueryType().getFieldDefinitions().forEach(field -> operations.add(new Operation("query", field)));
		schema.getMutationType().getFieldDefinitions().forEach(field -> operations.add(new Operation("mutation", field)));
		return operations;
	}

	/** The {@code @size(max:)} of a list argument or input field, or null when it has none. */
	static Integer sizeLimit(GraphQLDirectiveContainer container) {
		GraphQLAppliedDirective size = container.getAppliedDirective("size");
		return (size == null) ? null : ((Number) size.getArgument("max").getValue()).intValue();
	}

	/** {@code __typename}, and a payload's user errors: enough to make the field resolve. */
	private static String selection(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (!(named instanceof GraphQLFieldsContainer container)) {
			return GraphQLTypeUtil.isLeaf(named) ? "" : " { __typename }";
		}
		boolean payload = container instanceof GraphQLObjectType && container.getFieldDefinition("userErrors") != null;
		return payload ? " { __typename userErrors { code message } }" : " { __typename }";
	}

}
