package org.qibao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The live fan-out driver: watchers (grid workers and captains) hold real graphql-ws
 * subscriptions to {@code livePatrollerUpdates} on two Qibao instances, the web client's own
 * document, while phones report positions through the {@code positionReport} mutation at a fixed
 * rate, each phone every 15 s, to both instances in turn. Every report's {@code recordedAt} is the
 * phone's clock when it was sent, so each update a watcher receives names the report it carries
 * (account + recordedAt); the driver knows when that report was sent, whether it was accepted,
 * and which watchers may see it (the grid workers of its grid and the captains of its team).
 *
 * <p>System properties: {@code bench.ports} (two, comma-separated), {@code bench.file} (written
 * by {@link LiveFanoutServer}), {@code bench.rate} (reports/s in all), {@code bench.warmup},
 * {@code bench.runs}, {@code bench.run.seconds}, {@code bench.grace} (seconds to wait for the last
 * deliveries), {@code bench.result} (JSON file, optional), {@code bench.server.pids}.
 */
public final class LiveFanout {

	/** At most this many reports in flight to each instance; more wait in line, and their wait counts. */
	private static final int CONNECTIONS_PER_INSTANCE = 64;

	private static final long LATE_TICK = TimeUnit.MILLISECONDS.toNanos(10);

	/** The p99 the fan-out should meet, from a report's send to its delivery. */
	static final double TARGET_P99_MS = 250;

	static final String SUBSCRIPTION = "subscription LivePatrollerUpdatesOfCommunity($communityId: ID!) {"
			+ " livePatrollerUpdates(communityId: $communityId) { left patroller { checkInId account { id displayName }"
			+ " grid { id code } position { longitude latitude } accuracy recordedAt insidePatrolArea } } }";

	record Phone(int index, String accountId, String token, int cell, String community, double lon, double lat) {
	}

	record Watcher(int index, String accountId, String token, int cell, String community, String kind, int slot) {
	}

	/** One position report: when it fell due, was sent and answered, and when each watcher of its grid had it. */
	static final class Report {

		final int phone;

		final int run;

		final long due;

		long sent;

		long recordedAt;

		volatile long answered;

		/** 1 accepted, 0 answered otherwise, -1 no answer. */
		volatile int accepted = -1;

		/** When each watcher of the report's grid (by slot) received it, or 0. */
		final long[] receivedAt;

		int receivedCount;

		Report(int phone, int run, long due, int watchers) {
			this.phone = phone;
			this.run = run;
			this.due = due;
			this.receivedAt = new long[watchers];
		}

	}

	private final Phone[] phones;

	private final Watcher[] watchers;

	/** Watchers per grid (cell). */
	private final int[] watchersOfCell;

	private final Map<String, Integer> phoneByAccount = new HashMap<>();

	private final ConcurrentHashMap<Long, Report> reports = new ConcurrentHashMap<>();

	private final AtomicLong unexpected = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicLong stray = new AtomicLong();

	private final AtomicLong subscriptionErrors = new AtomicLong();

	/**
	 * Set when the grace period is over: later deliveries and answers are not counted, so that every
	 * figure of a run describes the same moment (on a busy host answers and updates keep coming).
	 */
	private volatile boolean closed;

	private final AtomicReference<String> firstProblem = new AtomicReference<>();

