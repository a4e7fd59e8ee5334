package org.qibao.timebank;

import java.util.Collection;
import java.util.Map;

/**
 * Names the owners of one kind of ledger account for passbook lines, implemented by the module
 * that owns them (the merchant module for {@link AccountKind#MERCHANT}), so that the time bank
 * need not depend on it.
 */
public interface LedgerOwnerNames {

	AccountKind kind();

	/** The names of the owners that exist, by owner ID. */
	Map<Long, String> namesOf(Collection<Long> ownerIds);

}
