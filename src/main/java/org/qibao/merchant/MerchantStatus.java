package org.qibao.merchant;

/** A merchant's standing with its community. */
public enum MerchantStatus {

	/** Applied, waiting for the community administrator. */
	PENDING,
	/** Approved: its offers are shown and can be redeemed. */
	APPROVED,
	/** Suspended by the administrator: its offers are hidden and no code can be asked for or confirmed. */
	SUSPENDED,
	/** The application was rejected, with a reason; the shop may apply again. */
	REJECTED

}
