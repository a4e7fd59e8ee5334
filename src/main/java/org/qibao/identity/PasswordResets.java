package org.qibao.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Resetting a forgotten password with a one-time code: a captain or an administrator issues a
 * code for a person they are responsible for and gives it to them; the person uses it once, with
 * their phone number, to set a new password, and every earlier session of theirs is ended on
 * every instance (as signing out everywhere does). Guesses are limited per phone number across
 * instances ({@code qibao.security.reset-code-attempts} per {@code qibao.security.reset-code-lockout}).
 */
@Service
class PasswordResets {

	private static final Log log = LogFactory.getLog(PasswordResets.class);

	private final ResetCodeRepository codes;

	private final AccountRepository accounts;

	private final List<PasswordResetAuthority> authorities;

	private final PasswordEncoder passwordEncoder;

	private final Tokens tokens;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Duration lifetime;

	private final Throttle throttle;

	/** Compared against when the phone has no code, so that every failure takes as long. */
	private final String decoyHash;

	PasswordResets(ResetCodeRepository codes, AccountRepository accounts, List<PasswordResetAuthority> authorities,
			PasswordEncoder passwordEncoder, Tokens tokens, ApplicationEventPublisher events,
			TransactionOperations transactions, Clock clock, StringRedisTemplate redis,
			@Value("${qibao.security.reset-code-lifetime:30m}") Duration lifetime,
			@Value("${qibao.security.reset-code-attempts:5}") int attempts,
			@Value("${qibao.security.reset-code-lockout:15m}") Duration lockout) {
		this.codes = codes;
		this.accounts = accounts;
		this.authorities = authorities;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.lifetime = lifetime;
		this.throttle = new Throttle(redis, "reset-code", attempts, lockout, clock);
		this.decoyHash = passwordEncoder.encode(ResetCodes.generate());
	}

	/**
	 * Issues a code for the person, replacing any code they were given before. Refused (FORBIDDEN)
	 * unless the actor captains a team the person is an active member of or administers a
	 * community they volunteer for; nobody resets their own password this way (they change it).
	 */
	IssuedResetCode issue(Actor actor, long accountId) {
		if (actor.accountId() == accountId) {
			throw new BusinessRuleException("RESET_OWN_PASSWORD", "account");
		}
		long community = this.authorities.stream()
			.flatMap(authority -> authority.communityWhereMayReset(actor, accountId).stream())
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		String code = ResetCodes.generate();
		String hash = this.passwordEncoder.encode(code);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.lifetime);
		return this.transactions.execute(status -> {
			this.codes.lockAccount(accountId);
			this.codes.supersedeOpen(accountId, now);
			this.codes.insert(accountId, hash, actor.accountId(), now, expiresAt);
			// the code itself never leaves this method but to the person who issued it
			this.events.publishEvent(new AdministrativeAction(actor.accountId(), community,
					"identity.accountResetCodeIssue", "Account", accountId, Map.of(),
					Map.of("expiresAt", expiresAt.toString())));
			log.info("Account " + actor.accountId() + " issued a password reset code for account " + accountId);
			return new IssuedResetCode(code, expiresAt, this.accounts.findAll(List.of(accountId)).get(0));
		});
	}

	/** Uses a code to set a new password and signs the person in; their earlier sessions end everywhere. */
	SignIn.SignedIn redeem(String rawPhone, String rawCode, String newPassword) {
		String phone = PhoneNumbers.normalise(rawPhone);
		if (phone.isEmpty()) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		String code = ResetCodes.normalise(rawCode);
		if (code.isEmpty()) {
			throw new BusinessRuleException("RESET_CODE_INVALID", "code");
		}
		PasswordRules.check(newPassword, phone);
		if (!this.throttle.tryTake(phone)) {
			log.info("Reset code refused: too many wrong codes for one phone number");
			throw new BusinessRuleException("TOO_MANY_RESET_CODE_ATTEMPTS", "code");
		}
		var credentials = this.accounts.findCredentials(phone);
		List<ResetCodeRepository.IssuedCode> recent = credentials.map(c -> this.codes.recent(c.id())).orElse(List.of());
		ResetCodeRepository.IssuedCode matched = recent.stream()
			.filter(issued -> this.passwordEncoder.matches(code, issued.codeHash()))
			.findFirst()
			.orElse(null);
		if (matched == null) {
			if (recent.isEmpty()) {
				this.passwordEncoder.matches(code, this.decoyHash);
			}
			throw new BusinessRuleException("RESET_CODE_INVALID", "code");
		}
		this.throttle.giveBack(phone); // a real code, even a spent one, was no guess
		Instant now = this.clock.instant();
		String refusal = matched.refusal(now);
		if (refusal != null) {
			throw new BusinessRuleException(refusal, "code");
		}
		return setPassword(credentials.get().id(), matched.id(), this.passwordEncoder.encode(newPassword), now);
	}

	private SignIn.SignedIn setPassword(long accountId, long codeId, String passwordHash, Instant now) {
		int generation = this.transactions.execute(status -> {
			if (!this.codes.use(codeId, now)) {
				throw new BusinessRuleException("RESET_CODE_USED", "code");
			}
			// raising the token generation ends every earlier session, announced to every instance on commit
			return this.accounts.changePassword(accountId, passwordHash);
		});
		Account account = this.accounts.findAll(List.of(accountId)).get(0);
		log.info("Account " + accountId + " set a new password with a reset code; its other sessions are ended");
		return new SignIn.SignedIn(account,
				this.tokens.issue(account, this.accounts.rolesOf(accountId), generation, now));
	}

	record IssuedResetCode(String code, Instant expiresAt, Account account) {
	}

}
