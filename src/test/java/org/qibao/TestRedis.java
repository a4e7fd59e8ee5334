package org.qibao;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Connections of a test's own to the real Redis, outside any application context. */
public final class TestRedis {

	private TestRedis() {
	}

	/** A started connection factory to the Redis the environment names ({@code SPRING_DATA_REDIS_URL}); the caller destroys it. */
	public static LettuceConnectionFactory connect() {
		String url = System.getenv().getOrDefault("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:6379");
		LettuceConnectionFactory redis = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url));
		redis.afterPropertiesSet();
		redis.start();
		return redis;
	}

}
