package org.qibao.shared.websocket;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription refused for who asks or what they ask is told so as a query would be (UNAUTHORIZED,
 * FORBIDDEN, BAD_REQUEST), never as a server fault; and one sent over plain HTTP is refused with a
 * clear error instead of an answer holding the stream's Java object.
 */
@GraphQlWsTest
class SubscriptionRefusalTests {

	private static final String UPDATES = "subscription($c: ID!) { livePatrollerUpdates(communityId: $c) { left patroller { checkInId } } }";

	@LocalServerPort
	int port;

	private GraphQlWsTestClient client;

	@AfterEach
	void disconnect() {
		if (this.client != null) {
			this.client.abort();
		}
	}

	@Test
	void aSignedOutSubscriberIsUnauthorized() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		subscribeToUpdates("anonymous", dongting());
		assertThat(errorOf("anonymous").path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void aVolunteerWhoMayNotSeeTheMapIsForbidden() throws Exception {
		this.client = signedIn(Clients.VOLUNTEER_PHONE);
		subscribeToUpdates("volunteer", dongting());
		JsonNode error = errorOf("volunteer");
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(error.path("message").asString()).doesNotContain("Subscription error");
	}

	@Test
	void aMalformedIdIsABadRequest() throws Exception {
		this.client = signedIn(Clients.ADMINISTRATOR_PHONE);
		subscribeToUpdates("bad-id", "%%%not-an-id");
		assertThat(errorOf("bad-id").path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void theCommunitysAdministratorIsSubscribed() throws Exception {
		this.client = signedIn(Clients.ADMINISTRATOR_PHONE);
		subscribeToUpdates("admin", dongting());
		this.client.assertNothingReceivedWithin(Duration.ofMillis(500));
		assertThat(this.client.isOpen()).isTrue();
	}

	@Test
	void aSubscriptionOverPlainHttpIsABadRequestWithoutJavaInternals() {
		for (MediaType accept : new MediaType[] { MediaType.APPLICATION_JSON, MediaType.APPLICATION_GRAPHQL_RESPONSE }) {
			Clients.http(this.port).post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON).accept(accept)
				.bodyValue(Map.of("query", TickingSubscription.TICKS))
				.exchange()
				.expectBody(String.class)
				.value(body -> assertThat(body).contains("BAD_REQUEST", "WebSocket").doesNotContain("upstreamPublisher", "Publisher"));
		}
		Clients.anonymous(this.port).document(TickingSubscription.TICKS).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void aConnectionRunsAtMostTwentyOperationsAtOnceAndStaysOpenForThem() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		for (int i = 1; i <= 20; i++) {
			this.client.subscribe("t" + i, TickingSubscription.TICKS);
		}
		this.client.subscribe("t21", TickingSubscription.TICKS);
		JsonNode refused = this.client.receive("error");
		assertThat(refused.path("id").asString()).isEqualTo("t21");
		assertThat(refused.path("payload").path(0).path("extensions").path("classification").asString())
			.isEqualTo("TOO_MANY_REQUESTS");
		assertThat(this.client.isOpen()).isTrue();
		this.client.send(Map.of("id", "t1", "type", "complete"));
		// one connection's messages are taken in order: the complete is counted before the next subscribe
		this.client.subscribe("t22", TickingSubscription.TICKS);
		JsonNode next = this.client.receive();
		while (!"t22".equals(next.path("id").asString())) {
			assertThat(next.path("type").asString()).isNotEqualTo("error");
			next = this.client.receive();
		}
		assertThat(next.path("type").asString()).isEqualTo("next");
	}

	private GraphQlWsTestClient signedIn(String phone) throws Exception {
		String token = Clients.token(this.port, phone, Clients.DEMO_PASSWORD);
		return GraphQlWsTestClient.connect(this.port).initialise(Map.of("Authorization", "Bearer " + token));
	}

	private void subscribeToUpdates(String id, String communityId) {
		this.client.send(Map.of("id", id, "type", "subscribe",
				"payload", Map.of("query", UPDATES, "variables", Map.of("c", communityId))));
	}

	private JsonNode errorOf(String id) {
		JsonNode message = this.client.receive();
		assertThat(message.path("type").asString()).isEqualTo("error");
		assertThat(message.path("id").asString()).isEqualTo(id);
		return message.path("payload").path(0);
	}

	private String dongting() {
		return Clients.anonymous(this.port).document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { community { id } } }")
			.execute()
			.path("gridAt.community.id")
			.entity(String.class)
			.get();
	}

}
