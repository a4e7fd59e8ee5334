package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A volunteer's request to join a team, or a captain's invitation to one. */
record JoinRequest(long id, long teamId, long accountId, String kind, String status, Instant createdAt)
		implements Identified {
}
