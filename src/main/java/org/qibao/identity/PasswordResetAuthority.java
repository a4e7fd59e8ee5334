package org.qibao.identity;

import java.util.Optional;

/**
 * Who may reset whose password with a one-time code. Identity knows administrators and the
 * volunteers of their communities; the module that knows teams tells whether a captain leads the
 * person, by implementing this as a bean, so that identity needs to know nothing of teams.
 */
public interface PasswordResetAuthority {

	/**
	 * The community in whose name the actor may reset this person's password, if they may; the
	 * community is recorded with the reset in the audit log.
	 */
	Optional<Long> communityWhereMayReset(Actor actor, long accountId);

}
