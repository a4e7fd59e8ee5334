package org.qibao.location;

/**
 * The Redis keys of one community's live map. The hash tag {@code {c:42}} puts all of a
 * community's keys in one Redis Cluster slot, so pipelines and multi-key reads stay valid there.
 */
record LiveKeys(long communityId) {

	private String prefix() {
		return "live:{c:" + this.communityId + "}:";
	}

	/** GEO set: member = check-in id, at its last position. */
	String geo() {
		return prefix() + "geo";
	}

	/** Sorted set: member = check-in id, score = epoch millis of its last position. */
	String seen() {
		return prefix() + "seen";
	}

	/** Hash: field = check-in id, value = the {@link LivePatroller} compact form; "x:id" marks a closed one. */
	String patrollers() {
		return prefix() + "pos";
	}

	/** Bitmap: bit n set when minute n of the shift window had a plausible in-area position. */
	String coverage(long checkInId) {
		return prefix() + "cov:" + checkInId;
	}

	/** Hash of counters: accepted, outside, implausible. */
	String counts(long checkInId) {
		return prefix() + "cnt:" + checkInId;
	}

	/** List, newest first, capped: the recent track. */
	String track(long checkInId) {
		return prefix() + "track:" + checkInId;
	}

	/** The pub/sub channel that carries the community's position updates between instances. */
	String updates() {
		return prefix() + "updates";
	}

	static String closedField(long checkInId) {
		return "x:" + checkInId;
	}

}
