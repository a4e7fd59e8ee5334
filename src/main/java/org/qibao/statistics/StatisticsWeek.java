package org.qibao.statistics;

import java.time.LocalDate;

/** One week's figures within a month, named by its first day in the month. */
record StatisticsWeek(LocalDate weekStart, long verifiedPatrolMinutes, int activeVolunteers, int shiftsAtRisk,
		int noShows, long minutesEarned, long minutesSpentAtSchool, long minutesSpentAtMerchants, long minutesGiven) {
}
