package org.qibao.gamification;

import java.util.ArrayList;
import java.util.List;

import org.qibao.QibaoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leaderboard rebuild at city scale: generates a city in SQL (communities of 700 volunteers in
 * streets of ten communities, each volunteer with a verified patrol every other week for a year,
 * teams of 7), rebuilds all its boards from PostgreSQL into Redis the way {@code leaderboardRebuild}
 * does, times it, times leaderboard pages read from Redis, and removes what it generated.
 *
 * <p>Run by {@code bench/gamification/run.sh}; {@code -Dbench.volunteers=112000} sets the size.
 */
public final class CityRebuild {

	static final int PER_COMMUNITY = 700;

	static final int COMMUNITIES_PER_STREET = 10;

	private CityRebuild() {
	}

	public static void main(String[] args) {
		int volunteers = Integer.getInteger("bench.volunteers", 112_000);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(QibaoApplication.class).run(args)) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Leaderboards boards = app.getBean(Leaderboards.class);
			long city = -1_000_000L - (System.currentTimeMillis() / 1000) % 1_000_000L;
			int communities = (volunteers + PER_COMMUNITY - 1) / PER_COMMUNITY;
			try {
				long generating = System.nanoTime();
				int entries = generate(jdbc, city, volunteers, communities);
				System.out.printf("BENCH generated %d volunteers in %d communities, %d points entries in %.1f s%n", volunteers,
						communities, entries, seconds(generating));
				long rebuilding = System.nanoTime();
				int rebuilt = boards.rebuildCity(city);
				double took = seconds(rebuilding);
				System.out.printf("BENCH rebuilt every board of the city: %d volunteers in %.1f s = %.0f volunteers/s%n",
						rebuilt, took, rebuilt / took);
				pages(boards, city);
			}
			finally {
				remove(app, jdbc, city, communities);
			}
		}
	}

	/** Writes the city's communities and points entries; returns the entries written. Also used by bench/leaderboards. */
	static int generate(JdbcClient jdbc, long city, int volunteers, int communities) {
		jdbc.sql("""
				INSERT INTO gamification_community (community_id, street_id, city_id, time_zone)
				SELECT ? * 100000 - c, ? * 100000 - c / ?, ?, 'Asia/Shanghai' FROM generate_series(0, ? - 1) c""")
			.params(city, city, COMMUNITIES_PER_STREET, city, communities)
			.update();
		return jdbc.sql("""
				INSERT INTO points_entry (account_id, community_id, street_id, city_id, team_id, source, source_id, points,
				                          recorded_at, counts_at, counts_week, counts_month)
				SELECT 9000000000 + v, ? * 100000 - v / ?, ? * 100000 - (v / ?) / ?, ?, ? * 100000 - v / 7, 'PATROL', w,
				       30 + (v * 7 + w * 13) % 121, now(), t, to_char(t AT TIME ZONE 'Asia/Shanghai', 'IYYY-"W"IW'),
				       to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')
				FROM generate_series(0, ? - 1) v, generate_series(0, 51) w,
				     LATERAL (SELECT now() - make_interval(days => w * 7, mins => (v * 37 + w * 101) % 5000)) AS at(t)
				WHERE (v + w) % 2 = 0""")
			.params(city, PER_COMMUNITY, city, PER_COMMUNITY, COMMUNITIES_PER_STREET, city, city, volunteers)
			.update();
	}

	/** Pages of the city's all-time board, read from Redis only. */
	private static void pages(Leaderboards boards, long city) {
		Board board = boards.current(Board.Subject.VOLUNTEERS, Board.Scope.CITY, city, Board.Period.ALL_TIME);
		int reads = 2000;
		long started = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			boards.page(board, (i * 997) % 100_000, 20);
		}
		System.out.printf("BENCH %d pages of 20 from the city's board: %.0f µs a page%n", reads,
				seconds(started) * 1_000_000 / reads);
	}

	/** Removes what {@link #generate} wrote, and the city's boards in Redis. Also used by bench/leaderboards. */
	static void remove(ConfigurableApplicationContext app, JdbcClient jdbc, long city, int communities) {
		StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
		List<String> keys = new ArrayList<>();
		for (String pattern : List.of("lb:{*:y:" + city + ":*", "lb:{*:s:" + city + "*", "lb:{*:c:" + city + "*")) {
			keys.addAll(redis.keys(pattern));
		}
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
		// the points ledger refuses deletes; the bench's own rows go with the triggers off for this transaction
		new TransactionTemplate(app.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult(tx -> {
				jdbc.sql("SET LOCAL session_replication_role = replica").update();
				jdbc.sql("DELETE FROM points_entry WHERE city_id = ?").param(city).update();
				jdbc.sql("DELETE FROM gamification_community WHERE city_id = ?").param(city).update();
			});
		System.out.printf("BENCH removed the generated city (%d communities, %d Redis keys)%n", communities, keys.size());
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
