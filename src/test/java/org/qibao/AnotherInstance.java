package org.qibao;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second Qibao instance on the running test's PostgreSQL and Redis, as two instances behind a
 * load balancer share them: for what must hold across instances.
 */
public final class AnotherInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AnotherInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts it with the running test's data directory (its stores come from the same environment), and these further arguments. */
	public static AnotherInstance start(Environment test, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--qibao.data-dir=" + test.getRequiredProperty("qibao.data-dir"), "--qibao.demo.enabled=false",
				"--spring.datasource.hikari.maximum-pool-size=4"));
		args.addAll(List.of(more));
		return new AnotherInstance(new SpringApplicationBuilder(QibaoApplication.class).run(args.toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
