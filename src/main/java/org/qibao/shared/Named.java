package org.qibao.shared;

/** An object with a name to show a person, e.g. a community, a team or a merchant. */
public interface Named {

	String name();

}
