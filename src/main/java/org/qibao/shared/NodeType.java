package org.qibao.shared;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * How a module fetches its objects of one GraphQL type by key, for {@code node(id:)} and
 * for anything else that holds a reference by global ID. Each module registers a bean.
 */
public interface NodeType<T extends Identified> {

	/** The GraphQL type name, e.g. {@code Grid}. */
	String name();

	/** The objects with these keys that exist; missing keys are absent from the map. */
	Map<Long, T> findAll(Collection<Long> keys);

	static <T extends Identified> NodeType<T> of(String name, Function<Collection<Long>, Map<Long, T>> finder) {
		return new NodeType<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Map<Long, T> findAll(Collection<Long> keys) {
				return finder.apply(keys);
			}

		};
	}

}
