package org.qibao.timebank;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.shared.Named;
import org.springframework.stereotype.Component;

/** Names the other side of passbook entries, one lookup per kind of account. */
@Component
class Counterparties {

	private final Accounts accounts;

	private final Geography geography;

	private final Schools schools;

	private final List<LedgerOwnerNames> ownerNames;

	Counterparties(Accounts accounts, Geography geography, Schools schools, List<LedgerOwnerNames> ownerNames) {
		this.accounts = accounts;
		this.geography = geography;
		this.schools = schools;
		this.ownerNames = ownerNames;
	}

	Map<PassbookEntry, String> of(List<PassbookEntry> entries) {
		Map<AccountKind, Map<Long, String>> names = new HashMap<>();
		entries.stream()
			.collect(Collectors.groupingBy(PassbookEntry::counterpartyKind,
					Collectors.mapping(PassbookEntry::counterpartyOwnerId, Collectors.toSet())))
			.forEach((kind, owners) -> names.put(kind, namesOf(kind, owners)));
		Map<PassbookEntry, String> result = new HashMap<>();
		entries.forEach(e -> result.put(e, names.get(e.counterpartyKind())
			.getOrDefault(e.counterpartyOwnerId(), e.counterpartyKind().name() + " " + e.counterpartyOwnerId())));
		return result;
	}

	private Map<Long, String> namesOf(AccountKind kind, Collection<Long> owners) {
		return switch (kind) {
			case PASSBOOK -> names(this.accounts.findAll(owners), Account::displayName);
			case ISSUING -> names(this.geography.communities(owners), Named::name);
			case SCHOOL -> names(this.schools.findAll(owners), Named::name);
			case MERCHANT -> this.ownerNames.stream()
				.filter(n -> n.kind() == kind)
				.findFirst()
				.map(n -> n.namesOf(owners))
				.orElse(Map.of());
		};
	}

	private static <T> Map<Long, String> names(Map<Long, T> owners, Function<T, String> name) {
		return owners.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> name.apply(e.getValue())));
	}

}
