package org.qibao.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API for other modules: accounts and the roles they hold. */
@Service
public class Accounts {

	private final AccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final PhoneLookups phoneLookups;

	Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, PhoneLookups phoneLookups) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.phoneLookups = phoneLookups;
	}

	/** Opens an account; the phone number is normalised to digits without a +86 prefix. */
	@Transactional
	public Account register(String phone, String displayName, String password, String locale) {
		return this.repository.insert(PhoneNumbers.normalise(phone), displayName.trim(),
				this.passwordEncoder.encode(password), locale);
	}

	/** The languages an account may prefer, as the web client and the database know them. */
	private static final Set<String> LOCALES = Set.of("zh-CN", "en");

	/** Keeps the person's language with their account. */
	@Transactional
	public Account setLocale(long accountId, String locale) {
		if (!LOCALES.contains(locale)) {
			throw new BusinessRuleException("UNSUPPORTED_LOCALE", "locale");
		}
		return this.repository.setLocale(accountId, locale);
	}

	/** Grants a role over an object, from the account's next request on; false when it already held it. */
	@Transactional
	public boolean grant(long accountId, Role role, long scopeId) {
		boolean granted = this.repository.grant(accountId, role, scopeId);
		if (granted) {
			this.repository.rolesChanged(accountId);
		}
		return granted;
	}

	/** Takes a role away, from the account's next request on, whatever its token says; false when it did not hold it. */
	@Transactional
	public boolean revoke(long accountId, Role role, long scopeId) {
		boolean revoked = this.repository.revoke(accountId, role, scopeId);
		if (revoked) {
			this.repository.rolesChanged(accountId);
		}
		return revoked;
	}

	public Map<Long, Account> findAll(Collection<Long> ids) {
		return this.repository.findAll(ids).stream().collect(Collectors.toMap(Account::id, Function.identity()));
	}

	/** The accounts that hold the role over each of these objects, by object. */
	public Map<Long, List<Account>> holders(Role role, Collection<Long> scopeIds) {
		Map<Long, List<Account>> result = new LinkedHashMap<>();
		scopeIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
		if (!scopeIds.isEmpty()) {
			this.repository.holders(role, scopeIds).forEach(h -> result.get(h.scopeId()).add(h.account()));
		}
		return result;
	}

	/**
	 * The account with this phone number, looked up for a person who typed it (a gift's recipient,
	 * an invitee, new shop staff). Each answer tells whether the number has an account, so each
	 * asker may look up only a few different numbers an hour ({@code qibao.security.phone-lookups} per
	 * {@code qibao.security.phone-lookup-window}); past that, {@code TOO_MANY_PHONE_LOOKUPS} on
	 * {@code field}, the input that carries the number.
	 */
	public java.util.Optional<Account> findByPhoneFor(long askerId, String phone, String field) {
		this.phoneLookups.take(askerId, PhoneNumbers.normalise(phone), field);
		return findByPhone(phone);
	}

	/** The account signing in with this phone number (as people type it), if there is one; for the system itself. */
	public java.util.Optional<Account> findByPhone(String phone) {
		return this.repository.findCredentials(PhoneNumbers.normalise(phone))
			.flatMap(credentials -> this.repository.findAll(List.of(credentials.id())).stream().findFirst());
	}

	/** Those of these accounts that are volunteers of any of these communities. */
	public Set<Long> volunteersOf(Collection<Long> accountIds, Collection<Long> communityIds) {
		return Set.copyOf(this.repository.holdersAmong(Role.VOLUNTEER, accountIds, communityIds));
	}

	/** Whether anybody at all holds this role, over anything (e.g. a city administrator, before a fresh install's setup). */
	public boolean anyoneHolds(Role role) {
		return this.repository.anyoneHolds(role);
	}

	/** Whether the account holds the role over this object. */
	public boolean holds(long accountId, Role role, long scopeId) {
		return !this.repository.holdersAmong(role, List.of(accountId), List.of(scopeId)).isEmpty();
	}

	/**
	 * Those of these accounts whose people deleted their data: nameless tombstones that no screen
	 * should show as anyone (a case's reporter, say), see docs/accounts.md.
	 */
	public Set<Long> erasedAmong(Collection<Long> accountIds) {
		return accountIds.isEmpty() ? Set.of() : Set.copyOf(this.repository.erasedAmong(accountIds));
	}

	public List<ScopedRole> rolesOf(long accountId) {
		return this.repository.rolesOf(accountId);
	}

	/** The roles of each of these accounts, by account. */
	public Map<Long, List<ScopedRole>> rolesOf(Collection<Long> accountIds) {
		return this.repository.rolesOf(accountIds);
	}

}
