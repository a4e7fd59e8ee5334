package org.qibao.shared;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)} and {@code nodes(ids:)}, served by each module's {@link NodeType}s: an object
 * comes back only when its type lets the viewer see it, else null, as if it did not exist. How many
 * IDs one request may ask for is the schema's {@code @size} ({@link ListInputLimits}).
 */
@Controller
class NodeController {

	private final Map<String, NodeType<?>> types;

	NodeController(List<NodeType<?>> types) {
		this.types = types.stream().collect(Collectors.toMap(NodeType::name, Function.identity()));
	}

	@QueryMapping
	Object node(@Argument String id, Principal viewer) {
		return nodes(List.of(id), viewer).get(0);
	}

	@QueryMapping
	List<Object> nodes(@Argument List<String> ids, Principal viewer) {
		List<GlobalId> globalIds = new ArrayList<>();
		Map<String, Set<Long>> keysByType = new LinkedHashMap<>();
		for (String id : ids) {
			GlobalId globalId = GlobalId.decode(id);
			globalIds.add(globalId);
			keysByType.computeIfAbsent(globalId.type(), t -> new HashSet<>()).add(globalId.key());
		}
		Map<String, Map<Long, ?>> found = new LinkedHashMap<>();
		keysByType.forEach((type, keys) -> found.put(type, visible(type, keys, viewer)));
		List<Object> result = new ArrayList<>();
		for (GlobalId globalId : globalIds) {
			result.add(found.get(globalId.type()).get(globalId.key()));
		}
		return result;
	}

	private Map<Long, ?> visible(String type, Collection<Long> keys, Principal viewer) {
		NodeType<?> nodeType = this.types.get(type);
		return nodeType != null ? visible(nodeType, keys, viewer) : Map.of();
	}

	private static <T extends Identified> Map<Long, ? extends T> visible(NodeType<T> type, Collection<Long> keys,
			Principal viewer) {
		return type.visible(type.findAll(keys), viewer);
	}

}
