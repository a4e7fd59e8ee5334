package org.qibao.merchant;

/** Where a redemption code stands; every code leaves ISSUED exactly once. */
public enum RedemptionStatus {

	/** Handed to the volunteer, its minutes on hold. */
	ISSUED,
	/** Confirmed at the counter: the minutes went to the merchant. */
	REDEEMED,
	/** Cancelled by the volunteer: the minutes were given back. */
	CANCELLED,
	/** Not used in time: the minutes were given back. */
	EXPIRED

}
