package org.qibao.timebank;

/** A ledger account as stored, with its balance and the minutes its open holds reserve. */
record LedgerAccount(long id, AccountKind kind, long communityId, long ownerId, long balance, long held) {

	long available() {
		return this.balance - this.held;
	}

	boolean mayGoNegative() {
		return this.kind == AccountKind.ISSUING;
	}

}
