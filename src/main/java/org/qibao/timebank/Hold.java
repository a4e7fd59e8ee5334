package org.qibao.timebank;

import java.time.Instant;

import org.qibao.shared.Identified;

/**
 * Minutes reserved on an account: they no longer count as available until the hold is
 * captured into a transfer (exactly once), released, or expires.
 */
public record Hold(long id, long accountId, long minutes, Status status, String reference, Instant expiresAt,
		Instant createdAt, Instant settledAt) implements Identified {

	public enum Status {

		OPEN, CAPTURED, RELEASED, EXPIRED

	}

}
