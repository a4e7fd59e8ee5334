package org.qibao.merchant;

import java.security.Principal;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.security.core.Authentication;

/** The signed-in person behind a batch loader's principal, and what of a shop they may see. */
final class Viewer {

	private Viewer() {
	}

	/** The actor of the request, or null for an anonymous one. */
	static Actor of(Principal principal) {
		if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return null;
	}

	/** Approved and suspended shops are public; applications still pending, and rejected ones, are not. */
	static boolean isPublic(Merchant merchant) {
		return merchant.status() == MerchantStatus.APPROVED || merchant.status() == MerchantStatus.SUSPENDED;
	}

	/** Its staff, its owner and the community's administrators see a shop's application and staff. */
	static boolean insider(Actor actor, long merchantId, long communityId, Long ownerId) {
		return actor != null && (actor.has(Role.MERCHANT_STAFF, merchantId) || actor.has(Role.ADMINISTRATOR, communityId)
				|| (ownerId != null && ownerId == actor.accountId()));
	}

}
