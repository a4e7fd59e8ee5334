package org.qibao.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.BusinessRuleException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Ends sessions before their tokens expire, so that a lost phone or a stolen token can be shut
 * out: signing out ends this token, or every token of the account; changing the password ends
 * every other one. Each takes effect from the next request on this instance and within
 * milliseconds on the others (see {@link TokenStandings}).
 */
@Service
class Sessions {

	private static final Log log = LogFactory.getLog(Sessions.class);

	private final AccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final Tokens tokens;

	Sessions(AccountRepository repository, PasswordEncoder passwordEncoder, LoginThrottle throttle, Tokens tokens) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.tokens = tokens;
	}

	void signOut(long accountId, Jwt token, boolean everywhere) {
		if (everywhere) {
			this.repository.endAllSessions(accountId);
			log.info("Account " + accountId + " signed out everywhere");
		}
		else {
			this.repository.revokeToken(UUID.fromString(token.getId()), accountId, token.getExpiresAt());
		}
	}

	/**
	 * Sets a new password once the current one is given (its checks share the sign-in limit, so a
	 * stolen token cannot be used to guess it) and ends every other session: the caller gets a
	 * fresh token, since the one it used is ended too.
	 */
	PasswordChanged changePassword(long accountId, String current, String next) {
		AccountRepository.OwnCredentials own = this.repository.credentialsOf(accountId).orElseThrow();
		if (current == null || current.isEmpty() || current.length() > PasswordRules.MAX_LENGTH) {
			throw new BusinessRuleException("INVALID_INPUT", "currentPassword");
		}
		PasswordRules.check(next, own.phone());
		if (!this.throttle.tryTake(own.phone())) {
			throw new BusinessRuleException("TOO_MANY_ATTEMPTS", "currentPassword");
		}
		if (!this.passwordEncoder.matches(current, own.passwordHash())) {
			log.info("Password change refused for account " + accountId + ": wrong current password");
			throw new BusinessRuleException("WRONG_PASSWORD", "currentPassword");
		}
		this.throttle.giveBack(own.phone());
		int generation = this.repository.changePassword(accountId, this.passwordEncoder.encode(next));
		Account account = this.repository.findAll(List.of(accountId)).get(0);
		log.info("Account " + accountId + " changed its password; its other sessions are ended");
		return new PasswordChanged(account,
				this.tokens.issue(account, this.repository.rolesOf(accountId), generation, Instant.now()));
	}

	record PasswordChanged(Account account, Tokens.IssuedToken token) {
	}

}
