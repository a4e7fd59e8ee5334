package org.qibao.merchant;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.timebank.AccountKind;
import org.qibao.timebank.LedgerOwnerNames;
import org.springframework.stereotype.Component;

/** Names merchant accounts on passbook lines, e.g. "东亭理发店" for a redeemed haircut. */
@Component
class MerchantLedgerNames implements LedgerOwnerNames {

	private final Merchants merchants;

	MerchantLedgerNames(Merchants merchants) {
		this.merchants = merchants;
	}

	@Override
	public AccountKind kind() {
		return AccountKind.MERCHANT;
	}

	@Override
	public Map<Long, String> namesOf(Collection<Long> ownerIds) {
		return this.merchants.findAll(ownerIds)
			.values()
			.stream()
			.collect(Collectors.toMap(Merchant::id, Merchant::name));
	}

}
