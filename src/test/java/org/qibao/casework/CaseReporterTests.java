package org.qibao.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.errorCode;
import static org.qibao.casework.CaseFixtures.payload;
import static org.qibao.casework.CaseFixtures.plainStep;
import static org.qibao.casework.CaseFixtures.report;
import static org.qibao.casework.CaseFixtures.reportInput;

/** The reporter's side: nearby open cases before reporting, adding to one, and "my reports" with their clocks. */
@QibaoTest
class CaseReporterTests {

	private static final String INFO_ADD = """
			mutation($input: CaseInfoAddInput!) { caseInfoAdd(input: $input) { case { id lastEvent { kind note } }
			  userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private CaseFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new CaseFixtures(this.context, this.port);
	}

	@Test
	void beforeReportingANeighbourSeesTheOpenCaseOfTheSameCategoryNearbyAndAddsToItInstead() {
		Person first = this.fixtures.volunteer("肖建国");
		Person neighbour = this.fixtures.volunteer("李桂芳");
		String category = this.fixtures.category(first.client(), "traffic-hazard");
		Map<String, Object> input = reportInput(category, "红绿灯坏了", Map.of("longitude", 114.3541, "latitude", 30.5661));
		input.put("anonymous", true);
		Map<String, Object> existing = caseOf(report(first, input));

		List<Map<String, Object>> suggested = neighbour.client().document("""
				query($c: ID!, $p: GeoPointInput!) { caseDuplicateSuggestions(categoryId: $c, position: $p) {
				  id description reporter { displayName } } }""")
			.variable("c", category)
			.variable("p", Map.of("longitude", 114.3543, "latitude", 30.5662))
			.execute()
			.path("caseDuplicateSuggestions")
			.entityList(Map.class)
			.get()
			.stream()
			.map(c -> (Map<String, Object>) c)
			.toList();
		assertThat(suggested).extracting(c -> c.get("id")).contains(existing.get("id"));
		assertThat(suggested.stream().filter(c -> c.get("id").equals(existing.get("id"))).findFirst().orElseThrow())
			.containsEntry("reporter", null);

		Map<String, Object> added = payload(neighbour.client(), INFO_ADD,
				Map.of("caseId", existing.get("id"), "note", "我也看到了，路口很危险"), "caseInfoAdd");

		assertThat(errorCode(added)).isNull();
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", neighbour.account().id()))
			.isZero();
		first.client().document("{ myCaseNotifications { nodes { kind stage } } }").execute()
			.path("myCaseNotifications.nodes[0].kind").entity(String.class).isEqualTo("INFO_ADDED");
	}

	@Test
	void nothingCanBeAddedToAClosedOrRejectedCase() {
		Person reporter = this.fixtures.volunteer("张德胜");
		Person gridWorker = this.fixtures.gridWorker("网格员", "DT-01");
		Map<String, Object> c = this.fixtures.reported(reporter, "误报");
		Map<String, Object> input = new java.util.HashMap<>(Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"),
				"rejection", "INVALID", "reason", "误报"));
		caseOf(CaseFixtures.step(gridWorker, "caseReject", "CaseRejectInput", input));

		assertThat(errorCode(payload(reporter.client(), INFO_ADD, Map.of("caseId", c.get("id"), "note", "补充"), "caseInfoAdd")))
			.isEqualTo("CASE_NOT_OPEN");
		assertThat(errorCode(payload(reporter.client(), INFO_ADD, Map.of("caseId", c.get("id"), "note", "长".repeat(1001)),
				"caseInfoAdd"))).isEqualTo("INVALID_TEXT");
	}

	@Test
	void myReportsShowEachCasesStageAndClockAndAnOverdueOneAsOverdue() {
		Person reporter = this.fixtures.volunteer("刘玉珍");
		Person gridWorker = this.fixtures.gridWorker("网格员", "DT-01");
		Map<String, Object> late = reportInput(this.fixtures.category(reporter.client(), "fire-hazard"), "灭火器过期",
				CaseFixtures.IN_DT01);
		late.put("reportedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
		caseOf(report(reporter, late));
		Map<String, Object> accepted = caseOf(plainStep(gridWorker, "caseAccept", this.fixtures.reported(reporter, "路面塌陷"), null));

		List<Map<String, Object>> mine = reporter.client()
			.document("{ myCaseReports(first: 10) { totalCount pageInfo { hasNextPage } nodes { id stage dueAt overdue description } } }")
			.execute()
			.path("myCaseReports.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(c -> (Map<String, Object>) c)
			.toList();

		assertThat(mine).hasSize(2);
		assertThat(mine.get(0)).containsEntry("id", accepted.get("id")).containsEntry("stage", "ACCEPTED")
			.containsEntry("overdue", false);
		assertThat(Instant.parse(mine.get(0).get("dueAt").toString())).isAfter(Instant.now().plus(6, ChronoUnit.DAYS));
		assertThat(mine.get(1)).containsEntry("stage", "REPORTED").containsEntry("overdue", true);
	}

}
