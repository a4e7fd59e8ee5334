package org.qibao.timebank;

import java.time.Instant;

/**
 * One line of a passbook: minutes in (positive) or out (negative), with the balance after it
 * and the account on the other side.
 */
record PassbookEntry(long id, Instant at, TransferKind kind, long minutes, long balanceAfter, AccountKind counterpartyKind,
		long counterpartyOwnerId, long communityId, String reference) {
}
