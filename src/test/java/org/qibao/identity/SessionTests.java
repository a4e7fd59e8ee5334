package org.qibao.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing out and changing the password end tokens before they expire; tokens that claim too little are refused. */
@QibaoTest
class SessionTests {

	static final String SIGN_OUT = """
			mutation($input: AccountSignOutInput!) { accountSignOut(input: $input) { signedOut userErrors { code } } }""";

	static final String CHANGE = """
			mutation($input: AccountPasswordChangeInput!) {
			  accountPasswordChange(input: $input) { token expiresAt account { displayName } userErrors { code message field } }
			}""";

	private static final String PASSWORD = "old password 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Environment environment;

	@Test
	void signingOutEndsThisTokenAndLeavesTheOtherPhonesSignedIn() {
		String phone = account();
		String phoneToken = Clients.token(this.port, phone, PASSWORD);
		String browserToken = Clients.token(this.port, phone, PASSWORD);
		client(phoneToken).document(SIGN_OUT).variable("input", Map.of()).execute()
			.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true)
			.path("accountSignOut.userErrors").entityList(Object.class).hasSize(0);
		assertThat(status(phoneToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(browserToken)).isEqualTo(HttpStatus.OK);
	}

	@Test
	void signingOutEverywhereEndsEveryTokenButNotTheNextSignIn() {
		String phone = account();
		String phoneToken = Clients.token(this.port, phone, PASSWORD);
		String browserToken = Clients.token(this.port, phone, PASSWORD);
		client(phoneToken).document(SIGN_OUT).variable("input", Map.of("everywhere", true)).execute()
			.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true);
		assertThat(status(phoneToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(browserToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(Clients.token(this.port, phone, PASSWORD))).isEqualTo(HttpStatus.OK);
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsAndGivesThisOneANewToken() {
		String phone = account();
		String thisToken = Clients.token(this.port, phone, PASSWORD);
		String otherToken = Clients.token(this.port, phone, PASSWORD);
		GraphQlTester.Response changed = change(thisToken, PASSWORD, "new secret 22");
		changed.path("accountPasswordChange.userErrors").entityList(Object.class).hasSize(0);
		changed.path("accountPasswordChange.account.displayName").entity(String.class).isEqualTo("改密码的人");
		String newToken = changed.path("accountPasswordChange.token").entity(String.class).get();
		assertThat(status(newToken)).isEqualTo(HttpStatus.OK);
		assertThat(status(thisToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(otherToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(AcrossInstancesTests.outcome(this.port, phone, PASSWORD)).isEqualTo("INVALID_CREDENTIALS");
		assertThat(AcrossInstancesTests.outcome(this.port, phone, "new secret 22")).isEqualTo("SIGNED_IN");
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() {
		String phone = account();
		String token = Clients.token(this.port, phone, PASSWORD);
		GraphQlTester.Response refused = change(token, "not my password", "new secret 22");
		refused.path("accountPasswordChange.token").valueIsNull();
		refused.path("accountPasswordChange.userErrors[0].code").entity(String.class).isEqualTo("WRONG_PASSWORD");
		refused.path("accountPasswordChange.userErrors[0].field").entityList(String.class)
			.containsExactly("input", "currentPassword");
		assertThat(status(token)).isEqualTo(HttpStatus.OK);
		assertThat(AcrossInstancesTests.outcome(this.port, phone, PASSWORD)).isEqualTo("SIGNED_IN");
	}

	@Test
	void guessingTheCurrentPasswordWithAStolenTokenIsLimitedLikeSigningIn() {
		String phone = account();
		String token = Clients.token(this.port, phone, PASSWORD);
		for (int i = 0; i < 5; i++) {
			change(token, "guess " + i, "new secret 22").path("accountPasswordChange.userErrors[0].code")
				.entity(String.class).isEqualTo("WRONG_PASSWORD");
		}
		change(token, PASSWORD, "new secret 22").path("accountPasswordChange.userErrors[0].code")
			.entity(String.class).isEqualTo("TOO_MANY_ATTEMPTS");
	}

	@Test
	void aWeakNewPasswordIsRefusedOnItsField() {
		String phone = account();
		String token = Clients.token(this.port, phone, PASSWORD);
		for (String weak : new String[] { "short", "12345678", "aaaaaaaaaa", "x" + phone, "" }) {
			GraphQlTester.Response refused = change(token, PASSWORD, weak);
			refused.path("accountPasswordChange.token").valueIsNull();
			refused.path("accountPasswordChange.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
			refused.path("accountPasswordChange.userErrors[0].field").entityList(String.class)
				.containsExactly("input", "newPassword");
		}
		assertThat(AcrossInstancesTests.outcome(this.port, phone, PASSWORD)).isEqualTo("SIGNED_IN");
	}

	@Test
	void signedOutRequestsCannotSignOutOrChangeAPassword() {
		Consumer<GraphQlTester.Response> unauthorized = response -> response.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
		unauthorized.accept(Clients.anonymous(this.port).document(SIGN_OUT).variable("input", Map.of()).execute());
		unauthorized.accept(Clients.anonymous(this.port).document(CHANGE)
			.variable("input", Map.of("currentPassword", PASSWORD, "newPassword", "new secret 22")).execute());
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		Account account = this.accounts.findByPhone(account()).orElseThrow();
		String forever = sign(JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject(Long.toString(account.id()))
			.id(UUID.randomUUID().toString()).issuedAt(Instant.now()).claim(Tokens.GENERATION, 0).claim("name", "x"));
		assertUnauthorized(forever);
	}

	@Test
	void aTokenWithABadSubjectIsUnauthorizedNotAServerFault() {
		for (String subject : new String[] { "not-a-number", "-1", "99999999999999999999999", "" }) {
			String bad = sign(JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject(subject).id(UUID.randomUUID().toString())
				.issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1))).claim(Tokens.GENERATION, 0));
			assertUnauthorized(bad);
		}
		String unknownAccount = sign(JwtClaimsSet.builder().issuer(Tokens.ISSUER).subject("987654321012")
			.id(UUID.randomUUID().toString()).issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
			.claim(Tokens.GENERATION, 0));
		assertUnauthorized(unknownAccount);
	}

	private void assertUnauthorized(String token) {
		String body = Clients.http(this.port).post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"classification\":\"UNAUTHORIZED\"").doesNotContain("Exception");
	}

	/** Signs claims with the test key, as only someone holding it could. */
	private String sign(JwtClaimsSet.Builder claims) {
		byte[] key = Base64.getDecoder().decode(this.environment.getRequiredProperty("qibao.security.token-secret"));
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")));
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

	private String account() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "改密码的人", PASSWORD, "zh-CN");
		return phone;
	}

	private GraphQlTester.Response change(String token, String current, String next) {
		return client(token).document(CHANGE)
			.variable("input", Map.of("currentPassword", current, "newPassword", next))
			.execute();
	}

	private HttpGraphQlTester client(String token) {
		return Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build();
	}

	private HttpStatus status(String token) {
		return HttpStatus.valueOf(Clients.http(this.port).post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
	}

}
