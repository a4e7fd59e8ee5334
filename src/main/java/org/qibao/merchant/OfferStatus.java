package org.qibao.merchant;

/** Whether an offer can be redeemed. */
public enum OfferStatus {

	/** Shown to volunteers within its validity window. */
	ACTIVE,
	/** Hidden for a while by the merchant; can be resumed. */
	PAUSED,
	/** Ended for good. */
	ENDED

}
