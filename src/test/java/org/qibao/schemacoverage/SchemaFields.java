package org.qibao.schemacoverage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The fields of Qibao's schema (the files the application serves), and which of them no test resolved. */
final class SchemaFields {

	private final GraphQLSchema schema;

	private SchemaFields(GraphQLSchema schema) {
		this.schema = schema;
	}

	/** The schema as the application loads it: every {@code graphql/*.graphqls} on the classpath. */
	static SchemaFields load() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
			try (InputStream in = file.getInputStream()) {
				registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
		}
		return new SchemaFields(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
	}

	/** Every field of Query, Mutation and Subscription, as {@code Type.field}. */
	List<String> rootFields() {
		return Stream.of(this.schema.getQueryType(), this.schema.getMutationType(), this.schema.getSubscriptionType())
			.filter(type -> type != null)
			.flatMap(SchemaFields::coordinates)
			.sorted()
			.toList();
	}

	/** Every field of the other object types (introspection's aside). */
	List<String> objectFields() {
		Set<GraphQLObjectType> roots = Set.of(this.schema.getQueryType(), this.schema.getMutationType(),
				this.schema.getSubscriptionType());
		return this.schema.getAllTypesAsList().stream()
			.filter(type -> type instanceof GraphQLObjectType && !type.getName().startsWith("__") && !roots.contains(type))
			.flatMap(type -> coordinates((GraphQLObjectType) type))
			.sorted()
			.toList();
	}

	static List<String> unresolved(List<String> fields, Set<String> resolved) {
		return fields.stream().filter(field -> !resolved.contains(field)).toList();
	}

	private static Stream<String> coordinates(GraphQLObjectType type) {
		return type.getFieldDefinitions().stream().map(field -> type.getName() + "." + field.getName());
	}

}
