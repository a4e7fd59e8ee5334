package org.qibao.gamification;

import java.time.Instant;

/**
 * One leaderboard: who it ranks, over which area and stretch of time. Its Redis key carries the
 * whole name in a hash tag, so the board and its "built" marker share a Redis Cluster slot (the
 * update script touches both) while different boards spread over the cluster.
 *
 * <p>Scores pack two numbers into the 53 exact bits of a double: the points times 2^25, plus
 * 2^25 - 1 minus the minute (since 2020) of the latest activity that counted. A higher score is
 * more points, and of equal points the one who got there earlier; equal to the minute, the lower
 * member id sorts first because members are zero-padded and read in reverse.
 */
record Board(Subject subject, Scope scope, long placeId, String period) {

	static final String ALL_TIME = "all";

	static final long MINUTE_SPAN = 1L << 25;

	static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

	enum Subject {

		VOLUNTEERS("v"), TEAMS("t");

		final String code;

		Subject(String code) {
			this.code = code;
		}

	}

	enum Scope {

		COMMUNITY("c", "community_id"), STREET("s", "street_id"), CITY("y", "city_id");

		final String code;

		final String column;

		Scope(String code, String column) {
			this.code = code;
			this.column = column;
		}

		long placeOf(PointsEntry entry) {
			return switch (this) {
				case COMMUNITY -> entry.communityId();
				case STREET -> entry.streetId();
				case CITY -> entry.cityId();
			};
		}

	}

	enum Period {
		WEEK, MONTH, ALL_TIME
	}

	String key() {
		return "lb:{" + this.subject.code + ":" + this.scope.code + ":" + this.placeId + ":" + this.period + "}";
	}

	String builtKey() {
		return key() + ":built";
	}

	static long minute(Instant at) {
		return Math.max(0, Math.min(MINUTE_SPAN - 1, (at.getEpochSecond() - EPOCH.getEpochSecond()) / 60));
	}

	static double score(long points, long minute) {
		return (double) (points * MINUTE_SPAN + (MINUTE_SPAN - 1 - minute));
	}

	static long points(double score) {
		return Math.floorDiv((long) score, MINUTE_SPAN);
	}

	/** A member as stored: zero-padded so that the reverse order of equal scores puts the lower id first. */
	static String member(long id) {
		return String.format("%019d", Long.MAX_VALUE - id);
	}

	static long memberId(String member) {
		return Long.MAX_VALUE - Long.parseLong(member);
	}

}
