package org.qibao.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: an {@link Instant}, written as ISO-8601 in UTC. Times are stored and
 * passed as instants; graphql-java-extended-scalars' DateTime works on offset date-times
 * instead, which would put a zone where the domain has none.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An instant in UTC, as ISO-8601")
		.coercing(new InstantCoercing())
		.build();

	/** A date-time the schema cannot take is the client's mistake: a bad request. */
	private static final Map<String, Object> BAD_REQUEST = Map.of("classification", "BAD_REQUEST");

	private DateTimeScalar() {
	}

	private static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Instant instant) {
				return instant.toString();
			}
			if (value instanceof OffsetDateTime dateTime) {
				return dateTime.toInstant().toString();
			}
			throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				try {
					return parse(text);
				}
				catch (DateTimeParseException ex) {
					throw CoercingParseValueException.newCoercingParseValueException()
						.message(message(ex, text))
						.extensions(BAD_REQUEST)
						.build();
				}
			}
			throw new CoercingParseValueException("A DateTime must be a string");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue text) {
				try {
					return parse(text.getValue());
				}
				catch (DateTimeParseException ex) {
					throw CoercingParseLiteralException.newCoercingParseLiteralException()
						.message(message(ex, text.getValue()))
						.extensions(BAD_REQUEST)
						.build();
				}
			}
			throw new CoercingParseLiteralException("A DateTime must be a string");
		}

		/** What was wrong, quoting no more of the input than {@link InputText#echo} does. */
		private static String message(DateTimeParseException ex, String text) {
			return ex.getMessage().startsWith("A DateTime") ? ex.getMessage() + ": " + InputText.echo(text)
					: "Not an ISO-8601 date-time with offset: " + InputText.echo(text);
		}

		/** An offset date-time within {@link CalendarBounds}; anything else is refused as unparseable. */
		private static Instant parse(String text) {
			Instant common = IsoInstants.read(text);
			if (common != null) {
				return common;
			}
			OffsetDateTime dateTime = OffsetDateTime.parse(text);
			if (!CalendarBounds.within(dateTime.getYear())) {
				throw new DateTimeParseException("A DateTime must fall in the years " + CalendarBounds.FIRST_YEAR + " to "
						+ CalendarBounds.LAST_YEAR, InputText.echo(text), 0);
			}
			return dateTime.toInstant();
		}

	}

}
