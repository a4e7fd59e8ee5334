package org.qibao.audit;

import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/** Audit entries by ID, for exactly those who may read them in {@code auditLog}. */
@Configuration(proxyBeanMethods = false)
class AuditNodeTypes {

	@Bean
	NodeType<AuditEntry> auditEntryNodeType(AuditLog log, AuditReaders readers) {
		return NodeType.of("AuditEntry", log::findAll, (found, viewer) -> {
			Actor actor = viewer instanceof Authentication a && a.getPrincipal() instanceof Actor signedIn ? signedIn
					: null;
			return found.entrySet()
				.stream()
				.filter(e -> readers.mayRead(actor, e.getValue().communityId()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

}
