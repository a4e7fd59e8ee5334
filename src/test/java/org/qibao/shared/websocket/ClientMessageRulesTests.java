package org.qibao.shared.websocket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The message rules on their own, without a server. */
class ClientMessageRulesTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"type\":\"connection_init\"}",
			"{\"type\":\"connection_init\",\"payload\":null}",
			"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer x\"}}",
			"{\"type\":\"ping\",\"payload\":{\"at\":1}}",
			"{\"type\":\"pong\"}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { id } }\"}}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"q\",\"operationName\":null,\"variables\":{},\"extensions\":null}}",
			"{\"id\":\"1\",\"type\":\"complete\"}" })
	void wellFormedMessagesPass(String message) {
		assertThat(ClientMessageRules.violation(JsonMapper.shared().readTree(message))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"[]",
			"\"ping\"",
			"{}",
			"{\"type\":1}",
			"{\"type\":\"hello\"}",
			"{\"type\":\"connection_ack\"}",
			"{\"id\":\"1\",\"type\":\"next\",\"payload\":{}}",
			"{\"type\":\"connection_init\",\"payload\":[]}",
			"{\"type\":\"ping\",\"payload\":\"x\"}",
			"{\"type\":\"subscribe\",\"payload\":{\"query\":\"q\"}}",
			"{\"id\":1,\"type\":\"subscribe\",\"payload\":{\"query\":\"q\"}}",
			"{\"id\":\"\",\"type\":\"subscribe\",\"payload\":{\"query\":\"q\"}}",
			"{\"id\":\"1\",\"type\":\"subscribe\"}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{}}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":1}}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"q\",\"operationName\":1}}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"q\",\"variables\":[]}}",
			"{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"q\",\"extensions\":\"x\"}}",
			"{\"type\":\"complete\"}" })
	void malformedMessagesAreNamed(String message) {
		assertThat(ClientMessageRules.violation(JsonMapper.shared().readTree(message)))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("Invalid message: "));
	}

}
