package org.qibao.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, phone, display_name, locale";

	private final JdbcClient jdbc;

	/** Told of every statement here that changes a token's standing, so no caller can forget it. */
	private final TokenStandings standings;

	AccountRepository(JdbcClient jdbc, TokenStandings standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	Account insert(String phone, String displayName, String passwordHash, String locale) {
		return this.jdbc.sql("INSERT INTO account (phone, display_name, password_hash, locale) VALUES (?, ?, ?, ?) RETURNING "
				+ COLUMNS)
			.params(phone, displayName, passwordHash, locale)
			.query(Account.class)
			.single();
	}

	Account setLocale(long accountId, String locale) {
		return this.jdbc.sql("UPDATE account SET locale = ? WHERE id = ? RETURNING " + COLUMNS)
			.params(locale, accountId)
			.query(Account.class)
			.single();
	}

	Optional<Credentials> findCredentials(String phone) {
		return this.jdbc.sql("SELECT id, password_hash FROM account WHERE phone = ?")
			.param(phone)
			.query(Credentials.class)
			.optional();
	}

	List<Account> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Account.class)
			.list();
	}

	List<ScopedRole> rolesOf(long accountId) {
		return this.jdbc.sql("SELECT role, scope_id FROM role_assignment WHERE account_id = ? ORDER BY role, scope_id")
			.param(accountId)
			// by index: reading the record by its components' names costs a driver exception for scopeId
			.query((rs, row) -> new ScopedRole(Role.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
	}

	Map<Long, List<ScopedRole>> rolesOf(Collection<Long> accountIds) {
		return this.jdbc.sql("SELECT account_id, role, scope_id FROM role_assignment WHERE account_id = ANY(?) ORDER BY role, scope_id")
			.param(accountIds.toArray(Long[]::new))
			.query(Held.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Held::accountId,
					Collectors.mapping(held -> new ScopedRole(held.role(), held.scopeId()), Collectors.toList())));
	}

	List<Holder> holders(Role role, Collection<Long> scopeIds) {
		return this.jdbc.sql("""
				SELECT r.scope_id, a.id, a.phone, a.display_name, a.locale
				FROM role_assignment r JOIN account a ON a.id = r.account_id
				WHERE r.role = ? AND r.scope_id = ANY(?)
				ORDER BY a.display_name, a.id""")
			.params(role.name(), scopeIds.toArray(Long[]::new))
			.query((rs, n) -> new Holder(rs.getLong(1),
					new Account(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
			.list();
	}

	boolean anyoneHolds(Role role) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM role_assignment WHERE role = ?)")
			.param(role.name())
			.query(Boolean.class)
			.single();
	}

	/** Serialises, until the transaction ends, whatever opens an account for this phone number. */
	void lockPhone(String phone) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('account-phone'), hashtext(?))")
			.param(phone)
			.query((rs, n) -> 1)
			.single();
	}

	List<Long> erasedAmong(Collection<Long> accountIds) {
		return this.jdbc.sql("SELECT id FROM account WHERE id = ANY(?) AND erased_at IS NOT NULL")
			.param(accountIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** Which of these accounts hold the role over any of these objects. */
	List<Long> holdersAmong(Role role, Collection<Long> accountIds, Collection<Long> scopeIds) {
		return this.jdbc.sql("""
				SELECT DISTINCT account_id FROM role_assignment
				WHERE role = ? AND account_id = ANY(?) AND scope_id = ANY(?)""")
			.params(role.name(), accountIds.toArray(Long[]::new), scopeIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** Grants the role; false when the account already held it. */
	boolean grant(long accountId, Role role, long scopeId) {
		return this.jdbc.sql("""
				INSERT INTO role_assignment (account_id, role, scope_id) VALUES (?, ?, ?)
				ON CONFLICT (account_id, role, scope_id) DO NOTHING""")
			.params(accountId, role.name(), scopeId)
			.update() == 1;
	}

	/** Takes the role away; false when the account did not hold it. */
	boolean revoke(long accountId, Role role, long scopeId) {
		return this.jdbc.sql("DELETE FROM role_assignment WHERE account_id = ? AND role = ? AND scope_id = ?")
			.params(accountId, role.name(), scopeId)
			.update() == 1;
	}

	/**
	 * What decides whether a token is still good: one indexed row, read for a signed-in request
	 * unless {@link TokenStandings} remembers it.
	 */
	Optional<Standing> standing(long accountId, java.util.UUID tokenId) {
		return this.jdbc.sql("""
				SELECT token_generation, roles_version,
				       EXISTS (SELECT 1 FROM revoked_token WHERE token_id = ?) AS revoked
				FROM account WHERE id = ?""")
			.params(tokenId, accountId)
			// by index: it is read on every request of a token not yet remembered, and reading the record by
			// its components' names costs a driver exception for each two-word name
			.query((rs, row) -> new Standing(rs.getInt(1), rs.getLong(2), rs.getBoolean(3)))
			.optional();
	}

	long rolesVersion(long accountId) {
		return this.jdbc.sql("SELECT roles_version FROM account WHERE id = ?").param(accountId).query(Long.class).single();
	}

	/** Marks the account's roles changed, in the transaction that changes them. */
	void rolesChanged(long accountId) {
		this.jdbc.sql("UPDATE account SET roles_version = roles_version + 1 WHERE id = ?").param(accountId).update();
		this.standings.changed(accountId);
	}

	int tokenGeneration(long accountId) {
		return this.jdbc.sql("SELECT token_generation FROM account WHERE id = ?").param(accountId).query(Integer.class).single();
	}

	/** Refuses every token issued so far; the new generation, for the tokens issued from now on. */
	int endAllSessions(long accountId) {
		int generation = this.jdbc
			.sql("UPDATE account SET token_generation = token_generation + 1 WHERE id = ? RETURNING token_generation")
			.param(accountId)
			.query(Integer.class)
			.single();
		this.standings.changed(accountId);
		return generation;
	}

	/** Refuses one token until it expires; rows of tokens that expired anyway are dropped on the way. */
	void revokeToken(java.util.UUID tokenId, long accountId, java.time.Instant expiresAt) {
		this.jdbc.sql("DELETE FROM revoked_token WHERE expires_at < now()").update();
		this.jdbc.sql("INSERT INTO revoked_token (token_id, account_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(tokenId, accountId, java.sql.Timestamp.from(expiresAt))
			.update();
		this.standings.changed(accountId);
	}

	Optional<OwnCredentials> credentialsOf(long accountId) {
		return this.jdbc.sql("SELECT phone, password_hash FROM account WHERE id = ?")
			.param(accountId)
			.query(OwnCredentials.class)
			.optional();
	}

	/** Sets the password and ends every session in one statement; the new token generation. */
	int changePassword(long accountId, String passwordHash) {
		int generation = this.jdbc.sql("""
				UPDATE account SET password_hash = ?, token_generation = token_generation + 1
				WHERE id = ? RETURNING token_generation""")
			.params(passwordHash, accountId)
			.query(Integer.class)
			.single();
		this.standings.changed(accountId);
		return generation;
	}

	record Standing(int tokenGeneration, long rolesVersion, boolean revoked) {
	}

	record OwnCredentials(String phone, String passwordHash) {
	}

	record Credentials(long id, String passwordHash) {
	}

	record Holder(long scopeId, Account account) {
	}

	record Held(long accountId, Role role, long scopeId) {
	}

}