	private LiveFanout(Path file) throws IOException {
		List<Phone> p = new ArrayList<>();
		List<String[]> w = new ArrayList<>();
		int cells = 0;
		for (String line : Files.readAllLines(file)) {
			String[] f = line.split(" ");
			if (f[0].equals("P")) {
				p.add(new Phone(p.size(), f[1], f[2], Integer.parseInt(f[3]), f[4], Double.parseDouble(f[5]),
						Double.parseDouble(f[6])));
				cells = Math.max(cells, Integer.parseInt(f[3]) + 1);
			}
			else if (f[0].equals("W")) {
				w.add(f);
				cells = Math.max(cells, Integer.parseInt(f[3]) + 1);
			}
		}
		this.phones = p.toArray(Phone[]::new);
		this.watchersOfCell = new int[cells];
		this.watchers = new Watcher[w.size()];
		for (int i = 0; i < w.size(); i++) {
			String[] f = w.get(i);
			int cell = Integer.parseInt(f[3]);
			this.watchers[i] = new Watcher(i, f[1], f[2], cell, f[4], f[5], this.watchersOfCell[cell]++);
		}
		for (Phone phone : this.phones) {
			this.phoneByAccount.put(phone.accountId(), phone.index());
		}
		if (this.phones.length == 0 || this.watchers.length == 0) {
			throw new IllegalStateException("No phones or watchers in " + file);
		}
	}

	public static void main(String[] args) throws Exception {
		int[] ports = Arrays.stream(System.getProperty("bench.ports").split(",")).mapToInt(Integer::parseInt).toArray();
		LiveFanout fanout = new LiveFanout(Path.of(System.getProperty("bench.file")));
		int rate = Integer.getInteger("bench.rate", 1000);
		int warmup = Integer.getInteger("bench.warmup", 60);
		int runs = Integer.getInteger("bench.runs", 3);
		int runSeconds = Integer.getInteger("bench.run.seconds", 30);
		int grace = Integer.getInteger("bench.grace", 10);
		double cadence = (double) fanout.phones.length / rate;
		System.out.printf(Locale.ROOT,
				"%d phones (each every %.1f s), %d watchers on %d grids, %d reports/s to ports %s; warm-up %d s, %d runs of %d s%n",
				fanout.phones.length, cadence, fanout.watchers.length, fanout.watchersOfCell.length, rate,
				Arrays.toString(ports), warmup, runs, runSeconds);
		if (cadence < 6) {
			System.out.println("WARNING: phones report less than 6 s apart; reports within 5 s of the last are coalesced");
		}
		ExecutorService listeners = Executors.newFixedThreadPool(2, r -> {
			Thread t = new Thread(r, "watchers");
			t.setDaemon(true);
			return t;
		});
		HttpClient ws = HttpClient.newBuilder().executor(listeners).build();
		List<WebSocket> sockets = fanout.subscribeAll(ws, ports);
		// the server starts a subscription a moment after its subscribe message; the warm-up covers that
		Sender sender = new Sender(fanout, ports, rate, warmup, runs, runSeconds);
		sender.run();
		fanout.awaitDeliveries(sender, grace);
		fanout.closed = true;
		// a delivery or answer being recorded as the books closed has finished by now
		Thread.sleep(100);
		List<String> runJson = new ArrayList<>();
		System.out.println();
		for (int run = 0; run < runs; run++) {
			runJson.add(fanout.summarise(sender, run, runSeconds));
		}
		long idle = Arrays.stream(fanout.watchers).filter(w -> !fanout.heard[w.index()]).count();
		System.out.printf("watchers that received nothing: %d of %d; updates for a grid the watcher does not watch: %d;"
				+ " duplicates: %d; updates matching no report the driver sent (check-in positions): %d; subscription errors: %d%n",
				idle, fanout.watchers.length, fanout.unexpected.get(), fanout.duplicates.get(), fanout.stray.get(),
				fanout.subscriptionErrors.get());
		if (fanout.firstProblem.get() != null) {
			System.out.println("first problem: " + fanout.firstProblem.get());
		}
		String result = System.getProperty("bench.result", "");
		if (!result.isEmpty()) {
			String json = String.format(Locale.ROOT, """
					{"path": "live fan-out", "workload": "2 instances, %d live-map watchers (grid workers and captains, %d grids of %d communities), %d phones every %.0f s = %d positionReport/s sent to both instances in turn, %d s runs",
					 "runs": [%s],
					 "targets": [{"figure": "delivery_p99_ms", "op": "<", "value": %.0f}, {"figure": "lost_count", "op": "<=", "value": 0}],
					 "notes": "delivery latency from when the report was sent (it is accepted after that, so an upper bound); lost = an accepted report not received within %d s by a subscriber allowed to see it (the live map does not coalesce updates); updates to watchers of other grids: %d, duplicates: %d, subscription errors: %d; driver and both servers share the machine's cores"}
					""", fanout.watchers.length, fanout.watchersOfCell.length, Integer.getInteger("bench.communities", 0),
					fanout.phones.length, cadence, rate, runSeconds, String.join(", ", runJson), TARGET_P99_MS, grace,
					fanout.unexpected.get(), fanout.duplicates.get(), fanout.subscriptionErrors.get());
			Files.writeString(Path.of(result), json);
		}
		sockets.forEach(s -> s.abort());
		sender.close();
		System.exit(0);
	}

