package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what captains and administrators do to teams, schedules, shifts and people's roles as
 * {@link AdministrativeAction}s, in the transaction of the change, for the audit log.
 */
@Component
class PatrolAudit {

	private final ApplicationEventPublisher events;

	private final Teams teams;

	PatrolAudit(ApplicationEventPublisher events, Teams teams) {
		this.events = events;
		this.teams = teams;
	}

	/** Something done to (or within) a team; the community is the team's. */
	void inTeam(long actorId, long teamId, String action, String subjectType, long subjectId,
			Map<String, Object> before, Map<String, Object> after) {
		long communityId = this.teams.findAll(List.of(teamId)).get(teamId).communityId();
		inCommunity(actorId, communityId, action, subjectType, subjectId, before, after);
	}

	void inCommunity(long actorId, long communityId, String action, String subjectType, long subjectId,
			Map<String, Object> before, Map<String, Object> after) {
		this.events.publishEvent(new AdministrativeAction(actorId, communityId, "patrol." + action, subjectType,
				subjectId, before, after));
	}

}
