package org.qibao.identity;

import java.util.List;

import org.qibao.shared.BusinessRuleException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may invite whom where: an administrator to their community (and any of its teams), a grid
 * worker to the community of their grids (and its teams), a captain to their own team. Anyone
 * else is refused (FORBIDDEN), as is inviting to a team of another community.
 */
@Component
class InvitationRights {

	private final InvitationPlaces places;

	InvitationRights(InvitationPlaces places) {
		this.places = places;
	}

	/** Refuses unless the actor may invite to the community and team (null for none). */
	void requireMayInvite(Actor actor, long communityId, Long teamId) {
		if (teamId != null) {
			long teamCommunity = this.places.communityOfTeam(teamId)
				.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "teamId"));
			if (teamCommunity != communityId) {
				throw new BusinessRuleException("TEAM_OF_ANOTHER_COMMUNITY", "teamId");
			}
			if (actor.has(Role.CAPTAIN, teamId)) {
				return;
			}
		}
		if (!mayInviteTo(actor, communityId)) {
			throw new AccessDeniedException("Not allowed");
		}
	}

	/** Whether the actor administers the community or works one of its grids. */
	boolean mayInviteTo(Actor actor, long communityId) {
		return actor.has(Role.ADMINISTRATOR, communityId) || this.places
			.communitiesOfGrids(List.copyOf(actor.scopes(Role.GRID_WORKER)))
			.contains(communityId);
	}

	/** The inviter may take their invitation back, and so may the community's administrators. */
	void requireMayRevoke(Actor actor, Invitation invitation) {
		if (invitation.invitedBy() != actor.accountId() && !actor.has(Role.ADMINISTRATOR, invitation.communityId())) {
			throw new AccessDeniedException("Not allowed");
		}
	}

}
