package org.qibao.merchant;

import org.qibao.identity.Account;

/** An account that works at a shop's counter; the shop's owner among them. */
record MerchantStaffMember(long merchantId, long communityId, Long ownerId, Account account) {

	public String displayName() {
		return this.account.displayName();
	}

	public boolean owner() {
		return this.ownerId != null && this.ownerId == this.account.id();
	}

}
