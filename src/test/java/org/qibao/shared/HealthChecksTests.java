package org.qibao.shared;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.InstanceWithoutRedis;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Liveness says the process runs; readiness says it can serve, which needs PostgreSQL and not
 * Redis: with Redis unreachable, check-in, the ledger and codes still work, so the instance stays
 * ready (Redis shows as DEGRADED) and a load balancer keeps sending it requests.
 */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthChecksTests {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	private InstanceWithoutRedis withoutRedis;

	private int withoutRedisPort;

	@BeforeAll
	void startAnInstanceWhoseRedisIsDown() {
		this.withoutRedis = InstanceWithoutRedis.start(this.environment, "--spring.data.redis.timeout=300ms",
				"--spring.datasource.hikari.maximum-pool-size=2");
		this.withoutRedisPort = this.withoutRedis.port();
	}

	@AfterAll
	void stopIt() {
		if (this.withoutRedis != null) {
			this.withoutRedis.close();
		}
	}

	@Test
	void withRedisUpEverythingIsUp() {
		for (String group : new String[] { "", "/liveness", "/readiness" }) {
			Clients.http(this.port).get().uri("/actuator/health" + group).exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("UP");
		}
		Clients.http(this.port).get().uri("/actuator/health/readiness").exchange()
			.expectBody().jsonPath("$.components.db.status").isEqualTo("UP")
			.jsonPath("$.components.redis.status").isEqualTo("UP");
	}

	@Test
	void withRedisUnreachableTheInstanceStaysReadyAndSaysRedisIsDegraded() {
		Clients.http(this.withoutRedisPort).get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.db.status").isEqualTo("UP")
			.jsonPath("$.components.redis.status").isEqualTo("DEGRADED");
		Clients.http(this.withoutRedisPort).get().uri("/actuator/health/liveness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		Clients.http(this.withoutRedisPort).get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("DEGRADED")
			.jsonPath("$.components.redis.status").isEqualTo("DEGRADED");
	}


}
