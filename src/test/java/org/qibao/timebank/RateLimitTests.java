package org.qibao.timebank;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot mutations are limited per person, whoever asks in parallel: a burst beyond the limit is
 * refused with TOO_MANY_REQUESTS for exactly the calls over it, and those change nothing.
 */
@QibaoTest
class RateLimitTests {

	private static final String SEND = """
			mutation($input: GiftSendInput!) { giftSend(input: $input) { gift { minutes } userErrors { code } } }""";

	private static final String REPORT = """
			mutation($input: PositionReportInput!) { positionReport(input: $input) { accepted userErrors { code } } }""";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBurstOfGiftsBeyondTheHourlyLimitMovesOnlyTheAllowedTen() throws Exception {
		TimeBankFixtures fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		TimeBankFixtures.Volunteer giver = fixtures.volunteer(100);
		TimeBankFixtures.Volunteer neighbour = fixtures.volunteer(0);
		HttpGraphQlTester client = Clients.signedIn(this.port, giver.phone());
		List<GraphQlTester.Response> responses = burst(15, i -> client.document(SEND)
			.variable("input", Map.of("recipientPhone", neighbour.phone(), "minutes", 1, "note", "谢谢",
					"idempotencyKey", "rate-" + giver.accountId() + "-" + i))
			.execute());
		assertThat(responses.stream().filter(r -> limited(r)).count()).isEqualTo(5);
		// a refusal says when to try again: what is left of the person's hour
		responses.stream().filter(r -> limited(r)).forEach(r -> r.errors().satisfy(errors -> assertThat(errors)
			.allSatisfy(e -> assertThat(((Number) e.getExtensions().get("retryAfterSeconds")).longValue()).isBetween(3500L, 3600L))));
		assertThat(fixtures.balance(neighbour)).isEqualTo(10);
		assertThat(fixtures.balance(giver)).isEqualTo(90);
	}

	@Test
	void retriesOfOneGiftCountOnceTowardsTheLimit() throws Exception {
		TimeBankFixtures fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		TimeBankFixtures.Volunteer giver = fixtures.volunteer(100);
		TimeBankFixtures.Volunteer neighbour = fixtures.volunteer(0);
		HttpGraphQlTester client = Clients.signedIn(this.port, giver.phone());
		String key = "retried-" + giver.accountId();
		// a phone on a flaky network resends one gift many times, in parallel
		List<GraphQlTester.Response> retries = burst(15, i -> client.document(SEND)
			.variable("input", Map.of("recipientPhone", neighbour.phone(), "minutes", 1, "note", "谢谢", "idempotencyKey", key))
			.execute());
		assertThat(retries.stream().filter(r -> limited(r)).count()).isZero();
		// it used one of the ten: nine other gifts still go through, the tenth other is refused
		List<GraphQlTester.Response> others = burst(10, i -> client.document(SEND)
			.variable("input", Map.of("recipientPhone", neighbour.phone(), "minutes", 1, "note", "谢谢",
					"idempotencyKey", key + "-" + i))
			.execute());
		assertThat(others.stream().filter(r -> limited(r)).count()).isEqualTo(1);
		assertThat(fixtures.balance(neighbour)).isEqualTo(10);
		assertThat(fixtures.balance(giver)).isEqualTo(90);
	}

	@Test
	void positionReportsAreLimitedPerPersonInTheInstance() throws Exception {
		TimeBankFixtures.Volunteer phone = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc).volunteer(0);
		HttpGraphQlTester client = Clients.signedIn(this.port, phone.phone());
		Map<String, Object> report = Map.of("position", Map.of("longitude", 114.353, "latitude", 30.567), "accuracy", 10.0,
				"recordedAt", Instant.now().toString());
		List<GraphQlTester.Response> responses = burst(130, i -> client.document(REPORT).variable("input", report).execute());
		assertThat(responses.stream().filter(r -> limited(r)).count()).isEqualTo(10);
		// someone else is not held back by it
		HttpGraphQlTester other = Clients.signedIn(this.port,
				new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc).volunteer(0).phone());
		assertThat(limited(other.document(REPORT).variable("input", report).execute())).isFalse();
	}

	private static boolean limited(GraphQlTester.Response response) {
		boolean[] limited = new boolean[1];
		response.errors().satisfy(errors -> limited[0] = errors.stream()
			.anyMatch(e -> "TOO_MANY_REQUESTS".equals(e.getExtensions().get("classification"))
					&& e.getMessage().contains("Too many")));
		return limited[0];
	}

	private static List<GraphQlTester.Response> burst(int calls, java.util.function.IntFunction<GraphQlTester.Response> call)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<GraphQlTester.Response>> tasks = IntStream.range(0, calls)
				.mapToObj(i -> (Callable<GraphQlTester.Response>) () -> call.apply(i))
				.toList();
			List<GraphQlTester.Response> responses = new java.util.ArrayList<>();
			for (Future<GraphQlTester.Response> future : pool.invokeAll(tasks)) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
