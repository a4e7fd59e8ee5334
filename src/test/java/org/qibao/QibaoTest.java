package org.qibao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test against the whole application on a random port, with real PostgreSQL and Redis:
 * the ones the environment points at ({@code SPRING_DATASOURCE_URL}, {@code SPRING_DATA_REDIS_URL}),
 * or embedded ones otherwise. The demo community is loaded when the database is empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "qibao.demo.enabled=true", "qibao.data-dir=${qibao.test-data-dir:target/test-data}",
				// several application contexts stay cached during a run: keep each one's share of connections small
				"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=1" })
public @interface QibaoTest {
}
