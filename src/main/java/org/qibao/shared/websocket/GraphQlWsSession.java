package org.qibao.shared.websocket;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's socket as the protocol guard sees it: whether it has sent {@code connection_init},
 * whether the server acknowledged it, and which operation ids are still running. Spring's handler
 * writes through this session, so what it sends tells when a connection is acknowledged and when
 * an operation ends ({@code complete} or {@code error}).
 */
final class GraphQlWsSession extends WebSocketSessionDecorator {

	private static final int UNAUTHORIZED = 4401;

	private static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

	private final JsonMapper json;

	private final Set<String> runningOperations = ConcurrentHashMap.newKeySet();

	private volatile boolean initReceived;

	private volatile boolean acknowledged;

	GraphQlWsSession(WebSocketSession session, JsonMapper json) {
		super(session);
		this.json = json;
	}

	void initReceived() {
		this.initReceived = true;
	}

	boolean acknowledged() {
		return this.acknowledged;
	}

	boolean running(String id) {
		return this.runningOperations.contains(id);
	}

	/**
	 * Records an operation as running; false when as many as allowed already are. Messages of one
	 * connection arrive one at a time, so counting and adding need no lock between them.
	 */
	boolean start(String id, int maxRunning) {
		if (this.runningOperations.size() >= maxRunning) {
			return false;
		}
		return this.runningOperations.add(id);
	}

	void end(String id) {
		this.runningOperations.remove(id);
	}

	/** Synchronized because the guard also sends, and a socket takes one message at a time. */
	@Override
	public synchronized void sendMessage(WebSocketMessage<?> message) throws IOException {
		if (message instanceof TextMessage text) {
			observe(text.getPayload());
		}
		super.sendMessage(message);
	}

	@Override
	public void close(CloseStatus status) throws IOException {
		// Spring closes with 4401 when the interceptor refuses connection_init (a bad or expired
		// token); the protocol keeps 4401 for operations sent before the acknowledgement and
		// recommends 4403 for a refused connection.
		boolean refused = status.getCode() == UNAUTHORIZED && this.initReceived && !this.acknowledged;
		super.close(refused ? FORBIDDEN : status);
	}

	/** Reads the type and id of an outgoing message, skipping its payload, which can be large. */
	private void observe(String message) {
		String type = null;
		String id = null;
		try (JsonParser parser = this.json.createParser(message)) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case "type" -> type = parser.getValueAsString();
					case "id" -> id = parser.getValueAsString();
					default -> parser.skipChildren();
				}
			}
		}
		if ("connection_ack".equals(type)) {
			this.acknowledged = true;
		}
		else if (("complete".equals(type) || "error".equals(type)) && id != null) {
			end(id);
		}
	}

}