	/** Whether each watcher has received anything at all. */
	private boolean[] heard;

	/** Opens every watcher's WebSocket to its instance (alternately), and subscribes once acknowledged. */
	private List<WebSocket> subscribeAll(HttpClient client, int[] ports) throws Exception {
		this.heard = new boolean[this.watchers.length];
		CountDownLatch acknowledged = new CountDownLatch(this.watchers.length);
		List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
		for (Watcher watcher : this.watchers) {
			URI uri = URI.create("ws://127.0.0.1:" + ports[watcher.index() % ports.length] + "/graphql");
			opening.add(client.newWebSocketBuilder()
				.subprotocols("graphql-transport-ws")
				.buildAsync(uri, new Subscriber(watcher, acknowledged)));
		}
		List<WebSocket> sockets = new ArrayList<>();
		for (CompletableFuture<WebSocket> f : opening) {
			sockets.add(f.get(60, TimeUnit.SECONDS));
		}
		if (!acknowledged.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException(acknowledged.getCount() + " watchers were not acknowledged");
		}
		System.out.println(this.watchers.length + " watchers subscribed");
		return sockets;
	}

	/** A watcher's graphql-ws connection: init with the bearer token, subscribe, and time each update. */
	private final class Subscriber implements WebSocket.Listener {

		private final Watcher watcher;

		private final CountDownLatch acknowledged;

		private final StringBuilder text = new StringBuilder();

		/** Sends on a WebSocket must not overlap. */
		private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

		Subscriber(Watcher watcher, CountDownLatch acknowledged) {
			this.watcher = watcher;
			this.acknowledged = acknowledged;
		}

		private synchronized void send(WebSocket socket, String message) {
			this.sending = this.sending.thenCompose(ignored -> socket.sendText(message, true));
		}

		@Override
		public void onOpen(WebSocket socket) {
			send(socket, "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + this.watcher.token()
					+ "\"}}");
			socket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			long now = System.nanoTime();
			this.text.append(data);
			if (last) {
				String message = this.text.toString();
				this.text.setLength(0);
				received(socket, message, now);
			}
			socket.request(1);
			return null;
		}

		private void received(WebSocket socket, String message, long now) {
			if (message.contains("\"type\":\"next\"")) {
				delivered(this.watcher, message, now);
			}
			else if (message.contains("\"type\":\"connection_ack\"")) {
				send(socket, "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + SUBSCRIPTION
						+ "\",\"variables\":{\"communityId\":\"" + this.watcher.community() + "\"}}}");
				this.acknowledged.countDown();
			}
			else if (message.contains("\"type\":\"ping\"")) {
				send(socket, "{\"type\":\"pong\"}");
			}
			else if (!message.contains("\"type\":\"pong\"")) {
				subscriptionErrors.incrementAndGet();
				firstProblem.compareAndSet(null, "watcher " + this.watcher.index() + ": " + message);
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
			subscriptionErrors.incrementAndGet();
			firstProblem.compareAndSet(null, "watcher " + this.watcher.index() + " closed: " + status + " " + reason);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			subscriptionErrors.incrementAndGet();
			firstProblem.compareAndSet(null, "watcher " + this.watcher.index() + ": " + error);
		}

	}

