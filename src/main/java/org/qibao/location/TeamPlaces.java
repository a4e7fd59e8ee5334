package org.qibao.location;

import java.util.Collection;
import java.util.Set;

/**
 * Where teams patrol, answered by the module that owns teams (patrol implements it): the live map
 * needs it to let a captain open the map of their own team's community only, and the location
 * module cannot depend on the patrol module, which depends on it.
 */
public interface TeamPlaces {

	/** The communities these teams belong to. */
	Set<Long> communitiesOf(Collection<Long> teamIds);

}
