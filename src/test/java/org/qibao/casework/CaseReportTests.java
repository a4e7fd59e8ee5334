package org.qibao.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.errorCode;
import static org.qibao.casework.CaseFixtures.report;
import static org.qibao.casework.CaseFixtures.reportInput;

/** A volunteer reports an incident from the phone: one case per report, in the right grid, or a clear refusal. */
@QibaoTest
class CaseReportTests {

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
	void aReportLandsInTheGridItsPositionLiesInAndReachesTheGridWorkersStage() {
		Person volunteer = this.fixtures.volunteer("肖建国");
		Map<String, Object> input = reportInput(this.fixtures.category(volunteer.client(), "fire-hazard"),
				"  楼道堆放杂物，堵塞消防通道  ", CaseFixtures.IN_DT01);
		String first = this.fixtures.uploadedPhoto(volunteer);
		String second = this.fixtures.uploadedPhoto(volunteer);
		input.put("photoIds", List.of(first, second));

		Map<String, Object> created = caseOf(report(volunteer, input));

		assertThat(created).containsEntry("stage", "REPORTED").containsEntry("version", 1)
			.containsEntry("description", "楼道堆放杂物，堵塞消防通道").containsEntry("overdue", false);
		assertThat(created.get("grid")).isEqualTo(Map.of("code", "DT-01"));
		assertThat(created.get("reporter")).isEqualTo(Map.of("displayName", "肖建国"));
		assertThat(created.get("lastEvent")).isEqualTo(Map.of("kind", "REPORTED"));
		assertThat(created.get("photos").toString()).contains(first, second, "/api/casework/photos/");
		assertThat(Instant.parse(created.get("dueAt").toString()))
			.isCloseTo(Instant.now().plus(15, ChronoUnit.MINUTES), org.assertj.core.api.Assertions.within(2, ChronoUnit.MINUTES));
	}

	@Test
	void aReportOutsideEveryGridIsKeptWithoutAGridForTheCommunitysGridWorkers() {
		Person volunteer = this.fixtures.volunteer("李桂芳");
		Map<String, Object> created = caseOf(report(volunteer,
				reportInput(this.fixtures.category(volunteer.client(), "other"), "路口井盖松动", CaseFixtures.OUTSIDE_GRIDS)));

		assertThat(created.get("grid")).isNull();
		assertThat(created).containsEntry("stage", "REPORTED");
	}

