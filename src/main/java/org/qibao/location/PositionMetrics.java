package org.qibao.location;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Position reports counted by outcome, for /actuator/prometheus:
 * {@code qibao_location_positions_accepted_total} and
 * {@code qibao_location_positions_dropped_total{reason="IMPLAUSIBLE_SPEED"}}.
 */
@Component
class PositionMetrics {

	private final Counter accepted;

	private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

	PositionMetrics(MeterRegistry registry) {
		this.accepted = Counter.builder("qibao.location.positions.accepted")
			.description("Position reports stored")
			.register(registry);
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, Counter.builder("qibao.location.positions.dropped")
				.description("Position reports not stored, by the filter's reason")
				.tag("reason", reason.name())
				.register(registry));
		}
	}

	void accepted(int count) {
		this.accepted.increment(count);
	}

	void dropped(DropReason reason, int count) {
		if (count > 0) {
			this.dropped.get(reason).increment(count);
		}
	}

}
