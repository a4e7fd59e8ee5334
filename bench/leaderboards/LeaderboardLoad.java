package org.qibao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qibao.bench.HttpDriver.Request;
import org.qibao.bench.LocationLoad.Result;

/**
 * The leaderboards benchmark's driver. Each run first has the server rebuild every board of the
 * generated city (timed on the server: {@code rebuild_s}), then volunteers, each with their own
 * token, read the city's volunteer board with the web client's leaderboard query
 * ({@code CommunityBoard} from {@code web-client/src}, its scope set to CITY: the client's
 * leaderboard screen shows the community's board with that very selection, first 10), in turn
 * this week's, this month's and all time's: paced (latency counts from when a request was due),
 * then flat out (throughput). The client's own community board is measured flat out beside it.
 * Before the runs, the SQL statements of one page are counted on the server.
 *
 * <p>System properties: {@code bench.port}, {@code bench.statements.port}, {@code bench.city.file},
 * {@code bench.rate} (200 pages/s paced), {@code bench.concurrency} (32), {@code bench.warmup.s}
 * (60), {@code bench.phase.s} (30), {@code bench.runs} (3), {@code bench.result}.
 */
public final class LeaderboardLoad {

	private static final String[] PERIODS = { "WEEK", "MONTH", "ALL_TIME" };

	private static final int PACED_CONNECTIONS = 128;

	private static final java.util.regex.Pattern COMMUNITY_SCOPE = java.util.regex.Pattern.compile("scope:\\s*COMMUNITY");

	private final String communityBoard = WebClientDocuments.operation("CommunityBoard");

	private final String cityBoard;

	private final String city;

	private final String community;

	private final String[] tokens;

