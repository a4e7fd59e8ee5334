package org.qibao.shared.websocket;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-transport-ws as a client sees it, rule by rule, against the running server
 * (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).
 */
@GraphQlWsTest
class GraphQlWsProtocolTests {

	private static final String CITIES = "{ cities { name } }";

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
	void malformedMessageClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send("{ this is not JSON");
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aMessageOfUnknownTypeClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("type", "hello"));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aMessageOnlyTheServerMaySendClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("id", "1", "type", "next", "payload", Map.of("data", Map.of())));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aSubscribeWithoutAnIdClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("type", "subscribe", "payload", Map.of("query", CITIES)));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aSubscribeWithAnEmptyIdClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("", CITIES);
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aSubscribeWhosePayloadHasNoQueryClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("variables", Map.of())));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aSubscribeWhoseVariablesAreNotAnObjectClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", CITIES, "variables", "x")));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aConnectionInitWhosePayloadIsNotAnObjectClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send("{\"type\":\"connection_init\",\"payload\":\"Bearer x\"}");
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aCompleteWithoutAnIdClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("type", "complete"));
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aBinaryMessageClosesWith4400() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.sendBinary("{\"type\":\"ping\"}".getBytes());
		assertThat(this.client.closeCode()).isEqualTo(4400);
	}

	@Test
	void aSubscribeBeforeConnectionAckClosesWith4401() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.subscribe("1", CITIES);
		assertThat(this.client.closeCode()).isEqualTo(4401);
	}

	@Test
	void noConnectionInitWithinTheTimeoutClosesWith4408() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		assertThat(this.client.closeCode()).isEqualTo(4408);
	}

	@Test
	void anOperationIdThatIsStillRunningClosesWith4409() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("op", TickingSubscription.TICKS);
		assertThat(this.client.receive("next").path("id").asString()).isEqualTo("op");
		this.client.subscribe("op", CITIES);
		assertThat(this.client.closeCode()).isEqualTo(4409);
	}

	@Test
	void aSecondConnectionInitClosesWith4429() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("type", "connection_init"));
		assertThat(this.client.closeCode()).isEqualTo(4429);
	}

	@Test
	void aSocketWithoutTheGraphqlTransportWsSubprotocolClosesWith4406() throws Exception {
		this.client = GraphQlWsTestClient.connectWithoutSubprotocol(this.port);
		assertThat(this.client.closeCode()).isEqualTo(4406);
	}

	@Test
	void theLegacyGraphqlWsSubprotocolClosesWith4406() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port, "graphql-ws");
		assertThat(this.client.closeCode()).isEqualTo(4406);
	}

	@Test
	void aPingIsAnsweredWithAPongEvenBeforeConnectionInit() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port);
		this.client.send(Map.of("type", "ping"));
		assertThat(this.client.receive().path("type").asString()).isEqualTo("pong");
		this.client.initialise();
		this.client.send(Map.of("type", "ping", "payload", Map.of("sentAt", 1)));
		assertThat(this.client.receive().path("type").asString()).isEqualTo("pong");
	}

	@Test
	void anUnsolicitedPongIsAcceptedAsAHeartbeat() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.send(Map.of("type", "pong"));
		this.client.sendPongFrame();
		this.client.send(Map.of("type", "ping"));
		assertThat(this.client.receive().path("type").asString()).isEqualTo("pong");
		assertThat(this.client.isOpen()).isTrue();
	}

	@Test
	void aQueryIsAnsweredWithNextThenComplete() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("q1", CITIES);
		JsonNode next = this.client.receive();
		assertThat(next.path("type").asString()).isEqualTo("next");
		assertThat(next.path("id").asString()).isEqualTo("q1");
		assertThat(next.path("payload").path("data").path("cities").isArray()).isTrue();
		JsonNode complete = this.client.receive();
		assertThat(complete.path("type").asString()).isEqualTo("complete");
		assertThat(complete.path("id").asString()).isEqualTo("q1");
	}

	@Test
	void aCompletedQueryIdMayBeUsedAgain() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("again", CITIES);
		this.client.receive("complete");
		this.client.subscribe("again", CITIES);
		assertThat(this.client.receive().path("type").asString()).isEqualTo("next");
		assertThat(this.client.receive().path("type").asString()).isEqualTo("complete");
	}

	@Test
	void aCompleteFromTheClientStopsItsSubscriptionAndFreesTheId() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("ticks", TickingSubscription.TICKS);
		this.client.receive("next");
		this.client.send(Map.of("id", "ticks", "type", "complete"));
		// the server handles one message at a time, so after this pong the subscription has stopped
		this.client.send(Map.of("type", "ping"));
		this.client.receive("pong");
		this.client.assertNothingReceivedWithin(Duration.ofMillis(300));
		this.client.subscribe("ticks", TickingSubscription.TICKS);
		assertThat(this.client.receive().path("id").asString()).isEqualTo("ticks");
	}

	@Test
	void anEmptyQueryIsAnsweredWithAnErrorMessage() throws Exception {
		this.client = GraphQlWsTestClient.connect(this.port).initialise();
		this.client.subscribe("blank", " ");
		JsonNode error = this.client.receive();
		assertThat(error.path("type").asString()).isEqualTo("error");
		assertThat(error.path("id").asString()).isEqualTo("blank");
		assertThat(error.path("payload").get(0).path("message").asString()).isNotBlank();
		this.client.subscribe("blank", CITIES);
		assertThat(this.client.receive().path("type").asString()).isEqualTo("next");
	}

}
