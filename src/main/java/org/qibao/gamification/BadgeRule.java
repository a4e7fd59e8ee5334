package org.qibao.gamification;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.qibao.shared.BusinessRuleException;

/**
 * A badge's rule: the metric reaches the threshold within one window. {@link #parse} is the
 * policy that admits a rule given as text, naming what is wrong; it knows nothing of Spring.
 */
record BadgeRule(Metric metric, int threshold, Window window, LocalTime beforeTime, DayOfWeek weekday) {

	enum Metric {
		VERIFIED_PATROL_MINUTES, PATROLS, CHECKPOINTS, VERIFIED_REPORTS, STREAK_WEEKS, PATROLS_STARTING_BEFORE,
		PATROL_DAYS_ON_WEEKDAY, PROXY_PATROLS
	}

	enum Window {

		ALL_TIME(Integer.MAX_VALUE, "'all'"), CALENDAR_WEEK(1, "to_char(local_at, 'IYYY-\"W\"IW')"),
		CALENDAR_MONTH(5, "to_char(local_at, 'YYYY-MM')"), CALENDAR_YEAR(53, "to_char(local_at, 'YYYY')");

		/** The most days of one weekday the window holds. */
		final int weekdays;

		/** The window's key of a row's local time, in SQL. */
		final String keySql;

		Window(int weekdays, String keySql) {
			this.weekdays = weekdays;
			this.keySql = keySql;
		}

		/** The most minutes the window holds (a patrol cannot count more minutes than there are). */
		long minutes() {
			return switch (this) {
				case ALL_TIME -> Long.MAX_VALUE;
				case CALENDAR_WEEK -> 7L * 24 * 60;
				case CALENDAR_MONTH -> 31L * 24 * 60;
				case CALENDAR_YEAR -> 366L * 24 * 60;
			};
		}

	}

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	/**
	 * Admits a rule given as text. Refuses an unknown metric or window, a threshold below one, a
	 * metric's missing parameter, and a window in which the threshold can never be reached.
	 */
	static BadgeRule parse(String metricText, int threshold, String windowText, String beforeTimeText, String weekdayText) {
		Metric metric = lookup(Metric.class, metricText, "UNKNOWN_BADGE_METRIC", "rule.metric");
		Window window = windowText == null ? Window.ALL_TIME
				: lookup(Window.class, windowText, "UNKNOWN_BADGE_WINDOW", "rule.window");
		if (threshold < 1) {
			throw new BusinessRuleException("BADGE_THRESHOLD_NOT_POSITIVE", "rule.threshold");
		}
		LocalTime before = metric == Metric.PATROLS_STARTING_BEFORE ? time(beforeTimeText) : null;
		DayOfWeek weekday = metric == Metric.PATROL_DAYS_ON_WEEKDAY ? weekday(weekdayText) : null;
		BadgeRule rule = new BadgeRule(metric, threshold, window, before, weekday);
		if (before != null && before.equals(LocalTime.MIDNIGHT)) {
			// No patrol starts before midnight of its own day: such a badge could never be earned.
			throw new BusinessRuleException("BADGE_WINDOW_NOT_COMPUTABLE", "rule.beforeTime", window.name(), metric.name());
		}
		if (!rule.computable()) {
			throw new BusinessRuleException("BADGE_WINDOW_NOT_COMPUTABLE", "rule.window", window.name(), metric.name());
		}
		return rule;
	}

	/** Whether the threshold can be reached within one window at all. */
	boolean computable() {
		return switch (this.metric) {
			case STREAK_WEEKS -> this.window == Window.ALL_TIME;
			case PATROL_DAYS_ON_WEEKDAY -> this.threshold <= this.window.weekdays;
			case VERIFIED_PATROL_MINUTES -> this.threshold <= this.window.minutes();
			default -> true;
		};
	}

	private static LocalTime time(String text) {
		if (text == null) {
			throw new BusinessRuleException("BADGE_TIME_OF_DAY_REQUIRED", "rule.beforeTime");
		}
		try {
			return LocalTime.parse(text, HH_MM);
		}
		catch (DateTimeParseException ex) {
			throw new BusinessRuleException("BADGE_TIME_OF_DAY_REQUIRED", "rule.beforeTime");
		}
	}

	private static DayOfWeek weekday(String text) {
		if (text == null) {
			throw new BusinessRuleException("BADGE_WEEKDAY_REQUIRED", "rule.weekday");
		}
		return DayOfWeek.valueOf(text);
	}

	private static <E extends Enum<E>> E lookup(Class<E> type, String text, String code, String field) {
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equals(text))
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException(code, field));
	}

}
