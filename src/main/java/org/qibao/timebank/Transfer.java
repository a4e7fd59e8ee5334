package org.qibao.timebank;

import java.time.Instant;

import org.qibao.shared.Identified;

/**
 * Minutes moved from one ledger account to another, written as two entries that sum to zero.
 * Never changed once written; a correction is a reversing transfer.
 */
public record Transfer(long id, TransferKind kind, long fromAccountId, long toAccountId, long minutes, String reference,
		Long actorId, String idempotencyKey, Long reversalOf, Long holdId, Instant createdAt) implements Identified {
}
