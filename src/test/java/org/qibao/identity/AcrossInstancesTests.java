package org.qibao.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.AnotherInstance;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances sharing PostgreSQL and Redis, as behind a load balancer: what one decides about
 * sign-in (throttles, sign-outs, roles) holds on it from the next request and on the other
 * within milliseconds (told through Redis; the tests allow two seconds on a busy machine).
 */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcrossInstancesTests {

	static final String LOGIN = """
			mutation($input: AccountLoginInput!) {
			  accountLogin(input: $input) { token userErrors { code } }
			}""";

	/** {@code qibao.security.login-attempts} as configured. */
	private static final int LIMIT = 5;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Environment environment;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** What an instance must see a change made on the other within. */
	private static final Duration ACROSS = Duration.ofSeconds(2);

	AnotherInstance otherInstance;

	int otherPort;

	@BeforeAll
	void startAnotherInstance() {
		this.otherInstance = AnotherInstance.start(this.environment);
		this.otherPort = this.otherInstance.port();
	}

	@AfterAll
	void stopIt() {
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@Test
	void aBurstOfWrongPasswordsOnTwoInstancesChecksOnlyTheLimit() throws Exception {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "连发测试", "right password", "zh-CN");
		List<String> outcomes = Bursts.race(150, i -> () -> outcome(i % 2 == 0 ? this.port : this.otherPort, phone, "wrong " + i));
		assertThat(outcomes.stream().filter("INVALID_CREDENTIALS"::equals).count()).as("passwords checked")
			.isEqualTo(LIMIT);
		assertThat(outcomes.stream().filter("TOO_MANY_ATTEMPTS"::equals).count()).isEqualTo(150 - LIMIT);
		assertThat(outcome(this.otherPort, phone, "right password")).as("the right password once locked")
			.isEqualTo("TOO_MANY_ATTEMPTS");
	}

	@Test
	void theRightPasswordAmongABurstOfWrongOnesChecksNoMoreThanTheLimit() throws Exception {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "连发测试", "right password", "zh-CN");
		List<String> outcomes = Bursts.race(150, i -> () -> outcome(i % 2 == 0 ? this.port : this.otherPort, phone,
				i == 75 ? "right password" : "wrong " + i));
		long wrongChecked = outcomes.stream().filter("INVALID_CREDENTIALS"::equals).count();
		long signedIn = outcomes.stream().filter("SIGNED_IN"::equals).count();
		assertThat(wrongChecked).as("wrong passwords checked").isEqualTo(LIMIT);
		assertThat(signedIn).isLessThanOrEqualTo(1);
		assertThat(outcomes).isSubsetOf("INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "SIGNED_IN");
		assertThat(outcome(this.port, phone, "right password")).as("the right password once locked")
			.isEqualTo("TOO_MANY_ATTEMPTS");
	}

	@Test
	void aTokenSignedOutOnOneInstanceIsRefusedThereAtOnceAndByTheOtherWithinTwoSeconds() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "退出测试", "right password", "zh-CN");
		String token = Clients.token(this.port, phone, "right password");
		awaitListening();
		assertThat(status(this.otherPort, token, "{ me { id } }")).as("known to the other instance").isEqualTo(200);
		assertThat(status(this.port, token, "{ me { id } }")).as("known to this instance").isEqualTo(200);
		signedIn(this.port, token).document(SessionTests.SIGN_OUT).variable("input", Map.of()).execute()
			.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true);
		assertThat(status(this.port, token, "{ me { id } }")).as("the next request here").isEqualTo(401);
		await().atMost(ACROSS).untilAsserted(() -> assertThat(status(this.otherPort, token, "{ me { id } }")).isEqualTo(401));
	}

	@Test
	void anInstanceRemembersATokensStandingUntilAChangeOnTheOtherInstanceIsAnnounced() {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "缓存测试", "right password", "zh-CN");
		String token = Clients.token(this.port, phone, "right password");
		TokenStandings other = awaitListening();
		assertThat(status(this.otherPort, token, "{ me { id } }")).as("read once").isEqualTo(200);
		long reads = other.reads();
		for (int i = 0; i < 20; i++) {
			assertThat(status(this.otherPort, token, "{ me { id } }")).isEqualTo(200);
		}
		assertThat(other.reads()).as("PostgreSQL reads for 20 more requests with the same token").isEqualTo(reads);
		long community = this.jdbc.sql("SELECT id FROM community ORDER BY id LIMIT 1").query(Long.class).single();
		String overview = "{ timeBankOverview(communityId: \"" + org.qibao.shared.GlobalId.encode("Community", community)
				+ "\") { __typename } }";
		GraphQlTester onOther = signedIn(this.otherPort, token);
		assertThat(classification(onOther, overview)).as("before the grant").isEqualTo("FORBIDDEN");
		this.accounts.grant(account.id(), Role.ADMINISTRATOR, community);
		await().atMost(ACROSS).untilAsserted(() -> assertThat(classification(onOther, overview)).isNull());
	}

	@Test
	void aRoleGrantedOrRevokedOnOneInstanceCountsOnTheOtherFromTheNextRequest() {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "角色测试", "right password", "zh-CN");
		long community = this.jdbc.sql("SELECT id FROM community ORDER BY id LIMIT 1").query(Long.class).single();
		String overview = "{ timeBankOverview(communityId: \"" + org.qibao.shared.GlobalId.encode("Community", community)
				+ "\") { __typename } }";
		GraphQlTester other = signedIn(this.otherPort, Clients.token(this.port, phone, "right password"));
		assertThat(classification(other, overview)).as("before the grant").isEqualTo("FORBIDDEN");
		this.accounts.grant(account.id(), Role.ADMINISTRATOR, community);
		await("after the grant").atMost(ACROSS)
			.untilAsserted(() -> assertThat(classification(other, overview)).isNull());
		this.accounts.revoke(account.id(), Role.ADMINISTRATOR, community);
		await("after the revoke").atMost(ACROSS)
			.untilAsserted(() -> assertThat(classification(other, overview)).isEqualTo("FORBIDDEN"));
	}

	/** The other instance, once it hears the changes (it reads PostgreSQL on every request before). */
	private TokenStandings awaitListening() {
		TokenStandings other = this.otherInstance.bean(TokenStandings.class);
		await().atMost(Duration.ofSeconds(15)).until(other::listening);
		return other;
	}

	private static String classification(GraphQlTester client, String document) {
		List<org.springframework.graphql.ResponseError> errors = new ArrayList<>();
		client.document(document).execute().errors().satisfy(errors::addAll);
		return errors.isEmpty() ? null : String.valueOf(errors.get(0).getExtensions().get("classification"));
	}

	private static GraphQlTester signedIn(int port, String token) {
		return Clients.anonymous(port).mutate().header("Authorization", "Bearer " + token).build();
	}

	private static int status(int port, String token, String query) {
		return Clients.http(port).post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	static String outcome(int port, String phone, String password) {
		GraphQlTester.Response response = Clients.anonymous(port)
			.document(LOGIN)
			.variable("input", Map.of("phone", phone, "password", password))
			.execute();
		List<String> codes = response.path("accountLogin.userErrors[*].code").entityList(String.class).get();
		return codes.isEmpty() ? "SIGNED_IN" : codes.get(0);
	}

}
