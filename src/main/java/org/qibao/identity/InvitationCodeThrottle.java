package org.qibao.identity;

import java.time.Duration;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Limits unknown invitation codes per client address, so that codes cannot be guessed: each
 * look-up takes an attempt before the code is looked for, and a real code gives it back, so only
 * wrong codes use up the limit ({@code qibao.invitations.wrong-codes} per
 * {@code qibao.invitations.wrong-code-window}).
 */
@Component
class InvitationCodeThrottle {

	private final Throttle throttle;

	InvitationCodeThrottle(StringRedisTemplate redis, @Value("${qibao.invitations.wrong-codes:10}") int limit,
			@Value("${qibao.invitations.wrong-code-window:15m}") Duration window) {
		this.throttle = new Throttle(redis, "invitation-code", limit, window);
	}

	/** Takes an attempt for the address; refused with {@code TOO_MANY_WRONG_CODES} on {@code code} once they are used up. */
	void take(String clientAddress) {
		if (!this.throttle.tryTake(clientAddress)) {
			throw new BusinessRuleException("TOO_MANY_WRONG_CODES", "code");
		}
	}

	/** The code was real: the attempt was no guess. */
	void giveBack(String clientAddress) {
		this.throttle.giveBack(clientAddress);
	}

}
