package org.qibao.identity;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * The bench phones' bearer tokens, issued as {@code accountLogin} issues them but without checking
 * a password for each: twenty thousand bcrypt checks would take the benchmark's machine half an
 * hour. In the identity package (on the bench's class path only) to reach its token issuer.
 */
public final class BenchTokens {

	private BenchTokens() {
	}

	public static List<String> issue(ApplicationContext context, List<Long> accountIds) {
		Tokens tokens = context.getBean(Tokens.class);
		Accounts accounts = context.getBean(Accounts.class);
		return accountIds.stream()
			.map(id -> tokens.issue(accounts.findAll(List.of(id)).get(id), accounts.rolesOf(id)).value())
			.toList();
	}

}
