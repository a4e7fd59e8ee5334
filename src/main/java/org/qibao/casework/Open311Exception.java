package org.qibao.casework;

/** A refused Open311 request: the HTTP status and the description the spec's error format carries. */
class Open311Exception extends RuntimeException {

	private final int status;

	Open311Exception(int status, String description) {
		super(description, null, false, false);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
