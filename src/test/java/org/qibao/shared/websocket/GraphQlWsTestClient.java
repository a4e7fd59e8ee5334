package org.qibao.shared.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare WebSocket client (the JDK's) that sends graphql-transport-ws frames as written and keeps
 * every frame and the close code it receives, so tests can see exactly what a client sees.
 */
final class GraphQlWsTestClient implements WebSocket.Listener {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	/** Connects as a graphql-ws client does, asking for the graphql-transport-ws subprotocol. */
	static GraphQlWsTestClient connect(int port) throws Exception {
		return connect(port, "graphql-transport-ws");
	}

	static GraphQlWsTestClient connectWithoutSubprotocol(int port) throws Exception {
		return connect(port, new String[0]);
	}

	static GraphQlWsTestClient connect(int port, String... subprotocols) throws Exception {
		GraphQlWsTestClient client = new GraphQlWsTestClient();
		WebSocket.Builder builder = HTTP.newWebSocketBuilder();
		if (subprotocols.length > 0) {
			builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
		}
		client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), client)
			.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		return client;
	}

	/** Sends connection_init with this payload and waits for connection_ack. */
	GraphQlWsTestClient initialise(Map<String, Object> payload) {
		send(Map.of("type", "connection_init", "payload", payload));
		assertThat(receive().path("type").asString()).isEqualTo("connection_ack");
		return this;
	}

	GraphQlWsTestClient initialise() {
		return initialise(Map.of());
	}

	void subscribe(String id, String query) {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
	}

	void send(Map<String, Object> message) {
		send(JSON.writeValueAsString(message));
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	void sendBinary(byte[] bytes) {
		this.socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	/** A WebSocket pong frame, which RFC 6455 lets either side send as a heartbeat. */
	void sendPongFrame() {
		this.socket.sendPong(ByteBuffer.allocate(0)).join();
	}

	/** The next message from the server; fails when none comes in time. */
	JsonNode receive() {
		try {
			JsonNode message = this.received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message from the server (closed with %s)", this.closeCode.getNow(null)).isNotNull();
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next message of this type, passing over others (a subscription's events, say). */
	JsonNode receive(String type) {
		JsonNode message = receive();
		while (!type.equals(message.path("type").asString())) {
			message = receive();
		}
		return message;
	}

	void assertNothingReceivedWithin(Duration moment) throws InterruptedException {
		assertThat(this.received.poll(moment.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	/** The code the server closed the socket with; fails when it stays open. */
	int closeCode() throws Exception {
		return this.closeCode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
	}

	boolean isOpen() {
		return !this.closeCode.isDone();
	}

	void abort() {
		this.socket.abort();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.received.add(JSON.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.completeExceptionally(error);
	}

}
