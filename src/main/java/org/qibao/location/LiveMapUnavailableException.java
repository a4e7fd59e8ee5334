package org.qibao.location;

import org.qibao.shared.UnavailableException;

/** Redis, which holds the live map, could not be reached; the map recovers by itself when it can. */
class LiveMapUnavailableException extends UnavailableException {

	LiveMapUnavailableException(Throwable cause) {
		super("LIVE_MAP_UNAVAILABLE", "The live map is unavailable", cause);
	}

}