	@Test
	void aReportQueuedOfflineAndSentManyTimesAtOnceMakesOneCase() throws Exception {
		Person volunteer = this.fixtures.volunteer("张德胜");
		Map<String, Object> input = reportInput(this.fixtures.category(volunteer.client(), "theft"), "电动车被盗",
				CaseFixtures.IN_DT01);
		input.put("reportedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString());

		List<Map<String, Object>> answers = Bursts.race(8, i -> () -> report(volunteer, input));

		assertThat(answers).allSatisfy(answer -> assertThat(errorCode(answer)).isNull());
		assertThat(answers.stream().map(a -> caseOf(a).get("id")).distinct()).hasSize(1);
		long caseKey = GlobalId.keyOf(caseOf(answers.get(0)).get("id").toString(), "Case");
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", volunteer.account().id()))
			.isEqualTo(1);
		assertThat(this.fixtures.count("SELECT count(*) FROM case_event WHERE case_id = ?", caseKey)).isEqualTo(1);
	}

	@Test
	void aPhotoSomeoneElseUploadedOrOneAlreadyAttachedIsRefusedAndNoCaseIsMade() {
		Person volunteer = this.fixtures.volunteer("刘玉珍");
		Person neighbour = this.fixtures.volunteer("邻居");
		String category = this.fixtures.category(volunteer.client(), "other");
		Map<String, Object> theirs = reportInput(category, "别人的照片", CaseFixtures.IN_DT01);
		theirs.put("photoIds", List.of(this.fixtures.uploadedPhoto(neighbour)));
		Map<String, Object> notAnId = reportInput(category, "不是照片编号", CaseFixtures.IN_DT01);
		notAnId.put("photoIds", List.of("photo-1"));
		String own = this.fixtures.uploadedPhoto(volunteer);
		Map<String, Object> firstUse = reportInput(category, "第一次用", CaseFixtures.IN_DT01);
		firstUse.put("photoIds", List.of(own));
		caseOf(report(volunteer, firstUse));
		Map<String, Object> secondUse = reportInput(category, "第二次用", CaseFixtures.IN_DT01);
		secondUse.put("photoIds", List.of(own));

		assertThat(errorCode(report(volunteer, theirs))).isEqualTo("PHOTO_NOT_FOUND");
		assertThat(errorCode(report(volunteer, notAnId))).isEqualTo("PHOTO_NOT_FOUND");
		assertThat(errorCode(report(volunteer, secondUse))).isEqualTo("PHOTO_NOT_FOUND");
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", volunteer.account().id()))
			.isEqualTo(1);
	}

	@Test
	void theSameReportIdForADifferentReportIsRefused() {
		Person volunteer = this.fixtures.volunteer("刘玉珍");
		Map<String, Object> input = reportInput(this.fixtures.category(volunteer.client(), "dispute"), "邻居争吵",
				CaseFixtures.IN_DT01);
		caseOf(report(volunteer, input));
		input.put("description", "另一件事");

		assertThat(errorCode(report(volunteer, input))).isEqualTo("REPORT_ID_REUSED");
	}

	@Test
	void badReportsAreRefusedWithAClearErrorAndChangeNothing() {
		Person volunteer = this.fixtures.volunteer("陈志强");
		String category = this.fixtures.category(volunteer.client(), "other");
		Map<String, Object> empty = reportInput(category, "   ", CaseFixtures.IN_DT01);
		Map<String, Object> tooLong = reportInput(category, "长".repeat(10_000), CaseFixtures.IN_DT01);
		Map<String, Object> swapped = reportInput(category, "坐标反了", Map.of("longitude", 30.5675, "latitude", 114.3530));
		Map<String, Object> far = reportInput(category, "太远", Map.of("longitude", 116.40, "latitude", 39.90));
		Map<String, Object> future = reportInput(category, "未来", CaseFixtures.IN_DT01);
		future.put("reportedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
		Map<String, Object> unknown = reportInput(GlobalId.encode("CaseCategory", 999_999_999), "未知类别",
				CaseFixtures.IN_DT01);
		Map<String, Object> badId = reportInput(category, "编号太短", CaseFixtures.IN_DT01);
		badId.put("reportId", "x");

		assertThat(errorCode(report(volunteer, empty))).isEqualTo("INVALID_TEXT");
		assertThat(errorCode(report(volunteer, tooLong))).isEqualTo("INVALID_TEXT");
		assertThat(errorCode(report(volunteer, swapped))).isEqualTo("COORDINATES_SWAPPED");
		assertThat(errorCode(report(volunteer, far))).isEqualTo("OUTSIDE_COMMUNITY");
		assertThat(errorCode(report(volunteer, future))).isEqualTo("INVALID_REPORTED_AT");
		assertThat(errorCode(report(volunteer, unknown))).isEqualTo("CATEGORY_NOT_FOUND");
		assertThat(errorCode(report(volunteer, badId))).isEqualTo("INVALID_REPORT_ID");
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", volunteer.account().id()))
			.isZero();
	}

	@Test
	void fivePhotosAreRefusedBeforeAnythingRuns() {
		Person volunteer = this.fixtures.volunteer("王秀英");
		Map<String, Object> input = reportInput(this.fixtures.category(volunteer.client(), "other"), "五张照片",
				CaseFixtures.IN_DT01);
		input.put("photoIds", List.of("a", "b", "c", "d", "e"));

		volunteer.client().document(CaseFixtures.REPORT).variable("input", input).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", volunteer.account().id()))
			.isZero();
	}

	@Test
	void aBurstOfReportsBeyondTheHourlyLimitMakesOnlyTheAllowedThirty() throws Exception {
		CaseFixtures.Neighbourhood place = this.fixtures.neighbourhood();
		Person volunteer = this.fixtures.of(place, "连发", org.qibao.identity.Role.VOLUNTEER);
		String category = this.fixtures.category(volunteer.client(), place.id(), "other");

		List<org.springframework.graphql.test.tester.GraphQlTester.Response> responses = Bursts.race(33,
				i -> () -> volunteer.client().document(CaseFixtures.REPORT)
					.variable("input", reportInput(category, "连发第 " + i + " 条", CaseFixtures.Neighbourhood.IN_GRID))
					.execute());

		assertThat(responses.stream().filter(CaseReportTests::limited).count()).isEqualTo(3);
		assertThat(this.fixtures.count("SELECT count(*) FROM grid_case WHERE reporter_id = ?", volunteer.account().id()))
			.isEqualTo(30);
	}

	private static boolean limited(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
		boolean[] limited = new boolean[1];
		response.errors().satisfy(errors -> limited[0] = errors.stream()
			.anyMatch(e -> "TOO_MANY_REQUESTS".equals(e.getExtensions().get("classification"))));
		return limited[0];
	}

	@Test
	void someoneWhoIsNotOfTheCommunityCannotReport() {
		Person stranger = this.fixtures.person("路人");
		Map<String, Object> input = reportInput(this.fixtures.category(stranger.client(), "other"), "路过看到",
				CaseFixtures.IN_DT01);

		assertThat(errorCode(report(stranger, input))).isEqualTo("NOT_A_VOLUNTEER");
	}

}
