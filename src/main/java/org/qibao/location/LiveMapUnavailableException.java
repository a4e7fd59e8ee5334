package org.qibao.location;

/** Redis, which holds the live map, could not be reached; the map recovers by itself when it can. */
class LiveMapUnavailableException extends RuntimeException {

	LiveMapUnavailableException(Throwable cause) {
		super("The live map is unavailable", cause);
	}

}
