package org.qibao.patrol;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shapes the answers of batch loaders: one value per parent, from rows found for all parents at once. */
final class Batches {

	private Batches() {
	}

	static <P> List<Long> keys(Collection<P> parents, Function<P, Long> key) {
		return parents.stream().map(key).filter(java.util.Objects::nonNull).distinct().toList();
	}

	/** Each parent's one related object, looked up by the parent's reference; null where there is none. */
	static <P, C> Map<P, C> one(List<P> parents, Function<P, Long> reference, Map<Long, C> found) {
		Map<P, C> result = new LinkedHashMap<>();
		parents.forEach(p -> result.put(p, reference.apply(p) == null ? null : found.get(reference.apply(p))));
		return result;
	}

	/** Each parent's related objects, grouped by the key they share with their parent. */
	static <P, C> Map<P, List<C>> many(List<P> parents, Function<P, Long> key, List<C> children,
			Function<C, Long> childKey) {
		Map<Long, List<C>> grouped = children.stream().collect(Collectors.groupingBy(childKey));
		Map<P, List<C>> result = new LinkedHashMap<>();
		parents.forEach(p -> result.put(p, grouped.getOrDefault(key.apply(p), List.of())));
		return result;
	}

	/** Each parent's related objects from a map of keys per parent key. */
	static <P, C> Map<P, List<C>> manyByIds(List<P> parents, Function<P, Long> key, Map<Long, List<Long>> ids,
			Map<Long, C> found) {
		Map<P, List<C>> result = new LinkedHashMap<>();
		parents.forEach(p -> result.put(p,
				ids.getOrDefault(key.apply(p), List.of()).stream().map(found::get).filter(java.util.Objects::nonNull).toList()));
		return result;
	}

}
