package org.qibao.shared.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import reactor.core.publisher.Flux;

/**
 * A subscription that runs until the client completes it (a test-only field on the schema's
 * Subscription type): an operation that stays running is what 4409 and a client's complete are about.
 */
@TestConfiguration(proxyBeanMethods = false)
class TickingSubscription {

	static final String TICKS = "subscription { ticks }";

	@Bean
	GraphQlSourceBuilderCustomizer ticksInTheSchema() {
		String schema = """
				extend type Subscription {
				  "Counts up every 50 ms until cancelled."
				  ticks: Int!
				}
				""";
		return builder -> builder.schemaResources(new ByteArrayResource(schema.getBytes(StandardCharsets.UTF_8)));
	}

	@Bean
	RuntimeWiringConfigurer ticksFetcher() {
		return wiring -> wiring.type("Subscription", type -> type.dataFetcher("ticks",
				environment -> Flux.interval(Duration.ofMillis(50)).map(Long::intValue)));
	}

}
