package org.qibao.security;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.qibao.shared.GlobalId;

/**
 * jqwik arbitraries of hostile values for each GraphQL input type, as the JSON of a request's
 * variables: control characters, huge and empty strings, numbers at and beyond their range, NaN,
 * dates at the edges of their range, IDs of the wrong type, lists at and beyond their
 * {@code @size}, null where null is not allowed, and now and then a value of another kind.
 */
final class HostileValues {

	/** An argument or field left out of the request altogether. */
	static final Object OMITTED = new Object() {

		@Override
		public String toString() {
			return "<omitted>";
		}

	};

	/** A JSON null (jqwik's arbitraries carry no nulls well). */
	static final Object NULL = new Object() {

		@Override
		public String toString() {
			return "null";
		}

	};

	private static final int DEEPEST_INPUT = 4;

	/** The key of an object that surely does not exist. */
	private static final long NO_SUCH_KEY = 987_654_321L;

	private final RealIds realIds;

	/** Whether IDs of real objects of the right type may be sent (queries only: see the test's javadoc). */
	private final boolean rightTypeRealIds;

	/**
	 * Whether values keep to their declared types, so that the request passes GraphQL's own
	 * validation and reaches the resolvers with hostile content; otherwise now and then a null
	 * where none is allowed, a value of another kind, an unknown enum value or field.
	 */
	private final boolean wellTyped;

	HostileValues(RealIds realIds, boolean rightTypeRealIds, boolean wellTyped) {
		this.realIds = realIds;
		this.rightTypeRealIds = rightTypeRealIds;
		this.wellTyped = wellTyped;
	}

	/** The real global IDs of the demo community, by type, that requests may name. */
	record RealIds(Map<String, List<String>> byType) {

		List<String> ofType(String type) {
			return this.byType.getOrDefault(type, List.of());
		}

		List<String> notOfType(String type) {
			return this.byType.entrySet().stream().filter(entry -> !entry.getKey().equals(type))
				.flatMap(entry -> entry.getValue().stream()).toList();
		}

	}

