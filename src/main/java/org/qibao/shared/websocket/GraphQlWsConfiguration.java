package org.qibao.shared.websocket;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves GraphQL over WebSocket through {@link GraphQlWsProtocolGuard}, so that clients get the
 * close codes of graphql-transport-ws. Spring for GraphQL offers no hook to decorate its handler,
 * so this mapping takes the WebSocket path ahead of Boot's, which stays registered but unused;
 * the alternative, a copy of Spring's handler, would have to be kept in step with every release.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.graphql.websocket.path")
class GraphQlWsConfiguration {

	/** Boot's {@code graphQlWebSocketMapping} has order -2. */
	private static final int AHEAD_OF_BOOTS_MAPPING = -3;

	@Bean
	GraphQlWsProtocolGuard graphQlWsProtocolGuard(GraphQlWebSocketHandler springHandler, JsonMapper json,
			@Value("${qibao.graphql.max-operations-per-connection:20}") int maxOperations) {
		return new GraphQlWsProtocolGuard(springHandler, json, maxOperations);
	}

	@Bean
	HandlerMapping guardedGraphQlWebSocketMapping(GraphQlWebSocketHandler springHandler, GraphQlWsProtocolGuard guard,
			@Value("${spring.graphql.websocket.path}") String path) {
		DefaultHandshakeHandler handshake = new DefaultHandshakeHandler();
		WebSocketHttpRequestHandler guarded = new WebSocketHttpRequestHandler(guard, handshake);
		// Spring's handler relies on its handshake interceptors (context propagation, allowed origins)
		guarded.setHandshakeInterceptors(
				springHandler.initWebSocketHttpRequestHandler(handshake).getHandshakeInterceptors());
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setUrlMap(Map.of(path, guarded));
		mapping.setOrder(AHEAD_OF_BOOTS_MAPPING);
		return mapping;
	}

}
