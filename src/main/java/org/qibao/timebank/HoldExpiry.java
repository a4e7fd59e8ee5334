package org.qibao.timebank;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds whose time ran out. Runs on every instance; each hold is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so each expires exactly once across instances.
 */
@Component
class HoldExpiry {

	private static final Log log = LogFactory.getLog(HoldExpiry.class);

	private final TimeBank timeBank;

	HoldExpiry(TimeBank timeBank) {
		this.timeBank = timeBank;
	}

	@Scheduled(fixedDelayString = "${qibao.timebank.hold-expiry-interval:30s}", initialDelayString = "${qibao.timebank.hold-expiry-interval:30s}")
	void expireOverdueHolds() {
		int expired = this.timeBank.expireHolds();
		if (expired > 0) {
			log.info("Expired " + expired + " holds");
		}
	}

}
