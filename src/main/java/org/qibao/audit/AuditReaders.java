package org.qibao.audit;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which part of the audit log: the one rule, used by {@code auditLog} and by
 * {@code node(id:)} alike.
 */
@Component
class AuditReaders {

	/**
	 * Whether the person may read the entries of this community; {@code communityId} is null for
	 * actions above communities (districts, streets), which no community administrator reads.
	 * A city administrator's role, when there is one, is added here.
	 */
	boolean mayRead(Actor actor, Long communityId) {
		return actor != null && communityId != null && actor.has(Role.ADMINISTRATOR, communityId);
	}

}
