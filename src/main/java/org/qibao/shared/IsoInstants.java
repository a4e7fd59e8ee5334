package org.qibao.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the date-time form phones send, {@code 2026-12-07T20:15:30.123Z} or with an offset such
 * as {@code +08:00}, without {@code DateTimeFormatter}, whose general parser cost a position report
 * more than its own filters. Anything else, or anything out of range, is left to
 * {@link java.time.OffsetDateTime#parse}, which gives the same instant for what this reads and the
 * same refusal for the rest.
 */
final class IsoInstants {

	private static final int SECONDS_PER_DAY = 86_400;

	private IsoInstants() {
	}

	/**
	 * The instant written; null when the text is not in the common form, not a valid date-time, or
	 * outside {@link CalendarBounds}.
	 */
	static Instant read(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (!CalendarBounds.within(year) || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
				|| hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int at = 19;
		int nanos = 0;
		if (text.charAt(at) == '.') {
			int first = ++at;
			while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
				nanos = nanos * 10 + (text.charAt(at++) - '0');
			}
			if (at == first) {
				return null;
			}
			for (int scale = at - first; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		int offset = offsetSeconds(text, at);
		if (offset == Integer.MIN_VALUE) {
			return null;
		}
		long epochDay = LocalDate.of(year, month, day).toEpochDay();
		long seconds = epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second - offset;
		return Instant.ofEpochSecond(seconds, nanos);
	}

	/** {@code Z} or {@code ±HH:MM} to the end of the text, in seconds; MIN_VALUE for anything else. */
	private static int offsetSeconds(String text, int at) {
		int left = text.length() - at;
		if (left == 1 && text.charAt(at) == 'Z') {
			return 0;
		}
		char sign = (left == 6) ? text.charAt(at) : ' ';
		if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
			return Integer.MIN_VALUE;
		}
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3_600 + minutes * 60;
		return (sign == '-') ? -seconds : seconds;
	}

	/** The number written in {@code count} digits from {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
