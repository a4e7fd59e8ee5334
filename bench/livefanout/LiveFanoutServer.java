package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.qibao.QibaoApplication;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Accounts;
import org.qibao.identity.FanoutTokens;
import org.qibao.identity.Role;
import org.qibao.patrol.FanoutPatrols;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the live fan-out benchmark runs it: the real application. Started with
 * {@code qibao.bench.fanout.file}, it first lays out a city of its own (a tag of three random
 * digits keeps it apart from earlier runs in the same database): {@code communities}
 * communities of {@code grids} square grids each, a team per grid with two captains, grid workers,
 * and phones (volunteers of the community, members of the grid's team) checked in through the
 * patrol module to shifts of their grid now. It writes every phone's and watcher's account and
 * bearer token to that file, then prints "BENCH READY". Without that property it is just another
 * instance of the same application.
 */
@Configuration(proxyBeanMethods = false)
public class LiveFanoutServer {

	static final String PASSWORD = "bench-fanout-2026";

	/** A grid's side in degrees (about 400 m at these latitudes) and the gap between two grids' corners. */
	static final double SIDE = 0.004;

	static final double PITCH = 0.005;

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, LiveFanoutServer.class).run(args);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> fanoutCity(Accounts accounts, Geography geography, JdbcClient jdbc,
			@Value("${qibao.bench.fanout.file:}") String file, @Value("${qibao.bench.fanout.communities:20}") int communities,
			@Value("${qibao.bench.fanout.grids:5}") int grids, @Value("${qibao.bench.fanout.phones:15000}") int phones,
			@Value("${qibao.bench.fanout.watchers:500}") int watchers) {
		return event -> {
			if (file.isEmpty()) {
				System.out.println("BENCH READY (second instance)");
				return;
			}
			long started = System.nanoTime();
			int tag = ThreadLocalRandom.current().nextInt(1000);
			String t = String.format("%03d", tag);
			long city = geography.createCity("压测市" + t);
			long street = geography.createStreet(geography.createDistrict(city, "压测区" + t), "压测街道" + t);
			int cells = communities * grids;
			long[] communityIds = new long[communities];
			Grid[] gridOf = new Grid[cells];
			for (int c = 0; c < communities; c++) {
				communityIds[c] = geography.createCommunity(street, "压测社区" + t + "-" + c, "Asia/Shanghai");
				for (int g = 0; g < grids; g++) {
					double[] corner = corner(tag, c, g);
					gridOf[c * grids + g] = geography.createGrid(communityIds[c], "F" + c + "-" + g, "压测网格" + c + "-" + g,
							square(corner[0], corner[1]));
				}
			}
			// phones: 166 + tag + index; watchers: 155 + tag + index (one bcrypt hash, copied)
			List<Long> phoneIds = accounts(accounts, jdbc, "166" + t, phones);
			List<Long> watcherIds = accounts(accounts, jdbc, "155" + t, watchers);
			int[] cellOfPhone = new int[phones];
			int[] cellOfWatcher = new int[watchers];
			for (int i = 0; i < phones; i++) {
				cellOfPhone[i] = i % cells;
			}
			for (int c = 0; c < communities; c++) {
				// phone i patrols grid (i mod cells), of community (i mod cells) / grids
				jdbc.sql("""
						INSERT INTO role_assignment (account_id, role, scope_id)
						SELECT id, ?, ? FROM (SELECT id, row_number() OVER (ORDER BY phone) - 1 AS i
						                      FROM account WHERE phone LIKE ?) p
						WHERE (p.i % ?) / ? = ? ON CONFLICT DO NOTHING""")
					.params(Role.VOLUNTEER.name(), communityIds[c], "166" + t + "%", cells, grids, c)
					.update();
			}
			long[] teams = new long[cells];
			long[] firstCaptain = new long[cells];
			for (int cell = 0; cell < cells; cell++) {
				teams[cell] = FanoutPatrols.team(event.getApplicationContext(), communityIds[cell / grids],
						"压测队" + t + "-" + cell, gridOf[cell].id());
			}
			// watchers of each grid take turns: grid worker of the grid, captain of its team
			String[] kinds = new String[watchers];
			for (int w = 0; w < watchers; w++) {
				int cell = w % cells;
				cellOfWatcher[w] = cell;
				boolean gridWorker = (w / cells) % 2 == 0;
				kinds[w] = gridWorker ? "GRID_WORKER" : "CAPTAIN";
				long watcher = watcherIds.get(w);
				if (gridWorker) {
					accounts.grant(watcher, Role.GRID_WORKER, gridOf[cell].id());
				}
				else {
					accounts.grant(watcher, Role.CAPTAIN, teams[cell]);
					if (firstCaptain[cell] == 0) {
						firstCaptain[cell] = watcher;
					}
				}
			}
			int checkedIn = 0;
			ExecutorService pool = Executors.newFixedThreadPool(6);
			try {
				List<Future<Integer>> done = new ArrayList<>();
				for (int cell = 0; cell < cells; cell++) {
					int c = cell;
					List<Long> members = new ArrayList<>();
					for (int i = c; i < phones; i += cells) {
						members.add(phoneIds.get(i));
					}
					long captain = firstCaptain[c] != 0 ? firstCaptain[c] : phoneIds.get(c);
					if (firstCaptain[c] == 0) {
						// a grid with no captain among the watchers still needs one to plan its shifts
						accounts.grant(captain, Role.CAPTAIN, teams[c]);
					}
					double[] corner = corner(tag, c / grids, c % grids);
					GeoPoint centre = new GeoPoint(corner[0] + SIDE / 2, corner[1] + SIDE / 2);
					done.add(pool.submit(() -> FanoutPatrols.checkIn(event.getApplicationContext(), teams[c],
							gridOf[c].id(), captain, members, centre)));
				}
				for (Future<Integer> f : done) {
					checkedIn += f.get();
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not check the bench phones in", ex);
			}
			finally {
				pool.shutdown();
			}
			List<String> phoneTokens = FanoutTokens.issue(event.getApplicationContext(), phoneIds);
			List<String> watcherTokens = FanoutTokens.issue(event.getApplicationContext(), watcherIds);
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < phones; i++) {
				int cell = cellOfPhone[i];
				double[] corner = corner(tag, cell / grids, cell % grids);
				lines.add(String.join(" ", "P", GlobalId.encode("Account", phoneIds.get(i)), phoneTokens.get(i),
						Integer.toString(cell), GlobalId.encode("Community", communityIds[cell / grids]),
						Double.toString(corner[0] + SIDE / 2), Double.toString(corner[1] + SIDE / 2)));
			}
			for (int w = 0; w < watchers; w++) {
				int cell = cellOfWatcher[w];
				lines.add(String.join(" ", "W", GlobalId.encode("Account", watcherIds.get(w)), watcherTokens.get(w),
						Integer.toString(cell), GlobalId.encode("Community", communityIds[cell / grids]), kinds[w]));
			}
			try {
				Files.write(Path.of(file), lines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.out.printf("BENCH READY %d phones checked in through the patrol module, %d watchers, %d communities"
					+ " of %d grids, city tag %s, in %d s%n", checkedIn, watchers, communities, grids, t,
					(System.nanoTime() - started) / 1_000_000_000L);
		};
	}

	/** The south-west corner of a grid: communities side by side, each run's city at its own latitude. */
	static double[] corner(int tag, int community, int grid) {
		return new double[] { 100.0 + community * grids(PITCH) + grid * PITCH, 20.0 + tag * 0.01 };
	}

	/** Room for up to ten grids a community. */
	private static double grids(double pitch) {
		return 10 * pitch + 0.01;
	}

	private static String square(double lon, double lat) {
		String ring = String.format(java.util.Locale.ROOT, "[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]",
				lon, lat, lon + SIDE, lat, lon + SIDE, lat + SIDE, lon, lat + SIDE, lon, lat);
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
	}

	/** Accounts with phones {@code prefix} + five digits: the first registered as anyone is, the rest with its hash copied. */
	private static List<Long> accounts(Accounts accounts, JdbcClient jdbc, String prefix, int count) {
		long first = accounts.register(prefix + "00000", "压测" + prefix + "0", PASSWORD, "zh-CN").id();
		jdbc.sql("""
				INSERT INTO account (phone, display_name, password_hash, locale)
				SELECT ? || lpad(i::text, 5, '0'), '压测' || ? || i, a.password_hash, 'zh-CN'
				FROM account a, generate_series(1, ? - 1) i WHERE a.id = ?""")
			.params(prefix, prefix, count, first)
			.update();
		return jdbc.sql("SELECT id FROM account WHERE phone LIKE ? ORDER BY phone").param(prefix + "%").query(Long.class).list();
	}

}
