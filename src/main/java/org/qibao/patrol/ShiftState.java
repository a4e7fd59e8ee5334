package org.qibao.patrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the audit log shows of a one-off shift. */
final class ShiftState {

	private ShiftState() {
	}

	static Map<String, Object> of(Shift shift, List<Long> gridIds) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("gridIds", gridIds);
		state.put("startsAt", shift.startsAt().toString());
		state.put("endsAt", shift.endsAt().toString());
		state.put("minPatrollers", shift.minPatrollers());
		state.put("maxPatrollers", shift.maxPatrollers());
		state.put("status", shift.status());
		return state;
	}

}
