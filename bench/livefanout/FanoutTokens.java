package org.qibao.identity;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * Bearer tokens for the live fan-out benchmark's accounts, issued as {@code accountLogin} issues
 * them but without a bcrypt check each (fifteen thousand would take the machine half an hour).
 * In the identity package (on the benchmark's class path only) to reach its token issuer.
 */
public final class FanoutTokens {

	private FanoutTokens() {
	}

	/** The tokens, in the order of the accounts given. */
	public static List<String> issue(ApplicationContext context, List<Long> accountIds) {
		Tokens tokens = context.getBean(Tokens.class);
		Accounts accounts = context.getBean(Accounts.class);
		Map<Long, Account> found = accounts.findAll(accountIds);
		Map<Long, List<ScopedRole>> roles = accounts.rolesOf(accountIds);
		return accountIds.stream().map(id -> tokens.issue(found.get(id), roles.getOrDefault(id, List.of())).value()).toList();
	}

}
