package org.qibao.gamification;

import java.util.List;
import java.util.Locale;

import org.qibao.identity.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leaderboards benchmark's city: {@code CityRebuild}'s generated city (communities of 700
 * volunteers, ten to a street, a verified patrol every other week for a year), whose volunteers
 * are given accounts here (one password hash copied, ids 9,000,000,000 + n as the generator's
 * entries name them), so that a board page shows real names; {@link #rebuild} rebuilds every board
 * of the city as {@code leaderboardRebuild} does. In the gamification package (on the bench's class
 * path only) to reach the boards.
 */
public final class LeaderboardCity {

	private static final long FIRST_ACCOUNT = 9_000_000_000L;

	private final ConfigurableApplicationContext app;

	private final JdbcClient jdbc;

	private final long city;

	private final int volunteers;

	private final int communities;

	private LeaderboardCity(ConfigurableApplicationContext app, long city, int volunteers) {
		this.app = app;
		this.jdbc = app.getBean(JdbcClient.class);
		this.city = city;
		this.volunteers = volunteers;
		this.communities = (volunteers + CityRebuild.PER_COMMUNITY - 1) / CityRebuild.PER_COMMUNITY;
	}

	/** Generates the city and its volunteers' accounts; prints what it wrote. */
	public static LeaderboardCity generate(ConfigurableApplicationContext app, int volunteers, String passwordHash) {
		long city = -1_000_000L - (System.currentTimeMillis() / 1000) % 1_000_000L;
		LeaderboardCity generated = new LeaderboardCity(app, city, volunteers);
		long started = System.nanoTime();
		int entries = CityRebuild.generate(generated.jdbc, city, volunteers, generated.communities);
		// a rerun against the same database finds the accounts there already
		generated.jdbc.sql("""
				INSERT INTO account (id, phone, display_name, password_hash, locale) OVERRIDING SYSTEM VALUE
				SELECT ? + v, '179' || lpad(v::text, 8, '0'), '排行志愿者' || v, ?, 'zh-CN'
				FROM generate_series(0, ? - 1) v ON CONFLICT DO NOTHING""")
			.params(FIRST_ACCOUNT, passwordHash, volunteers)
			.update();
		generated.jdbc.sql("""
				INSERT INTO role_assignment (account_id, role, scope_id)
				SELECT ? + v, ?, ? * 100000 - v / ? FROM generate_series(0, ? - 1) v ON CONFLICT DO NOTHING""")
			.params(FIRST_ACCOUNT, Role.VOLUNTEER.name(), city, CityRebuild.PER_COMMUNITY, volunteers)
			.update();
		generated.jdbc.sql("ANALYZE points_entry").update();
		System.out.printf(Locale.ROOT, "BENCH generated %d volunteers in %d communities, %d points entries in %.1f s%n",
				volunteers, generated.communities, entries, (System.nanoTime() - started) / 1e9);
		return generated;
	}

	public long city() {
		return this.city;
	}

	/** The first community of the city. */
	public long community() {
		return this.city * 100_000L;
	}

	/** The accounts of the first {@code count} volunteers (those of the first community first). */
	public List<Long> accounts(int count) {
		return java.util.stream.LongStream.range(0, Math.min(count, this.volunteers)).map(v -> FIRST_ACCOUNT + v).boxed().toList();
	}

	/** Rebuilds every board of the city as {@code leaderboardRebuild} does; answers "seconds volunteers". */
	public String rebuild() {
		long started = System.nanoTime();
		int rebuilt = this.app.getBean(Leaderboards.class).rebuildCity(this.city);
		return String.format(Locale.ROOT, "%.3f %d", (System.nanoTime() - started) / 1e9, rebuilt);
	}

	/** Removes the generated city's entries and boards (the accounts stay, for a rerun). */
	public String remove() {
		CityRebuild.remove(this.app, this.jdbc, this.city, this.communities);
		return "removed";
	}

}
