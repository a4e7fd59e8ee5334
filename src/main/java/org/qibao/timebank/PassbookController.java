package org.qibao.timebank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PassbookController {

	private final Passbooks passbooks;

	private final Accounts accounts;

	private final Geography geography;

	private final Counterparties counterparties;

	PassbookController(Passbooks passbooks, Accounts accounts, Geography geography, Counterparties counterparties) {
		this.passbooks = passbooks;
		this.accounts = accounts;
		this.geography = geography;
		this.counterparties = counterparties;
	}

	@QueryMapping
	Passbook passbook(@Argument String communityId, Actor actor) {
		Long community = VolunteerContext.community(actor, communityId);
		return community == null ? null : this.passbooks.of(community, actor.accountId());
	}

	@SchemaMapping(typeName = "Passbook")
	Connection<PassbookEntry> entries(Passbook passbook, @Argument Integer first, @Argument String after) {
		Connection.Page page = Connection.Page.of(first, after);
		if (passbook.ledgerAccountId() == 0) {
			return Connection.of(List.of(), page, 0);
		}
		return Connection.of(this.passbooks.entries(passbook.ledgerAccountId(), page.offset(), page.limit()), page,
				this.passbooks.entryCount(passbook.ledgerAccountId()));
	}

	@BatchMapping(typeName = "Passbook")
	Map<Passbook, Community> community(List<Passbook> passbooks) {
		Map<Long, Community> communities = this.geography.communities(ids(passbooks, Passbook::communityId));
		return by(passbooks, p -> communities.get(p.communityId()));
	}

	@BatchMapping(typeName = "Passbook")
	Map<Passbook, Account> owner(List<Passbook> passbooks) {
		Map<Long, Account> owners = this.accounts.findAll(ids(passbooks, Passbook::ownerId));
		return by(passbooks, p -> owners.get(p.ownerId()));
	}

	@BatchMapping(typeName = "PassbookEntry")
	Map<PassbookEntry, String> counterparty(List<PassbookEntry> entries) {
		return this.counterparties.of(entries);
	}

	static <T> List<Long> ids(List<T> items, Function<T, Long> id) {
		return items.stream().map(id).distinct().toList();
	}

	static <T, V> Map<T, V> by(List<T> items, Function<T, V> value) {
		Map<T, V> result = new HashMap<>();
		items.forEach(item -> result.put(item, value.apply(item)));
		return result;
	}

}
