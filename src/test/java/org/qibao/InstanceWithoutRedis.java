package org.qibao;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second Qibao instance on the test's own PostgreSQL whose Redis is a port nothing listens on:
 * how an instance behaves while Redis is unreachable, beside one that has it.
 */
public final class InstanceWithoutRedis implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private InstanceWithoutRedis(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts it with the running test's database and data directory, and these further arguments. */
	public static InstanceWithoutRedis start(Environment test, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + test.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + test.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + test.getProperty("spring.datasource.password", ""),
				TestRedis.unreachable(test),
				"--spring.data.redis.connect-timeout=300ms",
				"--qibao.data-dir=" + test.getRequiredProperty("qibao.data-dir"), "--qibao.demo.enabled=false"));
		args.addAll(List.of(more));
		return new InstanceWithoutRedis(new SpringApplicationBuilder(QibaoApplication.class).run(args.toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