	/** An update reached a watcher: finds its report by the patroller's account and the report's recordedAt. */
	void delivered(Watcher watcher, String message, long now) {
		if (this.closed) {
			return;
		}
		this.heard[watcher.index()] = true;
		if (message.contains("\"left\":true")) {
			return;
		}
		String account = between(message, "\"account\":{\"id\":\"");
		String recordedAt = between(message, "\"recordedAt\":\"");
		Integer phone = account == null ? null : this.phoneByAccount.get(account);
		if (phone == null || recordedAt == null) {
			this.stray.incrementAndGet();
			return;
		}
		Report report = this.reports.get(key(phone, OffsetDateTime.parse(recordedAt).toInstant().toEpochMilli()));
		if (report == null) {
			// the check-in's own position, or a report of before the watcher subscribed
			this.stray.incrementAndGet();
			return;
		}
		if (this.phones[phone].cell() != watcher.cell()) {
			this.unexpected.incrementAndGet();
			firstProblem.compareAndSet(null, "watcher " + watcher.index() + " of grid " + watcher.cell()
					+ " received a patroller of grid " + this.phones[phone].cell());
			return;
		}
		synchronized (report) {
			if (report.receivedAt[watcher.slot()] != 0) {
				this.duplicates.incrementAndGet();
			}
			else {
				report.receivedAt[watcher.slot()] = now;
				report.receivedCount++;
			}
		}
	}

	private static String between(String text, String prefix) {
		int start = text.indexOf(prefix);
		if (start < 0) {
			return null;
		}
		start += prefix.length();
		int end = text.indexOf('"', start);
		return end < 0 ? null : text.substring(start, end);
	}

	static long key(int phone, long recordedAtMillis) {
		return ((long) phone << 41) | recordedAtMillis;
	}

	/** Waits until every accepted measured report reached every watcher of its grid, or {@code grace} seconds. */
	private void awaitDeliveries(Sender sender, int grace) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(grace);
		while (System.nanoTime() < end) {
			long missing = 0;
			for (List<Report> run : sender.runs) {
				for (Report r : run) {
					if (r.accepted == 1) {
						synchronized (r) {
							missing += r.receivedAt.length - r.receivedCount;
						}
					}
				}
			}
			if (missing == 0) {
				return;
			}
			Thread.sleep(200);
		}
	}

