package org.qibao.shared;

import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * What Redis being unreachable means for an instance: it is {@code DEGRADED}, not down. The live
 * map and position reports wait for Redis; check-in, the ledger, codes and everything else work
 * without it, so a load balancer must not pull every instance at once. application.yml maps
 * DEGRADED to HTTP 200 and ranks it below UP in the readiness group (which depends on
 * PostgreSQL alone) and above it in the overall health, which shows it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceHealth {

	static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable: the live map and position reports wait for it");

	/** Takes the place of Boot's Redis indicator, by its bean name. */
	@Bean
	@ConditionalOnEnabledHealthIndicator("redis")
	HealthIndicator redisHealthIndicator(RedisConnectionFactory redis) {
		DataRedisHealthIndicator indicator = new DataRedisHealthIndicator(redis);
		return () -> {
			Health health = indicator.health();
			return Status.DOWN.equals(health.getStatus())
					? Health.status(DEGRADED).withDetails(health.getDetails()).build() : health;
		};
	}

}
