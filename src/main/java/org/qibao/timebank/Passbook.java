package org.qibao.timebank;

/**
 * A person's passbook (存折) in one community: what they may spend, what is reserved, and the
 * honour minutes earned beyond the community's caps (recognised, never spendable).
 *
 * @param ledgerAccountId the ledger account, or 0 when no minutes have moved yet
 */
public record Passbook(long ledgerAccountId, long communityId, long ownerId, long balance, long heldMinutes,
		long available, long honourMinutes) {
}
