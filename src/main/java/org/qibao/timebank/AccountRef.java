package org.qibao.timebank;

/**
 * Names a ledger account by what owns it; the account is opened the first time minutes move.
 *
 * @param kind the kind of account
 * @param communityId the community whose time bank keeps it
 * @param ownerId the person, community, school or merchant, by kind
 */
public record AccountRef(AccountKind kind, long communityId, long ownerId) {

	public static AccountRef passbook(long communityId, long accountId) {
		return new AccountRef(AccountKind.PASSBOOK, communityId, accountId);
	}

	public static AccountRef issuing(long communityId) {
		return new AccountRef(AccountKind.ISSUING, communityId, communityId);
	}

	public static AccountRef school(long communityId, long schoolId) {
		return new AccountRef(AccountKind.SCHOOL, communityId, schoolId);
	}

	public static AccountRef merchant(long communityId, long merchantId) {
		return new AccountRef(AccountKind.MERCHANT, communityId, merchantId);
	}

}
