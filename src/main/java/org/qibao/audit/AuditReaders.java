package org.qibao.audit;

import java.util.List;

import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may read which part of the audit log: the one rule, used by {@code auditLog} and by
 * {@code node(id:)} alike. A community's entries are read by its administrators and by the
 * administrators of its city, who set communities up and appoint their first administrators.
 */
@Component
class AuditReaders {

	private final Geography geography;

	AuditReaders(Geography geography) {
		this.geography = geography;
	}

	/**
	 * Whether the person may read the entries of this community; {@code communityId} is null for
	 * actions above communities (districts, streets), which are not shown in a community's log.
	 */
	boolean mayRead(Actor actor, Long communityId) {
		if (actor == null || communityId == null) {
			return false;
		}
		if (actor.has(Role.ADMINISTRATOR, communityId)) {
			return true;
		}
		Long city = this.geography.citiesOf(List.of(communityId)).get(communityId);
		return city != null && actor.has(Role.CITY_ADMINISTRATOR, city);
	}

}
