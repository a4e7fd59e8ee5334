package org.qibao.gamification;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreakPolicyTests {

	private static final LocalDate W1 = LocalDate.parse("2026-11-02");

	private static LocalDate w(int n) {
		return W1.plusWeeks(n - 1);
	}

	@Test
	void everyWeekWithAPatrolCounts() {
		StreakPolicy.State state = StreakPolicy.of(Set.of(w(1), w(2), w(3)), Set.of(), w(3));
		assertThat(state.currentWeeks()).isEqualTo(3);
		assertThat(state.thisWeekCounted()).isTrue();
	}

	@Test
	void oneMissedWeekInFourIsForgivenButASecondBreaksTheStreak() {
		StreakPolicy.State forgiven = StreakPolicy.of(Set.of(w(1), w(2), w(4), w(5)), Set.of(), w(5));
		assertThat(forgiven.currentWeeks()).isEqualTo(4);
		assertThat(forgiven.graceLeft()).isZero();
		StreakPolicy.State broken = StreakPolicy.of(Set.of(w(1), w(2), w(4), w(6)), Set.of(), w(6));
		assertThat(broken.currentWeeks()).isEqualTo(1);
		assertThat(broken.longestWeeks()).isEqualTo(3);
	}

	@Test
	void aPausedWeekNeitherCountsNorBreaks() {
		StreakPolicy.State state = StreakPolicy.of(Set.of(w(1), w(4)), Set.of(w(2), w(3)), w(4));
		assertThat(state.currentWeeks()).isEqualTo(2);
		assertThat(state.graceLeft()).isEqualTo(1);
	}

	@Test
	void theWeekInProgressDoesNotBreakTheStreak() {
		StreakPolicy.State state = StreakPolicy.of(Set.of(w(1), w(2)), Set.of(), w(3));
		assertThat(state.currentWeeks()).isEqualTo(2);
		assertThat(state.thisWeekCounted()).isFalse();
	}

}
