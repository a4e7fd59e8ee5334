package org.qibao.location;

/** Why a position report was not stored, as counted in the metrics and told to the phone. */
enum DropReason {

	/** NaN, out of range, swapped, or the null island (0, 0). */
	INVALID_COORDINATES(true),
	/** Accuracy missing, not positive, or worse than the configured limit. */
	BAD_ACCURACY(true),
	/** Recorded later than the server's clock allows. */
	FUTURE_TIMESTAMP(true),
	/** Recorded longer ago than a phone may queue reports. */
	TOO_OLD(true),
	/** Recorded before the check-in began or after it ended: never kept, for privacy. */
	OUTSIDE_CHECK_IN(false),
	/** The same instant as, or earlier than, the last stored position. */
	DUPLICATE(false),
	/** A jump faster than a foot or bicycle patrol can move. */
	IMPLAUSIBLE_SPEED(true),
	/** Too soon after the last stored position: coalesced into it, not refused. */
	TOO_FREQUENT(false);

	private final boolean implausible;

	DropReason(boolean implausible) {
		this.implausible = implausible;
	}

	/** True when the drop says the position could not be right (counted against coverage). */
	boolean implausible() {
		return this.implausible;
	}

}
