package org.qibao.shared;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile turns off together what only a local demo wants: schema introspection,
 * GraphiQL, and metrics on the public port (they move to the management port with the rest of
 * the actuator), while the load balancer's probes stay on the public port.
 */
@QibaoTest
@ActiveProfiles("production")
@TestPropertySource(properties = "management.server.port=0")
class ProductionSwitchTests {

	@LocalServerPort
	int port;

	/**
	 * Spring Boot switches introspection off JVM-wide ({@code Introspection.enabledJvmWide}), not
	 * per application: the other test classes' servers, in the same JVM, must have it back.
	 */
	@AfterAll
	static void introspectionBackForTheOtherServers() {
		Introspection.enabledJvmWide(true);
	}

	@LocalManagementPort
	int managementPort;

	@Test
	void introspectionIsRefusedButQueriesWork() {
		Clients.anonymous(this.port).document("{ __schema { types { name } } }").execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		Clients.anonymous(this.port).document("{ cities { name } }").execute()
			.path("cities[0].name").entity(String.class).isEqualTo("武汉市");
	}

	@Test
	void graphiqlIsNotServed() {
		Clients.http(this.port).get().uri("/graphiql").exchange().expectStatus().isNotFound();
		Clients.http(this.port).get().uri("/graphiql.html").exchange().expectStatus().isNotFound();
		Clients.http(this.port).get().uri("/").exchange().expectStatus().isOk();
	}

	@Test
	void metricsAreNotOnThePublicPortButOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		Clients.http(this.port).get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		Clients.http(this.port).get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		Clients.http(this.managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void theProbesStayOnThePublicPort() {
		Clients.http(this.port).get().uri("/readyz").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		Clients.http(this.port).get().uri("/livez").exchange().expectStatus().isOk();
	}

}
