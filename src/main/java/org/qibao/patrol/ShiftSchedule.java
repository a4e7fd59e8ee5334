package org.qibao.patrol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.qibao.shared.Identified;

/**
 * A recurring schedule: on these ISO weekdays (1 = Monday), from start to end in the community's time zone.
 * Its current form generates shifts on dates from {@code appliesFrom} (null: from its creation); each edit
 * raises the version.
 */
record ShiftSchedule(long id, long teamId, List<Long> gridIds, List<Integer> weekdays, LocalTime startTime,
		LocalTime endTime, int minPatrollers, int maxPatrollers, boolean active, long version,
		LocalDate appliesFrom) implements Identified {
}
