package org.qibao.patrol;

import java.util.List;

/**
 * What a check-in is judged on, read in one statement: the shift, the volunteer's active sign-up
 * on it, the shift the volunteer is checked in to now (if any), and the shift's patrol area and
 * community, which the location module's copy of the check-in needs as well.
 *
 * @param shift the shift
 * @param signupStatus the status of the volunteer's active sign-up, or null without one
 * @param openShiftId the shift of the volunteer's open check-in, or null when not checked in
 * @param gridIds the shift's grids
 * @param communityId the community of the shift's team
 */
record CheckInFacts(Shift shift, String signupStatus, Long openShiftId, List<Long> gridIds, long communityId) {

	CheckInFacts {
		gridIds = List.copyOf(gridIds);
	}

}
