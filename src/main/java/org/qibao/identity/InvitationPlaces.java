package org.qibao.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What invitations need to know of the places people are invited to, answered by the modules
 * that own teams and grids (patrol implements it): identity cannot depend on them, since they
 * depend on identity, so the question is asked through this interface instead.
 */
public interface InvitationPlaces {

	/** The community a team belongs to, if the team exists. */
	Optional<Long> communityOfTeam(long teamId);

	/** The communities these grids lie in. */
	Set<Long> communitiesOfGrids(Collection<Long> gridIds);

	/** The teams of a community by their name, for a roster that names teams. */
	Map<String, Long> teamsByName(long communityId);

}
