package org.qibao.shared.websocket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.LiveConnections;
import org.springframework.core.log.LogMessage;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits in front of Spring's GraphQL WebSocket handler and enforces graphql-transport-ws where
 * Spring is looser: a malformed message closes with 4400 (Spring closes with 1011 or 1003, or
 * lets it through), an id that is still running closes with 4409 whatever the operation type
 * (Spring checks subscriptions only), a refused {@code connection_init} closes with 4403 (see
 * {@link GraphQlWsSession}), and a socket opened without the subprotocol closes with 4406, as
 * the reference server does. An operation beyond the connection's limit of running operations is
 * refused with an error message of its own (TOO_MANY_REQUESTS); the connection stays open. Everything else, 4401, 4408, 4429, ping and complete included, is
 * Spring's.
 */
final class GraphQlWsProtocolGuard extends WebSocketHandlerDecorator implements LiveConnections {

	private static final Log logger = LogFactory.getLog(GraphQlWsProtocolGuard.class);

	private static final String SUBPROTOCOL = "graphql-transport-ws";

	private static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

	private static final CloseStatus SUBPROTOCOL_NOT_ACCEPTABLE = new CloseStatus(4406, "Subprotocol not acceptable");

	private final JsonMapper json;

	private final Map<String, GraphQlWsSession> sessions = new ConcurrentHashMap<>();

	private final int maxOperations;

	GraphQlWsProtocolGuard(GraphQlWebSocketHandler springHandler, JsonMapper json, int maxOperations) {
		super(springHandler);
		this.json = json;
		this.maxOperations = maxOperations;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
		if (!SUBPROTOCOL.equals(socket.getAcceptedProtocol())) {
			refuse(socket, SUBPROTOCOL_NOT_ACCEPTABLE);
			return;
		}
		GraphQlWsSession session = new GraphQlWsSession(socket, this.json);
		this.sessions.put(socket.getId(), session);
		super.afterConnectionEstablished(session);
	}

	@Override
	public void handleMessage(WebSocketSession socket, WebSocketMessage<?> message) throws Exception {
		GraphQlWsSession session = this.sessions.get(socket.getId());
		if (session == null) {
			return; // refused when it opened, and closing
		}
		if (message instanceof PongMessage) {
			super.handleMessage(session, message); // a WebSocket heartbeat frame, beneath this protocol
			return;
		}
		JsonNode parsed = (message instanceof TextMessage text) ? parse(text) : null;
		Optional<String> violation = (parsed != null) ? ClientMessageRules.violation(parsed)
				: Optional.of("Invalid message: not JSON text");
		if (violation.isPresent()) {
			refuse(session, new CloseStatus(4400, violation.get()));
		}
		else if (admit(session, parsed)) {
			super.handleMessage(session, message);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) throws Exception {
		super.handleTransportError(guarded(socket), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus closeStatus) throws Exception {
		super.afterConnectionClosed(guarded(socket), closeStatus);
		this.sessions.remove(socket.getId());
	}

	@Override
	public int closeEnded(Predicate<Authentication> ended) {
		int closed = 0;
		for (GraphQlWsSession session : this.sessions.values()) {
			Authentication authentication = authenticationOf(session);
			if (authentication != null && ended.test(authentication)) {
				try {
					refuse(session, UNAUTHORIZED);
					closed++;
				}
				catch (IOException ex) {
					logger.debug("Could not close WebSocket " + session.getId() + ": " + ex.getMessage());
				}
			}
		}
		return closed;
	}

	/** What {@code connection_init} authenticated, as Spring's authentication interceptor keeps it on the socket. */
	private static Authentication authenticationOf(WebSocketSession session) {
		for (Object value : session.getAttributes().values()) {
			if (value instanceof SecurityContext context && context.getAuthentication() != null) {
				return context.getAuthentication();
			}
			if (value instanceof Authentication authentication) {
				return authentication;
			}
		}
		return null;
	}

	private WebSocketSession guarded(WebSocketSession socket) {
		GraphQlWsSession session = this.sessions.get(socket.getId());
		return (session != null) ? session : socket;
	}

	/** False when the guard has answered the message itself. */
	private boolean admit(GraphQlWsSession session, JsonNode message) throws IOException {
		String type = message.get("type").stringValue();
		String id = message.path("id").asString(null);
		if ("subscribe".equals(type)) {
			return admitOperation(session, id, message.get("payload").get("query").stringValue());
		}
		if ("connection_init".equals(type)) {
			session.initReceived();
		}
		if ("complete".equals(type)) {
			session.end(id);
		}
		return true;
	}

	private boolean admitOperation(GraphQlWsSession session, String id, String query) throws IOException {
		if (!session.acknowledged()) {
			return true; // Spring closes with 4401 Unauthorized
		}
		if (session.running(id)) {
			refuse(session, new CloseStatus(4409, "Subscriber for " + id + " already exists"));
			return false;
		}
		if (!session.start(id, this.maxOperations)) {
			// the connection stays open for the operations it runs; only this one is refused
			session.sendMessage(error(id, "At most " + this.maxOperations
					+ " operations (subscriptions) can run at once on one connection; complete one first", "TOO_MANY_REQUESTS"));
			return false;
		}
		if (query.isBlank()) {
			// well formed, so an operation error as the reference server sends, where Spring closes with 1011
			session.sendMessage(error(id, "The query is empty", "InvalidSyntax"));
			return false;
		}
		return true;
	}

	private static void refuse(WebSocketSession session, CloseStatus status) throws IOException {
		logger.debug(LogMessage.format("Closing WebSocket %s: %s", session.getId(), status));
		session.close(status);
	}

	private TextMessage error(String id, String message, String classification) {
		Map<String, Object> error = Map.of("message", message, "extensions", Map.of("classification", classification));
		return new TextMessage(this.json.writeValueAsString(Map.of("id", id, "type", "error", "payload", List.of(error))));
	}

	private JsonNode parse(TextMessage message) {
		try {
			return this.json.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
