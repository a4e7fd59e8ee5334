package org.qibao.shared;

/**
 * A domain object with a database key; its GraphQL {@code id} is the opaque global ID
 * made from its type name and this key.
 */
public interface Identified {

	long id();

}
