package org.qibao.shared;

import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * How a module fetches its objects of one GraphQL type by key, and which of them a person may
 * see. {@link #findAll} serves references the module's own rules have already allowed (a
 * role's scope, say); {@code node(id:)} and {@code nodes(ids:)} serve only what {@link #visible}
 * lets through, so that an ID is never a way around the type's own queries. Each module
 * registers a bean per type, with the same access checks its queries use.
 */
public interface NodeType<T extends Identified> {

	/** The GraphQL type name, e.g. {@code Grid}. */
	String name();

	/** The objects with these keys that exist; missing keys are absent from the map. */
	Map<Long, T> findAll(Collection<Long> keys);

	/**
	 * Of these objects, the ones the viewer may see, as they may see them (an object may come
	 * back with fields blanked); {@code viewer} is the request's principal, null when anonymous.
	 */
	Map<Long, ? extends T> visible(Map<Long, T> found, Principal viewer);

	/** A type anyone may see, signed in or not (places, teams, shifts, schools...). */
	static <T extends Identified> NodeType<T> visibleToAll(String name, Function<Collection<Long>, Map<Long, T>> finder) {
		return of(name, finder, (found, viewer) -> found);
	}

	/** A type whose objects the visibility rule filters per viewer. */
	static <T extends Identified> NodeType<T> of(String name, Function<Collection<Long>, Map<Long, T>> finder,
			Visibility<T> visibility) {
		return new NodeType<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Map<Long, T> findAll(Collection<Long> keys) {
				return finder.apply(keys);
			}

			@Override
			public Map<Long, ? extends T> visible(Map<Long, T> found, Principal viewer) {
				return found.isEmpty() ? found : visibility.visible(found, viewer);
			}

		};
	}

	/** Which of the objects found a viewer may see; given them all at once, so it can ask in one query. */
	@FunctionalInterface
	interface Visibility<T> {

		Map<Long, ? extends T> visible(Map<Long, T> found, Principal viewer);

	}

}
