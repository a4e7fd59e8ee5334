package org.qibao.casework;

import java.util.List;

/**
 * What a step carries besides the case: a note for the timeline, photos (the resolution's
 * evidence), and the step's own fields (rejection, handler, satisfaction). Unused fields are null.
 */
record StepDetails(String note, List<String> photoIds, String rejection, Long duplicateOfId, String reason,
		Long handlerAccountId, Long departmentId, Integer satisfaction) {

	static StepDetails note(String note) {
		return new StepDetails(note, List.of(), null, null, null, null, null, null);
	}

}
