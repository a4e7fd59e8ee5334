package org.qibao.patrol;

import java.time.Clock;

import org.qibao.location.PatrolCoverageRevised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Positions a phone sent after its check-out (queued in a dead zone) can turn attendance in review
 * into verified attendance once the location module's coverage is final.
 */
@Component
class LateCoverage {

	private final Attendances attendances;

	private final Clock clock;

	LateCoverage(Attendances attendances, Clock clock) {
		this.attendances = attendances;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PatrolCoverageRevised revised) {
		this.attendances.reassess(revised.checkInId(), revised.coverage(), this.clock.instant());
	}

}
