package org.qibao.merchant;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.security.access.AccessDeniedException;

/** Who may read a merchant's reports: its staff, and the administrators of its community. */
final class MerchantReports {

	private MerchantReports() {
	}

	static Merchant readable(Merchants merchants, Actor actor, String merchantId) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(merchantId, "Merchant");
		Merchant merchant = merchants.find(id).orElseThrow(() -> new AccessDeniedException("Not allowed"));
		if (!signedIn.has(Role.MERCHANT_STAFF, id) && !signedIn.has(Role.ADMINISTRATOR, merchant.communityId())) {
			throw new AccessDeniedException("Not allowed");
		}
		return merchant;
	}

}
