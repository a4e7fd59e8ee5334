package org.qibao.shared.websocket;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer token in connection_init, as a client sees it over WebSocket. */
@GraphQlWsTest
class GraphQlWsAuthenticationTests {

	private static final String ME = "{ me { displayName } }";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	private GraphQlWsTestClient client;

	@AfterEach
	void disconnect() {
		if (this.client != null) {
			this.client.abort();
		}
	}

	@Test
	void meWorksOverWebSocketWithTheTokenInConnectionInit() throws Exception {
		String token = Clients.token(this.port, Clients.CAPTAIN_PHONE, Clients.DEMO_PASSWORD);
		this.client = GraphQlWsTestClient.connect(this.port).initialise(Map.of("Authorization", "Bearer " + token));
		this.client.subscribe("me", ME);
		assertThat(this.client.receive().path("payload").path("data").path("me").path("displayName").asString())
			.isEqualTo("黄慧兰");
	}

	@Test
	void noTokenInConnectionInitGivesMeNull() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("me", ME);
		JsonNode payload = this.client.receive().path("payload");
		assertThat(payload.path("data").path("me").isNull()).isTrue();
		assertThat(payload.has("errors")).isFalse();
	}

	@Test
	void anInvalidTokenInConnectionInitClosesWith4403() throws Exception {
		String token = Clients.token(this.port, Clients.CAPTAIN_PHONE, Clients.DEMO_PASSWORD);
		String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + tampered)));
		assertThat(this.client.closeCode()).isEqualTo(4403);
	}

	@Test
	void anAuthorizationThatIsNotAStringClosesWith4403() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", 123)));
		assertThat(this.client.closeCode()).isEqualTo(4403);
	}

	@Test
	void anAuthorizationThatIsNotABearerTokenClosesWith4403() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Basic cWliYW86cWliYW8=")));
		assertThat(this.client.closeCode()).isEqualTo(4403);
	}

	@Test
	void anExpiredTokenInConnectionInitClosesWith4403() throws Exception {
		Instant now = Instant.now();
		// the same signing as an expired one, issued now: proves the refusal below is for the expiry
		GraphQlWsTestClient control = GraphQlWsTestClient.connect(this.port)
			.initialise(Map.of("Authorization", "Bearer " + signedToken(now, now.plus(Duration.ofHours(1)))));
		control.abort();

		String expired = signedToken(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)));
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + expired)));
		assertThat(this.client.closeCode()).isEqualTo(4403);
	}

	@Test
	void signingOutClosesThatTokensConnectionAtOnceAndLeavesTheOtherPhonesRunning() throws Exception {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "退出测试", Clients.DEMO_PASSWORD, "zh-CN");
		String phoneToken = Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		String tabletToken = Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		this.client = GraphQlWsTestClient.connect(this.port).initialise(Map.of("Authorization", "Bearer " + phoneToken));
		GraphQlWsTestClient tablet = GraphQlWsTestClient.connect(this.port)
			.initialise(Map.of("Authorization", "Bearer " + tabletToken));
		try {
			this.client.subscribe("ticks", TickingSubscription.TICKS);
			tablet.subscribe("ticks", TickingSubscription.TICKS);
			assertThat(this.client.receive("next").path("id").asString()).isEqualTo("ticks");

			signOut(phoneToken, false);
			assertThat(this.client.closeCode()).as("the signed-out phone's connection").isEqualTo(4401);
			assertThat(tablet.receive("next").path("id").asString()).isEqualTo("ticks");
			assertThat(tablet.isOpen()).isTrue();

			signOut(tabletToken, true);
			assertThat(tablet.closeCode()).as("signed out everywhere").isEqualTo(4401);
		}
		finally {
			tablet.abort();
		}
	}

	private void signOut(String token, boolean everywhere) {
		Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build()
			.document("mutation($input: AccountSignOutInput!) { accountSignOut(input: $input) { signedOut } }")
			.variable("input", Map.of("everywhere", everywhere))
			.execute()
			.path("accountSignOut.signedOut").entity(Boolean.class).isEqualTo(true);
	}

	/** A token as the server would sign it, with the key the tests configure. */
	private static String signedToken(Instant issuedAt, Instant expiresAt) {
		SecretKey key = new SecretKeySpec(Base64.getDecoder().decode(GraphQlWsTest.TOKEN_SECRET), "HmacSHA256");
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("qibao")
			.subject("1")
			.id(UUID.randomUUID().toString())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim("gen", 0)
			.claim("name", "测试")
			.build();
		return new NimbusJwtEncoder(new ImmutableSecret<>(key))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
