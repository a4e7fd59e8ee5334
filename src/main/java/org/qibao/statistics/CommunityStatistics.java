package org.qibao.statistics;

import java.time.YearMonth;
import java.util.List;

import org.qibao.geo.Grid;

/** A community's figures for one month; see docs/statistics.md for each definition. */
record CommunityStatistics(YearMonth month, Grid grid, long verifiedPatrolMinutes, int activeVolunteers,
		int shiftsAtRisk, int noShows, long minutesEarned, long minutesSpentAtSchool, long minutesSpentAtMerchants,
		long minutesGiven, List<StatisticsWeek> weeks, List<TeamPatrolStatistics> teams,
		List<MerchantRedemptionStatistics> merchants) {
}
