package org.qibao.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per phone number and refuses further attempts for a while after
 * too many, so that passwords cannot be guessed. The counts live in Redis, shared by all
 * instances; while Redis is unreachable each instance counts for itself.
 */
@Component
class LoginThrottle {

	private static final Log log = LogFactory.getLog(LoginThrottle.class);

	private final StringRedisTemplate redis;

	private final int maxFailures;

	private final Duration lockout;

	private final Map<String, LocalCount> localCounts = new ConcurrentHashMap<>();

	LoginThrottle(StringRedisTemplate redis, @Value("${qibao.security.login-attempts}") int maxFailures,
			@Value("${qibao.security.login-lockout}") Duration lockout) {
		this.redis = redis;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	boolean isLocked(String phone) {
		return failures(phone) >= this.maxFailures;
	}

	void recordFailure(String phone) {
		try {
			String key = key(phone);
			Long count = this.redis.opsForValue().increment(key);
			if (count != null && count == 1) {
				this.redis.expire(key, this.lockout);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, counting failed sign-ins locally: " + ex.getMessage());
			this.localCounts.compute(phone, (p, c) -> (c == null || c.expired()) ? new LocalCount(1, expiry())
					: new LocalCount(c.count() + 1, c.expiresAt()));
		}
	}

	void recordSuccess(String phone) {
		this.localCounts.remove(phone);
		try {
			this.redis.delete(key(phone));
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, cannot clear failed sign-ins: " + ex.getMessage());
		}
	}

	private int failures(String phone) {
		LocalCount local = this.localCounts.get(phone);
		int localCount = (local == null || local.expired()) ? 0 : local.count();
		try {
			String count = this.redis.opsForValue().get(key(phone));
			return Math.max(localCount, count == null ? 0 : Integer.parseInt(count));
		}
		catch (DataAccessException ex) {
			return localCount;
		}
	}

	private Instant expiry() {
		return Instant.now().plus(this.lockout);
	}

	private static String key(String phone) {
		return "login:failures:" + phone;
	}

	private record LocalCount(int count, Instant expiresAt) {

		boolean expired() {
			return Instant.now().isAfter(this.expiresAt);
		}

	}

}
