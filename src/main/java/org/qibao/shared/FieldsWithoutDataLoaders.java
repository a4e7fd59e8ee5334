package org.qibao.shared;

import java.util.Set;

/**
 * Fields of one type whose data fetchers a module wrote itself and which never use a data loader,
 * so that an operation selecting only such fields (and plain properties) skips the data loaders'
 * dispatching ({@link DataLoaderFreeOperations}). A module declares them as a bean beside the
 * fetchers; a field not declared is taken to use data loaders.
 */
public record FieldsWithoutDataLoaders(String typeName, Set<String> fieldNames) {

	public FieldsWithoutDataLoaders {
		fieldNames = Set.copyOf(fieldNames);
	}

}
