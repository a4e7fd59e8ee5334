package org.qibao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The redemption benchmark's driver. Each redemption is what happens at a counter: the volunteer
 * asks for a code ({@code redemptionCodeRequest} with their own token), then the shop's staff
 * confirm it ({@code redemptionConfirm} with the QR payload and their own token); redemptions go
 * round the volunteers and the shops, {@code threads} in flight, flat out. It reports confirmations/s
 * and the p99 of the confirmation. After each run it checks exactly-once: a sample of fresh codes
 * each confirmed twice at once by the shop's two staff (one must win, the other be refused with
 * CODE_ALREADY_USED), then in PostgreSQL every redeemed code has exactly one MERCHANT_REDEMPTION
 * transfer of its hold, no other code has one, and the redeemed codes are as many as the
 * confirmations the driver saw succeed.
 * Arguments: port fixturesFile warmupSeconds runs runSeconds threads sample.
 */
public final class RedemptionLoad {

	private static final String REQUEST = "mutation($i: RedemptionCodeRequestInput!) { redemptionCodeRequest(input: $i) { redemption { qrPayload } userErrors { code } } }";

	private static final String CONFIRM = "mutation($i: RedemptionConfirmInput!) { redemptionConfirm(input: $i) { redemption { status } userErrors { code } } }";

	record Shop(String merchant, String offer, String counterToken, String checkerToken) {
	}

	private final Load load;

	private final List<Shop> shops = new ArrayList<>();

	private final List<String> volunteers = new ArrayList<>();

	/** Redemptions asked for so far: each has its own idempotency key. */
	private final AtomicLong next = new AtomicLong();