	private String summarise(Sender sender, int run, int runSeconds) {
		List<Report> reports = sender.runs.get(run);
		long accepted = 0;
		long refused = 0;
		long unanswered = 0;
		long expected = 0;
		long received = 0;
		long[] fromSend = new long[0];
		long[] fromAnswer = new long[0];
		long[] lateness = new long[reports.size()];
		long[] answers = new long[reports.size()];
		int n = 0;
		int a = 0;
		List<long[]> sends = new ArrayList<>();
		List<long[]> answered = new ArrayList<>();
		long unsent = 0;
		for (Report r : reports) {
			if (r.sent == 0) {
				unsent++;
			}
			lateness[a] = r.sent == 0 ? Long.MAX_VALUE : r.sent - r.due;
			answers[a++] = r.answered == 0 ? Long.MAX_VALUE : r.answered - r.due;
			if (r.accepted == 1) {
				accepted++;
				expected += r.receivedAt.length;
				synchronized (r) {
					received += r.receivedCount;
					long[] s = new long[r.receivedCount];
					long[] f = new long[r.receivedCount];
					int k = 0;
					for (long at : r.receivedAt) {
						if (at != 0) {
							s[k] = at - r.sent;
							f[k++] = at - r.answered;
						}
					}
					sends.add(s);
					answered.add(f);
					n += k;
				}
			}
			else if (r.accepted == 0) {
				refused++;
			}
			else {
				unanswered++;
			}
		}
		fromSend = flatten(sends, n);
		fromAnswer = flatten(answered, n);
		Arrays.sort(fromSend);
		Arrays.sort(fromAnswer);
		Arrays.sort(lateness);
		Arrays.sort(answers);
		long lost = expected - received;
		// each phone's newest accepted report of the run: what a watcher's map shows at the end of it
		Map<Integer, Report> latest = new HashMap<>();
		for (Report r : reports) {
			if (r.accepted == 1) {
				latest.merge(r.phone, r, (x, y) -> y.recordedAt > x.recordedAt ? y : x);
			}
		}
		long latestLost = 0;
		for (Report r : latest.values()) {
			synchronized (r) {
				latestLost += r.receivedAt.length - r.receivedCount;
			}
		}
		double perSecond = (double) reports.size() / runSeconds;
		System.out.printf(Locale.ROOT,
				"--- run %d: %d reports due (%.0f/s), %d accepted, %d refused, %d unanswered (of which %d never sent)%n",
				run + 1, reports.size(), perSecond, accepted, refused, unanswered, unsent);
		System.out.printf(Locale.ROOT,
				"  deliveries expected %d, received %d, lost %d; delivery from send p50 %.1f ms, p99 %.1f ms, max %.1f ms"
						+ " (target p99 < %.0f ms)%n",
				expected, received, lost, ms(fromSend, 50), ms(fromSend, 99), ms(fromSend, 100), TARGET_P99_MS);
		System.out.printf(Locale.ROOT, "  of which a phone's newest position of the run (what the map shows at its end): %d lost%n",
				latestLost);
		System.out.printf(Locale.ROOT, "  delivery after the phone's answer p50 %.1f ms, p99 %.1f ms (negative: before it)%n",
				ms(fromAnswer, 50), ms(fromAnswer, 99));
		System.out.printf(Locale.ROOT, "  report answered p50 %.1f ms, p99 %.1f ms (from when due)%n", ms(answers, 50),
				ms(answers, 99));
		System.out.printf(Locale.ROOT, "  driver lateness (sent after due) p50 %.1f ms, p99 %.1f ms, max %.1f ms; its 1 ms"
				+ " clock ticked over 10 ms late %d times (longest %.0f ms)%n", ms(lateness, 50), ms(lateness, 99),
				ms(lateness, 100), sender.lateTicks[run], sender.longestTick[run] / 1e6);
		long serverCpu = sender.serverCpuAtStart[run] < 0 || sender.serverCpuAtEnd[run] <= 0 ? -1
				: sender.serverCpuAtEnd[run] - sender.serverCpuAtStart[run];
		long driverCpu = sender.driverCpuAtEnd[run] - sender.driverCpuAtStart[run];
		double serverUs = serverCpu < 0 || reports.isEmpty() ? Double.NaN : serverCpu / 1e3 / reports.size();
		double driverUs = reports.isEmpty() ? Double.NaN : driverCpu / 1e3 / reports.size();
		System.out.printf(Locale.ROOT, "  CPU per report sent: both servers %.0f us (%.0f us per delivery received), driver %.0f us%n",
				serverUs, received == 0 ? Double.NaN : serverCpu / 1e3 / received, driverUs);
		return String.format(Locale.ROOT,
				"{\"server_cpu_per_report_us\": %s, \"driver_cpu_per_report_us\": %s, \"delivery_p50_ms\": %s,"
						+ " \"delivery_p99_ms\": %s, \"delivery_max_ms\": %s, \"lost_count\": %s, \"latest_lost_count\": %s,"
						+ " \"expected_count\": %d, \"received_count\": %d, \"reports_per_s\": %s, \"refused_count\": %d,"
						+ " \"unanswered_count\": %d, \"report_p99_ms\": %s, \"driver_late_p99_ms\": %s}",
				json(serverUs, 0), json(driverUs, 0), json(ms(fromSend, 50), 1), json(ms(fromSend, 99), 1),
				json(ms(fromSend, 100), 1), json(accepted == 0 ? Double.NaN : lost, 0),
				json(accepted == 0 ? Double.NaN : latestLost, 0), expected, received, json(perSecond, 1), refused, unanswered,
				json(ms(answers, 99), 1), json(ms(lateness, 99), 1));
	}

