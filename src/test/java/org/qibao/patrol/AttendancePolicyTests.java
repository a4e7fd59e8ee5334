package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.location.PatrolCoverage.Coverage;
import org.qibao.patrol.AttendancePolicy.Earlier;
import org.qibao.patrol.AttendancePolicy.Verdict;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance policy with the rules as shipped (no configuration), without a server; several
 * check-ins of one shift count each minute once.
 */
class AttendancePolicyTests {

	private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

	private static final Instant END = START.plus(Duration.ofHours(1));

	private static final Coverage EVERY_MINUTE = everyMinute(0);

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

	@Test
	void aSecondCheckInCountsOnlyTheMinutesTheFirstDidNot() {
		Verdict first = this.policy.assess(EVERY_MINUTE, START, END, at(0, 30), at(5, 30));
		assertThat(first.checkedInMinutes()).isEqualTo(5);
		assertThat(first.coveredMinutes()).isEqualTo(5);
		assertThat(first.countedMinutes()).containsExactly(0, 1, 2, 3, 4, 5);
		// back ten seconds later: minute 5, shared by both, was counted by the first
		Verdict second = this.policy.assess(EVERY_MINUTE, START, END, at(5, 40), at(10, 0),
				List.of(earlier(first, 0, 30, 5, 30)));
		assertThat(second.countedMinutes()).containsExactly(6, 7, 8, 9);
		assertThat(second.checkedInMinutes()).isEqualTo(4);
		assertThat(second.coveredMinutes()).isEqualTo(4);
		// together: the whole minutes of 9 min 20 s checked in
		assertThat(first.checkedInMinutes() + second.checkedInMinutes()).isEqualTo(9);
	}

	@Test
	void overlappingCheckInsNeverCreditTheSameMinuteTwice() {
		Verdict first = this.policy.assess(EVERY_MINUTE, START, END, at(0, 0), at(30, 0));
		Verdict second = this.policy.assess(EVERY_MINUTE, START, END, at(20, 0), at(40, 0),
				List.of(earlier(first, 0, 0, 30, 0)));
		assertThat(second.checkedInMinutes()).isEqualTo(10);
		assertThat(second.coveredMinutes()).isEqualTo(10);
		// a third inside the first adds nothing
		Verdict third = this.policy.assess(EVERY_MINUTE, START, END, at(5, 0), at(25, 0),
				List.of(earlier(first, 0, 0, 30, 0), earlier(second, 20, 0, 40, 0)));
		assertThat(third.checkedInMinutes()).isZero();
		assertThat(third.coveredMinutes()).isZero();
		assertThat(third.clean()).isTrue();
	}

	@Test
	void checkInsAreCappedByTheShiftWindow() {
		Verdict first = this.policy.assess(EVERY_MINUTE, START, END, START.minus(Duration.ofMinutes(20)), at(50, 0));
		Verdict second = this.policy.assess(EVERY_MINUTE, START, END, at(55, 0), END.plus(Duration.ofMinutes(30)),
				List.of(earlier(first, -20, 0, 50, 0)));
		assertThat(first.checkedInMinutes() + second.checkedInMinutes()).isEqualTo(55);
		assertThat(first.coveredMinutes() + second.coveredMinutes()).isEqualTo(55);
	}

	private static Earlier earlier(Verdict verdict, int inMinute, int inSecond, int outMinute, int outSecond) {
		return new Earlier(at(inMinute, inSecond), at(outMinute, outSecond), verdict.checkedInMinutes(),
				Set.copyOf(verdict.countedMinutes()));
	}

	private static Instant at(int minute, int second) {
		return START.plusSeconds(60L * minute + second);
	}

	private static Coverage everyMinute(int implausible) {
		List<Integer> minutes = IntStream.range(0, 60).boxed().toList();
		return new Coverage(minutes, 240, 0, implausible, true);
	}

}
