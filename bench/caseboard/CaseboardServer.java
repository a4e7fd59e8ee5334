package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qibao.QibaoApplication;
import org.qibao.casework.CaseboardFixtures;
import org.qibao.identity.CaseboardTokens;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Qibao as the case board benchmark runs it: the real application, its DataSource wrapped to count
 * the statements requests prepare ({@link StatementCounter}), and a district of grids, grid
 * workers and cases ({@code CaseboardFixtures}). When it is there, the community's ID and the grid
 * workers' bearer tokens are written for the driver, and "BENCH READY" is printed.
 */
@Configuration(proxyBeanMethods = false)
public class CaseboardServer {

	static final String PASSWORD = "bench-board-2026";

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, CaseboardServer.class).run(args);
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return StatementCounter.wrapper();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> district(@Value("${qibao.bench.grids:200}") int grids,
			@Value("${qibao.bench.cases-per-grid:100}") int perGrid, @Value("${qibao.bench.statements-port}") int port,
			@Value("${qibao.bench.district-file}") Path file) {
		return event -> {
			try {
				write(event, grids, perGrid, port, file);
			}
			catch (RuntimeException ex) {
				// the counter's port would keep the JVM running after a failed start
				ex.printStackTrace();
				System.exit(1);
			}
		};
	}

	private static void write(ApplicationReadyEvent event, int grids, int perGrid, int port, Path file) {
		long started = System.nanoTime();
		CaseboardFixtures.District district = CaseboardFixtures.create(event.getApplicationContext(), grids, perGrid,
				PASSWORD);
		List<String> lines = new ArrayList<>();
		lines.add(GlobalId.encode("Community", district.communityId()));
		lines.addAll(CaseboardTokens.issue(event.getApplicationContext(), district.gridWorkers()));
		try {
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StatementCounter.serve(port);
		System.out.printf("BENCH READY %d grids, %d grid workers, %d cases (bulk SQL) in %d s%n", grids,
				district.gridWorkers().size(), district.cases(), (System.nanoTime() - started) / 1_000_000_000L);
	}

}
