package org.qibao.identity;

import java.time.Instant;
import java.util.List;

import org.qibao.shared.Identified;

/** A roster uploaded for a community, with each row as checked; applied at most once, before it expires. */
record RosterImport(long id, long communityId, long uploadedBy, String fileName, List<RosterRow> rows,
		Instant createdAt, Instant expiresAt, Instant appliedAt) implements Identified {

	List<RosterRow> validRows() {
		return this.rows.stream().filter(RosterRow::valid).toList();
	}

}
