package org.qibao.timebank;

/** The kinds of account in the time bank's ledger. */
public enum AccountKind {

	/** A person's passbook (存折) in one community. */
	PASSBOOK,
	/** A community's issuing account: the only account that may go below zero. */
	ISSUING,
	/** A community school, paid for courses. */
	SCHOOL,
	/** A merchant, paid for redeemed offers. */
	MERCHANT

}
