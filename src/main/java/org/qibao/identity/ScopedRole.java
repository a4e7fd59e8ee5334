package org.qibao.identity;

/** A role held over one object, e.g. captain of team 3. */
public record ScopedRole(Role role, long scopeId) {

	/** The compact form carried in a token, e.g. {@code CAPTAIN:3}. */
	String claim() {
		return this.role.name() + ":" + this.scopeId;
	}

}
