package org.qibao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qibao.bench.HttpDriver.Request;
import org.qibao.bench.LocationLoad.Result;

/**
 * The case board benchmark's driver. Grid workers, each with their own token, send the web
 * client's own queries (read from {@code web-client/src}): the case board screen's
 * {@code CaseBoard} (as it first opens: every stage, not only overdue) and the KPI screen's
 * {@code CaseKpisSixMonths} (the whole community, the last six months). Each run measures, for each
 * of the two, the field's cadence (every grid worker once every 15 s, the board's own refresh,
 * paced: latency counts from when a request was due) and all grid workers at once (a closed loop
 * with one connection per grid worker: the throughput). Before the runs, the SQL statements of one
 * request of each are counted on the server.
 *
 * <p>System properties: {@code bench.port}, {@code bench.statements.port}, {@code bench.district.file},
 * {@code bench.warmup.s} (60), {@code bench.phase.s} (30), {@code bench.runs} (3),
 * {@code bench.result} (a file for the JSON result, or none).
 */
public final class CaseboardLoad {

	/** The web client's board reads itself afresh every 15 s. */
	private static final int REFRESH_S = 15;

	private static final int PACED_CONNECTIONS = 128;

	private final String board = WebClientDocuments.operation("CaseBoard");

	private final String kpis = WebClientDocuments.operation("CaseKpisSixMonths");

	private final String community;

	private final String[] tokens;

	private final List<String> months = new ArrayList<>();

