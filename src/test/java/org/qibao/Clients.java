package org.qibao;

import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** GraphQL clients of a running test server, anonymous or signed in. */
public final class Clients {

	/** The password of every demo account. */
	public static final String DEMO_PASSWORD = "qibao2026";

	public static final String CAPTAIN_PHONE = "13900000003";

	public static final String ADMINISTRATOR_PHONE = "13900000001";

	public static final String VOLUNTEER_PHONE = "13900000004";

	/**
	 * Keeps a connection for reuse at most 10 s idle. Tomcat closes a keep-alive connection after
	 * it has been idle for its own timeout; a request sent on a pooled connection at that very
	 * moment failed with "Connection prematurely closed BEFORE response" (the default pool keeps
	 * connections for ever, across all the test classes of a run).
	 */
	private static final ReactorClientHttpConnector CONNECTOR = new ReactorClientHttpConnector(HttpClient
		.create(ConnectionProvider.builder("qibao-tests")
			.maxIdleTime(Duration.ofSeconds(10))
			// bursts of 150 parallel requests (the throttle tests) wait for a connection instead of failing
			.maxConnections(200)
			.pendingAcquireMaxCount(-1)
			.build()));

	private Clients() {
	}

	public static WebTestClient http(int port) {
		return WebTestClient.bindToServer(CONNECTOR).baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
	}

	public static HttpGraphQlTester anonymous(int port) {
		return HttpGraphQlTester.create(http(port).mutate().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	public static HttpGraphQlTester signedIn(int port, String phone, String password) {
		return anonymous(port).mutate().header("Authorization", "Bearer " + token(port, phone, password)).build();
	}

	public static HttpGraphQlTester signedIn(int port, String phone) {
		return signedIn(port, phone, DEMO_PASSWORD);
	}

	public static String token(int port, String phone, String password) {
		return anonymous(port).document("""
				mutation($input: AccountLoginInput!) { accountLogin(input: $input) { token userErrors { code } } }""")
			.variable("input", Map.of("phone", phone, "password", password))
			.execute()
			.path("accountLogin.token")
			.entity(String.class)
			.get();
	}

	/** A phone number no other test uses. */
	public static String uniquePhone() {
		return "1" + String.format("%010d", Math.abs(System.nanoTime() % 10_000_000_000L));
	}

}
