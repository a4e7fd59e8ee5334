package org.qibao.merchant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires codes nobody used and gives their minutes back. Runs on every instance; each code is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leaves ISSUED in one conditional UPDATE, so
 * each expires, and its hold is released, exactly once across instances.
 */
@Component
public class RedemptionExpiry {

	private static final Log log = LogFactory.getLog(RedemptionExpiry.class);

	private final RedemptionDesk desk;

	RedemptionExpiry(RedemptionDesk desk) {
		this.desk = desk;
	}

	@Scheduled(fixedDelayString = "${qibao.merchant.code-expiry-interval:20s}", initialDelayString = "${qibao.merchant.code-expiry-interval:20s}")
	void expireOverdueCodes() {
		int expired = expireDue().size();
		if (expired > 0) {
			log.info("Expired " + expired + " redemption codes");
		}
	}

	/** Expires every overdue code; returns the redemptions this call expired. */
	public List<Long> expireDue() {
		List<Long> expired = new ArrayList<>();
		for (Optional<Long> next = this.desk.expireOne(); next.isPresent(); next = this.desk.expireOne()) {
			expired.add(next.get());
		}
		return expired;
	}

}