	/** A number for JSON: null when there is none (no deliveries, no answer, nothing accepted to lose). */
	private static String json(double value, int decimals) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "null";
	}

	private static long[] flatten(List<long[]> parts, int n) {
		long[] all = new long[n];
		int i = 0;
		for (long[] part : parts) {
			System.arraycopy(part, 0, all, i, part.length);
			i += part.length;
		}
		return all;
	}

	/** The percentile of sorted nanoseconds, in milliseconds (NaN when empty, infinite when unanswered). */
	private static double ms(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		long v = sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1))];
		return v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v / 1e6;
	}

	/**
	 * Sends the reports at a fixed rate from a single Netty event loop over keep-alive HTTP/1.1
	 * connections, one request in flight on each (as bench/location's driver does: it shares the
	 * machine's cores with the servers). Report k falls due k / rate seconds after the start and
	 * belongs to phone k mod phones, so each phone reports every phones / rate seconds; a phone's
	 * reports go to the instances in turn.
	 */
	static final class Sender implements AutoCloseable {

		private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
				Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());

		private final EventLoop loop = this.group.next();

		private final LiveFanout fanout;

		private final Instance[] instances;

		private final long interval;

		private final long total;

		private final long warmupNanos;

		private final long runNanos;

		final List<List<Report>> runs = new ArrayList<>();

		final long[] lateTicks;

		/** Both servers' CPU time (from /proc) and the driver's own, at the start and end of each run. */
		final long[] serverCpuAtStart;

		final long[] serverCpuAtEnd;

		final long[] driverCpuAtStart;

		final long[] driverCpuAtEnd;

		final long[] longestTick;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private long startedAt;

		private long sequence;

		private long lastTick;

		private ScheduledFuture<?> ticks;

		private final AtomicInteger inFlight = new AtomicInteger();

		Sender(LiveFanout fanout, int[] ports, int rate, int warmup, int runs, int runSeconds) {
			this.fanout = fanout;
			this.interval = TimeUnit.SECONDS.toNanos(1) / rate;
			this.warmupNanos = TimeUnit.SECONDS.toNanos(warmup);
			this.runNanos = TimeUnit.SECONDS.toNanos(runSeconds);
			this.total = (this.warmupNanos + runs * this.runNanos) / this.interval;
			for (int r = 0; r < runs; r++) {
				this.runs.add(new ArrayList<>());
			}
			this.lateTicks = new long[runs];
			this.serverCpuAtStart = new long[runs];
			this.serverCpuAtEnd = new long[runs];
			this.driverCpuAtStart = new long[runs];
			this.driverCpuAtEnd = new long[runs];
			this.longestTick = new long[runs];
			this.instances = Arrays.stream(ports).mapToObj(Instance::new).toArray(Instance[]::new);
		}

		void run() throws Exception {
			this.loop.execute(() -> {
				this.startedAt = System.nanoTime();
				this.ticks = this.loop.scheduleAtFixedRate(this::release, 0, 1, TimeUnit.MILLISECONDS);
			});
			// a report never answered must not hold the benchmark up: after the stream and a minute
			// more, what is still unanswered counts as such
			long stream = (this.warmupNanos + this.runs.size() * this.runNanos) / 1_000_000;
			try {
				this.done.get(stream + 60_000, TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				System.out.println("WARNING: " + this.inFlight.get() + " reports still unanswered a minute after the last fell due");
			}
		}

		/** Once a millisecond: puts every report that has fallen due in its instance's line and sends what it can. */
		private void release() {
			long now = System.nanoTime();
			int currentRun = runOf(now);
			if (currentRun >= 0 && this.serverCpuAtStart[currentRun] == 0) {
				this.serverCpuAtStart[currentRun] = serversCpuNanos();
				this.driverCpuAtStart[currentRun] = ownCpuNanos();
				if (currentRun > 0) {
					this.serverCpuAtEnd[currentRun - 1] = this.serverCpuAtStart[currentRun];
					this.driverCpuAtEnd[currentRun - 1] = this.driverCpuAtStart[currentRun];
				}
			}
			if (this.lastTick != 0 && now - this.lastTick > LATE_TICK && currentRun >= 0) {
				this.lateTicks[currentRun]++;
				this.longestTick[currentRun] = Math.max(this.longestTick[currentRun], now - this.lastTick);
			}
			this.lastTick = now;
			Phone[] phones = this.fanout.phones;
			while (this.sequence < this.total && this.startedAt + this.sequence * this.interval <= now) {
				long k = this.sequence++;
				int phone = (int) (k % phones.length);
				long due = this.startedAt + k * this.interval;
				Report report = new Report(phone, runOf(due), due, this.fanout.watchersOfCell[phones[phone].cell()]);
				this.instances[(int) ((phone + k / phones.length) % this.instances.length)].waiting.add(report);
				if (report.run >= 0) {
					this.runs.get(report.run).add(report);
				}
			}
			for (Instance instance : this.instances) {
				instance.pump();
			}
			if (this.sequence >= this.total) {
				// the last run ends with its last report's release
				this.serverCpuAtEnd[this.runs.size() - 1] = serversCpuNanos();
				this.driverCpuAtEnd[this.runs.size() - 1] = ownCpuNanos();
				this.ticks.cancel(false);
				finishIfDone();
			}
		}

		/** The measured run a moment belongs to, or -1 during the warm-up. */
		private int runOf(long nanos) {
			long since = nanos - this.startedAt - this.warmupNanos;
			return since < 0 ? -1 : (int) Math.min(this.runs.size() - 1, since / this.runNanos);
		}

		private void finishIfDone() {
			if (this.sequence >= this.total && this.inFlight.get() == 0
					&& Arrays.stream(this.instances).allMatch(i -> i.waiting.isEmpty())) {
				this.done.complete(null);
			}
		}

		private String body(Report report) {
			Phone phone = this.fanout.phones[report.phone];
			// a walk round a 50 m circle at the grid's centre, as bench/location's phones walk
			double angle = (report.recordedAt / 15_000) * 0.1 + report.phone;
			double lon = Math.round((phone.lon() + 50 * Math.cos(angle) / 96_000) * 1e6) / 1e6;
			double lat = Math.round((phone.lat() + 50 * Math.sin(angle) / 111_000) * 1e6) / 1e6;
			return "{\"query\":\"mutation($i: PositionReportInput!) { positionReport(input: $i) { accepted } }\","
					+ "\"variables\":{\"i\":{\"position\":{\"longitude\":" + lon + ",\"latitude\":" + lat
					+ "},\"accuracy\":8,\"recordedAt\":\"" + java.time.Instant.ofEpochMilli(report.recordedAt) + "\"}}}";
		}

		@Override
		public void close() {
			this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
		}

		/** One Qibao instance: its connections and the reports waiting for one. */
		private final class Instance {

			final ArrayDeque<Report> waiting = new ArrayDeque<>();

			final ArrayDeque<Connection> idle = new ArrayDeque<>();

			final Bootstrap bootstrap;

			final String host;

			int opened;

			Instance(int port) {
				this.host = "127.0.0.1:" + port;
				this.bootstrap = new Bootstrap().group(Sender.this.loop)
					.channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
					.option(ChannelOption.TCP_NODELAY, true)
					.remoteAddress(new InetSocketAddress("127.0.0.1", port))
					.handler(new ChannelInitializer<SocketChannel>() {
						@Override
						protected void initChannel(SocketChannel channel) {
							channel.pipeline()
								.addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Connection(Instance.this));
						}
					});
			}

			void pump() {
				while (!this.waiting.isEmpty()) {
					Connection connection = this.idle.poll();
					if (connection == null) {
						if (this.opened < CONNECTIONS_PER_INSTANCE) {
							this.opened++;
							this.bootstrap.connect().addListener(connected -> {
								if (!connected.isSuccess()) {
									this.opened--;
									Sender.this.fanout.firstProblem.compareAndSet(null, "connect: " + connected.cause());
								}
							});
						}
						return;
					}
					connection.send(this.waiting.poll());
				}
			}

		}

		/** A keep-alive connection with one report in flight at most. */
		private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {

			private final Instance instance;

			private Channel channel;

			private Report inFlight;

			Connection(Instance instance) {
				this.instance = instance;
			}

			@Override
			public void channelActive(ChannelHandlerContext ctx) {
				this.channel = ctx.channel();
				this.instance.idle.push(this);
				this.instance.pump();
			}

			void send(Report report) {
				this.inFlight = report;
				Sender.this.inFlight.incrementAndGet();
				report.sent = System.nanoTime();
				report.recordedAt = System.currentTimeMillis();
				// known before the request leaves, so a delivery that beats the answer finds it
				Sender.this.fanout.reports.put(key(report.phone, report.recordedAt), report);
				ByteBuf body = Unpooled.wrappedBuffer(body(report).getBytes(StandardCharsets.UTF_8));
				FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/graphql", body);
				http.headers()
					.set(HttpHeaderNames.HOST, this.instance.host)
					.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
					.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
					.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + Sender.this.fanout.phones[report.phone].token());
				this.channel.writeAndFlush(http);
			}

			@Override
			protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
				String body = response.content().toString(StandardCharsets.UTF_8);
				boolean accepted = response.status().code() == 200 && body.contains("\"accepted\":1");
				if (!accepted) {
					Sender.this.fanout.firstProblem.compareAndSet(null, "report answered " + response.status() + " " + body);
				}
				answered(accepted ? 1 : 0);
				if (HttpUtil.isKeepAlive(response)) {
					this.instance.idle.push(this);
				}
				else {
					ctx.close();
				}
				this.instance.pump();
			}

			private void answered(int outcome) {
				Report report = this.inFlight;
				if (report != null && !Sender.this.fanout.closed) {
					report.answered = System.nanoTime();
					report.accepted = outcome;
					this.inFlight = null;
					Sender.this.inFlight.decrementAndGet();
					finishIfDone();
				}
			}

			@Override
			public void channelInactive(ChannelHandlerContext ctx) {
				this.instance.opened--;
				this.instance.idle.remove(this);
				if (this.inFlight != null) {
					this.inFlight.answered = 0;
					Report report = this.inFlight;
					this.inFlight = null;
					report.accepted = -1;
					Sender.this.inFlight.decrementAndGet();
					finishIfDone();
				}
				this.instance.pump();
			}

			@Override
			public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
				ctx.close();
			}

		}

	}

	/**
	 * The CPU time both servers have used so far (from /proc, by the pids run.sh gives in
	 * {@code bench.server.pids}), or -1. Unlike latency, CPU per report hardly depends on what else the
	 * machine is doing.
	 */
	static long serversCpuNanos() {
		String pids = System.getProperty("bench.server.pids", "");
		if (pids.isEmpty()) {
			return -1;
		}
		long ticks = 0;
		try {
			for (String pid : pids.split(",")) {
				String stat = Files.readString(Path.of("/proc", pid, "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		// the kernel's clock ticks are 100 a second on Linux
		return ticks * 10_000_000L;
	}

	/** The CPU time this process has used so far, for the driver's own cost. */
	static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
