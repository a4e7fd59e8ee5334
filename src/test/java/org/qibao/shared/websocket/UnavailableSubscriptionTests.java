package org.qibao.shared.websocket;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.InstanceWithoutRedis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription to the live map on an instance whose Redis is down is told the map is
 * unavailable, with the classification and code a live map query gets for it ({@code UNAVAILABLE},
 * {@code LIVE_MAP_UNAVAILABLE}), not as a server fault, and not left waiting on a silent stream.
 */
@GraphQlWsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnavailableSubscriptionTests {

	private static final String UPDATES = "subscription($c: ID!) { livePatrollerUpdates(communityId: $c) { left } }";

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private InstanceWithoutRedis withoutRedis;

	private int withoutRedisPort;

	@BeforeAll
	void startAnInstanceWhoseRedisIsDown() {
		this.withoutRedis = InstanceWithoutRedis.start(this.environment, "--spring.data.redis.timeout=500ms", "--spring.datasource.hikari.maximum-pool-size=4",
				"--qibao.security.token-secret=" + GraphQlWsTest.TOKEN_SECRET);
		this.withoutRedisPort = this.withoutRedis.port();
	}

	@AfterAll
	void stopIt() {
		if (this.withoutRedis != null) {
			this.withoutRedis.close();
		}
	}

	@Test
	void theLiveMapsSubscriptionSaysUnavailableAsItsQueryDoes() throws Exception {
		String token = Clients.token(this.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
		String community = Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { community { id } } }")
			.execute()
			.path("gridAt.community.id")
			.entity(String.class)
			.get();
		Map<String, Object> asQuery = Clients.anonymous(this.withoutRedisPort).mutate()
			.header("Authorization", "Bearer " + token).build()
			.document("query($c: ID!) { livePatrollersInCommunity(communityId: $c) { checkInId } }")
			.variable("c", community)
			.execute()
			.returnResponse()
			.getErrors().get(0).getExtensions();
		GraphQlWsTestClient client = GraphQlWsTestClient.connect(this.withoutRedisPort)
			.initialise(Map.of("Authorization", "Bearer " + token));
		try {
			client.send(Map.of("id", "map", "type", "subscribe",
					"payload", Map.of("query", UPDATES, "variables", Map.of("c", community))));
			JsonNode message = client.receive();
			assertThat(message.path("type").asString()).isEqualTo("error");
			JsonNode error = message.path("payload").path(0);
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UNAVAILABLE")
				.isEqualTo(asQuery.get("classification"));
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("LIVE_MAP_UNAVAILABLE")
				.isEqualTo(asQuery.get("code"));
			assertThat(error.path("message").asString()).contains("live map").doesNotContain("Subscription error", "Exception");
			assertThat(client.isOpen()).isTrue();
		}
		finally {
			client.abort();
		}
	}


}
