package org.qibao.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
class SignInTests {

	private static final String LOGIN = """
			mutation($input: AccountLoginInput!) {
			  accountLogin(input: $input) {
			    token expiresAt
			    account { displayName roles { role scopeName scope { __typename } } }
			    userErrors { code message field }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Tokens tokens;

	@Test
	void aDemoCaptainSignsInAndSeesTheirScopedRoles() {
		GraphQlTester.Response response = login(Clients.CAPTAIN_PHONE, Clients.DEMO_PASSWORD);
		response.path("accountLogin.userErrors").entityList(Object.class).hasSize(0);
		assertThat(response.path("accountLogin.token").entity(String.class).get()).isNotBlank();
		response.path("accountLogin.account.displayName").entity(String.class).isEqualTo("黄慧兰");
		response.path("accountLogin.account.roles[*].role").entityList(String.class).contains("CAPTAIN", "VOLUNTEER");
		response.path("accountLogin.account.roles[?(@.role == 'CAPTAIN')].scopeName").entityList(String.class)
			.containsExactly("七宝巡逻队");
		response.path("accountLogin.account.roles[?(@.role == 'CAPTAIN')].scope.__typename").entityList(String.class)
			.containsExactly("Team");
	}

	@Test
	void aPhoneWithSpacesAndCountryPrefixSignsInToo() {
		login("+86 139 0000 0004", Clients.DEMO_PASSWORD).path("accountLogin.account.displayName")
			.entity(String.class)
			.isEqualTo("肖建国");
	}

	@Test
	void aWrongPasswordIsRefusedWithoutAToken() {
		// a phone of its own: wrong passwords on a demo phone would count against other tests' sign-ins
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "测试用户", "right password", "zh-CN");
		GraphQlTester.Response response = login(phone, "wrong password");
		response.path("accountLogin.token").valueIsNull();
		response.path("accountLogin.account").valueIsNull();
		response.path("accountLogin.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
	}

	@Test
	void anUnknownPhoneGetsTheSameAnswerAsAWrongPassword() {
		GraphQlTester.Response response = login(Clients.uniquePhone(), "anything");
		response.path("accountLogin.token").valueIsNull();
		response.path("accountLogin.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
	}

	@Test
	void aBlankPhoneIsAnInputErrorOnThatField() {
		GraphQlTester.Response response = login("  ", "secret");
		response.path("accountLogin.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
		response.path("accountLogin.userErrors[0].field").entityList(String.class).containsExactly("input", "phone");
	}

	@Test
	void errorMessagesFollowTheRequestedLanguage() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "测试用户", "right password", "zh-CN");
		String chinese = Clients.anonymous(this.port)
			.mutate()
			.header("Accept-Language", "zh-CN")
			.build()
			.document(LOGIN)
			.variable("input", Map.of("phone", phone, "password", "wrong"))
			.execute()
			.path("accountLogin.userErrors[0].message")
			.entity(String.class)
			.get();
		assertThat(chinese).isEqualTo("手机号或密码不正确。");
		String english = Clients.anonymous(this.port)
			.mutate()
			.header("Accept-Language", "en")
			.build()
			.document(LOGIN)
			.variable("input", Map.of("phone", phone, "password", "wrong"))
			.execute()
			.path("accountLogin.userErrors[0].message")
			.entity(String.class)
			.get();
		assertThat(english).isEqualTo("The phone number or password is wrong.");
	}

	@Test
	void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "测试用户", "right password", "zh-CN");
		for (int i = 0; i < 5; i++) {
			login(phone, "wrong " + i).path("accountLogin.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("INVALID_CREDENTIALS");
		}
		GraphQlTester.Response locked = login(phone, "right password");
		locked.path("accountLogin.token").valueIsNull();
		locked.path("accountLogin.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
	}

	@Test
	void meIsTheSignedInAccountAndNullWithoutAToken() {
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("{ me { displayName phone locale roles { role scopeName } } }")
			.execute()
			.path("me.displayName").entity(String.class).isEqualTo("肖建国")
			.path("me.phone").entity(String.class).isEqualTo(Clients.VOLUNTEER_PHONE)
			.path("me.roles[0].scopeName").entity(String.class).isEqualTo("东亭社区");
		Clients.anonymous(this.port).document("{ me { displayName } }").execute().path("me").valueIsNull();
	}

	@Test
	void aMalformedTokenIsRefusedWithATypedErrorAndNoStackTrace() {
		String body = Clients.http(this.port)
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"classification\":\"UNAUTHORIZED\"").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void anExpiredTokenIsRefused() {
		Account account = this.accounts.register(Clients.uniquePhone(), "过期用户", "password", "zh-CN");
		Instant longAgo = Instant.now().minus(Duration.ofDays(30));
		Tokens.IssuedToken expired = this.tokens.issue(account, java.util.List.of(), longAgo);
		assertThat(expired.expiresAt()).isBefore(Instant.now());
		Clients.http(this.port)
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + expired.value())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void passwordsAreStoredOnlyAsHashes(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "哈希用户", "plain secret", "zh-CN");
		String stored = jdbc.sql("SELECT password_hash FROM account WHERE phone = ?").param(phone).query(String.class).single();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain("plain secret");
	}

	private GraphQlTester.Response login(String phone, String password) {
		return Clients.anonymous(this.port)
			.document(LOGIN)
			.variable("input", Map.of("phone", phone, "password", password))
			.execute();
	}

}
