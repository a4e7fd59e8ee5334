package org.qibao.gamification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Weekly streaks, friendly to elderly volunteers: an ISO week (Monday to Sunday, in the
 * community's time zone) with at least one verified patrol counts. A missed week is forgiven
 * when no other missed week was forgiven in the three weeks before it (one in four); a week a
 * captain paused neither counts nor breaks; the week in progress never breaks a streak.
 */
final class StreakPolicy {

	private StreakPolicy() {
	}

	/** A streak as of this week. */
	record State(int currentWeeks, int longestWeeks, boolean thisWeekCounted, int graceLeft) {
	}

	/** The Monday of the ISO week holding the day. */
	static LocalDate weekOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * @param counted Mondays of weeks with a verified patrol
	 * @param paused Mondays of weeks a captain excused
	 * @param thisWeek the Monday of the week in progress
	 */
	static State of(Set<LocalDate> counted, Set<LocalDate> paused, LocalDate thisWeek) {
		TreeSet<LocalDate> weeks = new TreeSet<>(counted);
		int current = 0;
		int longest = 0;
		LocalDate lastForgiven = null;
		LocalDate week = weeks.isEmpty() ? thisWeek : weeks.first();
		for (; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
			if (counted.contains(week)) {
				current++;
				longest = Math.max(longest, current);
			}
			else if (paused.contains(week) || week.equals(thisWeek) || current == 0) {
				continue;
			}
			else if (forgivable(lastForgiven, week)) {
				lastForgiven = week;
			}
			else {
				current = 0;
				lastForgiven = null;
			}
		}
		int graceLeft = forgivable(lastForgiven, thisWeek) ? 1 : 0;
		return new State(current, longest, counted.contains(thisWeek), graceLeft);
	}

	private static boolean forgivable(LocalDate lastForgiven, LocalDate week) {
		return lastForgiven == null || ChronoUnit.WEEKS.between(lastForgiven, week) >= 4;
	}

}
