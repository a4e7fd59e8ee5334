package org.qibao.identity;

import java.time.Duration;

import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits password checks per phone number, so that passwords cannot be guessed: each check
 * takes an attempt before bcrypt runs, and a right password gives its attempt back, so only
 * wrong passwords use up the limit ({@code qibao.security.login-attempts} per
 * {@code qibao.security.login-lockout}, counted from the first one).
 */
@Component
class LoginThrottle {

	private final Throttle throttle;

	LoginThrottle(StringRedisTemplate redis, @Value("${qibao.security.login-attempts}") int maxFailures,
			@Value("${qibao.security.login-lockout}") Duration lockout) {
		this.throttle = new Throttle(redis, "sign-in", maxFailures, lockout);
	}

	/** Takes an attempt to check a password for the phone number; false when they are used up. */
	boolean tryTake(String phone) {
		return this.throttle.tryTake(phone);
	}

	/** The password was right: the attempt was no guess. */
	void giveBack(String phone) {
		this.throttle.giveBack(phone);
	}

}
