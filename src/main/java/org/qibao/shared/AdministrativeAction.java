package org.qibao.shared;

import java.util.Map;

/**
 * Something a person did to the community's setup or to other people's roles and accounts:
 * drew a grid, appointed a captain, corrected a ledger entry, decided on a shop. Published by
 * the module that made the change, inside the transaction that makes it; the audit log keeps
 * it in that same transaction, so a change and its record are written together or not at all.
 *
 * @param actorAccountId who did it
 * @param communityId the community it happened in, or null for what lies above communities
 *     (districts, streets)
 * @param action what was done, as {@code module.verb}, e.g. {@code geo.gridBoundaryUpdate}
 * @param subjectType the kind of thing it was done to, as the schema names it, e.g. {@code Grid}
 * @param subjectId the thing's database id
 * @param before what mattered about the thing before (empty for something created); values are
 *     strings, numbers, booleans, lists or maps, so that they can be shown as they are
 * @param after what mattered about it afterwards (empty for something removed)
 */
public record AdministrativeAction(long actorAccountId, Long communityId, String action, String subjectType,
		long subjectId, Map<String, Object> before, Map<String, Object> after) {

	public AdministrativeAction {
		before = before == null ? Map.of() : before;
		after = after == null ? Map.of() : after;
	}

}