	private LeaderboardLoad(Path file) throws Exception {
		List<String> lines = Files.readAllLines(file);
		this.city = lines.get(0);
		this.community = lines.get(1);
		this.tokens = lines.subList(2, lines.size()).toArray(String[]::new);
		// the city board is the community board's very query, scope CITY (printed compact or not)
		if (!COMMUNITY_SCOPE.matcher(this.communityBoard).find()) {
			throw new IllegalStateException("The web client's board query changed: " + this.communityBoard);
		}
		this.cityBoard = COMMUNITY_SCOPE.matcher(this.communityBoard).replaceFirst("scope: CITY");
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.getInteger("bench.port");
		int statementsPort = Integer.getInteger("bench.statements.port");
		int rate = Integer.getInteger("bench.rate", 200);
		int concurrency = Integer.getInteger("bench.concurrency", 32);
		int warmup = Integer.getInteger("bench.warmup.s", 60);
		int phase = Integer.getInteger("bench.phase.s", 30);
		int runs = Integer.getInteger("bench.runs", 3);
		int volunteers = Integer.getInteger("bench.volunteers", 112_000);
		LeaderboardLoad load = new LeaderboardLoad(Path.of(System.getProperty("bench.city.file")));
		Side side = new Side(port, statementsPort);

		String[] first = side.get("/rebuild").split(" ");
		System.out.printf(Locale.ROOT, "first rebuild (not counted): %s s, %s volunteers on the city's board%n", first[0],
				first[1]);
		HttpDriver driver = new HttpDriver("127.0.0.1", port);
		driver.closedLoop("warm-up city board", concurrency, Math.max(1, warmup * 2 / 3), load::cityPage);
		driver.closedLoop("warm-up community board", concurrency, Math.max(1, warmup / 3), load::communityPage);
		int statements = side.statementsOf(load.cityPage(2));
		int communityStatements = side.statementsOf(load.communityPage(2));
		System.out.printf("SQL statements per page: city board %d, community board %d%n", statements, communityStatements);

		List<String> jsonRuns = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			System.out.println("--- run " + run + " of " + runs);
			String[] rebuilt = side.get("/rebuild").split(" ");
			double rebuildSeconds = Double.parseDouble(rebuilt[0]);
			int onBoard = Integer.parseInt(rebuilt[1]);
			Result paced = driver.fixedRate("city board at " + rate + "/s", rate, PACED_CONNECTIONS, phase, load::cityPage);
			Result flat = driver.closedLoop("city board, " + concurrency + " at once", concurrency, phase, load::cityPage);
			Result communityFlat = driver.closedLoop("community board, " + concurrency + " at once", concurrency, phase,
					load::communityPage);
			System.out.println(Result.HEADER);
			for (Result r : List.of(paced, flat, communityFlat)) {
				System.out.println(r);
			}
			System.out.printf(Locale.ROOT,
					"rebuild %.1f s = %.0f volunteers/s (%d on the city's board); city page p99 at %d/s: %.2f ms "
							+ "(target < 20), %.0f pages/s flat out (p99 %.1f ms); community page %.0f/s; "
							+ "driver late p99 %.1f ms, its 1 ms clock over 10 ms late %d times%n",
					rebuildSeconds, onBoard / rebuildSeconds, onBoard, rate, paced.percentile(99), flat.perSecond(),
					flat.percentile(99), communityFlat.perSecond(), paced.waitPercentile(99), paced.lateTicks);
			long errors = CaseboardLoad.errors(paced) + CaseboardLoad.errors(flat) + CaseboardLoad.errors(communityFlat);
			jsonRuns.add(String.format(Locale.ROOT,
					"{\"p99_ms\": %.2f, \"tps\": %.1f, \"flat_out_p99_ms\": %.2f, \"community_tps\": %.1f, "
							+ "\"rebuild_s\": %.2f, \"volunteers_per_s\": %.0f, \"driver_late_p99_ms\": %.2f, "
							+ "\"sql_statements_count\": %d, \"errors_count\": %d}",
					paced.percentile(99), flat.perSecond(), flat.percentile(99), communityFlat.perSecond(), rebuildSeconds,
					onBoard / rebuildSeconds, paced.waitPercentile(99), statements, errors));
		}
		driver.close();
		System.out.println(side.get("/remove"));
		String result = System.getProperty("bench.result", "");
		if (!result.isBlank()) {
			Files.writeString(Path.of(result), String.format(Locale.ROOT, """
					{"path": "leaderboards",
					 "workload": "a city of %d volunteers (26 points entries each, bulk SQL); the city's volunteer board, first 10, this week / month / all time in turn, with the web client's leaderboard query (scope CITY); p99 paced at %d pages/s, tps with %d at once; then the full rebuild of the city's boards",
					 "runs": [%s],
					 "targets": [{"figure": "p99_ms", "op": "<", "value": 20},
					             {"figure": "sql_statements_count", "op": "<=", "value": 2}],
					 "notes": "Ranks and points come from Redis; sql_statements_count is what one page costs on the server's request threads (the page's names and hidden-name flags, constant in board and page size; no statement reads points). rebuild_s is Leaderboards.rebuildCity on the server, as leaderboardRebuild runs it, timed there. Server and driver share both cores (no pinning), as bench/location does."}
					""", volunteers, rate, concurrency, String.join(",\n  ", jsonRuns)));
		}
		System.exit(0);
	}

	private Request cityPage(long i) {
		return page(this.cityBoard, this.city, i);
	}

	private Request communityPage(long i) {
		return page(this.communityBoard, this.community, i);
	}

	private Request page(String document, String place, long i) {
		return new Request(this.tokens[(int) (i % this.tokens.length)], "{\"operationName\":\"CommunityBoard\",\"query\":"
				+ WebClientDocuments.json(document) + ",\"variables\":{\"subject\":\"VOLUNTEERS\",\"placeId\":\"" + place
				+ "\",\"period\":\"" + PERIODS[(int) (i % PERIODS.length)] + "\"}}");
	}

	/** The server's side port: its statement count and bench actions. */
	private static final class Side {

		private final HttpClient http = HttpClient.newHttpClient();

		private final int port;

		private final int statementsPort;

		Side(int port, int statementsPort) {
			this.port = port;
			this.statementsPort = statementsPort;
		}

		String get(String path) throws Exception {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.statementsPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + ": " + response.body());
			}
			return response.body().trim();
		}

		/** The fewest statements of five such requests, one at a time. */
		int statementsOf(Request request) throws Exception {
			long fewest = Long.MAX_VALUE;
			for (int i = 0; i < 5; i++) {
				long before = Long.parseLong(get("/statements"));
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
							.header("Content-Type", "application/json")
							.header("Authorization", "Bearer " + request.token())
							.POST(HttpRequest.BodyPublishers.ofString(request.body()))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException("The request failed: " + response.statusCode() + " " + response.body());
				}
				fewest = Math.min(fewest, Long.parseLong(get("/statements")) - before);
			}
			List<String> sql = List.of(get("/sql").split("\n"));
			System.out.println("  the last request's statements:");
			sql.subList(Math.max(0, sql.size() - (int) fewest), sql.size())
				.forEach(s -> System.out.println("    " + (s.length() > 160 ? s.substring(0, 160) + "…" : s)));
			return (int) fewest;
		}

	}

}
