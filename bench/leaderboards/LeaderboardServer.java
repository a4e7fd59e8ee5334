package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qibao.QibaoApplication;
import org.qibao.gamification.LeaderboardCity;
import org.qibao.identity.Accounts;
import org.qibao.identity.CaseboardTokens;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the leaderboards benchmark runs it: the real application, its DataSource wrapped to
 * count the statements requests prepare ({@link StatementCounter}), and a generated city
 * ({@code LeaderboardCity}). When the city is written, the city's and its first community's IDs and
 * bearer tokens of some of its volunteers are written for the driver, and "BENCH READY" is
 * printed; the driver then asks, on the counter's port, for the city's boards to be rebuilt
 * ({@code /rebuild}) and, at the end, for the city to be removed ({@code /remove}).
 */
@Configuration(proxyBeanMethods = false)
public class LeaderboardServer {

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, LeaderboardServer.class).run(args);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return StatementCounter.wrapper();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> city(@Value("${qibao.bench.volunteers:112000}") int volunteers,
			@Value("${qibao.bench.viewers:200}") int viewers, @Value("${qibao.bench.statements-port}") int port,
			@Value("${qibao.bench.city-file}") Path file) {
		return event -> {
			try {
				write(event.getApplicationContext(), volunteers, viewers, port, file);
			}
			catch (RuntimeException ex) {
				// the counter's port would keep the JVM running after a failed start
				ex.printStackTrace();
				System.exit(1);
			}
		};
	}

	private static void write(ConfigurableApplicationContext app, int volunteers, int viewers, int port, Path file) {
		Accounts accounts = app.getBean(Accounts.class);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		// one bcrypt hash for every generated volunteer
		long first = accounts.register("178" + String.format("%08d", System.currentTimeMillis() / 1000 % 100_000_000L), "排行志愿者", "bench-leaderboard-2026", "zh-CN").id();
		String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(first).query(String.class).single();
		LeaderboardCity city = LeaderboardCity.generate(app, volunteers, hash);
		List<String> lines = new ArrayList<>();
		lines.add(GlobalId.encode("City", city.city()));
		lines.add(GlobalId.encode("Community", city.community()));
		lines.addAll(CaseboardTokens.issue(app, city.accounts(viewers)));
		try {
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StatementCounter.serve(port, Map.of("/rebuild", city::rebuild, "/remove", city::remove));
		System.out.printf("BENCH READY %d volunteers%n", volunteers);
	}

}
