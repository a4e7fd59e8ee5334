package org.qibao.identity;

/** The kinds of responsibility a person can hold, each scoped to one kind of object. */
public enum Role {

	/** A resident who patrols for a community. */
	VOLUNTEER("Community"),
	/** The captain of a patrol team. */
	CAPTAIN("Team"),
	/** A grid worker (网格员) of one grid. */
	GRID_WORKER("Grid"),
	/** A staff member of one merchant. */
	MERCHANT_STAFF("Merchant"),
	/** An administrator of one community. */
	ADMINISTRATOR("Community"),
	/** An administrator of one city: draws its districts, streets and communities. */
	CITY_ADMINISTRATOR("City");

	private final String scopeType;

	Role(String scopeType) {
		this.scopeType = scopeType;
	}

	/** The GraphQL type name of the objects this role is scoped to. */
	public String scopeType() {
		return this.scopeType;
	}

}
