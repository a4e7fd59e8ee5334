package org.qibao.merchant;

import org.qibao.notification.Notice;
import org.qibao.notification.NotificationKind;
import org.qibao.notification.Notices;
import org.springframework.stereotype.Component;

/**
 * Tells a shop's applicant what the community decided, in the transaction of the decision. An
 * application is decided once, so its decision is keyed by the shop; suspending and reinstating
 * may alternate, each a change of its own, so they are not.
 */
@Component
class StandingNotices {

	private final Notices notices;

	private final MerchantApplications applications;

	StandingNotices(Notices notices, MerchantApplications applications) {
		this.notices = notices;
		this.applications = applications;
	}

	void decided(Merchant shop, String rejectionReason) {
		NotificationKind kind = rejectionReason == null ? NotificationKind.MERCHANT_APPROVED
				: NotificationKind.MERCHANT_REJECTED;
		tell(shop, Notice.of(kind, shop.name()).withDetail(rejectionReason).once("merchant-decision:" + shop.id()));
	}

	void moved(Merchant shop) {
		tell(shop, Notice.of(shop.status() == MerchantStatus.SUSPENDED ? NotificationKind.MERCHANT_SUSPENDED
				: NotificationKind.MERCHANT_REINSTATED, shop.name()));
	}

	private void tell(Merchant shop, Notice notice) {
		this.applications.ownerOf(shop.id()).ifPresent(owner -> this.notices.tell(owner, notice));
	}

}
