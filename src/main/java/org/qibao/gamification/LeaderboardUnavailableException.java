package org.qibao.gamification;

import org.qibao.shared.UnavailableException;

/** Redis, which holds the leaderboards, could not be reached; boards recover by themselves when it can. */
class LeaderboardUnavailableException extends UnavailableException {

	LeaderboardUnavailableException(Throwable cause) {
		super("LEADERBOARD_UNAVAILABLE", "The leaderboards are unavailable", cause);
	}

}
