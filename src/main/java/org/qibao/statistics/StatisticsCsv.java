package org.qibao.statistics;

import org.qibao.shared.CsvCells;

/**
 * The month's figures in long format, {@code figure,period,subject,value}: each week's figures
 * (period = the week's first day in the month), the month's totals (period = the month), each
 * team's verified minutes per week and each merchant's redemptions in the month.
 */
final class StatisticsCsv {

	private StatisticsCsv() {
	}

	static String render(CommunityStatistics month) {
		StringBuilder csv = new StringBuilder("figure,period,subject,value\r\n");
		for (StatisticsWeek week : month.weeks()) {
			String period = week.weekStart().toString();
			row(csv, "verified_patrol_minutes", period, null, week.verifiedPatrolMinutes());
			row(csv, "active_volunteers", period, null, week.activeVolunteers());
			row(csv, "shifts_at_risk", period, null, week.shiftsAtRisk());
			row(csv, "no_shows", period, null, week.noShows());
			row(csv, "minutes_earned", period, null, week.minutesEarned());
			row(csv, "minutes_spent_at_school", period, null, week.minutesSpentAtSchool());
			row(csv, "minutes_spent_at_merchants", period, null, week.minutesSpentAtMerchants());
			row(csv, "minutes_given", period, null, week.minutesGiven());
		}
		String period = month.month().toString();
		row(csv, "verified_patrol_minutes", period, null, month.verifiedPatrolMinutes());
		row(csv, "active_volunteers", period, null, month.activeVolunteers());
		row(csv, "shifts_at_risk", period, null, month.shiftsAtRisk());
		row(csv, "no_shows", period, null, month.noShows());
		row(csv, "minutes_earned", period, null, month.minutesEarned());
		row(csv, "minutes_spent_at_school", period, null, month.minutesSpentAtSchool());
		row(csv, "minutes_spent_at_merchants", period, null, month.minutesSpentAtMerchants());
		row(csv, "minutes_given", period, null, month.minutesGiven());
		for (TeamPatrolStatistics team : month.teams()) {
			for (int i = 0; i < month.weeks().size(); i++) {
				row(csv, "team_verified_patrol_minutes", month.weeks().get(i).weekStart().toString(), team.team().name(),
						team.weeklyVerifiedPatrolMinutes().get(i));
			}
		}
		for (MerchantRedemptionStatistics merchant : month.merchants()) {
			row(csv, "merchant_redemptions", period, merchant.merchant().name(), merchant.redemptions());
			row(csv, "merchant_redemption_minutes", period, merchant.merchant().name(), merchant.minutes());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, String figure, String period, String subject, long value) {
		csv.append(figure).append(',').append(period).append(',').append(CsvCells.quoted(subject)).append(',')
			.append(value).append("\r\n");
	}

}
