package org.qibao.statistics;

import java.time.YearMonth;

import org.qibao.identity.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The administrator's statistics of a community's month. */
@Controller
class StatisticsController {

	private final StatisticsDesk desk;

	private final Statistics statistics;

	StatisticsController(StatisticsDesk desk, Statistics statistics) {
		this.desk = desk;
		this.statistics = statistics;
	}

	@QueryMapping
	CommunityStatistics communityStatistics(@Argument String communityId, @Argument YearMonth month,
			@Argument String gridId, Actor actor) {
		return this.statistics.of(this.desk.scope(actor, communityId, month, gridId));
	}

}
