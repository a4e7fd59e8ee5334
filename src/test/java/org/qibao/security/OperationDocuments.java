package org.qibao.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.qibao.shared.GlobalId;

/**
 * Every query, mutation and subscription of the schema files, and for each a smallest request that
 * passes validation: its required arguments with well-formed values (IDs of the type their name says),
 * and {@code __typename} as the selection of an object result.
 */
final class OperationDocuments {

	/** The node types of ID arguments whose names do not say it. */
	private static final Map<String, String> ID_TYPES = Map.ofEntries(Map.entry("forAccountId", "Account"),
			Map.entry("handlerId", "Account"), Map.entry("volunteerId", "Account"), Map.entry("duplicateOfId", "Case"),
			Map.entry("correctionId", "LedgerCorrection"), Map.entry("requestId", "JoinRequest"),
			Map.entry("keyId", "Open311Key"), Map.entry("scheduleId", "ShiftSchedule"),
			Map.entry("categoryId", "CaseCategory"), Map.entry("photoIds", "CasePhoto"), Map.entry("memberIds", "Account"),
			Map.entry("recipientId", "Account"), Map.entry("toId", "Account"), Map.entry("staffIds", "Account"),
			Map.entry("Query.rosterImport.id", "RosterImport"), Map.entry("Query.node.id", "Community"),
			Map.entry("Query.nodes.ids", "Community"));

	/** Variables an operation needs beyond its required ones to reach its authorisation check. */
	private static final Map<String, Map<String, Object>> EXTRA_VARIABLES = Map.of("Mutation.accountResetCodeIssue",
			Map.of("input", Map.of("phone", "13900000003")), "Query.redemptionLookup",
			Map.of("merchantId", GlobalId.encode("Merchant", 1)), "Mutation.redemptionConfirm",
			Map.of("input", Map.of("merchantId", GlobalId.encode("Merchant", 1))));

	private final GraphQLSchema schema;

	private OperationDocuments(GraphQLSchema schema) {
		this.schema = schema;
	}

	/** The schema as written in {@code schema/*.graphqls}. */
	static OperationDocuments load() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		return new OperationDocuments(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
	}

	/** Every root field, as {@code Type.field}. */
	List<String> operations() {
		List<String> operations = new ArrayList<>();
		for (GraphQLObjectType root : roots()) {
			root.getFieldDefinitions().forEach(field -> operations.add(root.getName() + "." + field.getName()));
		}
		return operations.stream().sorted().toList();
	}

	/** A request for the operation ({@code Mutation.teamCreate}). */
	Request request(String operation) {
		String[] parts = operation.split("\\.");
		GraphQLObjectType root = roots().stream().filter(r -> r.getName().equals(parts[0])).findFirst().orElseThrow();
		GraphQLFieldDefinition field = root.getFieldDefinition(parts[1]);
		List<String> declarations = new ArrayList<>();
		List<String> arguments = new ArrayList<>();
		Map<String, Object> variables = new LinkedHashMap<>();
		Map<String, Object> extras = EXTRA_VARIABLES.getOrDefault(operation, Map.of());
		for (GraphQLArgument argument : field.getArguments()) {
			boolean required = GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue();
			if (required || extras.containsKey(argument.getName())) {
				declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
				arguments.add(argument.getName() + ": $" + argument.getName());
				variables.put(argument.getName(), value(argument.getType(), operation + "." + argument.getName()));
			}
		}
		EXTRA_VARIABLES.getOrDefault(operation, Map.of()).forEach((name, extra) -> variables.merge(name, extra, OperationDocuments::merge));
		String document = parts[0].toLowerCase() + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")")
				+ " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
				+ selection(field.getType()) + " }";
		return new Request(document, variables);
	}

	@SuppressWarnings("unchecked")
	private static Object merge(Object required, Object extra) {
		if (required instanceof Map<?, ?> fields && extra instanceof Map<?, ?> more) {
			Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) fields);
			merged.putAll((Map<String, Object>) more);
			return merged;
		}
		return extra;
	}

	record Request(String document, Map<String, Object> variables) {
	}

	private List<GraphQLObjectType> roots() {
		return Stream.of(this.schema.getQueryType(), this.schema.getMutationType(), this.schema.getSubscriptionType())
			.filter(type -> type != null)
			.toList();
	}

	private static String selection(GraphQLType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
			return "";
		}
		// a payload's userErrors tell why a refused-looking answer was not a refusal
		boolean payload = named instanceof GraphQLObjectType object && object.getFieldDefinition("userErrors") != null;
		return payload ? " { __typename userErrors { code } }" : " { __typename }";
	}

	private static Object value(GraphQLInputType type, String path) {
		if (type instanceof GraphQLNonNull nonNull) {
			return value((GraphQLInputType) nonNull.getWrappedType(), path);
		}
		if (type instanceof GraphQLList list) {
			return List.of(value((GraphQLInputType) list.getWrappedType(), path));
		}
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		if (type instanceof GraphQLInputObjectType input) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
					fields.put(field.getName(), value(field.getType(), field.getName()));
				}
			}
			return fields;
		}
		return scalar(((GraphQLScalarType) type).getName(), path);
	}

	private static Object scalar(String scalar, String path) {
		String name = path.substring(path.lastIndexOf('.') + 1);
		return switch (scalar) {
			case "ID" -> GlobalId.encode(idType(path, name), 1);
			case "Int" -> 1;
			case "Float" -> name.toLowerCase().contains("lng") || name.toLowerCase().contains("lon") ? 114.3 : 30.5;
			case "Boolean" -> false;
			case "DateTime" -> "2030-01-01T08:00:00Z";
			case "Month" -> "2026-01";
			case "GeoJSON" -> Map.of("type", "Polygon", "coordinates",
					List.of(List.of(List.of(114.3, 30.5), List.of(114.31, 30.5), List.of(114.31, 30.51), List.of(114.3, 30.5))));
			case "JSON" -> Map.of();
			default -> name.toLowerCase().contains("phone") ? "13800138000" : "x";
		};
	}

	private static String idType(String path, String name) {
		String known = ID_TYPES.getOrDefault(path, ID_TYPES.get(name));
		if (known != null) {
			return known;
		}
		String base = name.endsWith("Ids") ? name.substring(0, name.length() - 3)
				: name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
		return Character.toUpperCase(base.charAt(0)) + base.substring(1);
	}

}
