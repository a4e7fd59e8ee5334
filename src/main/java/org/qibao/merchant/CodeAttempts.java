package org.qibao.merchant;

import java.time.Duration;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits how many wrong codes one staff account may try, so that short codes cannot be guessed.
 * Only a code that does not exist is a wrong guess: a real one (live, used, cancelled, expired)
 * takes nothing, so honest staff confirming one code many times at once are never locked out.
 * A lookup checks the limit before it reads the code, and a wrong code takes its attempt
 * atomically before its answer goes out, so of any number of parallel guesses on any number of
 * instances at most the limit are answered "not found" and no real code is answered once the
 * limit is used up.
 */
@Component
class CodeAttempts {

	private final Throttle throttle;

	CodeAttempts(StringRedisTemplate redis, @Value("${qibao.merchant.code-attempts:10}") int maxWrong,
			@Value("${qibao.merchant.code-attempt-window:15m}") Duration window) {
		this.throttle = new Throttle(redis, "merchant-code", maxWrong, window);
	}

	/** Refuses a lookup by a staff account whose wrong attempts are used up. */
	void checkNotExhausted(long staffId) {
		if (this.throttle.isExhausted(Long.toString(staffId))) {
			throw tooMany();
		}
	}

	/** Counts a wrong code; refused (instead of "not found") when the attempts were already used up. */
	void countWrong(long staffId) {
		if (!this.throttle.tryTake(Long.toString(staffId))) {
			throw tooMany();
		}
	}

	private BusinessRuleException tooMany() {
		return new BusinessRuleException("TOO_MANY_CODE_ATTEMPTS", "code", this.throttle.window().toMinutes());
	}

}
