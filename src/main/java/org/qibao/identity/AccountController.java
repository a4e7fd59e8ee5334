package org.qibao.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Identified;
import org.qibao.shared.Named;
import org.qibao.shared.NodeType;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AccountController {

	private final SignIn signIn;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final Map<String, NodeType<?>> nodeTypes;

	private final AccountPrivacy privacy;

	AccountController(SignIn signIn, Accounts accounts, UserErrors userErrors, List<NodeType<?>> nodeTypes,
			AccountPrivacy privacy) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.privacy = privacy;
		this.nodeTypes = nodeTypes.stream().collect(Collectors.toMap(NodeType::name, Function.identity()));
	}

	@QueryMapping
	Account me(Actor actor) {
		return actor == null ? null : this.accounts.findAll(List.of(actor.accountId())).get(actor.accountId());
	}

	@MutationMapping
	AccountLoginPayload accountLogin(@Argument AccountLoginInput input, Locale locale) {
		try {
			SignIn.SignedIn signedIn = this.signIn.signIn(input.phone(), input.password());
			return new AccountLoginPayload(signedIn.token().value(), signedIn.token().expiresAt(), signedIn.account(),
					List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountLoginPayload(null, null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	AccountLocalePayload accountLocaleSet(@Argument AccountLocaleSetInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		try {
			return new AccountLocalePayload(this.accounts.setLocale(accountId, input.locale()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountLocalePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	/** The phone number is the person's own: shown to them and to administrators of their community. */
	@BatchMapping
	Map<Account, String> phone(List<Account> accounts, Principal principal) {
		Actor actor = (principal instanceof ActorAuthentication authentication) ? authentication.getPrincipal() : null;
		Set<Long> readable = this.privacy.readable(actor, accounts.stream().map(Account::id).toList());
		Map<Account, String> phones = new HashMap<>();
		accounts.stream()
			.filter(account -> readable.contains(account.id()))
			.forEach(account -> phones.put(account, account.phone()));
		return phones;
	}

	@BatchMapping
	Map<Account, List<RoleAssignment>> roles(List<Account> accounts) {
		Map<Long, List<ScopedRole>> roles = this.accounts.rolesOf(accounts.stream().map(Account::id).toList());
		Map<Account, List<RoleAssignment>> result = new LinkedHashMap<>();
		for (Account account : accounts) {
			result.put(account, roles.getOrDefault(account.id(), List.of())
				.stream()
				.map(r -> new RoleAssignment(r.role(), r.scopeId()))
				.toList());
		}
		return result;
	}

	@BatchMapping
	Map<RoleAssignment, Object> scope(List<RoleAssignment> assignments) {
		return scopes(assignments);
	}

	@BatchMapping
	Map<RoleAssignment, String> scopeName(List<RoleAssignment> assignments) {
		Map<RoleAssignment, String> names = new HashMap<>();
		scopes(assignments).forEach((assignment, scope) -> names.put(assignment,
				scope instanceof Named named ? named.name() : ""));
		return names;
	}

	private Map<RoleAssignment, Object> scopes(List<RoleAssignment> assignments) {
		Map<String, Set<Long>> keysByType = new HashMap<>();
		assignments.forEach(a -> keysByType.computeIfAbsent(a.role().scopeType(), t -> new java.util.HashSet<>())
			.add(a.scopeId()));
		Map<String, Map<Long, ?>> found = new HashMap<>();
		keysByType.forEach((type, keys) -> found.put(type, findAll(type, keys)));
		Map<RoleAssignment, Object> result = new HashMap<>();
		for (RoleAssignment assignment : assignments) {
			Object scope = found.get(assignment.role().scopeType()).get(assignment.scopeId());
			if (scope != null) {
				result.put(assignment, scope);
			}
		}
		return result;
	}

	private Map<Long, ? extends Identified> findAll(String type, Collection<Long> keys) {
		NodeType<?> nodeType = this.nodeTypes.get(type);
		return nodeType != null ? nodeType.findAll(keys) : Map.of();
	}

	record AccountLoginInput(String phone, String password) {
	}

	record AccountLoginPayload(String token, Instant expiresAt, Account account, List<UserError> userErrors) {
	}

	record AccountLocaleSetInput(String locale) {
	}

	record AccountLocalePayload(Account account, List<UserError> userErrors) {
	}

}
