package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.qibao.QibaoApplication;
import org.qibao.identity.Accounts;
import org.qibao.identity.BenchTokens;
import org.qibao.identity.Role;
import org.qibao.patrol.BenchPatrols;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the benchmark runs it: the real application, with bench phones (accounts 177xxxxxxxx)
 * checked in through the patrol module to shifts of the demo community's team in DT-01 and DT-02
 * that began 23 hours ago. Nothing on the report path is replaced: each report finds its check-in
 * the way a field phone's does. When everyone is checked in, the phones' bearer tokens and the
 * instant their clocks start from are written for the driver, and "BENCH READY" is printed.
 */
@Configuration(proxyBeanMethods = false)
public class BenchServer {

	static final String PASSWORD = "bench-phone-2026";

	/** The shifts' window: as long as a shift may be, ending a little after the run. */
	static final Duration WINDOW_BEFORE_NOW = Duration.ofHours(23);

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, BenchServer.class).run(args);
	}

	/** After start-up, so after the demo community is loaded. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> benchPhones(Accounts accounts, JdbcClient jdbc,
			@Value("${qibao.bench.phones:20000}") int phones, @Value("${qibao.bench.phones-file}") Path phonesFile) {
		return event -> {
			long started = System.nanoTime();
			long community = jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
			long team = jdbc.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single();
			List<Long> grids = jdbc.sql("SELECT id FROM grid WHERE community_id = ? AND code IN ('DT-01', 'DT-02') ORDER BY code")
				.param(community).query(Long.class).list();
			List<Long> accountIds = accounts(accounts, jdbc, community, phones);
			Instant windowStart = Instant.now().minus(WINDOW_BEFORE_NOW);
			Instant checkedInAt = windowStart.plusSeconds(60);
			int checkedIn = BenchPatrols.checkInEveryone(event.getApplicationContext(), team, grids, accountIds,
					windowStart, windowStart.plus(WINDOW_BEFORE_NOW).plus(Duration.ofMinutes(55)), checkedInAt,
					new GeoPoint(114.3530, 30.5675));
			List<String> lines = new ArrayList<>();
			lines.add(checkedInAt.plusSeconds(1).toString());
			lines.addAll(BenchTokens.issue(event.getApplicationContext(), accountIds));
			try {
				Files.write(phonesFile, lines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.out.printf("BENCH READY %d phones checked in through the patrol module in %d s%n", checkedIn,
					(System.nanoTime() - started) / 1_000_000_000L);
		};
	}

	/**
	 * The bench phones' accounts, volunteers of the community: the first registered as anyone is,
	 * the others with its password hash copied (one bcrypt hash instead of twenty thousand).
	 */
	private static List<Long> accounts(Accounts accounts, JdbcClient jdbc, long community, int phones) {
		long first = accounts.register(phone(0), "测试手机0", PASSWORD, "zh-CN").id();
		jdbc.sql("""
				INSERT INTO account (phone, display_name, password_hash, locale)
				SELECT '177' || lpad(i::text, 8, '0'), '测试手机' || i, a.password_hash, 'zh-CN'
				FROM account a, generate_series(1, ? - 1) i WHERE a.id = ?""")
			.params(phones, first)
			.update();
		List<Long> ids = jdbc.sql("SELECT id FROM account WHERE phone LIKE '177%' ORDER BY phone")
			.query(Long.class).list();
		jdbc.sql("""
				INSERT INTO role_assignment (account_id, role, scope_id)
				SELECT id, ?, ? FROM account WHERE phone LIKE '177%' ON CONFLICT DO NOTHING""")
			.params(Role.VOLUNTEER.name(), community)
			.update();
		return ids;
	}

	static String phone(int i) {
		return "177" + String.format("%08d", i);
	}

}