	Arbitrary<Object> of(String name, GraphQLInputType type, Integer sizeLimit, boolean small, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			Arbitrary<Object> value = present(name, (GraphQLInputType) nonNull.getWrappedType(), sizeLimit, small, depth);
			if (this.wellTyped) {
				return value;
			}
			return Arbitraries.frequencyOf(Tuple.of(95, value), Tuple.of(3, Arbitraries.just(NULL)),
					Tuple.of(2, Arbitraries.just(OMITTED)));
		}
		Arbitrary<Object> value = this.wellTyped ? present(name, type, sizeLimit, small, depth)
				: Arbitraries.frequencyOf(Tuple.of(90, present(name, type, sizeLimit, small, depth)), Tuple.of(10, otherKind()));
		return Arbitraries.frequencyOf(Tuple.of(80, value), Tuple.of(10, Arbitraries.just(NULL)),
				Tuple.of(10, Arbitraries.just(OMITTED)));
	}

	private Arbitrary<Object> present(String name, GraphQLInputType type, Integer sizeLimit, boolean small, int depth) {
		if (type instanceof GraphQLList list) {
			return list(name, (GraphQLInputType) list.getWrappedType(), sizeLimit, depth);
		}
		if (type instanceof GraphQLInputObjectType object) {
			return (depth >= DEEPEST_INPUT) ? Arbitraries.just(NULL) : object(object, small, depth + 1);
		}
		if (type instanceof GraphQLEnumType enumeration) {
			List<Object> values = new ArrayList<>(enumeration.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
			if (this.wellTyped) {
				return Arbitraries.of(values);
			}
			values.addAll(List.of("NOT_A_VALUE", "", values.get(0).toString().toLowerCase(), "\u0000"));
			return Arbitraries.of(values);
		}
		return scalar(name, ((GraphQLScalarType) type).getName(), small);
	}

	/** Lists empty, short, at their limit and one beyond it; long ones of small items, so a request stays a few MB. */
	private Arbitrary<Object> list(String name, GraphQLInputType item, Integer sizeLimit, int depth) {
		int limit = (sizeLimit == null) ? 200 : sizeLimit;
		Arbitrary<Object> shortList = of(name, item, null, false, depth).list().ofMaxSize(3).map(HostileValues::withoutOmitted);
		Arbitrary<Object> atLimit = of(name, item, null, true, depth).map(one -> Collections.nCopies(limit, one));
		Arbitrary<Object> beyond = of(name, item, null, true, depth).map(one -> Collections.nCopies(limit + 1, one));
		Arbitrary<Object> varied = of(name, item, null, true, depth).list().ofSize(limit).map(HostileValues::withoutOmitted);
		return Arbitraries.frequencyOf(Tuple.of(6, shortList), Tuple.of(2, atLimit), Tuple.of(this.wellTyped ? 0 : 2, beyond),
				Tuple.of(1, varied));
	}

	private static Object withoutOmitted(List<Object> items) {
		return items.stream().map(item -> (item == OMITTED) ? NULL : item).toList();
	}

	private Arbitrary<Object> object(GraphQLInputObjectType type, boolean small, int depth) {
		List<GraphQLInputObjectField> fields = type.getFieldDefinitions();
		List<Arbitrary<Object>> values = fields.stream()
			.map(field -> of(field.getName(), field.getType(), SchemaOperations.sizeLimit(field), small, depth))
			.toList();
		Arbitrary<Boolean> unknownField = this.wellTyped ? Arbitraries.just(false) : Arbitraries.of(false, false, false, false, true);
		return Combinators.combine(values).as(list -> list).flatMap(list -> unknownField.map(unknown -> {
			Map<String, Object> object = new LinkedHashMap<>();
			IntStream.range(0, fields.size()).filter(i -> list.get(i) != OMITTED)
				.forEach(i -> object.put(fields.get(i).getName(), list.get(i)));
			if (unknown) {
				object.put("notAFieldOf" + type.getName(), "x");
			}
			return object;
		}));
	}

	private Arbitrary<Object> scalar(String name, String scalar, boolean small) {
		return switch (scalar) {
			case "String" -> strings(small);
			case "ID" -> ids(name, small);
			case "Int" -> ints(this.wellTyped);
			case "Float" -> floats(this.wellTyped);
			case "Boolean" -> this.wellTyped ? Arbitraries.of(true, false) : Arbitraries.of(true, false, "true", 1);
			case "DateTime" -> dateTimes();
			case "Month" -> months();
			case "GeoJSON", "JSON" -> geoJson();
			default -> throw new IllegalStateException("A scalar the fuzzer does not know: " + scalar + "; teach HostileValues its edges");
		};
	}

	private Arbitrary<Object> strings(boolean small) {
		Arbitrary<String> ordinary = Arbitraries.strings().alpha().numeric().ofMaxLength(12);
		Arbitrary<String> odd = Arbitraries.of("", " ", "\u0000", "a\u0000b", "\t\r\n", "\u001b[31mred", "\u202Eevil\u202C",
				"\uFEFF", "𝕏𝕐🙂", "\uD800", "e\u0301\u0301\u0301", "' OR 1=1 --", "<script>alert(1)</script>", "%s%n%x",
				"${jndi:ldap://x/y}", "../../etc/passwd", "null", "NaN", "-1", "社区书记");
		Arbitrary<String> control = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(40);
		Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(30);
		Arbitrary<String> longer = Arbitraries.of(201, 1_001, 10_001).map(HostileValues::echoable);
		Arbitrary<String> huge = Arbitraries.of(100_000).map(HostileValues::echoable);
		// control characters are refused before any resolver runs: well-typed requests carry few, to get further
		int controls = this.wellTyped ? 0 : 2;
		if (this.wellTyped) {
			odd = odd.map(HostileValues::withoutControls);
			anyUnicode = anyUnicode.map(HostileValues::withoutControls);
		}
		Arbitrary<String> all = small
				? Arbitraries.frequencyOf(Tuple.of(4, ordinary), Tuple.of(3, odd), Tuple.of(controls, control), Tuple.of(1, anyUnicode))
				: Arbitraries.frequencyOf(Tuple.of(4, ordinary), Tuple.of(3, odd), Tuple.of(controls, control), Tuple.of(1, anyUnicode),
						Tuple.of(1, longer), Tuple.of(1, huge));
		return all.map(text -> text);
	}

	private static String withoutControls(String text) {
		return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
	}

	/** A long text no message has any business repeating: each stretch of it is unique (and free of control characters). */
	static String echoable(int length) {
		StringBuilder text = new StringBuilder(length + 16);
		for (int i = 0; text.length() < length; i++) {
			text.append("echo").append(i).append('|');
		}
		return text.substring(0, length);
	}

	private Arbitrary<Object> ids(String name, boolean small) {
		String guessed = expectedType(name);
		String type = (guessed == null) ? "Community" : guessed;
		List<Object> garbage = new ArrayList<>(List.of("", " ", "\u0000", "!!!", "bm90IGFuIGlk", base64(type + ":abc"),
				base64(type + ":99999999999999999999"), base64(":1"), base64(type + ":"), base64(type + ":-1"), 12345,
				GlobalId.encode(type, NO_SUCH_KEY), GlobalId.encode(type, Long.MAX_VALUE), GlobalId.encode("NoSuchType", 1)));
		if (!small) {
			garbage.add(echoable(100_000));
		}
		List<Tuple.Tuple2<Integer, Arbitrary<Object>>> choices = new ArrayList<>();
		choices.add(Tuple.of(2, Arbitraries.of(garbage)));
		choices.add(Tuple.of(1, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
			.ofMaxLength(24).map(id -> id)));
		// well-formed IDs of the right type that name nothing: the request gets as far as the look-up
		choices.add(Tuple.of(2, Arbitraries.of(GlobalId.encode(type, NO_SUCH_KEY), GlobalId.encode(type, 0))));
		List<String> wrongType = (guessed == null && !this.rightTypeRealIds) ? List.of() : this.realIds.notOfType(type);
		if (!wrongType.isEmpty()) {
			choices.add(Tuple.of(1, Arbitraries.of(wrongType).map(id -> id)));
		}
		List<String> rightType = this.realIds.ofType(type);
		if (this.rightTypeRealIds && !rightType.isEmpty()) {
			choices.add(Tuple.of(3, Arbitraries.of(rightType).map(id -> id)));
		}
		return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
	}

	/** ID names that do not spell their type. */
	private static final Map<String, String> TYPE_OF_NAME = Map.of("forAccount", "Account", "volunteer", "Account",
			"member", "Account", "handler", "Account", "actor", "Account", "subject", "Account", "category", "CaseCategory",
			"reversedTransfer", "Transfer", "duplicateOf", "Case", "upTo", "Notification");

	/**
	 * The type an ID argument names, guessed from its name ({@code communityId} names a Community),
	 * or null when its name does not tell ({@code id}): then it gets no real ID unless real IDs of
	 * the right type are allowed, for a real ID of "another" type might be of the right one.
	 */
	static String expectedType(String name) {
		String stem = name.replaceAll("Ids?$", "");
		if (stem.isEmpty() || "id".equals(name) || "ids".equals(name)) {
			return null;
		}
		return TYPE_OF_NAME.getOrDefault(stem, Character.toUpperCase(stem.charAt(0)) + stem.substring(1));
	}

	private static String base64(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static Arbitrary<Object> ints(boolean wellTyped) {
		Arbitrary<Object> edges = Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 20, 100, 101, 1000, 100_000);
		Arbitrary<Object> any = Arbitraries.integers().map(i -> i);
		Arbitrary<Object> beyond = Arbitraries.of(2_147_483_648L, -2_147_483_649L, 1.5, "12", new BigDecimal("1e20"));
		return Arbitraries.frequencyOf(Tuple.of(4, edges), Tuple.of(2, any), Tuple.of(wellTyped ? 0 : 1, beyond));
	}

	private static Arbitrary<Object> floats(boolean wellTyped) {
		// JSON has no NaN or infinity: sent as strings, where a Float must be refused as a bad request
		Arbitrary<Object> edges = Arbitraries.of(1e308, -1e308, Double.MIN_VALUE, 0.0, -0.0, 180.0000001, -180.5, 90.0000001,
				-91.0, 114.35, 30.58, "NaN", "Infinity", "-Infinity", new BigDecimal("1e309"), new BigDecimal("-1e400"), 7);
		Arbitrary<Object> finite = Arbitraries.of(1e308, -1e308, Double.MIN_VALUE, 0.0, -0.0, 180.0000001, -180.5, 90.0000001,
				-91.0, 114.35, 30.58, 7);
		Arbitrary<Object> any = Arbitraries.doubles().map(d -> d);
		return Arbitraries.frequencyOf(Tuple.of(wellTyped ? 0 : 3, edges), Tuple.of(wellTyped ? 3 : 0, finite), Tuple.of(1, any));
	}

	private static Arbitrary<Object> dateTimes() {
		Arbitrary<Object> edges = Arbitraries.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
				"+999999999-12-31T23:59:59.999999999Z", "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "2100-12-31T23:59:59Z",
				"2101-01-01T00:00:00Z", "2026-11-27T09:00:00Z", "2026-11-27T09:00:00+14:00", "2026-11-27T09:00:00",
				"2026-02-30T00:00:00Z", "2026-13-45T25:61:61Z", "", "now", "\u0000", 1_700_000_000, "2026-11-27T09:00:00.1234567890123Z");
		Arbitrary<Object> any = Arbitraries.integers().between(0, 9999)
			.map(year -> String.format("%04d-06-15T12:00:00Z", year));
		return Arbitraries.frequencyOf(Tuple.of(3, edges), Tuple.of(1, any));
	}

	private static Arbitrary<Object> months() {
		return Arbitraries.of("0000-01", "9999-12", "1999-12", "2000-01", "2100-12", "2101-01", "2026-00", "2026-13",
				"2026-11", "2026-1", "", "\u0000", "2026-11-01", "+12026-11", 202611);
	}

	private static Arbitrary<Object> geoJson() {
		Map<String, Object> square = Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(114.35, 30.58), List.of(114.36, 30.58), List.of(114.36, 30.59), List.of(114.35, 30.58))));
		Map<String, Object> bowtie = Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(0, 0), List.of(1, 1), List.of(1, 0), List.of(0, 1), List.of(0, 0))));
		Map<String, Object> far = Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(1e308, 1e308), List.of(-1e308, 1e308), List.of(1e308, -1e308), List.of(1e308, 1e308))));
		Map<String, Object> nan = Map.of("type", "Point", "coordinates", List.of("NaN", "Infinity"));
		Map<String, Object> manyPoints = Map.of("type", "Polygon", "coordinates", List.of(ring(20_000)));
		return Arbitraries.of(square, bowtie, far, nan, manyPoints, Map.of(), Map.of("type", "Feature"),
				Map.of("type", "Polygon", "coordinates", "x"), "a string", 42, List.of(), nested(64), nested(2_000));
	}

	private static List<List<Double>> ring(int points) {
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i < points; i++) {
			double angle = 2 * Math.PI * i / points;
			ring.add(List.of(114.35 + 0.01 * Math.cos(angle), 30.58 + 0.01 * Math.sin(angle)));
		}
		ring.add(ring.get(0));
		return ring;
	}

	/** Lists inside lists, {@code depth} deep: beyond any JSON parser's nesting limit at 2000. */
	private static Object nested(int depth) {
		Object value = List.of(1.0, 2.0);
		for (int i = 0; i < depth; i++) {
			value = List.of(value);
		}
		return Map.of("type", "Polygon", "coordinates", value);
	}

	/** A value of another JSON kind than the type asks for. */
	private static Arbitrary<Object> otherKind() {
		return Arbitraries.of(Map.of("a", 1), List.of("x", 1), "text", 3, true, 2.5);
	}

}
