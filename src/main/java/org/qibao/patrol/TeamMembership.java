package org.qibao.patrol;

import java.time.Instant;

/** A person's membership of a team. */
record TeamMembership(long teamId, long accountId, String status, Instant joinedAt) {
}
