package org.qibao.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A person deletes their data (China's PIPL): given their password, and unless something must be
 * settled first, every module erases what it keeps of them ({@link AccountErased}) and the
 * account is left as a tombstone with no name, phone number or password, its sessions ended on
 * every instance. The phone number is free to sign up again. What stays and why: docs/accounts.md.
 */
@Service
class AccountErasure {

	/** The name the tombstone shows wherever the person's name was, in both languages' reading. */
	static final String ERASED_NAME = "已注销用户";

	private static final Log log = LogFactory.getLog(AccountErasure.class);

	private final AccountRepository accounts;

	private final ErasureRepository erasures;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final List<ErasureObjection> objections;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	AccountErasure(AccountRepository accounts, ErasureRepository erasures, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, List<ErasureObjection> objections, ApplicationEventPublisher events,
			TransactionOperations transactions, Clock clock) {
		this.accounts = accounts;
		this.erasures = erasures;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.objections = objections;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	void erase(long accountId, String password) {
		AccountRepository.OwnCredentials own = this.accounts.credentialsOf(accountId).orElseThrow();
		if (password == null || password.isEmpty() || password.length() > PasswordRules.MAX_LENGTH) {
			throw new BusinessRuleException("INVALID_INPUT", "password");
		}
		if (!this.throttle.tryTake(own.phone())) {
			throw new BusinessRuleException("TOO_MANY_ATTEMPTS", "password");
		}
		if (!this.passwordEncoder.matches(password, own.passwordHash())) {
			throw new BusinessRuleException("WRONG_PASSWORD", "password");
		}
		this.throttle.giveBack(own.phone());
		Instant now = this.clock.instant();
		// a password nobody knows, so that the tombstone can never be signed in to
		String unknowable = this.passwordEncoder.encode(java.util.UUID.randomUUID().toString());
		this.transactions.executeWithoutResult(status -> {
			this.erasures.lockAccount(accountId);
			refuseUnlessSettled(accountId);
			Set<Long> communities = this.accounts.rolesOf(accountId)
				.stream()
				.filter(role -> role.role() == Role.VOLUNTEER)
				.map(ScopedRole::scopeId)
				.collect(Collectors.toSet());
			// each module erases its own part in this transaction; identity's part comes last
			this.events.publishEvent(new AccountErased(accountId, communities, now));
			this.erasures.erase(accountId, ERASED_NAME, unknowable, now);
			this.accounts.rolesChanged(accountId);
		});
		log.info("Account " + accountId + " was erased at the person's request");
	}

	private void refuseUnlessSettled(long accountId) {
		if (this.erasures.isLastAdministratorOfACommunity(accountId)) {
			throw new BusinessRuleException("LAST_ADMINISTRATOR", null);
		}
		this.objections.stream()
			.flatMap(objection -> objection.objection(accountId).stream())
			.findFirst()
			.ifPresent(code -> {
				throw new BusinessRuleException(code, null);
			});
	}

}
