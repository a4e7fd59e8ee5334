package org.qibao.gamification;

import org.qibao.patrol.AttendanceVerified;
import org.springframework.stereotype.Component;

/**
 * Recognises patrols that were verified without passing through the event publication registry
 * (the demo community's history), exactly as the {@code AttendanceVerified} listener does: once.
 */
@Component
public class PastPatrols {

	private final Recognition recognition;

	PastPatrols(Recognition recognition) {
		this.recognition = recognition;
	}

	/** Returns the points entries written now; none when the attendance was recognised before. */
	public int recognise(AttendanceVerified attendance) {
		return this.recognition.recognise(PatrolFact.of(attendance)).size();
	}

}
