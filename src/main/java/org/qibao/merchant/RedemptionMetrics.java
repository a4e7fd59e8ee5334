package org.qibao.merchant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts refused code attempts by reason, and codes that expired unused. */
@Component
class RedemptionMetrics {

	private final MeterRegistry registry;

	private final Counter expired;

	RedemptionMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.expired = Counter.builder("qibao.redemption.codes.expired").description("Codes that expired unused").register(registry);
	}

	/** A code typed or scanned at a counter that could not be confirmed, e.g. {@code CODE_NOT_FOUND}. */
	void failedAttempt(String reason) {
		Counter.builder("qibao.redemption.code.failures")
			.description("Code lookups and confirmations refused, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	void expired() {
		this.expired.increment();
	}

}
