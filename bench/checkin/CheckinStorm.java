package org.qibao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The check-in storm's driver. Every volunteer of a round checks in once to their shift with a
 * real {@code shiftCheckIn} mutation over HTTP, with their own token, from inside the grid. The
 * warm-up rounds are taken flat out until the warm-up time is up; then each measured run takes two
 * rounds: the field's shape (the round's check-ins at random instants over one minute, as a
 * neighbourhood's teams arrive for a shift; p99 from when each was due) and flat out (as fast as
 * the server takes them with {@code threads} in flight; check-ins/s and p99). After each round it
 * counts in PostgreSQL the round's check-ins: exactly one per volunteer, none lost, none twice.
 * Arguments: port fixturesFile warmupRounds warmupSeconds runs fieldSeconds threads.
 */
public final class CheckinStorm {

	private static final String CHECK_IN = "mutation($i: ShiftCheckInInput!) { shiftCheckIn(input: $i) { checkIn { id } userErrors { code } } }";

	record Volunteer(int round, long shiftId, String shift, String token, String lon, String lat) {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		int warmupRounds = Integer.parseInt(args[2]);
		int warmupSeconds = Integer.parseInt(args[3]);
		int runs = Integer.parseInt(args[4]);
		int fieldSeconds = Integer.parseInt(args[5]);
		int threads = Integer.parseInt(args[6]);
		String url = lines.get(0);
		String user = lines.get(1);
		String password = lines.get(2);
		List<Volunteer> all = lines.subList(3, lines.size()).stream().map(line -> {
			String[] f = line.split("\t");
			return new Volunteer(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2], f[3], f[4], f[5]);
		}).toList();
		int rounds = all.stream().mapToInt(Volunteer::round).max().orElseThrow() + 1;
		if (rounds < warmupRounds + 2 * runs) {
			throw new IllegalStateException("The server made " + rounds + " rounds; " + (warmupRounds + 2 * runs) + " are needed");
		}
		List<List<Volunteer>> byRound = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			int round = r;
			byRound.add(all.stream().filter(v -> v.round() == round).toList());
		}
		int perRound = byRound.get(0).size();
		Load load = new Load(port, threads * 2);

		// warm-up: flat out through the warm-up rounds' volunteers until the time is up
		List<Volunteer> warm = byRound.subList(0, warmupRounds).stream().flatMap(List::stream).toList();
		long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
		Load.Result warmup = load.closedLoop("warm-up (flat out)", threads, warm.size(), Integer.MAX_VALUE,
				i -> System.nanoTime() < warmEnd ? checkIn(load, warm.get((int) i)) : System.nanoTime());
		System.out.println(warmup);

		List<Map<String, Object>> results = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(url, user, password)) {
			for (int run = 0; run < runs; run++) {
				List<Volunteer> fieldRound = byRound.get(warmupRounds + 2 * run);
				List<Volunteer> flatRound = byRound.get(warmupRounds + 2 * run + 1);
				long[] due = arrivals(perRound, fieldSeconds, new Random(run));
				Load.Result field = load.paced("field shape: " + perRound + " in " + fieldSeconds + " s", Math.min(perRound, 256),
						due, i -> checkIn(load, fieldRound.get((int) i)));
				long[] fieldStored = verify(db, fieldRound);
				Load.Result flat = load.closedLoop("flat out, " + threads + " in flight", threads, perRound, 0,
						i -> checkIn(load, flatRound.get((int) i)));
				long[] flatStored = verify(db, flatRound);
				System.out.printf(Locale.ROOT, "--- run %d of %d%n%s%n%s%n%s%n%s%n", run + 1, runs, field, stored(fieldStored, perRound),
						flat, stored(flatStored, perRound));
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("tps", flat.perSecond());
				figures.put("p99_ms", flat.p99());
				figures.put("field_p99_ms", field.p99());
				figures.put("field_driver_late_p99_ms", field.lateP99());
				figures.put("errors_count", field.errors.sum() + flat.errors.sum());
				figures.put("stored_once_count", Math.min(fieldStored[0], flatStored[0]));
				figures.put("checkins_count", Math.max(fieldStored[1], flatStored[1]) > perRound ? Math.max(fieldStored[1], flatStored[1])
						: Math.min(fieldStored[1], flatStored[1]));
				results.add(figures);
			}
		}
		String targets = """
				[{"figure":"tps","op":">=","ratio_of":"pgbench_tps","value":0.5},
				 {"figure":"p99_ms","op":"<","value":200},
				 {"figure":"field_p99_ms","op":"<","value":200},
				 {"figure":"errors_count","op":"==","value":0},
				 {"figure":"stored_once_count","op":"==","value":%d},
				 {"figure":"checkins_count","op":"==","value":%d}]""".formatted(perRound, perRound);
		Load.writeResult("check-in storm", String.format(Locale.ROOT,
				"%d teams x 7 volunteers, shiftCheckIn over HTTP; field shape %d check-ins over %d s, then flat out with %d in flight",
				perRound / 7, perRound, fieldSeconds, threads), results, targets,
				"tps and p99_ms: flat out; field_p99_ms: the field's shape, latency from when each check-in was due; "
						+ "stored_once_count: the fewer, over the run's two rounds, of volunteers with exactly one check-in "
						+ "stored; checkins_count: the check-ins stored on a round's shifts (the round furthest from the volunteers' count); driver and server share the machine's cores, unpinned, as bench/location does");
		System.exit(0);
	}

	private static String stored(long[] stored, int expected) {
		return String.format(Locale.ROOT, "  in PostgreSQL: %d volunteers of %d with exactly one check-in, %d check-ins on the round's shifts%s",
				stored[0], expected, stored[1], stored[0] == expected && stored[1] == expected ? " (none lost, none doubled)" : " (WRONG)");
	}

	/** The round's check-ins at random instants over the minute, as people arrive (uniform order statistics). */
	static long[] arrivals(int count, int seconds, Random random) {
		long[] due = new long[count];
		for (int i = 0; i < count; i++) {
			due[i] = (long) (random.nextDouble() * TimeUnit.SECONDS.toNanos(seconds));
		}
		Arrays.sort(due);
		return due;
	}

	private static long checkIn(Load load, Volunteer v) throws Exception {
		long start = System.nanoTime();
		String variables = "{\"i\":{\"shiftId\":\"" + v.shift() + "\",\"position\":{\"longitude\":" + v.lon() + ",\"latitude\":"
				+ v.lat() + "},\"accuracy\":12}}";
		Load.ok(load.graphql(v.token(), CHECK_IN, variables));
		return start;
	}

	/**
	 * The round's check-ins as stored: how many of its volunteers have exactly one on their shift,
	 * and how many its shifts hold in all.
	 */
	private static long[] verify(Connection db, List<Volunteer> round) throws Exception {
		try (PreparedStatement q = db.prepareStatement("""
				SELECT count(*) FILTER (WHERE n = 1), coalesce(sum(n), 0) + (
				  SELECT count(*) FROM check_in c WHERE c.shift_id = ANY(?) AND NOT EXISTS (
				    SELECT 1 FROM shift_signup s WHERE s.shift_id = c.shift_id AND s.account_id = c.account_id AND s.status = 'CONFIRMED'))
				FROM (SELECT (SELECT count(*) FROM check_in c WHERE c.shift_id = s.shift_id AND c.account_id = s.account_id) AS n
				      FROM shift_signup s WHERE s.shift_id = ANY(?) AND s.status = 'CONFIRMED') AS per_volunteer""")) {
			java.sql.Array shifts = db.createArrayOf("bigint", round.stream().map(Volunteer::shiftId).distinct().toArray());
			q.setArray(1, shifts);
			q.setArray(2, shifts);
			try (ResultSet rs = q.executeQuery()) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2) };
			}
		}
	}

}
