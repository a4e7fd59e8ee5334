package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.location.PatrolCoverage.Coverage;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The attendance policy with the rules as shipped (no configuration). */
class AttendancePolicyTests {

	private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

	private static final Instant END = START.plus(Duration.ofHours(1));

	private final AttendancePolicy policy = new AttendancePolicy(
			new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("qibao.patrol", PatrolProperties.class));

	@Test
	void aCleanPatrolWithOneGlitchIsVerified() {
		assertThat(this.policy.assess(everyMinute(1), START, END, START, END).clean()).isTrue();
	}

	@Test
	void aPatrolFullOfImplausiblePositionsGoesToReview() {
		assertThat(this.policy.assess(everyMinute(20), START, END, START, END).reviewReason())
			.isEqualTo("IMPLAUSIBLE_POSITIONS");
	}

	private static Coverage everyMinute(int implausible) {
		List<Integer> minutes = IntStream.range(0, 60).boxed().toList();
		return new Coverage(minutes, 240, 0, implausible, true);
	}

}
