package org.qibao.identity;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * Bearer tokens for the case board benchmark's grid workers, issued as {@code accountLogin} issues
 * them but without a bcrypt check each. In the identity package (on the bench's class path only)
 * to reach its token issuer.
 */
public final class CaseboardTokens {

	private CaseboardTokens() {
	}

	public static List<String> issue(ApplicationContext context, List<Long> accountIds) {
		Tokens tokens = context.getBean(Tokens.class);
		Accounts accounts = context.getBean(Accounts.class);
		return accountIds.stream()
			.map(id -> tokens.issue(accounts.findAll(List.of(id)).get(id), accounts.rolesOf(id)).value())
			.toList();
	}

}
