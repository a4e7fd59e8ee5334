package org.qibao.merchant;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.confirm;
import static org.qibao.merchant.MerchantFixtures.errorCode;
import static org.qibao.merchant.MerchantFixtures.request;

/** Guessing short codes is throttled per staff account, and every guess counts, aliased ones too. */
@QibaoTest
class CodeGuessingTests {

	/** The default limit of wrong codes per staff account and window. */
	private static final int LIMIT = 10;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void guessesBatchedAsAliasesInOneRequestEachCountAndAreThrottled() {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		double failuresBefore = failures("CODE_NOT_FOUND") + failures("TOO_MANY_CODE_ATTEMPTS");
		String guesses = IntStream.range(0, LIMIT + 5)
			.mapToObj(i -> "g" + i + ": redemptionLookup(code: \"" + guess(i) + "\") { redemption { code } userErrors { code } }")
			.collect(Collectors.joining("\n"));
		org.springframework.graphql.test.tester.GraphQlTester.Response answers = staff.document("{ " + guesses + " }").execute();
		Map<String, Long> outcomes = IntStream.range(0, LIMIT + 5)
			.mapToObj(i -> answers.path("g" + i + ".userErrors[0].code").entity(String.class).get())
			.collect(Collectors.groupingBy(c -> c, Collectors.counting()));
		assertThat(outcomes).containsEntry("CODE_NOT_FOUND", (long) LIMIT).containsEntry("TOO_MANY_CODE_ATTEMPTS", 5L);
		assertThat(failures("CODE_NOT_FOUND") + failures("TOO_MANY_CODE_ATTEMPTS") - failuresBefore)
			.as("failed attempts counted").isGreaterThanOrEqualTo(LIMIT + 5);

		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		String real = code(request(volunteer, this.fixtures.offer(shop, 10, null, null, null)));
		assertThat(errorCode(confirm(staff, real))).as("even a real code, once the limit is used up").isEqualTo("TOO_MANY_CODE_ATTEMPTS");
		assertThat(errorCode(confirm(this.fixtures.staff(shop), real))).as("another staff account has its own limit").isNull();
	}

	@Test
	void realCodesDoNotUseUpTheLimit() {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		Offer offer = this.fixtures.offer(shop, 1, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(LIMIT + 5);
		for (int i = 0; i < LIMIT + 2; i++) {
			assertThat(errorCode(confirm(staff, code(request(volunteer, offer))))).isNull();
		}
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(LIMIT + 2);
	}

	@Test
	void guessesInParallelRequestsAreCountedTogether() throws Exception {
		HttpGraphQlTester staff = this.fixtures.staff(this.fixtures.shop());
		java.util.List<String> outcomes = Bursts.race(LIMIT + 6, i -> () -> errorCode(confirm(staff, guess(i))));
		assertThat(outcomes.stream().filter("CODE_NOT_FOUND"::equals).count()).isEqualTo(LIMIT);
		assertThat(outcomes.stream().filter("TOO_MANY_CODE_ATTEMPTS"::equals).count()).isEqualTo(6);
	}

	@Test
	void fiftyConcurrentConfirmationsAndLookupsOfOneRealCodeRedeemItOnceAndLockNobodyOut() throws Exception {
		Merchant shop = this.fixtures.shop();
		HttpGraphQlTester staff = this.fixtures.staff(shop);
		Offer offer = this.fixtures.offer(shop, 1, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(10);
		String real = code(request(volunteer, offer));
		// as at a busy counter: the code is looked up (the confirm screen) and confirmed, both at once
		java.util.List<String> outcomes = Bursts.race(100, i -> () -> {
			if (i % 2 == 0) {
				String error = errorCode(lookup(staff, real));
				return error == null ? "LOOKED_UP" : "LOOKUP " + error;
			}
			String error = errorCode(confirm(staff, real));
			return error == null ? "REDEEMED" : error;
		});
		assertThat(outcomes.stream().filter("REDEEMED"::equals).count()).isEqualTo(1);
		assertThat(outcomes.stream().filter("CODE_ALREADY_USED"::equals).count()).as(outcomes.toString()).isEqualTo(49);
		assertThat(outcomes).isSubsetOf("REDEEMED", "CODE_ALREADY_USED", "LOOKED_UP", "LOOKUP CODE_ALREADY_USED");
		assertThat(errorCode(confirm(staff, code(request(volunteer, offer))))).as("the staff member is not locked out")
			.isNull();
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(2);
	}

	private static java.util.Map<String, Object> lookup(HttpGraphQlTester staff, String code) {
		return staff.document("query($code: String!) { redemptionLookup(code: $code) { redemption { status } userErrors { code } } }")
			.variable("code", code)
			.execute()
			.path("redemptionLookup")
			.entity(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() {
			})
			.get();
	}

	/** A well-formed short code that no live code has: the first letter is never issued twice in a row here. */
	private static String guess(int i) {
		String alphabet = RedemptionCodes.ALPHABET;
		return "" + alphabet.charAt(i % alphabet.length()) + alphabet.charAt((i / alphabet.length()) % alphabet.length()) + "AAAA";
	}

	private double failures(String reason) {
		io.micrometer.core.instrument.Counter counter = this.meters.find("qibao.redemption.code.failures").tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

}
