package org.qibao.casework.photo;

/** An upload refused, with the HTTP status and the error code the client is told. */
class PhotoRefusal extends RuntimeException {

	private final int status;

	private final String code;

	private final transient Object[] args;

	PhotoRefusal(int status, String code, Object... args) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.args = args;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Object[] args() {
		return this.args;
	}

}
