package org.qibao.gamification;

import java.time.YearMonth;

import org.qibao.shared.Identified;

/** A community's target for one month. */
record CommunityGoal(long id, long communityId, YearMonth month, String metric, int target, LocalizedText title)
		implements Identified {
}
