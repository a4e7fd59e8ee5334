package org.qibao.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What one request may ask for: bounded lists, a cost that counts page sizes, and errors that never echo a large input back. */
@QibaoTest
class RequestLimitsTests {

	private static final String SHIFT_CREATE = """
			mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id } userErrors { code } } }""";

	private static final String HEAVY = """
			{ communities(first: %d) { nodes { id name timeZone teams { id name isMember upcomingShifts { id }
			  members { id displayName roles { role scopeName } } captains { id displayName } grids { id name code } } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aShiftWithTooManyCheckpointsIsRefusedBeforeAnythingRuns() {
		HttpGraphQlTester captain = Clients.signedIn(this.port, Clients.CAPTAIN_PHONE);
		String teamId = captain.document("{ myTeams { id grids { id } } }").execute().path("myTeams[0].id").entity(String.class).get();
		String gridId = captain.document("{ myTeams { grids { id } } }").execute().path("myTeams[0].grids[0].id").entity(String.class).get();
		int shiftsBefore = shifts();
		Instant start = Instant.now().plus(Duration.ofDays(2));
		Map<String, Object> checkpoint = Map.of("name", "门口", "position", Map.of("longitude", 114.353, "latitude", 30.567));
		Map<String, Object> input = Map.of("teamId", teamId, "gridIds", List.of(gridId), "startsAt", start.toString(),
				"endsAt", start.plus(Duration.ofHours(2)).toString(), "minPatrollers", 1, "maxPatrollers", 3,
				"checkpoints", Collections.nCopies(10_000, checkpoint));
		refused(captain.document(SHIFT_CREATE).variable("input", input).execute(), "shiftCreate.input.checkpoints", "10000", "50");
		Map<String, Object> tooManyGrids = new java.util.HashMap<>(input);
		tooManyGrids.put("checkpoints", List.of(checkpoint));
		tooManyGrids.put("gridIds", Collections.nCopies(21, gridId));
		refused(captain.document(SHIFT_CREATE).variable("input", tooManyGrids).execute(), "shiftCreate.input.gridIds", "21", "20");
		assertThat(shifts()).isEqualTo(shiftsBefore);
	}

	@Test
	void nodesTakesAtMostAHundredIdsWrittenInTheDocumentOrGivenAsAVariable() {
		List<String> ids = IntStream.rangeClosed(1, 101).mapToObj(key -> GlobalId.encode("Grid", key)).toList();
		refused(Clients.anonymous(this.port).document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }").variable("ids", ids)
			.execute(), "nodes.ids", "101", "100");
		String literal = ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + ", " + b).orElseThrow();
		refused(Clients.anonymous(this.port).document("{ nodes(ids: [" + literal + "]) { id } }").execute(), "nodes.ids");
	}

	@Test
	void anInvalidIdIsNeverEchoedBackWhole() {
		String huge = "A".repeat(100_000);
		String body = post(Map.of("query", "query($id: ID!) { node(id: $id) { id } }", "variables", Map.of("id", huge)))
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("BAD_REQUEST").contains("Not a valid ID");
		assertThat(body.length()).isLessThan(1_000);
	}

	@Test
	void noErrorQuotesALargeInputBackWhole() {
		String body = post(Map.of("query", "{ " + "a".repeat(50_000) + " }")).expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(body).contains("ValidationError").contains("aaaa");
		assertThat(body.length()).isLessThan(1_000);
	}

	@Test
	void theCostOfAPageScalesWithItsSizeAndEveryAnswerSaysWhatItCost() {
		post(Map.of("query", "{ communities(first: 100) { nodes { id name } } }")).expectBody()
			.jsonPath("$.extensions.cost.requested").isEqualTo(202)
			.jsonPath("$.extensions.cost.limit").isEqualTo(2000);
		post(Map.of("query", HEAVY.formatted(1))).expectBody()
			.jsonPath("$.errors").doesNotExist()
			.jsonPath("$.extensions.cost.requested").isEqualTo(24);
		post(Map.of("query", HEAVY.formatted(100))).expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("QUERY_TOO_COMPLEX")
			.jsonPath("$.extensions.cost.requested").isEqualTo(2202);
	}

	@Test
	void aPageSizeGivenAsAVariableIsCountedForEachRequest() {
		String query = "query($n: Int) " + HEAVY.formatted(0).replace("first: 0", "first: $n");
		post(Map.of("query", query, "variables", Map.of("n", 1))).expectBody().jsonPath("$.extensions.cost.requested").isEqualTo(24);
		post(Map.of("query", query, "variables", Map.of("n", 100))).expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("QUERY_TOO_COMPLEX");
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return Clients.http(this.port).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private int shifts() {
		return this.jdbc.sql("SELECT count(*) FROM shift").query(Integer.class).single();
	}

	private static void refused(GraphQlTester.Response response, String... mentions) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
			assertThat(error.getMessage()).contains(mentions);
		}));
	}

}
