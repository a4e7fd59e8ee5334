package org.qibao.pair;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qibao.pair.Pair.Person;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.pair.Pair.a;
import static org.qibao.pair.Pair.b;

/** A grid worker's screens subscribed on one instance, fed by what phones send to the other. */
@EnabledIfSystemProperty(named = Pair.URLS, matches = ".+")
class LiveUpdatesAcrossInstancesPairTests {

	private static final String LIVE_MAP = """
			subscription($community: ID!, $grid: ID) { livePatrollerUpdates(communityId: $community, gridId: $grid) {
			  left patroller { checkInId account { displayName } grid { code } } } }""";

	private static final String CASE_UPDATES = """
			subscription($community: ID!) { caseUpdates(communityId: $community) {
			  id stage version description grid { code } } }""";

	private static final String REPORT = """
			mutation($input: PositionReportInput!) { positionReport(input: $input) { accepted userErrors { code } } }""";

	private static final String CASE_REPORT = """
			mutation($input: CaseReportInput!) { caseReport(input: $input) { case { id version } userErrors { code message } } }""";

	private static final String CASE_ACCEPT = """
			mutation($input: CaseStepInput!) { caseAccept(input: $input) { case { id stage } userErrors { code message } } }""";

	@Test
	void theLiveMapOnOneInstanceSeesAPatrollerReportingToTheOtherMoveAndLeave() throws Exception {
		Person volunteer = Pair.invitedVolunteer("跨实例巡逻");
		String shift = Pair.shiftOnNow(b());
		String checkIn = Pair.signedUpAndCheckedIn(volunteer, shift, b(), b());
		try (PairSocket map = PairSocket.signedIn(a(), Pair.demoToken(a(), Pair.GRID_WORKER))) {
			map.subscribe("map", LIVE_MAP, Map.of("community", Pair.community(), "grid", Pair.grid("DT-01")));
			JsonNode moved = null;
			// a subscription has no acknowledgement of being listened to: the phone reports until it is seen
			for (int step = 0; step < 20 && moved == null; step++) {
				Pair.withToken(b(), volunteer.token()).document(REPORT).variable("input", position(step)).execute()
					.path("positionReport.userErrors").entityList(Object.class).hasSize(0);
				moved = seen(map, checkIn, false);
			}
			assertThat(moved).as("a move reported on the other instance").isNotNull();
			assertThat(moved.path("patroller").path("account").path("displayName").asString()).isEqualTo("跨实例巡逻");
			assertThat(moved.path("patroller").path("grid").path("code").asString()).isEqualTo("DT-01");

			Pair.must(volunteer.on(b()), Pair.CHECK_OUT, "shiftCheckOut", Pair.onTheSpot(shift));
			JsonNode left = map.nextEvent("map", update -> update.path("livePatrollerUpdates").path("left").asBoolean()
					&& checkIn.equals(update.path("livePatrollerUpdates").path("patroller").path("checkInId").asString()));
			assertThat(left.path("livePatrollerUpdates").path("patroller").path("account").path("displayName").asString())
				.isEqualTo("跨实例巡逻");
		}
	}

	@Test
	void theCaseBoardOnOneInstanceSeesACaseReportedAndAcceptedOnTheOther() throws Exception {
		Person reporter = Pair.invitedVolunteer("跨实例上报");
		String gridWorkerOnB = Pair.demoToken(b(), Pair.GRID_WORKER);
		try (PairSocket board = PairSocket.signedIn(a(), Pair.demoToken(a(), Pair.GRID_WORKER))) {
			board.subscribe("board", CASE_UPDATES, Map.of("community", Pair.community()));
			Map<?, ?> gridCase = null;
			JsonNode arrived = null;
			// a subscription has no acknowledgement of being listened to: reports until one is seen
			for (int attempt = 0; attempt < 5 && arrived == null; attempt++) {
				String description = "楼道堆物 " + UUID.randomUUID();
				gridCase = (Map<?, ?>) Pair.must(reporter.on(b()), CASE_REPORT, "caseReport",
						Map.of("reportId", UUID.randomUUID().toString(), "categoryId", category(reporter), "description",
								description, "position", Pair.IN_DT01))
					.get("case");
				String reported = (String) gridCase.get("id");
				arrived = board.nextEventWithin("board", java.time.Duration.ofSeconds(3),
						update -> reported.equals(update.path("caseUpdates").path("id").asString())).orElse(null);
				if (arrived != null) {
					assertThat(arrived.path("caseUpdates").path("description").asString()).isEqualTo(description);
				}
			}
			assertThat(arrived).as("a case reported on the other instance").isNotNull();
			String caseId = (String) gridCase.get("id");
			assertThat(arrived.path("caseUpdates").path("stage").asString()).isEqualTo("REPORTED");
			assertThat(arrived.path("caseUpdates").path("grid").path("code").asString()).isEqualTo("DT-01");

			Pair.must(Pair.withToken(b(), gridWorkerOnB), CASE_ACCEPT, "caseAccept",
					Map.of("caseId", caseId, "expectedVersion", gridCase.get("version")));
			JsonNode accepted = board.nextEvent("board", update -> caseId.equals(update.path("caseUpdates").path("id").asString())
					&& "ACCEPTED".equals(update.path("caseUpdates").path("stage").asString()));
			assertThat(accepted.path("caseUpdates").path("version").asInt()).isGreaterThan((Integer) gridCase.get("version"));
		}
	}

	/** The update of this check-in, if one came within a moment. */
	private static JsonNode seen(PairSocket map, String checkIn, boolean left) {
		try {
			return map.nextEventWithin("map", java.time.Duration.ofMillis(500),
					update -> checkIn.equals(update.path("livePatrollerUpdates").path("patroller").path("checkInId").asString())
							&& update.path("livePatrollerUpdates").path("left").asBoolean() == left)
				.map(update -> update.path("livePatrollerUpdates"))
				.orElse(null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A few metres further east at each step, recorded now. */
	private static Map<String, Object> position(int step) {
		double longitude = (Double) Pair.IN_DT01.get("longitude") + step * 0.00002;
		return Map.of("position", Map.of("longitude", longitude, "latitude", Pair.IN_DT01.get("latitude")), "accuracy",
				8.0, "recordedAt", Instant.now().toString());
	}

	static String category(Person reporter) {
		List<String> ids = reporter.on(a()).document("query($c: ID!) { caseCategories(communityId: $c) { id } }")
			.variable("c", Pair.community())
			.execute()
			.path("caseCategories[*].id")
			.entityList(String.class)
			.get();
		assertThat(ids).as("Dongting's case categories").isNotEmpty();
		return ids.get(0);
	}

}
