package org.qibao.local;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stores local mode starts: none that the configuration names elsewhere. */
class LocalStoresTests {

	@Test
	void aRedisClusterIsAnExternalRedisSoNoEmbeddedOneIsStarted() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/elsewhere",
							"spring.data.redis.cluster.nodes", "127.0.0.1:7001,127.0.0.1:7002",
							"qibao.data-dir", "target/local-stores-tests")));

		new LocalStores((Supplier<Log> log) -> log.get()).postProcessEnvironment(environment, new SpringApplication());

		PropertySource<?> local = environment.getPropertySources().get(LocalStores.PROPERTY_SOURCE);
		assertThat(local).isNotNull();
		assertThat(local.containsProperty("spring.data.redis.host")).as("no embedded Redis").isFalse();
		assertThat(local.containsProperty("spring.data.redis.port")).isFalse();
		assertThat(local.getProperty("qibao.local.embedded-stores")).isEqualTo(false);
		assertThat(environment.getProperty("spring.data.redis.cluster.nodes")).isEqualTo("127.0.0.1:7001,127.0.0.1:7002");
	}

}
