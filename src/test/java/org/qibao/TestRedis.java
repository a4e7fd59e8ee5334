package org.qibao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis the tests run against, as the environment names it: a Redis Cluster when
 * {@code spring.data.redis.cluster.nodes} is set ({@code SPRING_DATA_REDIS_CLUSTER_NODES}, the
 * {@code redis-cluster} Maven profile), otherwise a standalone Redis ({@code SPRING_DATA_REDIS_URL}).
 * Spring Boot prefers a cluster over a URL, so an instance that must reach some other Redis is
 * pointed at it the same way its test's Redis is named.
 */
public final class TestRedis {

	static final String CLUSTER_NODES = "spring.data.redis.cluster.nodes";

	private TestRedis() {
	}

	/** The cluster's nodes as the environment names them, empty for a standalone Redis. */
	public static List<String> clusterNodes() {
		String nodes = System.getProperty(CLUSTER_NODES, System.getenv("SPRING_DATA_REDIS_CLUSTER_NODES"));
		if (nodes == null || nodes.isBlank()) {
			return List.of();
		}
		return Arrays.stream(nodes.split(",")).map(String::trim).filter(node -> !node.isEmpty()).toList();
	}

	/** Whether the tests run against a Redis Cluster. */
	public static boolean cluster() {
		return !clusterNodes().isEmpty();
	}

	/** Whether a test's application runs against a Redis Cluster. */
	public static boolean cluster(Environment environment) {
		return environment.containsProperty(CLUSTER_NODES);
	}

	/** The argument that points an instance at a Redis on this port, of the kind the tests use. */
	public static String at(int port, Environment environment) {
		return cluster(environment) ? "--" + CLUSTER_NODES + "=127.0.0.1:" + port
				: "--spring.data.redis.url=redis://127.0.0.1:" + port;
	}

	/** The argument that points an instance at a Redis nobody listens on: Redis is down for it. */
	public static String unreachable(Environment environment) {
		return at(closedPort(), environment);
	}

	/** A connection factory of the tests' Redis, not yet started. */
	public static LettuceConnectionFactory connectionFactory() {
		if (cluster()) {
			return new LettuceConnectionFactory(new RedisClusterConfiguration(clusterNodes()));
		}
		String url = System.getenv().getOrDefault("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:6379");
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url));
	}

	/** A started connection factory of the tests' Redis, outside any application context; the caller destroys it. */
	public static LettuceConnectionFactory connect() {
		LettuceConnectionFactory redis = connectionFactory();
		redis.afterPropertiesSet();
		redis.start();
		return redis;
	}

	/** A port nothing listens on (it was free a moment ago). */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
