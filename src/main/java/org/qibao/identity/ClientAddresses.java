package org.qibao.identity;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address into each GraphQL request's context ({@value #KEY}), for the limits
 * on what anonymous callers may try (unknown invitation codes). Behind a proxy this is the
 * proxy's address unless {@code server.forward-headers-strategy} is set (docs/security.md).
 */
@Component
class ClientAddresses implements WebGraphQlInterceptor {

	static final String KEY = "qibao.clientAddress";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String address = (remote == null || remote.getAddress() == null) ? "unknown"
				: remote.getAddress().getHostAddress();
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, address)).build());
		return chain.next(request);
	}

}
