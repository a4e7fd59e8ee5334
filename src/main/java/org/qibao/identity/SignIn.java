package org.qibao.identity;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.BusinessRuleException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Signs a person in with phone number and password. */
@Service
class SignIn {

	private static final Log log = LogFactory.getLog(SignIn.class);

	private final AccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final Tokens tokens;

	/** Compared against when the phone is unknown, so that both failures take as long. */
	private final String decoyHash;

	SignIn(AccountRepository repository, PasswordEncoder passwordEncoder, LoginThrottle throttle, Tokens tokens) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.tokens = tokens;
		this.decoyHash = passwordEncoder.encode("decoy password for unknown phone numbers");
	}

	SignedIn signIn(String rawPhone, String password) {
		String phone = PhoneNumbers.normalise(rawPhone);
		if (phone.isEmpty()) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		if (password == null || password.isEmpty() || password.length() > 200) {
			throw new BusinessRuleException("INVALID_INPUT", "password");
		}
		// the attempt is counted before the password is checked, so parallel requests cannot
		// all pass a check of the count and then each try a password
		if (!this.throttle.tryTake(phone)) {
			log.info("Sign-in refused: too many failed attempts for one phone number");
			throw new BusinessRuleException("TOO_MANY_ATTEMPTS", null);
		}
		var credentials = this.repository.findCredentials(phone);
		boolean matches = this.passwordEncoder.matches(password,
				credentials.map(AccountRepository.Credentials::passwordHash).orElse(this.decoyHash));
		if (credentials.isEmpty() || !matches) {
			log.info("Sign-in failed: unknown phone number or wrong password");
			throw new BusinessRuleException("INVALID_CREDENTIALS", null);
		}
		this.throttle.giveBack(phone);
		long accountId = credentials.get().id();
		Account account = this.repository.findAll(List.of(accountId)).get(0);
		List<ScopedRole> roles = this.repository.rolesOf(accountId);
		log.info("Account " + accountId + " signed in");
		return new SignedIn(account, this.tokens.issue(account, roles));
	}

	record SignedIn(Account account, Tokens.IssuedToken token) {
	}

}
