package org.qibao.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Geography;
import org.qibao.merchant.Merchant;
import org.qibao.merchant.Merchants;
import org.qibao.merchant.RedemptionFigures;
import org.qibao.patrol.PatrolFigures;
import org.qibao.patrol.PatrolFigures.ShiftTurnout;
import org.qibao.patrol.PatrolFigures.VerifiedPatrol;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.statistics.StatisticsDesk.Scope;
import org.qibao.timebank.MinuteFlows;
import org.qibao.timebank.MinuteFlows.WeekFlows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Composes a community's month from the figures each owning module answers: a few aggregate queries in all. */
@Service
class Statistics {

	private final PatrolFigures patrol;

	private final MinuteFlows minutes;

	private final RedemptionFigures redemptions;

	private final Teams teams;

	private final Merchants merchants;

	private final Geography geography;

	Statistics(PatrolFigures patrol, MinuteFlows minutes, RedemptionFigures redemptions, Teams teams, Merchants merchants,
			Geography geography) {
		this.patrol = patrol;
		this.minutes = minutes;
		this.redemptions = redemptions;
		this.teams = teams;
		this.merchants = merchants;
		this.geography = geography;
	}

	/** The scope's month, read in one snapshot so that the figures agree with each other. */
	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	CommunityStatistics of(Scope scope) {
		long community = scope.community().id();
		ZoneId zone = scope.community().zone();
		List<LocalDate> weeks = weeksOf(scope.month());
		List<VerifiedPatrol> verified = this.patrol.verified(community, scope.gridId(), scope.month(), zone);
		Map<LocalDate, ShiftTurnout> turnout = byWeek(this.patrol.turnout(community, scope.gridId(), scope.month(), zone),
				ShiftTurnout::week);
		Map<LocalDate, WeekFlows> flows = byWeek(this.minutes.weekly(community, scope.month(), zone), WeekFlows::week);
		Map<LocalDate, VerifiedPatrol> patrolWeeks = byWeek(
				verified.stream().filter(v -> v.week() != null && v.teamId() == null).toList(), VerifiedPatrol::week);
		List<StatisticsWeek> rows = weeks.stream().map(week -> week(week, patrolWeeks.get(week), turnout.get(week),
				flows.get(week))).toList();
		VerifiedPatrol month = verified.stream().filter(v -> v.week() == null).findFirst()
			.orElse(new VerifiedPatrol(null, null, 0, 0));
		return new CommunityStatistics(scope.month(), scope.grid(), month.minutes(), month.volunteers(),
				rows.stream().mapToInt(StatisticsWeek::shiftsAtRisk).sum(), rows.stream().mapToInt(StatisticsWeek::noShows).sum(),
				rows.stream().mapToLong(StatisticsWeek::minutesEarned).sum(),
				rows.stream().mapToLong(StatisticsWeek::minutesSpentAtSchool).sum(),
				rows.stream().mapToLong(StatisticsWeek::minutesSpentAtMerchants).sum(),
				rows.stream().mapToLong(StatisticsWeek::minutesGiven).sum(), rows, teams(verified, weeks),
				merchants(scope, zone));
	}

	/** The first day of each week of the month within it: the 1st, then every Monday. */
	static List<LocalDate> weeksOf(YearMonth month) {
		List<LocalDate> weeks = new ArrayList<>();
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth());
				day = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY))) {
			weeks.add(day);
		}
		return weeks;
	}

	private static StatisticsWeek week(LocalDate week, VerifiedPatrol patrol, ShiftTurnout turnout, WeekFlows flows) {
		return new StatisticsWeek(week, patrol == null ? 0 : patrol.minutes(), patrol == null ? 0 : patrol.volunteers(),
				turnout == null ? 0 : turnout.shiftsAtRisk(), turnout == null ? 0 : turnout.noShows(),
				flows == null ? 0 : flows.earned(), flows == null ? 0 : flows.spentAtSchool(),
				flows == null ? 0 : flows.spentAtMerchants(), flows == null ? 0 : flows.given());
	}

	private List<TeamPatrolStatistics> teams(List<VerifiedPatrol> verified, List<LocalDate> weeks) {
		Map<Long, Map<LocalDate, Long>> byTeam = verified.stream()
			.filter(v -> v.teamId() != null)
			.collect(Collectors.groupingBy(VerifiedPatrol::teamId,
					Collectors.toMap(VerifiedPatrol::week, VerifiedPatrol::minutes)));
		Map<Long, Team> named = this.teams.findAll(byTeam.keySet());
		return byTeam.entrySet().stream().map(team -> {
			List<Long> weekly = weeks.stream().map(week -> team.getValue().getOrDefault(week, 0L)).toList();
			return new TeamPatrolStatistics(named.get(team.getKey()), weekly.stream().mapToLong(Long::longValue).sum(), weekly);
		}).sorted(Comparator.comparing(t -> t.team().name())).toList();
	}

	private List<MerchantRedemptionStatistics> merchants(Scope scope, ZoneId zone) {
		List<RedemptionFigures.MerchantRedemptions> figures = this.redemptions.monthly(scope.community().id(),
				scope.month(), zone);
		Map<Long, Merchant> named = this.merchants.findAll(figures.stream().map(f -> f.merchantId()).toList());
		return figures.stream()
			.map(f -> new MerchantRedemptionStatistics(named.get(f.merchantId()), f.redemptions(), f.minutes()))
			.filter(m -> scope.grid() == null || this.geography.metresOutside(scope.grid(), m.merchant().location()) == 0)
			.sorted(Comparator.comparing(m -> m.merchant().name()))
			.toList();
	}

	private static <T> Map<LocalDate, T> byWeek(List<T> rows, Function<T, LocalDate> week) {
		return rows.stream().collect(Collectors.toMap(week, Function.identity()));
	}

}
