package org.qibao.pair;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone's or a browser's GraphQL WebSocket (graphql-transport-ws) to one instance, signed in
 * with a token, keeping every message and the close code it receives.
 */
final class PairSocket implements WebSocket.Listener, AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	private PairSocket() {
	}

	/** Connects to the instance and sends connection_init with the token, waiting for its acknowledgement. */
	static PairSocket signedIn(String instance, String token) throws Exception {
		PairSocket client = new PairSocket();
		URI uri = URI.create(instance.replaceFirst("^http", "ws") + "/graphql");
		client.socket = HTTP.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(uri, client)
			.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
		assertThat(client.next(m -> true).path("type").asString()).isEqualTo("connection_ack");
		return client;
	}

	/**
	 * Starts a subscription, then a ping: the pong comes once the instance has read the subscribe
	 * message before it (messages of one connection are handled in order).
	 */
	void subscribe(String id, String query, Map<String, Object> variables) {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
		send(Map.of("type", "ping"));
		next(m -> "pong".equals(m.path("type").asString()));
	}

	/** The data of the subscription's next event that matches, passing over the others. */
	JsonNode nextEvent(String id, Predicate<JsonNode> matching) {
		JsonNode message = next(m -> id.equals(m.path("id").asString()) && ("next".equals(m.path("type").asString())
				? matching.test(m.path("payload").path("data")) : true));
		assertThat(message.path("type").asString()).as("the subscription's message %s", message).isEqualTo("next");
		assertThat(message.path("payload").path("errors").isMissingNode()).as("errors in %s", message).isTrue();
		return message.path("payload").path("data");
	}

	/** The data of the subscription's next matching event if one comes within the moment. */
	java.util.Optional<JsonNode> nextEventWithin(String id, Duration moment, Predicate<JsonNode> matching)
			throws InterruptedException {
		long deadline = System.nanoTime() + moment.toNanos();
		for (long left = moment.toNanos(); left > 0; left = deadline - System.nanoTime()) {
			JsonNode message = this.received.poll(left, TimeUnit.NANOSECONDS);
			if (message != null && id.equals(message.path("id").asString()) && "next".equals(message.path("type").asString())
					&& matching.test(message.path("payload").path("data"))) {
				return java.util.Optional.of(message.path("payload").path("data"));
			}
		}
		return java.util.Optional.empty();
	}

	/** The next message that matches, passing over others; fails when none comes in time. */
	JsonNode next(Predicate<JsonNode> matching) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				JsonNode message = this.received.poll(200, TimeUnit.MILLISECONDS);
				if (message != null && matching.test(message)) {
					return message;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("no such message from the server (closed with " + this.closeCode.getNow(null) + ")");
	}

	/** The code the server closed the socket with; fails when it stays open. */
	int closeCode() throws Exception {
		return this.closeCode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
	}

	boolean isOpen() {
		return !this.closeCode.isDone();
	}

	private void send(Map<String, Object> message) {
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
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

	@Override
	public void close() {
		if (isOpen()) {
			this.socket.abort();
		}
	}

}
