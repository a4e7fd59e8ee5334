package org.qibao.timebank;

import java.time.Instant;

/**
 * One line of a passbook: minutes in (positive) or out (negative), with the balance after it
 * and the account on the other side.
 *
 * @param reason an administrator's reason, when the entry is a correction's; null otherwise
 */
record PassbookEntry(long id, Instant at, TransferKind kind, long minutes, long balanceAfter, AccountKind counterpartyKind,
		long counterpartyOwnerId, long communityId, String reference, long transferId, String reason) {
}
