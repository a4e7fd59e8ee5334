package org.qibao.casework;

import java.time.Instant;

/** A key a city system posts Open311 requests with, for one community, in its issuer's name. */
record Open311Key(long id, long communityId, long issuedBy, String label, Instant issuedAt, Instant revokedAt,
		Instant lastUsedAt) {

	boolean revoked() {
		return this.revokedAt != null;
	}

}
