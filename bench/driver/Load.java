package org.qibao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of the check-in and redemption benchmarks: GraphQL over keep-alive HTTP/1.1,
 * each request with the person's own bearer token, from a fixed number of threads. An operation
 * may be more than one request (a redemption is a code request, then the confirmation at the
 * counter) and says when its measured part began. Two shapes: a closed loop (as fast as the server
 * answers, one operation in flight per thread) and a paced one (operations fall due at given
 * instants; latency counts from when an operation was due, so a stall is not hidden, and how late
 * the driver was to hand each operation to a thread is reported as its own lateness).
 */
final class Load {

	/** One operation: runs it and returns the {@link System#nanoTime()} at which its measured part began. */
	interface Operation {

		long run(long index) throws Exception;

	}

	/** An operation that did not do what it should; counted as an error, not timed. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	private static final Pattern USER_ERROR_CODE = Pattern.compile("\"userErrors\":\\[\\{[^}]*?\"code\":\"([A-Z_]+)\"");

	private final HttpClient http;

	private final URI endpoint;

	Load(int port, int threads) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(Math.max(2, threads / 8)))
			.build();
	}

	/** Posts a GraphQL document with its variables (JSON) as the token's holder; returns the body. */
	String graphql(String token, String query, String variablesJson) throws Exception {
		String body = "{\"query\":" + quote(query) + ",\"variables\":" + variablesJson + "}";
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new Refused("HTTP " + response.statusCode());
		}
		return response.body();
	}

	/** The body if the request succeeded: no GraphQL error and no user error; otherwise Refused with the code. */
	static String ok(String body) throws Refused {
		if (body.contains("\"errors\"")) {
			Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
			throw new Refused(code.find() ? code.group(1) : "GRAPHQL_ERROR");
		}
		Matcher userError = USER_ERROR_CODE.matcher(body);
		if (userError.find()) {
			throw new Refused(userError.group(1));
		}
		return body;
	}

	/** The code of the first user error or GraphQL error of the body, or null when there is none. */
	static String refusal(String body) {
		try {
			ok(body);
			return null;
		}
		catch (Refused refused) {
			return refused.getMessage();
		}
	}

	/** A string field of the body, e.g. {@code "qrPayload"}, or null. */
	static String field(String body, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
		return m.find() ? m.group(1) : null;
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
	}

	/**
	 * Operations {@code 0 .. count-1} (or as many as fit in {@code seconds} when count is negative)
	 * as fast as the server answers, {@code threads} in flight.
	 */
	Result closedLoop(String name, int threads, long count, int seconds, Operation operation) throws Exception {
		Result result = new Result(name, count > 0 ? count : 4_000_000);
		AtomicLong next = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(pool.submit(() -> {
				while (true) {
					long i = next.getAndIncrement();
					if ((count > 0 && i >= count) || (count <= 0 && System.nanoTime() >= end)) {
						return;
					}
					result.time(operation, i, -1, 0);
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		result.elapsedNanos = System.nanoTime() - started;
		pool.shutdown();
		return result;
	}

	/**
	 * Operation {@code i} falls due at {@code startedAt + dueOffsets[i]}; up to {@code threads} in
	 * flight, the rest wait in line and their wait counts in their latency (not in the driver's
	 * lateness, which is how late it was to put them in line).
	 */
	Result paced(String name, int threads, long[] dueOffsets, Operation operation) throws Exception {
		Result result = new Result(name, dueOffsets.length);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long startedAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		List<Future<?>> sent = new ArrayList<>(dueOffsets.length);
		for (int i = 0; i < dueOffsets.length; i++) {
			long due = startedAt + dueOffsets[i];
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			long index = i;
			// how late the driver itself was to hand the operation over; a wait for a free thread
			// after that is the server's doing (every thread busy) and counts in the latency only
			long late = System.nanoTime() - due;
			sent.add(pool.submit(() -> result.time(operation, index, due, late)));
		}
		for (Future<?> f : sent) {
			f.get();
		}
		result.elapsedNanos = System.nanoTime() - startedAt;
		pool.shutdown();
		return result;
	}

	/** What a phase measured. */
	static final class Result {

		final String name;

		private final long[] latencies;

		private final long[] lateness;

		private final AtomicLong timed = new AtomicLong();

		final LongAdder ok = new LongAdder();

		final LongAdder errors = new LongAdder();

		/** How often each refusal came, to say why a run failed. */
		final Map<String, LongAdder> refusals = new java.util.concurrent.ConcurrentHashMap<>();

		long elapsedNanos;

		Result(String name, long capacity) {
			this.name = name;
			this.latencies = new long[(int) Math.min(capacity, 4_000_000)];
			this.lateness = new long[this.latencies.length];
		}

		void time(Operation operation, long index, long due, long late) {
			try {
				long measuredFrom = operation.run(index);
				long end = System.nanoTime();
				long n = this.timed.getAndIncrement();
				if (n < this.latencies.length) {
					this.latencies[(int) n] = end - (due >= 0 ? due : measuredFrom);
					this.lateness[(int) n] = late;
				}
				this.ok.increment();
			}
			catch (Exception ex) {
				this.errors.increment();
				String why = ex instanceof Refused ? ex.getMessage() : ex.getClass().getSimpleName();
				this.refusals.computeIfAbsent(why, k -> new LongAdder()).increment();
			}
		}

		double perSecond() {
			return this.ok.sum() / (this.elapsedNanos / 1e9);
		}

		double p99() {
			return percentile(this.latencies, 99);
		}

		double p50() {
			return percentile(this.latencies, 50);
		}

		double lateP99() {
			return percentile(this.lateness, 99);
		}

		double max() {
			return percentile(this.latencies, 100);
		}

		private double percentile(long[] values, double p) {
			int n = (int) Math.min(this.timed.get(), values.length);
			if (n == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(values, n);
			Arrays.sort(sorted);
			return sorted[(int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100 * n) - 1))] / 1e6;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%-34s %8d ok %6d errors %9.1f/s  p50 %7.1f  p99 %7.1f  max %7.1f ms  driver late p99 %6.1f ms%s",
					this.name, this.ok.sum(), this.errors.sum(), perSecond(), p50(), p99(), max(), lateP99(),
					this.refusals.isEmpty() ? "" : "  refusals " + this.refusals);
		}

	}

	/** Writes the convention's result object ({@code BENCH_RESULT}) when the variable is set. */
	static void writeResult(String path, String workload, List<Map<String, Object>> runs, String targets, String notes)
			throws IOException {
		String file = System.getenv("BENCH_RESULT");
		if (file == null || file.isBlank()) {
			return;
		}
		StringBuilder json = new StringBuilder("{\"path\":").append(quote(path))
			.append(",\"workload\":").append(quote(workload))
			.append(",\"runs\":[");
		for (int r = 0; r < runs.size(); r++) {
			json.append(r == 0 ? "{" : ",{");
			int f = 0;
			for (Map.Entry<String, Object> figure : runs.get(r).entrySet()) {
				Object v = figure.getValue();
				String value = (v instanceof Double d && !Double.isFinite(d)) ? "null"
						: (v instanceof Double d) ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(v);
				json.append(f++ == 0 ? "" : ",").append(quote(figure.getKey())).append(':').append(value);
			}
			json.append('}');
		}
		json.append("],\"targets\":").append(targets).append(",\"notes\":").append(quote(notes)).append("}\n");
		Files.writeString(Path.of(file), json);
	}

}
