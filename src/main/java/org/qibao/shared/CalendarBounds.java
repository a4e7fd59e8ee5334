package org.qibao.shared;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The years a date or month given as input may fall in, 2000 to 2100: nothing in patrols, offers or
 * settlements lies outside them, and a year such as -99999 or +999999999 only ever reached the
 * database or the date arithmetic to fail there. One rule for the {@code DateTime} and
 * {@code Month} scalars and for the settlement download.
 */
public final class CalendarBounds {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	/** Exactly four digits of year and two of month, no sign, no spaces. */
	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

	private CalendarBounds() {
	}

	public static boolean within(int year) {
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

	/** A month written {@code YYYY-MM} within the bounds; refused with a message for the client otherwise. */
	public static YearMonth month(String text) {
		YearMonth month;
		try {
			month = (text.length() == 7) ? YearMonth.parse(text, MONTH) : null;
		}
		catch (DateTimeParseException ex) {
			month = null;
		}
		if (month == null || !within(month.getYear())) {
			throw new IllegalArgumentException("A month is written YYYY-MM with a year from " + FIRST_YEAR + " to "
					+ LAST_YEAR + ", e.g. 2026-11; not " + InputText.echo(text));
		}
		return month;
	}

}
