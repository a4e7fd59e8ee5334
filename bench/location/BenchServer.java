package org.qibao.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.qibao.QibaoApplication;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.location.CheckInLookup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the benchmark runs it: the real application, plus bench phones (accounts
 * 1770000xxxx) that are always checked in to a long shift in the demo community's DT-01 and DT-02.
 * The check-ins come from this class, not from the patrol module, so that the benchmark measures
 * the position path alone.
 */
@Configuration(proxyBeanMethods = false)
public class BenchServer {

	static final String PASSWORD = "bench-phone-2026";

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, BenchServer.class).run(args);
	}

	@Bean
	@Primary
	CheckInLookup everyBenchPhoneCheckedIn(JdbcClient jdbc) {
		Instant start = Instant.now().minus(Duration.ofDays(30).plusHours(1));
		Instant end = Instant.now().plus(Duration.ofHours(2));
		return new CheckInLookup() {
			private volatile ActiveCheckIn template;

			@Override
			public Optional<ActiveCheckIn> openCheckIn(long accountId, Instant at) {
				return find(7_000_000_000L + accountId);
			}

			@Override
			public Optional<ActiveCheckIn> find(long checkInId) {
				ActiveCheckIn shape = template(jdbc, start, end);
				return Optional.of(new ActiveCheckIn(checkInId, checkInId - 7_000_000_000L, shape.communityId(),
						shape.teamId(), shape.gridIds(), start, end, start, null, null));
			}

			private ActiveCheckIn template(JdbcClient jdbc, Instant start, Instant end) {
				if (this.template == null) {
					long community = jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
					long team = jdbc.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single();
					List<Long> grids = jdbc.sql("SELECT id FROM grid WHERE community_id = ? AND code IN ('DT-01', 'DT-02') ORDER BY code")
						.param(community).query(Long.class).list();
					this.template = new ActiveCheckIn(0, 0, community, team, grids, start, end, start, null, null);
				}
				return this.template;
			}
		};
	}

	/** After start-up, so after the demo community is loaded. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> benchPhones(Accounts accounts, JdbcClient jdbc,
			@Value("${qibao.bench.phones:200}") int phones) {
		return event -> {
			long community = jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
			IntStream.range(0, phones).parallel().forEach(i -> {
				String phone = phone(i);
				boolean exists = jdbc.sql("SELECT count(*) FROM account WHERE phone = ?").param(phone)
					.query(Long.class).single() > 0;
				if (!exists) {
					long id = accounts.register(phone, "测试手机" + i, PASSWORD, "zh-CN").id();
					accounts.grant(id, Role.VOLUNTEER, community);
				}
			});
			System.out.println("BENCH READY " + phones + " phones");
		};
	}

	static String phone(int i) {
		return String.format("1770000%04d", i);
	}

}
