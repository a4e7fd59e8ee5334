package org.qibao.identity;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitation codes are easy to read aloud and type, and typed loosely they still match. */
class InvitationCodesTests {

	@Test
	void codesAreEightCharactersWithoutLookAlikes() {
		Set<String> codes = new HashSet<>();
		IntStream.range(0, 1000).forEach(i -> codes.add(InvitationCodes.next()));
		assertThat(codes).hasSize(1000).allSatisfy(code -> assertThat(code).hasSize(8).doesNotContainAnyWhitespaces()
			.matches("[2-9A-HJ-NP-Z]{8}"));
	}

	@Test
	void aCodeTypedInLowerCaseWithSpacesDashesOrFullWidthIsTheSameCode() {
		assertThat(InvitationCodes.normalise("abcd-efgh")).isEqualTo("ABCDEFGH");
		assertThat(InvitationCodes.normalise(" AbCd EfGh ")).isEqualTo("ABCDEFGH");
		assertThat(InvitationCodes.normalise("ＡＢＣＤ２３４５")).isEqualTo("ABCD2345");
	}

	@Test
	void whatCannotBeACodeIsNothing() {
		assertThat(InvitationCodes.normalise("ABCDEFG")).isEmpty();
		assertThat(InvitationCodes.normalise("ABCDEFG0")).as("no zero").isEmpty();
		assertThat(InvitationCodes.normalise("ABCDEFGI")).as("no I").isEmpty();
		assertThat(InvitationCodes.normalise(null)).isEmpty();
		assertThat(InvitationCodes.normalise("A".repeat(1000))).isEmpty();
	}

	@Test
	void onlyAKeyedHashIsKeptTheSameForTheSameCodeAndSecret() {
		InvitationCodeHashes hashes = new InvitationCodeHashes(new byte[32]);
		InvitationCodeHashes otherSecret = new InvitationCodeHashes("another secret of 32 bytes or so".getBytes());
		assertThat(hashes.of("ABCDEFGH")).hasSize(64).isEqualTo(hashes.of("ABCDEFGH"))
			.isNotEqualTo(hashes.of("ABCDEFGJ"))
			.isNotEqualTo(otherSecret.of("ABCDEFGH"));
	}

}
