package org.qibao.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Whose account a person may look at in full (by ID, with the phone number): their own, and, for
 * an administrator of a community, the accounts of its volunteers.
 */
@Component
class AccountPrivacy {

	private final Accounts accounts;

	AccountPrivacy(Accounts accounts) {
		this.accounts = accounts;
	}

	/** Of these accounts, the ones the actor may look at; none for an anonymous request (null). */
	Set<Long> readable(Actor actor, Collection<Long> accountIds) {
		if (actor == null) {
			return Set.of();
		}
		Set<Long> administered = actor.scopes(Role.ADMINISTRATOR);
		Set<Long> residents = administered.isEmpty() ? Set.of() : this.accounts.volunteersOf(accountIds, administered);
		return accountIds.stream()
			.filter(id -> id == actor.accountId() || residents.contains(id))
			.collect(Collectors.toSet());
	}

}
