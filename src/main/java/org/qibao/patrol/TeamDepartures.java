package org.qibao.patrol;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member who leaves, or whom a captain marks inactive, gives up their places on shifts that
 * have not started, so the waitlist moves up instead of a seat staying empty.
 */
@Service
class TeamDepartures {

	private final Memberships memberships;

	private final Signups signups;

	TeamDepartures(Memberships memberships, Signups signups) {
		this.memberships = memberships;
		this.signups = signups;
	}

	@Transactional
	void leave(long teamId, long accountId, Instant now) {
		this.memberships.leave(teamId, accountId);
		this.signups.cancelUpcoming(teamId, accountId, now);
	}

	@Transactional
	void setActive(long teamId, long accountId, boolean active, Instant now) {
		this.memberships.setActive(teamId, accountId, active);
		if (!active) {
			this.signups.cancelUpcoming(teamId, accountId, now);
		}
	}

}
