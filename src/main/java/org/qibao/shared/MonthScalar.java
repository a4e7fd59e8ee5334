package org.qibao.shared;

import java.time.YearMonth;
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

/** {@code Month}: a {@link YearMonth} written {@code YYYY-MM}, bounded by {@link CalendarBounds}. */
final class MonthScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("Month")
		.description("A calendar month, YYYY-MM")
		.coercing(new MonthCoercing())
		.build();

	/** A bad month is the client's mistake, classified as such rather than as a validation failure of the schema. */
	private static final Map<String, Object> BAD_REQUEST = Map.of("classification", "BAD_REQUEST");

	private MonthScalar() {
	}

	private static final class MonthCoercing implements Coercing<YearMonth, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof YearMonth month) {
				return month.toString();
			}
			throw new CoercingSerializeException("Not a Month: " + value.getClass().getSimpleName());
		}

		@Override
		public YearMonth parseValue(Object input, GraphQLContext context, Locale locale) {
			try {
				return CalendarBounds.month(input instanceof String text ? text : String.valueOf(input));
			}
			catch (IllegalArgumentException ex) {
				throw CoercingParseValueException.newCoercingParseValueException()
					.message(ex.getMessage())
					.extensions(BAD_REQUEST)
					.build();
			}
		}

		@Override
		public YearMonth parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			try {
				return CalendarBounds.month(input instanceof StringValue text ? text.getValue() : String.valueOf(input));
			}
			catch (IllegalArgumentException ex) {
				throw CoercingParseLiteralException.newCoercingParseLiteralException()
					.message(ex.getMessage())
					.extensions(BAD_REQUEST)
					.build();
			}
		}

	}

}
