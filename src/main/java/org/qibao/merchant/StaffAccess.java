package org.qibao.merchant;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.security.access.AccessDeniedException;

/** Which merchant a staff member acts for: staff act only for the merchants they are staff of. */
final class StaffAccess {

	private StaffAccess() {
	}

	/** The merchant asked for (refused unless the actor is its staff), or the actor's first. */
	static long merchant(Actor actor, String merchantId) {
		Actor signedIn = Actor.signedIn(actor);
		if (merchantId != null) {
			long id = GlobalId.keyOf(merchantId, "Merchant");
			signedIn.require(Role.MERCHANT_STAFF, id);
			return id;
		}
		return signedIn.scopes(Role.MERCHANT_STAFF)
			.stream()
			.sorted()
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
	}

}