	private RedemptionLoad(Load load, List<String> lines) {
		this.load = load;
		for (String line : lines) {
			String[] f = line.split("\t");
			if (f[0].equals("M")) {
				this.shops.add(new Shop(f[1], f[2], f[3], f[4]));
			}
			else {
				this.volunteers.add(f[1]);
			}
		}
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		int warmupSeconds = Integer.parseInt(args[2]);
		int runs = Integer.parseInt(args[3]);
		int runSeconds = Integer.parseInt(args[4]);
		int threads = Integer.parseInt(args[5]);
		int sample = Integer.parseInt(args[6]);
		RedemptionLoad bench = new RedemptionLoad(new Load(port, threads * 2), lines.subList(3, lines.size()));
		System.out.printf("%d shops, %d volunteers; %d in flight; warm-up %d s, %d runs of %d s%n", bench.shops.size(),
				bench.volunteers.size(), threads, warmupSeconds, runs, runSeconds);
		long confirmed = 0;
		Load.Result warmup = bench.load.closedLoop("warm-up", threads, -1, warmupSeconds, i -> bench.redeem());
		System.out.println(warmup);
		confirmed += warmup.ok.sum();
		List<Map<String, Object>> results = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(lines.get(0), lines.get(1), lines.get(2))) {
			for (int run = 0; run < runs; run++) {
				List<String> backends = backends(db);
				long[] cpuBefore = cpu(backends);
				Load.Result result = bench.load.closedLoop("redemptions, flat out", threads, -1, runSeconds, i -> bench.redeem());
				long[] cpuAfter = cpu(backends);
				confirmed += result.ok.sum();
				int[] pairs = bench.doubleConfirm(sample);
				confirmed += pairs[2];
				long[] ledger = ledger(db);
				long mismatches = ledger[1] + ledger[2] + Math.abs(ledger[0] - confirmed);
				System.out.printf(Locale.ROOT, "--- run %d of %d%n%s%n", run + 1, runs, result);
				System.out.printf(Locale.ROOT,
						"  %d codes confirmed twice at once: %d with one confirmation won and the other refused CODE_ALREADY_USED%s%n",
						sample, pairs[0], pairs[1] > 0 ? " (" + pairs[1] + " with both won: WRONG)" : "");
				System.out.printf(Locale.ROOT,
						"  in PostgreSQL: %d codes redeemed (the driver saw %d confirmations), %d without exactly one transfer, %d unredeemed with one%s%n",
						ledger[0], confirmed, ledger[1], ledger[2], mismatches == 0 ? " (exactly once)" : " (WRONG)");
				double serverUs = perRedemption(cpuBefore[0], cpuAfter[0], result.ok.sum());
				double databaseUs = perRedemption(cpuBefore[1], cpuAfter[1], result.ok.sum());
				System.out.printf(Locale.ROOT, "  CPU per redemption (code request and confirmation): server %.0f us, PostgreSQL %.0f us%n",
						serverUs, databaseUs);
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("tps", result.perSecond());
				figures.put("p99_ms", result.p99());
				figures.put("errors_count", result.errors.sum());
				figures.put("double_confirm_refused_count", (long) pairs[0]);
				figures.put("ledger_mismatch_count", mismatches);
				if (!Double.isNaN(serverUs)) {
					figures.put("server_cpu_per_redemption_us", Math.round(serverUs));
				}
				if (!Double.isNaN(databaseUs)) {
					figures.put("database_cpu_per_redemption_us", Math.round(databaseUs));
				}
				results.add(figures);
			}
		}
		String targets = """
				[{"figure":"tps","op":">=","ratio_of":"pgbench_tps","value":0.5},
				 {"figure":"errors_count","op":"==","value":0},
				 {"figure":"double_confirm_refused_count","op":"==","value":%d},
				 {"figure":"ledger_mismatch_count","op":"==","value":0}]""".formatted(sample);
		Load.writeResult("redemption", String.format(Locale.ROOT,
				"%d shops, %d volunteers; code request then confirm over HTTP, %d in flight, %d s a run", bench.shops.size(),
				bench.volunteers.size(), threads, runSeconds), results, targets,
				"tps: confirmations/s; p99_ms: the confirmation alone (the code request before it is not timed); "
						+ "double_confirm_refused_count: of " + sample + " fresh codes confirmed twice at once, those with exactly one winner; "
						+ "ledger_mismatch_count: redeemed codes without exactly one transfer, unredeemed ones with one, and the "
						+ "difference from the confirmations seen; driver and server share the machine's cores, unpinned, as bench/location does");
		System.exit(0);
	}

	/** A volunteer asks for a code at a shop and its counter confirms it; returns when the confirmation was sent. */
	private long redeem() throws Exception {
		long i = this.next.getAndIncrement();
		Shop shop = this.shops.get((int) (i % this.shops.size()));
		String payload = requestCode(i, shop);
		long start = System.nanoTime();
		Load.ok(confirm(shop.counterToken(), shop, payload));
		return start;
	}

	private String requestCode(long i, Shop shop) throws Exception {
		String volunteer = this.volunteers.get((int) (i % this.volunteers.size()));
		String body = Load.ok(this.load.graphql(volunteer, REQUEST,
				"{\"i\":{\"offerId\":\"" + shop.offer() + "\",\"idempotencyKey\":\"bench-" + i + "-redemption\"}}"));
		String payload = Load.field(body, "qrPayload");
		if (payload == null) {
			throw new Load.Refused("NO_CODE");
		}
		return payload;
	}

	private String confirm(String token, Shop shop, String payload) throws Exception {
		return this.load.graphql(token, CONFIRM,
				"{\"i\":{\"code\":" + Load.quote(payload) + ",\"merchantId\":\"" + shop.merchant() + "\"}}");
	}

	/**
	 * Fresh codes, each confirmed by the shop's two staff at the same instant; returns how many had
	 * exactly one winner with the other refused CODE_ALREADY_USED, how many had two winners, and
	 * how many confirmations won in all.
	 */
	private int[] doubleConfirm(int sample) throws Exception {
		int[] outcome = new int[3];
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int n = 0; n < sample; n++) {
				long i = this.next.getAndIncrement();
				Shop shop = this.shops.get((int) (i % this.shops.size()));
				String payload = requestCode(i, shop);
				CountDownLatch go = new CountDownLatch(1);
				Future<String> a = pool.submit(() -> {
					go.await();
					return confirm(shop.counterToken(), shop, payload);
				});
				Future<String> b = pool.submit(() -> {
					go.await();
					return confirm(shop.checkerToken(), shop, payload);
				});
				go.countDown();
				String first = Load.refusal(a.get());
				String second = Load.refusal(b.get());
				int won = (first == null ? 1 : 0) + (second == null ? 1 : 0);
				outcome[2] += won;
				if (won == 1 && "CODE_ALREADY_USED".equals(first == null ? second : first)) {
					outcome[0]++;
				}
				else if (won == 2) {
					outcome[1]++;
				}
			}
		}
		finally {
			pool.shutdown();
		}
		return outcome;
	}

	/**
	 * The CPU time used so far by the server (its pid in {@code bench.server.pid}) and by these
	 * PostgreSQL backends, from /proc; -1 each when unknown. Unlike throughput, CPU per redemption
	 * hardly depends on what else the shared machine is doing.
	 */
	private static long[] cpu(List<String> backends) {
		return new long[] { cpuNanos(List.of(System.getProperty("bench.server.pid", ""))),
				backends.isEmpty() ? -1 : cpuNanos(backends) };
	}

	/** The PostgreSQL backends connected to the benchmark's database: the server's pool and this driver's connection. */
	private static List<String> backends(Connection db) {
		List<String> pids = new ArrayList<>();
		try (Statement q = db.createStatement();
				ResultSet rs = q.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
			while (rs.next()) {
				pids.add(Long.toString(rs.getLong(1)));
			}
		}
		catch (Exception ex) {
			pids.clear();
		}
		return pids;
	}

	/** The processes' user and system CPU time, or -1 when one cannot be read (gone, or another machine). */
	private static long cpuNanos(List<String> pids) {
		long ticks = 0;
		try {
			for (String pid : pids) {
				String stat = Files.readString(Path.of("/proc", pid, "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		catch (Exception ex) {
			return -1;
		}
		// the kernel's clock ticks are 100 a second on Linux
		return ticks * 10_000_000L;
	}

	private static double perRedemption(long before, long after, long redemptions) {
		return before < 0 || after < 0 || redemptions == 0 ? Double.NaN : (after - before) / 1e3 / redemptions;
	}

	/** Redeemed codes, redeemed codes without exactly one transfer of their hold, and other codes with one. */
	private static long[] ledger(Connection db) throws Exception {
		try (Statement q = db.createStatement();
				ResultSet rs = q.executeQuery("""
						SELECT count(*) FILTER (WHERE r.status = 'REDEEMED'),
						       count(*) FILTER (WHERE r.status = 'REDEEMED' AND t.n <> 1),
						       count(*) FILTER (WHERE r.status <> 'REDEEMED' AND t.n > 0)
						FROM redemption r CROSS JOIN LATERAL (
						  SELECT count(*) AS n FROM ledger_transfer t WHERE t.hold_id = r.hold_id AND t.kind = 'MERCHANT_REDEMPTION') AS t""")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
		}
	}

}
