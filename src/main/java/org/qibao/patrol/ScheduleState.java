package org.qibao.patrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the audit log shows of schedules and shifts before and after a captain's change. */
final class ScheduleState {

	private ScheduleState() {
	}

	static Map<String, Object> of(ShiftSchedule schedule) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("gridIds", schedule.gridIds());
		state.put("weekdays", schedule.weekdays());
		state.put("startTime", schedule.startTime().toString());
		state.put("endTime", schedule.endTime().toString());
		state.put("minPatrollers", schedule.minPatrollers());
		state.put("maxPatrollers", schedule.maxPatrollers());
		state.put("active", schedule.active());
		state.put("version", schedule.version());
		state.put("appliesFrom", schedule.appliesFrom() == null ? null : schedule.appliesFrom().toString());
		return state;
	}

}
