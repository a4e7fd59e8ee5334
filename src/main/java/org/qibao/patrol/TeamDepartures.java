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

	private final PatrolAudit audit;

	TeamDepartures(Memberships memberships, Signups signups, PatrolAudit audit) {
		this.memberships = memberships;
		this.signups = signups;
		this.audit = audit;
	}

	@Transactional
	void leave(long teamId, long accountId, Instant now) {
		this.memberships.leave(teamId, accountId);
		this.signups.cancelUpcoming(teamId, accountId, now);
	}

	@Transactional
	void setActive(long teamId, long accountId, boolean active, long by, Instant now) {
		String before = this.memberships.status(teamId, accountId).orElse(null);
		this.memberships.setActive(teamId, accountId, active);
		if (!active) {
			this.signups.cancelUpcoming(teamId, accountId, now);
		}
		this.audit.inTeam(by, teamId, "teamMemberStatusSet", "Team", teamId,
				java.util.Map.of("accountId", accountId, "status", before),
				java.util.Map.of("accountId", accountId, "status", active ? "ACTIVE" : "INACTIVE"));
	}

}
