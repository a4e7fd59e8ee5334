package org.qibao.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers in every way people type them come out as the same digits. */
class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "13900000042", "139 0000 0042", "139-0000-0042", "+86 139 0000 0042", "+8613900000042",
			"0086 139 0000 0042", "008613900000042", "１３９００００００４２", "＋８６　１３９－００００－００４２",
			"(139) 0000.0042", "  13900000042  " })
	void everyWayOfTypingANumberGivesTheSameDigits(String typed) {
		assertThat(PhoneNumbers.normalise(typed)).isEqualTo("13900000042");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "abc", "1390000004x", "1234", "+", "0086", "１２３" })
	void whatCannotBeANumberGivesNothing(String typed) {
		assertThat(PhoneNumbers.normalise(typed)).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void nothingGivesNothing() {
		assertThat(PhoneNumbers.normalise(null)).isEmpty();
	}

}