	private CaseboardLoad(Path district) throws Exception {
		List<String> lines = Files.readAllLines(district);
		this.community = lines.get(0);
		this.tokens = lines.subList(1, lines.size()).toArray(String[]::new);
		YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		for (int m = 5; m >= 0; m--) {
			this.months.add(now.minusMonths(m).toString());
		}
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.getInteger("bench.port");
		int statementsPort = Integer.getInteger("bench.statements.port");
		int warmup = Integer.getInteger("bench.warmup.s", 60);
		int phase = Integer.getInteger("bench.phase.s", 30);
		int runs = Integer.getInteger("bench.runs", 3);
		CaseboardLoad load = new CaseboardLoad(Path.of(System.getProperty("bench.district.file")));
		int workers = load.tokens.length;
		int fieldRate = Math.max(1, Math.round((float) workers / REFRESH_S));
		System.out.printf("%d grid workers; warm-up %d s; %d runs of 4 phases of %d s%n", workers, warmup, runs, phase);

		HttpDriver driver = new HttpDriver("127.0.0.1", port);
		driver.closedLoop("warm-up board", workers, Math.max(1, warmup / 2), load::board);
		driver.closedLoop("warm-up KPIs", workers, Math.max(1, warmup / 2), load::kpis);

		Statements statements = new Statements(port, statementsPort);
		int boardStatements = statements.of(load.board(0));
		int kpiStatements = statements.of(load.kpis(0));
		System.out.printf("SQL statements per request: board %d, KPIs of six months %d%n", boardStatements, kpiStatements);

		List<String> jsonRuns = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			System.out.println("--- run " + run + " of " + runs);
			Result boardField = driver.fixedRate("board, every worker every 15 s", fieldRate, PACED_CONNECTIONS, phase,
					load::board);
			Result boardAll = driver.closedLoop("board, all " + workers + " at once", workers, phase, load::board);
			Result kpiField = driver.fixedRate("KPIs, every worker every 15 s", fieldRate, PACED_CONNECTIONS, phase,
					load::kpis);
			Result kpiAll = driver.closedLoop("KPIs, all " + workers + " at once", workers, phase, load::kpis);
			System.out.println(Result.HEADER);
			for (Result r : List.of(boardField, boardAll, kpiField, kpiAll)) {
				System.out.println(r);
			}
			double late = Math.max(boardField.waitPercentile(99), kpiField.waitPercentile(99));
			System.out.printf(Locale.ROOT,
					"board p99 at %d/s: %.1f ms (target < 50), %.0f/s with all at once (p99 %.1f ms); "
							+ "KPIs p99 at %d/s: %.1f ms (target < 50), %.0f/s with all at once (p99 %.1f ms); "
							+ "driver late p99 %.1f ms, its 1 ms clock over 10 ms late %d times%n",
					fieldRate, boardField.percentile(99), boardAll.perSecond(), boardAll.percentile(99), fieldRate,
					kpiField.percentile(99), kpiAll.perSecond(), kpiAll.percentile(99), late,
					boardField.lateTicks + kpiField.lateTicks);
			long errors = errors(boardField) + errors(boardAll) + errors(kpiField) + errors(kpiAll);
			jsonRuns.add(String.format(Locale.ROOT,
					"{\"board_p99_ms\": %.2f, \"board_tps\": %.1f, \"board_all_at_once_p99_ms\": %.2f, "
							+ "\"kpi_p99_ms\": %.2f, \"kpi_tps\": %.1f, \"kpi_all_at_once_p99_ms\": %.2f, "
							+ "\"driver_late_p99_ms\": %.2f, \"sql_statements_count\": %d, \"kpi_sql_statements_count\": %d, "
							+ "\"errors_count\": %d}",
					boardField.percentile(99), boardAll.perSecond(), boardAll.percentile(99), kpiField.percentile(99),
					kpiAll.perSecond(), kpiAll.percentile(99), late, boardStatements, kpiStatements, errors));
		}
		driver.close();
		String result = System.getProperty("bench.result", "");
		if (!result.isBlank()) {
			Files.writeString(Path.of(result), String.format(Locale.ROOT, """
					{"path": "case board and KPIs",
					 "workload": "%d grid workers, each with a board of %s cases, in a community of %s cases (bulk SQL); the web client's CaseBoard and CaseKpisSixMonths; p99 paced at every worker every 15 s (%d/s), tps with all %d at once",
					 "runs": [%s],
					 "targets": [{"figure": "board_p99_ms", "op": "<", "value": 50},
					             {"figure": "kpi_p99_ms", "op": "<", "value": 50},
					             {"figure": "sql_statements_count", "op": "<=", "value": 3},
					             {"figure": "kpi_sql_statements_count", "op": "<=", "value": 3}],
					 "notes": "sql_statements_count is the board request's statements (kpi_: the six-month KPI request's), counted on the server's request threads; the web client's board asks for the first 50 of the worker's cases. Server and driver share both cores (no pinning), as bench/location does."}
					""", workers, System.getProperty("bench.cases.per.grid", "100"),
					System.getProperty("bench.cases", "?"), fieldRate, workers, String.join(",\n  ", jsonRuns)));
		}
		System.exit(0);
	}

	/** The phase's failed requests, from its printed line (phase name, req/s, errors, ...). */
	static long errors(Result result) {
		String[] fields = result.toString().trim().split("\\s+");
		return Long.parseLong(fields[result.name.trim().split("\\s+").length + 1]);
	}

	private Request board(long i) {
		return new Request(this.tokens[(int) (i % this.tokens.length)], "{\"operationName\":\"CaseBoard\",\"query\":"
				+ WebClientDocuments.json(this.board) + ",\"variables\":{\"communityId\":\"" + this.community
				+ "\",\"stage\":null,\"overdueOnly\":false}}");
	}

	private Request kpis(long i) {
		StringBuilder variables = new StringBuilder("{\"communityId\":\"" + this.community + "\",\"gridId\":null");
		for (int m = 0; m < 6; m++) {
			variables.append(",\"m").append(m).append("\":\"").append(this.months.get(m)).append('"');
		}
		return new Request(this.tokens[(int) (i % this.tokens.length)], "{\"operationName\":\"CaseKpisSixMonths\",\"query\":"
				+ WebClientDocuments.json(this.kpis) + ",\"variables\":" + variables + "}}");
	}

	/** Counts what one request costs on the server: the fewest of five, one at a time. */
	private static final class Statements {

		private final HttpClient http = HttpClient.newHttpClient();

		private final int port;

		private final int statementsPort;

		Statements(int port, int statementsPort) {
			this.port = port;
			this.statementsPort = statementsPort;
		}

		int of(Request request) throws Exception {
			long fewest = Long.MAX_VALUE;
			for (int i = 0; i < 5; i++) {
				long before = count();
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + request.token())
					.POST(HttpRequest.BodyPublishers.ofString(request.body()))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
					throw new IllegalStateException("The request failed: " + response.statusCode() + " " + response.body());
				}
				fewest = Math.min(fewest, count() - before);
			}
			printLast((int) fewest);
			return (int) fewest;
		}

		/** Prints the last request's statements, as the server counted them. */
		private void printLast(int count) throws Exception {
			List<String> sql = List.of(this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.statementsPort + "/sql"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().split("\n"));
			System.out.println("  the last request's statements:");
			sql.subList(Math.max(0, sql.size() - count), sql.size())
				.forEach(s -> System.out.println("    " + (s.length() > 160 ? s.substring(0, 160) + "…" : s)));
		}

		private long count() throws Exception {
			return Long.parseLong(this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.statementsPort + "/statements"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().trim());
		}

	}

}
