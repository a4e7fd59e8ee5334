package org.qibao.shared;

import java.util.function.Predicate;

import org.springframework.security.core.Authentication;

/**
 * This instance's open GraphQL WebSocket connections, each known by the authentication it was
 * opened with, so that a connection whose token has ended (signed out, password changed) can be
 * closed instead of running its subscriptions on.
 */
public interface LiveConnections {

	/**
	 * Closes with 4401 Unauthorized, as graphql-transport-ws does for an unauthorised connection,
	 * every connection of this instance whose authentication {@code ended} matches.
	 * @return how many were closed
	 */
	int closeEnded(Predicate<Authentication> ended);

}
