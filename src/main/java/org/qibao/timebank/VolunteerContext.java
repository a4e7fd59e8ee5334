package org.qibao.timebank;

import java.util.regex.Pattern;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;

/** Where a volunteer acts, and the idempotency keys they send, read from a request. */
final class VolunteerContext {

	private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_:.\\-]{8,100}");

	private VolunteerContext() {
	}

	/**
	 * The community the signed-in person volunteers in: the one asked for (refused unless they
	 * volunteer there), or their first; null when they volunteer nowhere.
	 */
	static Long community(Actor actor, String communityId) {
		Actor signedIn = Actor.signedIn(actor);
		if (communityId != null) {
			long id = GlobalId.keyOf(communityId, "Community");
			signedIn.require(Role.VOLUNTEER, id);
			return id;
		}
		return signedIn.scopes(Role.VOLUNTEER).stream().sorted().findFirst().orElse(null);
	}

	/** The client's key, scoped to the person so that two people's keys never collide. */
	static String idempotencyKey(Actor actor, String clientKey) {
		if (clientKey == null || !CLIENT_KEY.matcher(clientKey).matches()) {
			throw new BusinessRuleException("INVALID_IDEMPOTENCY_KEY", "idempotencyKey");
		}
		return "account:" + actor.accountId() + ":" + clientKey;
	}

}
