package org.qibao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.qibao.bench.HttpDriver.Request;

/**
 * The load driver: many simulated phones, each with its own token and a real check-in (made by
 * BenchServer through the patrol module), send position reports to a running Qibao's /graphql,
 * and the same run measures {@code {__typename}} as the server's ceiling. The phones' tokens and
 * the instant their clocks start from are read from the file named by {@code bench.phones.file}.
 * Arguments: port [phones concurrency warmupSeconds phaseSeconds rate batchSize] (phones is how
 * many the server checked in; it is read from the file).
 */
public final class LocationLoad {

	/** At most this many paced requests in flight; more wait in line, and their wait counts. */
	private static final int PACED_CONNECTIONS = 128;

	/** How many turns the ceiling and the flat-out reports take. */
	private static final int SLICES = 5;

	private static final double[] CENTRE = { 114.3530, 30.5675 };

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final String[] tokens;

	/** Each phone's own clock: reports are 15 s apart in the phone's time, as a real phone's are. */
	private final AtomicLong[] steps;

	/**
	 * Just after the phones checked in, 23 hours back, so that their clocks stay in the past however
	 * fast the server takes their reports: 20,000 phones have 110 million reports before their clocks
	 * reach now.
	 */
	private final Instant firstFix;

	private LocationLoad(int port, Path phonesFile) throws Exception {
		this.endpoint = URI.create("http://localhost:" + port + "/graphql");
		List<String> lines = Files.readAllLines(phonesFile);
		this.firstFix = Instant.parse(lines.get(0));
		this.tokens = lines.subList(1, lines.size()).toArray(String[]::new);
		this.steps = new AtomicLong[this.tokens.length];
		// a later run against the same server starts its phones' clocks further on (bench.first.step),
		// so that its reports are newer than the last run's and are stored, not dropped as duplicates
		long firstStep = Long.getLong("bench.first.step", 0);
		Arrays.setAll(this.steps, i -> new AtomicLong(firstStep));
		if (this.tokens.length == 0) {
			throw new IllegalStateException("No bench phones in " + phonesFile);
		}
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int concurrency = arg(args, 2, 32);
		int warmup = arg(args, 3, 30);
		int phase = arg(args, 4, 20);
		int rate = arg(args, 5, 2000);
		int batch = arg(args, 6, 100);
		LocationLoad load = new LocationLoad(port, Path.of(System.getProperty("bench.phones.file")));
		int phones = load.tokens.length;
		System.out.printf("%d phones checked in; %d concurrent requests; warm-up %d s per kind, %d s per phase%n", phones,
				concurrency, warmup, phase);
		HttpDriver driver = new HttpDriver("127.0.0.1", port);
		driver.closedLoop("warm-up {__typename}", concurrency, warmup, load::trivial);
		driver.closedLoop("warm-up single reports", concurrency, warmup, load::single);
		driver.closedLoop("warm-up batches", concurrency / 4, Math.max(5, warmup / 3), i -> load.batch(i, batch));
		// The ceiling and the flat-out reports take turns, SLICES of each: on a shared host the
		// machine's speed drifts during a run, and between two long phases that drift would pass for
		// a difference between the requests.
		Result trivial = new Result("{__typename} (ceiling)");
		Result single = new Result("single reports, flat out");
		StringBuilder ratios = new StringBuilder();
		for (int slice = 0; slice < SLICES; slice++) {
			double trivialRate = sliceRate(trivial, () -> driver.closedLoop(trivial, concurrency, phase / SLICES, load::trivial));
			double singleRate = sliceRate(single, () -> driver.closedLoop(single, concurrency, phase / SLICES, load::single));
			ratios.append(String.format(Locale.ROOT, "%.0f%% ", 100 * singleRate / trivialRate));
		}
		// a paced load of its own before it is measured: its first seconds (more connections, more
		// request threads, code paths of the driver's not yet compiled) are not the steady state
		driver.fixedRate("warm-up single reports at " + rate + "/s", rate, PACED_CONNECTIONS, Math.max(5, warmup / 3),
				load::single);
		// the field's cadence: every phone once every 15 s
		int field = Math.max(1, phones / 15);
		Result cadence = driver.fixedRate("every phone every 15 s (" + field + "/s)", field, PACED_CONNECTIONS, phase,
				load::single);
		Result paced = driver.fixedRate("single reports at " + rate + "/s", rate, PACED_CONNECTIONS, phase, load::single);
		int sustainable = Math.max(1, (int) (single.perSecond() / 2));
		Result half = driver.fixedRate("single reports at " + sustainable + "/s", sustainable, PACED_CONNECTIONS, phase,
				load::single);
		Result batched = driver.closedLoop("batches of " + batch, Math.max(2, concurrency / 4), phase,
				i -> load.batch(i, batch));
		System.out.println();
		System.out.println(Result.HEADER);
		for (Result r : List.of(trivial, single, cadence, paced, half, batched)) {
			System.out.println(r);
		}
		System.out.printf(Locale.ROOT, "%nsingle reports / {__typename} throughput: %.0f%% (target >= 60%%)%n",
				100 * single.perSecond() / trivial.perSecond());
		System.out.println("  in each of the " + SLICES + " turns: " + ratios.toString().trim());
		System.out.printf(Locale.ROOT,
				"server CPU per request, {__typename} / single report: %.0f%% (the throughput ratio on an otherwise idle machine)%n",
				100 * trivial.serverCpuMicros() / single.serverCpuMicros());
		System.out.printf(Locale.ROOT, "at the field's cadence (%d phones every 15 s): p99 %.1f ms, achieved %.0f/s%n",
				phones, cadence.percentile(99), cadence.perSecond());
		System.out.printf(Locale.ROOT, "p99 at %d reports/s: %.1f ms (target < 50 ms); achieved %.0f/s%n", rate,
				paced.percentile(99), paced.perSecond());
		System.out.printf(Locale.ROOT,
				"  of which waiting in the driver to be sent, p99: %.1f ms (the driver's event loop late, or every connection busy)%n",
				paced.waitPercentile(99));
		System.out.println("  p99 of each 2 s of it, ms: " + paced.p99ByWindow(2));
		System.out.printf(Locale.ROOT, "  the driver's 1 ms clock ticked over 10 ms late %d times (longest gap %.0f ms)%n",
				paced.lateTicks, paced.longestTickGap / 1e6);
		System.out.printf(Locale.ROOT, "p99 at half the flat-out rate (%d reports/s): %.1f ms%n", sustainable,
				half.percentile(99));
		System.out.printf(Locale.ROOT, "batched positions/s: %.0f (target >= 100000)%n", batched.perSecond() * batch);
		load.printStoredAndDropped();
		System.exit(0);
	}

