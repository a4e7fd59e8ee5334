package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits how many wrong codes one staff account may try, so that short codes cannot be guessed.
 * Each lookup or confirmation takes an attempt before it runs (atomically, so parallel requests
 * and aliased fields in one request each count) and gives it back when the code was real. The
 * counts live in Redis, shared by all instances; while Redis is unreachable each instance counts
 * for itself.
 */
@Component
class CodeAttempts {

	private static final Log log = LogFactory.getLog(CodeAttempts.class);

	private final StringRedisTemplate redis;

	private final int maxWrong;

	private final Duration window;

	private final Map<Long, LocalCount> localCounts = new ConcurrentHashMap<>();

	CodeAttempts(StringRedisTemplate redis, @Value("${qibao.merchant.code-attempts:10}") int maxWrong,
			@Value("${qibao.merchant.code-attempt-window:15m}") Duration window) {
		this.redis = redis;
		this.maxWrong = maxWrong;
		this.window = window;
	}

	/** Takes an attempt for the staff account; refused once its wrong attempts are used up. */
	void take(long staffId) {
		long count;
		try {
			String key = key(staffId);
			Long incremented = this.redis.opsForValue().increment(key);
			count = incremented == null ? 0 : incremented;
			if (count == 1) {
				this.redis.expire(key, this.window);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Redis unavailable, counting code attempts locally: " + ex.getMessage());
			count = this.localCounts
				.compute(staffId, (id, c) -> (c == null || c.expired()) ? new LocalCount(1, Instant.now().plus(this.window))
						: new LocalCount(c.count() + 1, c.expiresAt()))
				.count();
		}
		if (count > this.maxWrong) {
			throw new BusinessRuleException("TOO_MANY_CODE_ATTEMPTS", "code", this.window.toMinutes());
		}
	}

	/** Gives back an attempt whose code was real, so only wrong codes use up the limit. */
	void giveBack(long staffId) {
		try {
			this.redis.opsForValue().decrement(key(staffId));
		}
		catch (DataAccessException ex) {
			this.localCounts.computeIfPresent(staffId, (id, c) -> new LocalCount(Math.max(0, c.count() - 1), c.expiresAt()));
		}
	}

	private static String key(long staffId) {
		return "merchant:code-attempts:" + staffId;
	}

	private record LocalCount(int count, Instant expiresAt) {

		boolean expired() {
			return Instant.now().isAfter(this.expiresAt);
		}

	}

}
