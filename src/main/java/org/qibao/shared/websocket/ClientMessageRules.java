package org.qibao.shared.websocket;

import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * What a client may send under graphql-transport-ws, checked as the reference server (graphql-ws)
 * checks it. A message that breaks one of these rules closes the socket with 4400.
 */
final class ClientMessageRules {

	private ClientMessageRules() {
	}

	/** Why the message is not one the protocol allows a client to send, or empty when it is. */
	static Optional<String> violation(JsonNode message) {
		if (!message.isObject()) {
			return because("not a JSON object");
		}
		JsonNode type = message.path("type");
		if (!type.isString()) {
			return because("type is not a string");
		}
		return switch (type.stringValue()) {
			case "connection_init", "ping", "pong" -> absentOr(message.path("payload"), JsonNode::isObject, "payload");
			case "subscribe" -> nonEmptyId(message).or(() -> subscribePayload(message.path("payload")));
			case "complete" -> nonEmptyId(message);
			// next, error and connection_ack only ever go from server to client
			default -> because("unexpected type");
		};
	}

	private static Optional<String> nonEmptyId(JsonNode message) {
		JsonNode id = message.path("id");
		return id.isString() && !id.stringValue().isEmpty() ? Optional.empty() : because("id is not a non-empty string");
	}

	private static Optional<String> subscribePayload(JsonNode payload) {
		if (!payload.isObject()) {
			return because("payload is not an object");
		}
		if (!payload.path("query").isString()) {
			return because("query is not a string");
		}
		return absentOr(payload.path("operationName"), JsonNode::isString, "operationName")
			.or(() -> absentOr(payload.path("variables"), JsonNode::isObject, "variables"))
			.or(() -> absentOr(payload.path("extensions"), JsonNode::isObject, "extensions"));
	}

	private static Optional<String> absentOr(JsonNode field, Predicate<JsonNode> rule, String name) {
		boolean absent = field.isMissingNode() || field.isNull();
		return absent || rule.test(field) ? Optional.empty() : because(name + " has the wrong type");
	}

	private static Optional<String> because(String reason) {
		return Optional.of("Invalid message: " + reason);
	}

}
