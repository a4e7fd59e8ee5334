package org.qibao.shared;

/**
 * A business rule refused a command. Services throw it; the GraphQL layer turns it into a
 * {@link UserError} in the mutation's payload, so nothing is changed and the caller is told why.
 */
public class BusinessRuleException extends RuntimeException {

	private final String code;

	private final String field;

	private final transient Object[] args;

	public BusinessRuleException(String code, String field, Object... args) {
		super(code, null, false, false);
		this.code = code;
		this.field = field;
		this.args = args;
	}

	public String code() {
		return this.code;
	}

	/** The input field at fault, or null. */
	public String field() {
		return this.field;
	}

	public Object[] args() {
		return this.args;
	}

}
