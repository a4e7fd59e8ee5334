package org.qibao.identity;

import java.time.Duration;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits how many phone numbers one person may look up (to give minutes, invite to a team, add
 * shop staff), since each answer says whether a number has an account: enough for honest use,
 * too few to sweep a list of numbers. Every number counts, found or not, as a sweep is after
 * the found ones; the same number again in the window counts once, since its answer tells
 * nothing new (a gift resent after a lost answer, a second gift to one neighbour).
 */
@Component
class PhoneLookups {

	private final Throttle throttle;

	PhoneLookups(StringRedisTemplate redis, @Value("${qibao.security.phone-lookups:20}") int limit,
			@Value("${qibao.security.phone-lookup-window:1h}") Duration window) {
		this.throttle = new Throttle(redis, "phone-lookup", limit, window);
	}

	/** Takes one of the asker's lookups; refused on the field that carries the phone number once they are used up. */
	void take(long askerId, String normalisedPhone, String field) {
		if (!this.throttle.attempt(Long.toString(askerId), normalisedPhone).taken()) {
			throw new BusinessRuleException("TOO_MANY_PHONE_LOOKUPS", field, this.throttle.window().toMinutes());
		}
	}

}
