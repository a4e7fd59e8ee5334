package org.qibao.casework;

import java.time.YearMonth;

/** How one community's or grid's cases reported in one month did. Rates are 0 to 1; null when nothing to rate. */
record CaseKpis(YearMonth month, int reported, Double closureRate, Double onTimeClosureRate, Double reworkRate,
		Double extensionRate, Integer medianMinutesToAccept, Integer medianMinutesToClose, Double meanSatisfaction) {
}
