package org.qibao.audit;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.Identified;
import org.qibao.shared.NodeType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** {@code auditLog}: a community's administrative actions, newest first, for its administrators. */
@Controller
class AuditController {

	private final AuditLog log;

	private final AuditReaders readers;

	private final AuditSummaries summaries;

	private final Accounts accounts;

	private final Map<String, NodeType<?>> nodeTypes;

	AuditController(AuditLog log, AuditReaders readers, AuditSummaries summaries, Accounts accounts,
			List<NodeType<?>> nodeTypes) {
		this.log = log;
		this.readers = readers;
		this.summaries = summaries;
		this.accounts = accounts;
		this.nodeTypes = nodeTypes.stream().collect(Collectors.toMap(NodeType::name, Function.identity()));
	}

	@QueryMapping
	Connection<AuditEntry> auditLog(@Argument String communityId, @Argument Integer first, @Argument String after,
			@Argument String action, @Argument String actorId, @Argument Instant from, @Argument Instant to,
			Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		if (!this.readers.mayRead(Actor.signedIn(actor), community)) {
			throw new AccessDeniedException("Not allowed");
		}
		Connection.Page page = Connection.Page.of(first, after);
		Long actorKey = actorId == null ? null : GlobalId.keyOf(actorId, "Account");
		return this.log.page(community, new AuditLog.Filter(action, actorKey, from, to), page);
	}

	@SchemaMapping(typeName = "AuditEntry")
	String subjectId(AuditEntry entry) {
		return GlobalId.encode(entry.subjectType(), entry.subjectId());
	}

	@SchemaMapping(typeName = "AuditEntry")
	String summary(AuditEntry entry, Locale locale) {
		return this.summaries.of(entry, locale);
	}

	@BatchMapping(typeName = "AuditEntry")
	Map<AuditEntry, Account> actor(List<AuditEntry> entries) {
		Map<Long, Account> people = this.accounts
			.findAll(entries.stream().map(AuditEntry::actorId).distinct().toList());
		Map<AuditEntry, Account> result = new HashMap<>();
		entries.forEach(e -> result.put(e, people.get(e.actorId())));
		return result;
	}

	/**
	 * Each entry's subject as {@code node(id:)} would give it to this viewer: one lookup per type,
	 * null when it is gone or hidden from them.
	 */
	@BatchMapping(typeName = "AuditEntry")
	Map<AuditEntry, Object> subject(List<AuditEntry> entries, Principal viewer) {
		Map<String, Set<Long>> keysByType = new LinkedHashMap<>();
		entries.forEach(e -> keysByType.computeIfAbsent(e.subjectType(), t -> new HashSet<>())
			.add(e.subjectId()));
		Map<String, Map<Long, ?>> found = new HashMap<>();
		keysByType.forEach((type, keys) -> found.put(type, visible(type, keys, viewer)));
		Map<AuditEntry, Object> result = new HashMap<>();
		for (AuditEntry entry : entries) {
			Object subject = found.get(entry.subjectType()).get(entry.subjectId());
			if (subject != null) {
				result.put(entry, subject);
			}
		}
		return result;
	}

	private Map<Long, ?> visible(String type, Collection<Long> keys, Principal viewer) {
		NodeType<?> nodeType = this.nodeTypes.get(type);
		return nodeType == null ? Map.of() : visible(nodeType, new ArrayList<>(keys), viewer);
	}

	private static <T extends Identified> Map<Long, ? extends T> visible(NodeType<T> type, Collection<Long> keys,
			Principal viewer) {
		return type.visible(type.findAll(keys), viewer);
	}

}
