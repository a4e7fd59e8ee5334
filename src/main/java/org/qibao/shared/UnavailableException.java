package org.qibao.shared;

/**
 * A store a feature needs could not be reached just now (the live map's Redis, say); the feature
 * recovers by itself when it can. Queries and subscriptions both answer it as {@code UNAVAILABLE}
 * with the feature's code, so a client can tell "try again shortly" from a refusal or a fault. A
 * module subclasses it for its own code rather than the shared kernel knowing the module.
 */
public class UnavailableException extends RuntimeException {

	private final String code;

	protected UnavailableException(String code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/** The code of the user-facing message ({@code error.<code>} in the message bundles). */
	public String code() {
		return this.code;
	}

}