	/** Measures one slice into {@code result} and gives the slice's own throughput. */
	private static double sliceRate(Result result, Slice slice) throws Exception {
		long count = result.count.get();
		double elapsed = result.elapsed;
		slice.run();
		return (result.count.get() - count) / (result.elapsed - elapsed);
	}

	private interface Slice {

		void run() throws Exception;

	}

	private static int arg(String[] args, int index, int fallback) {
		return args.length > index ? Integer.parseInt(args[index]) : fallback;
	}

	/** What the server did with the reports, from its metrics: a benchmark of reports that were all dropped would flatter. */
	private void printStoredAndDropped() {
		try {
			HttpResponse<String> metrics = this.http.send(
					HttpRequest.newBuilder(this.endpoint.resolve("/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			double accepted = 0;
			double dropped = 0;
			for (String line : metrics.body().split("\n")) {
				if (line.startsWith("qibao_location_positions_accepted_total")) {
					accepted += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
				else if (line.startsWith("qibao_location_positions_dropped_total")) {
					dropped += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			System.out.printf(Locale.ROOT, "positions stored: %.0f, dropped by the filters: %.0f (%.2f%%)%n", accepted,
					dropped, 100 * dropped / Math.max(1, accepted + dropped));
		}
		catch (Exception ex) {
			System.out.println("positions stored and dropped: unknown (" + ex.getMessage() + ")");
		}
	}

	private Request trivial(long i) {
		return new Request(this.tokens[(int) (i % this.tokens.length)], "{\"query\":\"{__typename}\"}");
	}

	private Request single(long i) {
		int phone = (int) (i % this.tokens.length);
		return new Request(this.tokens[phone], "{\"query\":\"mutation($i: PositionReportInput!) { positionReport(input: $i) { accepted } }\","
				+ "\"variables\":{\"i\":" + position(phone) + "}}");
	}

	private Request batch(long i, int size) {
		int phone = (int) (i % this.tokens.length);
		StringBuilder reports = new StringBuilder();
		for (int n = 0; n < size; n++) {
			reports.append(n == 0 ? "" : ",").append(position(phone));
		}
		return new Request(this.tokens[phone], "{\"query\":\"mutation($i: PositionReportBatchInput!) { positionReportBatch(input: $i) { accepted } }\","
				+ "\"variables\":{\"i\":{\"reports\":[" + reports + "]}}}");
	}

	/** The phone's next position: a walk round a 50 m circle in DT-01, 15 s of phone time after the last. */
	private String position(int phone) {
		long step = this.steps[phone].getAndIncrement();
		double angle = step * 0.1 + phone;
		double lon = CENTRE[0] + 50 * Math.cos(angle) / 96_000;
		double lat = CENTRE[1] + 50 * Math.sin(angle) / 111_000;
		// concatenated, not String.format: the driver shares the machine's two cores with the server
		return "{\"position\":{\"longitude\":" + micro(lon) + ",\"latitude\":" + micro(lat)
				+ "},\"accuracy\":8,\"recordedAt\":\"" + this.firstFix.plusSeconds(15 * step) + "\"}";
	}

	/** Degrees to six decimals (about 10 cm), as a phone gives them. */
	private static double micro(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	/**
	 * The CPU time the server process has used so far (from /proc, when run.sh names the server's
	 * pid), or -1. CPU per request does not depend on what else the machine is doing, unlike
	 * throughput, so it compares phases fairly on a busy machine.
	 */
	static long serverCpuNanos() {
		String pid = System.getProperty("bench.server.pid");
		if (pid == null) {
			return -1;
		}
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS_PER_SECOND;
		}
		catch (java.io.IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	static final class Result {

		static final String HEADER = String.format(Locale.ROOT, "%-30s %10s %8s %8s %8s %8s %8s %12s %12s", "phase",
				"req/s", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "srv CPU us", "drv CPU us");

		final String name;

		private final long[] latencies = new long[4_000_000];

		/** How long each paced request waited, after it was due, to be sent: the driver's share of its latency. */
		private final long[] waits = new long[4_000_000];

		/** When each request was answered. */
		private final long[] answeredAt = new long[4_000_000];

		private final AtomicLong count = new AtomicLong();

		private final LongAdder errors = new LongAdder();

		/** Seconds measured. */
		double elapsed;

		/** Server CPU time used during the phase; negative when unknown. */
		long serverCpuNanos;

		/** The driver's own CPU time during the phase. */
		long driverCpuNanos;

		/** Paced phases: how often the driver's 1 ms clock ticked more than 10 ms after the last tick, and the longest gap. */
		long lateTicks;

		long longestTickGap;

		Result(String name) {
			this.name = name;
		}

		void record(boolean ok, long nanos, long waitedNanos) {
			long n = this.count.getAndIncrement();
			if (n < this.latencies.length) {
				this.latencies[(int) n] = nanos;
				this.waits[(int) n] = waitedNanos;
				this.answeredAt[(int) n] = System.nanoTime();
			}
			if (!ok) {
				this.errors.increment();
			}
		}

		double perSecond() {
			return this.count.get() / this.elapsed;
		}

		double percentile(double p) {
			return percentile(this.latencies, p);
		}

		/**
		 * The p99 latency of each {@code seconds}-long window of the phase, in milliseconds: shows
		 * whether the tail is spread over the phase or comes from a few stalls.
		 */
		String p99ByWindow(int seconds) {
			int n = (int) Math.min(this.count.get(), this.latencies.length);
			if (n == 0) {
				return "";
			}
			long start = this.answeredAt[0];
			long window = TimeUnit.SECONDS.toNanos(seconds);
			StringBuilder out = new StringBuilder();
			int from = 0;
			while (from < n) {
				long end = start + window;
				int to = from;
				while (to < n && this.answeredAt[to] < end) {
					to++;
				}
				long[] sorted = Arrays.copyOfRange(this.latencies, from, to);
				Arrays.sort(sorted);
				if (sorted.length > 0) {
					out.append(String.format(Locale.ROOT, "%.0f ",
							sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] / 1e6));
				}
				from = to;
				start = end;
			}
			return out.toString().trim();
		}

		double waitPercentile(double p) {
			return percentile(this.waits, p);
		}

		private double percentile(long[] values, double p) {
			int n = (int) Math.min(this.count.get(), values.length);
			if (n == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(values, n);
			Arrays.sort(sorted);
			return sorted[(int) Math.min(n - 1, Math.ceil(p / 100 * n) - 1)] / 1e6;
		}

		double driverCpuMicros() {
			long n = this.count.get();
			return (n == 0) ? Double.NaN : this.driverCpuNanos / 1e3 / n;
		}

		/** Server CPU microseconds per request, or NaN when unknown. */
		double serverCpuMicros() {
			long n = this.count.get();
			return (this.serverCpuNanos < 0 || n == 0) ? Double.NaN : this.serverCpuNanos / 1e3 / n;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%-30s %10.0f %8d %8.1f %8.1f %8.1f %8.1f %12.0f %12.0f", this.name,
					perSecond(), this.errors.sum(), percentile(50), percentile(95), percentile(99), percentile(100),
					serverCpuMicros(), driverCpuMicros());
		}

	}

}
