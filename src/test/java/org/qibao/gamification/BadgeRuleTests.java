package org.qibao.gamification;

import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeRuleTests {

	@Test
	void aRuleNamesWhatIsWrongWithIt() {
		assertThatThrownBy(() -> BadgeRule.parse("HAPPINESS", 1, null, null, null)).isInstanceOf(BusinessRuleException.class)
			.extracting("code").isEqualTo("UNKNOWN_BADGE_METRIC");
		assertThatThrownBy(() -> BadgeRule.parse("PATROLS", -3, null, null, null)).extracting("code")
			.isEqualTo("BADGE_THRESHOLD_NOT_POSITIVE");
		assertThatThrownBy(() -> BadgeRule.parse("PATROLS", 3, "FORTNIGHT", null, null)).extracting("code")
			.isEqualTo("UNKNOWN_BADGE_WINDOW");
		assertThatThrownBy(() -> BadgeRule.parse("PATROL_DAYS_ON_WEEKDAY", 6, "CALENDAR_MONTH", null, "SUNDAY"))
			.extracting("code").isEqualTo("BADGE_WINDOW_NOT_COMPUTABLE");
		assertThatThrownBy(() -> BadgeRule.parse("STREAK_WEEKS", 4, "CALENDAR_MONTH", null, null)).extracting("code")
			.isEqualTo("BADGE_WINDOW_NOT_COMPUTABLE");
		assertThatThrownBy(() -> BadgeRule.parse("PATROLS_STARTING_BEFORE", 4, null, "7 o'clock", null)).extracting("code")
			.isEqualTo("BADGE_TIME_OF_DAY_REQUIRED");
	}

	@Test
	void aYearOfSundaysCanBeComputed() {
		BadgeRule rule = BadgeRule.parse("PATROL_DAYS_ON_WEEKDAY", 52, "CALENDAR_YEAR", null, "SUNDAY");
		assertThat(rule.computable()).isTrue();
	}

	@Test
	void scoresPutMorePointsFirstThenTheEarlierAchiever() {
		assertThat(Board.score(100, 10)).isGreaterThan(Board.score(100, 11));
		assertThat(Board.score(101, 999_999)).isGreaterThan(Board.score(100, 0));
		assertThat(Board.points(Board.score(268_000_000L, Board.MINUTE_SPAN - 1))).isEqualTo(268_000_000L);
		assertThat(NameMask.of("肖建国")).isEqualTo("肖*国");
		assertThat(NameMask.of("王芳")).isEqualTo("王*");
	}

}
