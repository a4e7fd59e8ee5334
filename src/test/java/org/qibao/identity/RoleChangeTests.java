package org.qibao.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Granting and revoking a role count from the account's next request (each actor is one request), without signing in again. */
@QibaoTest
class RoleChangeTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CurrentRoles currentRoles;

	@Autowired
	Tokens tokens;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aGrantAndARevokeAreSeenByTheNextRequestAndTheTokenKeepsItsClaims() {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "新店员", Clients.DEMO_PASSWORD, "zh-CN");
		String token = Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		assertThat(actorOf(token).roles()).isEmpty();

		this.accounts.grant(account.id(), Role.MERCHANT_STAFF, 4242);
		assertThat(actorOf(token).has(Role.MERCHANT_STAFF, 4242)).isTrue();

		assertThat(this.accounts.revoke(account.id(), Role.MERCHANT_STAFF, 4242)).isTrue();
		assertThat(actorOf(token).has(Role.MERCHANT_STAFF, 4242)).isFalse();
		assertThat(this.accounts.revoke(account.id(), Role.MERCHANT_STAFF, 4242)).as("nothing left to revoke").isFalse();
		assertThat(this.accounts.rolesOf(account.id())).isEmpty();
		// the token still says what the account held at sign-in, for clients that read it
		assertThat(this.tokens.decoder().decode(token).getClaimAsStringList("roles")).isEmpty();
	}

	@Test
	void aRoleGrantedInATransactionCountsOnlyOnceItCommits() {
		Account account = this.accounts.register(Clients.uniquePhone(), "新店员", Clients.DEMO_PASSWORD, "zh-CN");
		assertThat(this.currentRoles.of(account.id())).isEmpty();
		this.transaction.executeWithoutResult(status -> {
			this.accounts.grant(account.id(), Role.MERCHANT_STAFF, 4343);
			assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> this.currentRoles.of(account.id())).join())
				.as("another request, before the grant commits").isEmpty();
		});
		assertThat(this.currentRoles.of(account.id())).containsExactly(new ScopedRole(Role.MERCHANT_STAFF, 4343));
	}

	@Test
	void aRolledBackRevokeChangesNothing() {
		Account account = this.accounts.register(Clients.uniquePhone(), "新店员", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.MERCHANT_STAFF, 4444);
		this.transaction.executeWithoutResult(status -> {
			this.accounts.revoke(account.id(), Role.MERCHANT_STAFF, 4444);
			status.setRollbackOnly();
		});
		assertThat(this.currentRoles.of(account.id())).containsExactly(new ScopedRole(Role.MERCHANT_STAFF, 4444));
		assertThat(this.accounts.rolesOf(account.id())).isEqualTo(List.of(new ScopedRole(Role.MERCHANT_STAFF, 4444)));
	}

	private Actor actorOf(String token) {
		Jwt jwt = this.tokens.decoder().decode(token);
		return (Actor) this.tokens.convert(jwt).getPrincipal();
	}

}
