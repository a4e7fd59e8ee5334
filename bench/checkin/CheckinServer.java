package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.qibao.QibaoApplication;
import org.qibao.geo.Geography;
import org.qibao.identity.Accounts;
import org.qibao.identity.BenchTokens;
import org.qibao.patrol.StormShifts;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the check-in storm runs it: the real application, with a community of
 * {@code qibao.bench.teams} teams, each patrolling its own grid (one of up to 50 grids of about
 * 300 m square), and for each round of the storm a shift per team starting in 20 minutes (so
 * check-in is open, as it opens 30 minutes before) with seven volunteers signed up. Every round
 * has its own volunteers, so that each check-in of the storm is a volunteer's first. Geography,
 * teams, shifts and sign-ups go through the modules' services; the accounts, their volunteer role
 * and their team membership are inserted in SQL (one bcrypt hash copied, as bench/location does).
 * When ready it writes, for the driver, the database's address and a line per volunteer (round,
 * shift, token, a position inside the grid), and prints "BENCH READY".
 */
@Configuration(proxyBeanMethods = false)
public class CheckinServer {

	static final String PASSWORD = "bench-storm-2026";

	static final int PER_TEAM = 7;

	static final int MAX_GRIDS = 50;

	/** Grid squares' half side in degrees (about 150 m of latitude), and their spacing. */
	static final double HALF = 0.0015;

	static final double STEP = 0.004;

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, CheckinServer.class).run(args);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> stormFixtures(Accounts accounts, Geography geography, Teams teams,
			JdbcClient jdbc, Environment environment, @Value("${qibao.bench.teams:500}") int teamCount,
			@Value("${qibao.bench.rounds:7}") int rounds, @Value("${qibao.bench.fixtures-file}") Path fixturesFile) {
		return event -> {
			long started = System.nanoTime();
			var context = event.getApplicationContext();
			long city = geography.createCity("压测市");
			long district = geography.createDistrict(city, "压测区");
			long street = geography.createStreet(district, "压测街道");
			long community = geography.createCommunity(street, "签到压测社区", "Asia/Shanghai");
			int gridCount = Math.min(MAX_GRIDS, teamCount);
			List<Long> grids = new ArrayList<>();
			double[][] centres = new double[gridCount][];
			for (int g = 0; g < gridCount; g++) {
				double lon = 114.30 + (g % 10) * STEP;
				double lat = 30.55 + (g / 10) * STEP;
				centres[g] = new double[] { lon, lat };
				grids.add(geography.createGrid(community, String.format("BS-%02d", g), "压测网格" + g, square(lon, lat)).id());
			}
			int volunteers = teamCount * PER_TEAM * rounds;
			List<Long> ids = BenchAccounts.volunteers(accounts, jdbc, community, volunteers, "176", PASSWORD);
			List<Long> teamIds = new ArrayList<>();
			for (int t = 0; t < teamCount; t++) {
				teamIds.add(teams.create(community, "压测巡逻队" + t, List.of(grids.get(t % gridCount))).id());
			}
			// volunteer v is in round v / (teams * 7), team (v / 7) % teams
			int perRound = teamCount * PER_TEAM;
			jdbc.sql("INSERT INTO team_member (team_id, account_id) SELECT t, a FROM unnest(?::bigint[], ?::bigint[]) AS m(t, a)")
				.params(IntStream.range(0, volunteers).mapToObj(v -> teamIds.get((v % perRound) / PER_TEAM)).toArray(Long[]::new),
						ids.toArray(Long[]::new))
				.update();
			Instant now = Instant.now();
			Instant plannedAt = now.minus(Duration.ofHours(1));
			Instant startsAt = now.plus(Duration.ofMinutes(20));
			Instant endsAt = now.plus(Duration.ofHours(12));
			long[][] shifts = new long[rounds][teamCount];
			IntStream.range(0, rounds * teamCount).parallel().forEach(n -> {
				int round = n / teamCount;
				int team = n % teamCount;
				long captain = ids.get(round * perRound + team * PER_TEAM);
				shifts[round][team] = StormShifts.create(context, teamIds.get(team), grids.get(team % gridCount), startsAt,
						endsAt, PER_TEAM, captain, plannedAt);
			});
			IntStream.range(0, volunteers).parallel().forEach(v -> {
				int round = v / perRound;
				int team = (v % perRound) / PER_TEAM;
				StormShifts.signUp(context, shifts[round][team], ids.get(v), plannedAt);
			});
			List<String> tokens = BenchTokens.issue(context, ids);
			List<String> lines = new ArrayList<>();
			lines.add(environment.getProperty("spring.datasource.url"));
			lines.add(environment.getProperty("spring.datasource.username", ""));
			lines.add(environment.getProperty("spring.datasource.password", ""));
			for (int v = 0; v < volunteers; v++) {
				int round = v / perRound;
				int team = (v % perRound) / PER_TEAM;
				double[] centre = centres[team % gridCount];
				// somewhere in the middle third of the grid: inside it whatever the fix's accuracy
				double lon = centre[0] + HALF / 3 * Math.cos(v);
				double lat = centre[1] + HALF / 3 * Math.sin(v);
				long shift = shifts[round][team];
				lines.add(String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%.6f\t%.6f", round, shift,
						GlobalId.encode("Shift", shift), tokens.get(v), lon, lat));
			}
			try {
				Files.write(fixturesFile, lines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.out.printf("BENCH READY %d teams x %d volunteers x %d rounds signed up for their shifts in %d s%n",
					teamCount, PER_TEAM, rounds, (System.nanoTime() - started) / 1_000_000_000L);
		};
	}

	private static String square(double lon, double lat) {
		return String.format(Locale.ROOT,
				"{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
				lon - HALF, lat - HALF, lon + HALF, lat - HALF, lon + HALF, lat + HALF, lon - HALF, lat + HALF, lon - HALF,
				lat - HALF);
	}

}
