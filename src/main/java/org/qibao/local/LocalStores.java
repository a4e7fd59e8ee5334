package org.qibao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Local mode: when no external PostgreSQL or Redis is configured, starts embedded ones
 * whose data lives under {@code qibao.data-dir}, so that a new user needs only a JDK,
 * Maven and Node, and stopping Qibao loses nothing.
 */
class LocalStores implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "qibaoLocalStores";

	private final Log log;

	LocalStores(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(LocalStores.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		Path dataDir = Path.of(environment.getProperty("qibao.data-dir", "data")).toAbsolutePath().normalize();
		boolean embeddedDatabase = !environment.containsProperty("spring.datasource.url");
		// a Redis Cluster (spring.data.redis.cluster.nodes) or Sentinel is external too
		boolean embeddedRedis = !environment.containsProperty("spring.data.redis.url")
				&& !environment.containsProperty("spring.data.redis.host")
				&& !environment.containsProperty("spring.data.redis.cluster.nodes")
				&& !environment.containsProperty("spring.data.redis.sentinel.nodes");
		if (embeddedDatabase) {
			String url = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
			log.info("No external PostgreSQL configured: using the embedded one with data in " + dataDir.resolve("postgres"));
			properties.put("spring.datasource.url", url);
			properties.put("spring.datasource.username", EmbeddedPostgresServer.USER);
			properties.put("spring.datasource.password", "");
		}
		if (embeddedRedis) {
			int port = EmbeddedRedisServer.start(dataDir.resolve("redis"));
			log.info("No external Redis configured: using the embedded one with data in " + dataDir.resolve("redis"));
			properties.put("spring.data.redis.host", "127.0.0.1");
			properties.put("spring.data.redis.port", port);
		}
		if (embeddedDatabase || embeddedRedis) {
			// the demo community is loaded only into a database that Qibao owns itself
			properties.putIfAbsent("qibao.demo.enabled", embeddedDatabase);
		}
		// only then may a token key be generated for this one instance (identity's TokenSecret)
		properties.put("qibao.local.embedded-stores", embeddedDatabase && embeddedRedis);
		properties.put("qibao.data-dir", dataDir.toString());
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	static Path ensureDirectory(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dir, ex);
		}
	}

	@Override
	public int getOrder() {
		// after the application's own configuration files have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

}
