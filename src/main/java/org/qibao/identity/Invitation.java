package org.qibao.identity;

import java.time.Instant;

import org.qibao.shared.Identified;

/** An invitation to join a community, and perhaps one of its teams, made for a phone number. */
record Invitation(long id, long communityId, Long teamId, String phone, String displayName, long invitedBy,
		Instant createdAt, Instant expiresAt, String status, Instant decidedAt, Long acceptedBy,
		Long rosterImportId) implements Identified {

	/** What the invitation is now: {@code PENDING}, {@code ACCEPTED}, {@code REVOKED} or {@code EXPIRED}. */
	String statusAt(Instant now) {
		return ("PENDING".equals(this.status) && !now.isBefore(this.expiresAt)) ? "EXPIRED" : this.status;
	}

}
